/**
 * The customer status rules every adapter of the CRM port shares (docs/reporting.md, "Journey
 * before churn", reads the history): what a reason may be, what a change is, and how a
 * source that keeps no status answers. The embedded store keeps the status and its history;
 * the connectors (`hubspot/`, `sql-mapped/`) read none from the systems they connect to (no
 * documented equivalent there), so they report every customer `ACTIVE` and refuse to set one
 * or read its history with FORBIDDEN, `extensions.reason: "SOURCE_NOT_SUPPORTED"`.
 */
import type { GraphQLError } from 'graphql';
import { badUserInput, switchboardError } from '../../../schema/errors.js';
import type { CustomerStatus, CustomerStatusChangeRecord } from './records.js';
import { runtimeId } from './validation.js';

/** The status of a new customer, of every customer a migration found, and of every customer a connector reads. */
export const DEFAULT_CUSTOMER_STATUS: CustomerStatus = 'ACTIVE';
/** Longest accepted status `reason`, in characters (after trimming). */
export const MAX_STATUS_REASON_LENGTH = 500;

/** The trimmed reason, null when absent or blank; BAD_USER_INPUT (`reason`) when longer than `MAX_STATUS_REASON_LENGTH`. */
export function statusReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (text.length > MAX_STATUS_REASON_LENGTH) {
    throw badUserInput(`\`reason\` must be at most ${MAX_STATUS_REASON_LENGTH} characters.`, { argumentName: 'reason' });
  }
  return text === '' ? null : text;
}

/** A new change record `from` → `to` (never equal: setting the same status again writes nothing), at now. */
export function statusChange(customerId: string, from: CustomerStatus, to: CustomerStatus, changedBy: string, reason: string | null): CustomerStatusChangeRecord {
  return { id: runtimeId('csc'), customerId, at: new Date().toISOString(), from, to, changedBy: changedBy.trim() || 'anonymous', reason };
}

/** What `setStatus` did: the customer as it is now, and the change written (null: it already had that status). */
export interface StatusOutcome<C> {
  customer: C;
  change: CustomerStatusChangeRecord | null;
}

/** FORBIDDEN (`SOURCE_NOT_SUPPORTED`) for a connector to `system`, which keeps no customer status Switchboard can read or write. */
export function statusNotKept(system: string): GraphQLError {
  return switchboardError(
    'FORBIDDEN',
    `The customer status and its history are kept by Switchboard's embedded CRM store only; ${system} has no documented equivalent, so this CRM subgraph reports every customer ACTIVE and changes none.`,
    { reason: 'SOURCE_NOT_SUPPORTED' },
  );
}
