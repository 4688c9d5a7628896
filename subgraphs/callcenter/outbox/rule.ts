/**
 * Which outbox rows an ended call gets, in one place: a CALL_LOG for every ended call with
 * a customer-side number, and a CALLBACK_TICKET for an inbound call whose disposition and
 * queue the callback rule names. What is snapshotted of the call for the delivery.
 */
import type { CallRecord } from '../source/records.js';
import type { OutboxKind } from './tables.js';

export interface CallbackRule {
  /** Dispositions that make a callback ticket (`CALLBACK_DISPOSITIONS`). */
  dispositions: readonly string[];
  /** Queues whose calls do; empty: every queue, and calls without one (`CALLBACK_QUEUES`). */
  queues: readonly string[];
}

/** The call as the dispatcher delivers it (stored as JSON with the row). */
export interface OutboxPayload {
  callId: string;
  /** The customer-side number (E.164): `from` inbound, `to` outbound. */
  customerNumber: string;
  direction: CallRecord['direction'];
  startedAt: string;
  endedAt: string;
  /** Talk + hold seconds, as the seeded call logs count it. */
  durationSeconds: number;
  waitSeconds: number;
  agentId: string | null;
  queueId: string | null;
  disposition: string;
  recordingRef: string | null;
}

/** A call has ended for logging once its disposition is known (state WRAP_UP or ENDED). */
export function hasEnded(call: CallRecord): call is CallRecord & { endedAt: string; disposition: NonNullable<CallRecord['disposition']> } {
  return call.endedAt !== null && call.disposition !== null;
}

export function needsCallback(call: CallRecord, rule: CallbackRule): boolean {
  if (call.direction !== 'INBOUND' || call.disposition === null) return false;
  if (!rule.dispositions.includes(call.disposition)) return false;
  return rule.queues.length === 0 || (call.queueId !== null && rule.queues.includes(call.queueId));
}

/** The rows `call` gets (none while it is going on, or without a customer-side number). */
export function outboxKindsFor(call: CallRecord, rule: CallbackRule): OutboxKind[] {
  if (!hasEnded(call) || call.customerNumber === null) return [];
  return needsCallback(call, rule) ? ['CALL_LOG', 'CALLBACK_TICKET'] : ['CALL_LOG'];
}

export function payloadOf(call: CallRecord): OutboxPayload {
  if (!hasEnded(call) || call.customerNumber === null) throw new Error(`call ${call.id} has not ended or has no customer-side number`);
  return {
    callId: call.id,
    customerNumber: call.customerNumber,
    direction: call.direction,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    durationSeconds: call.talkSeconds + call.holdSeconds,
    waitSeconds: call.waitSeconds,
    agentId: call.agentId,
    queueId: call.queueId,
    disposition: call.disposition,
    recordingRef: call.recordingRef,
  };
}
