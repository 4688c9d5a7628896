/**
 * The record-level rule (docs/authorization.md, "Record-level access"), in one place: which
 * customers an agent or supervisor sees in full. The CRM decides it per customer and
 * exposes the verdict as `Customer.recordAccess`; the call center and the ticket system
 * receive that verdict in the entity representation (`@requires`) and refuse their
 * customer fields for a MINIMAL customer with the same error.
 */
import { switchboardError } from './errors.js';
import { hasRecordRestriction, type Viewer } from './viewer.js';

export type RecordAccess = 'FULL' | 'MINIMAL';

/** The Customer fields a MINIMAL customer still has: enough to greet and serve a caller. */
export const MINIMAL_CUSTOMER_FIELDS: ReadonlySet<string> = new Set(['id', 'displayName', 'tier', 'status', 'phones', 'lastContactAt', 'recordAccess']);

export interface CustomerAccessFacts {
  id: string;
  /** The team of the customer's account owner; null without an owner. */
  ownerTeam: string | null;
  /** All of the customer's numbers, in E.164. */
  phoneNumbers: readonly string[];
}

/**
 * Agents and supervisors: FULL for customers owned by their team, customers they serve
 * right now (`viewer.related`: requesters of their open tickets, callers on their active
 * calls, by any of the customer's numbers); MINIMAL otherwise. Every other role: FULL
 * (their scopes limit them).
 */
export function customerRecordAccess(viewer: Viewer, customer: CustomerAccessFacts): RecordAccess {
  if (!hasRecordRestriction(viewer)) return 'FULL';
  if (viewer.team !== null && customer.ownerTeam === viewer.team) return 'FULL';
  const related = viewer.related;
  if (related?.customerIds.includes(customer.id)) return 'FULL';
  if (related && customer.phoneNumbers.some((number) => related.phoneNumbers.includes(number))) return 'FULL';
  return 'MINIMAL';
}

/**
 * The verdict carried in a Customer representation another subgraph receives. A restricted
 * viewer without a verdict (a request that did not come through the gateway's plan) is
 * treated as MINIMAL: the rule fails closed.
 */
export function representationRecordAccess(viewer: Viewer, representation: object): RecordAccess {
  if (!hasRecordRestriction(viewer)) return 'FULL';
  return (representation as { recordAccess?: unknown }).recordAccess === 'FULL' ? 'FULL' : 'MINIMAL';
}

/** The error of a field refused by the record-level rule; `coordinate` is `Customer.<field>`. */
export function recordRestricted(coordinate: string, customerId: string) {
  return switchboardError(
    'FORBIDDEN',
    `Not allowed to read ${coordinate} of customer ${customerId}: the customer belongs to another team and is not on one of your calls or open tickets.`,
    { reason: 'RECORD_RESTRICTED', field: coordinate, customerId },
  );
}
