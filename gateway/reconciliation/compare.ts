/**
 * The reconciliation rule (docs/reporting.md, "Reconciliation"), as a pure function of the
 * three systems' parts: the call center's ended calls with their outbox rows, the CRM's
 * CALL_LOG activities by call id, the ticket system's callback tickets by call id.
 */

/** A call-log outbox row as the call center reports it. */
export interface OutboxRowPart {
  status: string;
  outcome: string | null;
  customerId: string | null;
  resultRef: string | null;
}

/** One ended call (the call center's `reconciliationCalls`). */
export interface CallPart {
  callId: string;
  callLog: OutboxRowPart | null;
  callback: OutboxRowPart | null;
}

export type ReconciliationReason =
  | 'OUTBOX_PENDING'
  | 'REJECTED'
  | 'CUSTOMER_UNKNOWN'
  | 'AMBIGUOUS'
  | 'MISSING_CALL_LOG'
  | 'DUPLICATE_CALL_LOG'
  | 'MISSING_CALLBACK_TICKET';

export interface Difference {
  callId: string;
  reason: ReconciliationReason;
  customerId: string | null;
  activityIds: string[];
  ticketNumbers: string[];
}

/** What the call center alone decides: how many calls ended, how many are expected to have a log. */
export interface CallCounts {
  callsEnded: number;
  expectedCallLogs: number;
}

export interface Comparison {
  /** Expected calls without any difference. */
  agreeing: number;
  /** agreeing / expectedCallLogs; 1 when none was expected. */
  agreementRate: number;
  differences: Difference[];
}

/** A call is expected to have a call log unless the outbox found no single customer for its number. */
function expectsLog(call: CallPart): boolean {
  return call.callLog?.outcome !== 'NO_CUSTOMER' && call.callLog?.outcome !== 'AMBIGUOUS';
}

export function countCalls(calls: readonly CallPart[]): CallCounts {
  return { callsEnded: calls.length, expectedCallLogs: calls.filter(expectsLog).length };
}

/**
 * Every difference of every call, by call id in the calls' order:
 * - call log: no row queued → agrees with exactly one CRM activity, DUPLICATE_CALL_LOG with
 *   more, OUTBOX_PENDING with none; PENDING → OUTBOX_PENDING; FAILED → REJECTED; NO_CUSTOMER →
 *   CUSTOMER_UNKNOWN; AMBIGUOUS → AMBIGUOUS (neither counts as expected); LOGGED with no
 *   CRM activity → MISSING_CALL_LOG, with more than one → DUPLICATE_CALL_LOG;
 * - callback (only for calls the rule gave one): PENDING → OUTBOX_PENDING; FAILED → REJECTED;
 *   TICKET_CREATED with no ticket under its idempotency key → MISSING_CALLBACK_TICKET.
 */
export function compare(calls: readonly CallPart[], activitiesByCall: ReadonlyMap<string, string[]>, ticketsByCall: ReadonlyMap<string, string[]>): Comparison {
  const differences: Difference[] = [];
  let agreeing = 0;
  let expected = 0;
  for (const call of calls) {
    const activityIds = activitiesByCall.get(call.callId) ?? [];
    const ticketNumbers = ticketsByCall.get(call.callId) ?? [];
    const customerId = call.callLog?.customerId ?? call.callback?.customerId ?? null;
    const reasons: ReconciliationReason[] = [];
    const log = call.callLog;
    if (!log) {
      // No row queued (yet, or a call loaded before the outbox existed): the CRM alone decides.
      if (activityIds.length === 0) reasons.push('OUTBOX_PENDING');
      else if (activityIds.length > 1) reasons.push('DUPLICATE_CALL_LOG');
    } else if (log.status === 'PENDING') reasons.push('OUTBOX_PENDING');
    else if (log.status === 'FAILED') reasons.push('REJECTED');
    else if (log.outcome === 'NO_CUSTOMER') reasons.push('CUSTOMER_UNKNOWN');
    else if (log.outcome === 'AMBIGUOUS') reasons.push('AMBIGUOUS');
    else if (activityIds.length === 0) reasons.push('MISSING_CALL_LOG');
    else if (activityIds.length > 1) reasons.push('DUPLICATE_CALL_LOG');
    const callback = call.callback;
    if (callback) {
      if (callback.status === 'PENDING') reasons.push('OUTBOX_PENDING');
      else if (callback.status === 'FAILED') reasons.push('REJECTED');
      else if (callback.outcome === 'TICKET_CREATED' && ticketNumbers.length === 0) reasons.push('MISSING_CALLBACK_TICKET');
    }
    for (const reason of [...new Set(reasons)]) differences.push({ callId: call.callId, reason, customerId, activityIds, ticketNumbers });
    if (expectsLog(call)) {
      expected += 1;
      if (reasons.length === 0) agreeing += 1;
    }
  }
  return { agreeing, agreementRate: expected === 0 ? 1 : agreeing / expected, differences };
}
