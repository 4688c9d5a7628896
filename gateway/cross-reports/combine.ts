/**
 * The rules of the cross-system reports (docs/reporting.md, "Questions across systems") as
 * pure functions of each system's part; `reporter.ts` fetches the parts. A system that did
 * not answer is a `GraphQLError` in place of its figures: the field resolvers throw it at the
 * field's path, so only what needs that system is null.
 */
import type { GraphQLError } from 'graphql';
import { switchboardError } from '../../schema/errors.js';
import type { ReasonCount } from '../../subgraphs/shared/reporting/customer-windows.js';
import { compareTiers } from '../../subgraphs/shared/reporting/tiers.js';
import type { ChurnRule } from '../../subgraphs/shared/reporting/churn-rules.js';

/** A figure, or the error of the system it comes from. */
export type Figure = number | GraphQLError;

export interface ReasonParts {
  calls: ReasonCount[] | GraphQLError;
  tickets: ReasonCount[] | GraphQLError;
  conversations: ReasonCount[] | GraphQLError;
}

export interface ContactReasonRow {
  tier: string | null;
  reason: string | null;
  calls: Figure;
  tickets: Figure;
  conversations: Figure;
  total: Figure;
}

const SYSTEM_OF: Record<keyof ReasonParts, string> = { calls: 'callcenter', tickets: 'tickets', conversations: 'crm' };

function isError(value: unknown): value is GraphQLError {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'extensions' in value;
}

const keyOf = (tier: string | null, reason: string | null) => JSON.stringify([tier, reason]);

/**
 * One row per (tier, reason) found in any part that answered, with each system's count (0 when
 * that system has none for the pair; its error when it did not answer) and the total (an
 * error when any system is missing). `tier`: keep only that tier. Order: tier (PLATINUM,
 * GOLD, SILVER, STANDARD, others, unknown last), then the larger sum of the counts present,
 * then reason (none last).
 */
export function combineReasons(parts: ReasonParts, tier: string | null): ContactReasonRow[] {
  const rows = new Map<string, { tier: string | null; reason: string | null; counts: Record<keyof ReasonParts, number> }>();
  for (const system of ['calls', 'tickets', 'conversations'] as const) {
    const part = parts[system];
    if (isError(part)) continue;
    for (const count of part) {
      if (tier !== null && count.tier !== tier) continue;
      const key = keyOf(count.tier, count.reason);
      let row = rows.get(key);
      if (!row) {
        row = { tier: count.tier, reason: count.reason, counts: { calls: 0, tickets: 0, conversations: 0 } };
        rows.set(key, row);
      }
      row.counts[system] += count.count;
    }
  }
  const missing = (['calls', 'tickets', 'conversations'] as const).filter((system) => isError(parts[system]));
  const totalError =
    missing.length === 0
      ? null
      : switchboardError('SUBGRAPH_UNAVAILABLE', `The total needs every system; ${missing.map((s) => SYSTEM_OF[s]).join(' and ')} did not answer.`, {
          system: SYSTEM_OF[missing[0]!],
          systems: missing.map((s) => SYSTEM_OF[s]),
        });
  const sum = (counts: Record<keyof ReasonParts, number>) => counts.calls + counts.tickets + counts.conversations;
  return [...rows.values()]
    .sort((a, b) => compareTiers(a.tier, b.tier) || sum(b.counts) - sum(a.counts) || (a.reason === null ? 1 : 0) - (b.reason === null ? 1 : 0) || String(a.reason).localeCompare(String(b.reason)))
    .map((row) => ({
      tier: row.tier,
      reason: row.reason,
      calls: isError(parts.calls) ? parts.calls : row.counts.calls,
      tickets: isError(parts.tickets) ? parts.tickets : row.counts.tickets,
      conversations: isError(parts.conversations) ? parts.conversations : row.counts.conversations,
      total: totalError ?? sum(row.counts),
    }));
}

/** The CRM's churned customer (its `churnedCustomers` part; the rules: subgraphs/crm/reports/cross-system.ts). */
export interface ChurnedPart {
  customerId: string;
  tier: string;
  rule: ChurnRule;
  /** Last order (not CANCELLED) before `churnedAt`; null when none. */
  lastOrderAt: string | null;
  churnedAt: string;
  windowStart: string;
  conversations: number;
}

export interface CallJourneyPart {
  customerId: string;
  contacts: number;
  calls: number;
  abandoned: number;
}

export interface TicketJourneyPart {
  customerId: string;
  created: number;
  openAtEnd: number;
  slaBreached: number;
}

export interface ChurnJourneyRow extends ChurnedPart {
  contacts: Figure;
  calls: Figure;
  abandonedContacts: Figure;
  ticketsCreated: Figure;
  openTickets: Figure;
  slaBreaches: Figure;
}

/** Each churned customer with the call center's and the ticket system's figures of their window (parts in the same order). */
export function combineJourneys(churned: readonly ChurnedPart[], calls: readonly CallJourneyPart[] | GraphQLError, tickets: readonly TicketJourneyPart[] | GraphQLError): ChurnJourneyRow[] {
  return churned.map((customer, index) => {
    const call = isError(calls) ? calls : calls[index];
    const ticket = isError(tickets) ? tickets : tickets[index];
    const figure = <T>(part: T | GraphQLError | undefined, value: (part: T) => number): Figure => (part === undefined ? 0 : isError(part) ? part : value(part as T));
    return {
      ...customer,
      contacts: figure(call, (c: CallJourneyPart) => c.contacts),
      calls: figure(call, (c: CallJourneyPart) => c.calls),
      abandonedContacts: figure(call, (c: CallJourneyPart) => c.abandoned),
      ticketsCreated: figure(ticket, (t: TicketJourneyPart) => t.created),
      openTickets: figure(ticket, (t: TicketJourneyPart) => t.openAtEnd),
      slaBreaches: figure(ticket, (t: TicketJourneyPart) => t.slaBreached),
    };
  });
}
