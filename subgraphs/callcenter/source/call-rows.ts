/**
 * `calls` rows ⇄ `CallRecord`: the one mapping, used by the store, the event store and the
 * outbox. (The reporting columns `customer_id`/`customer_tier` are added where calls are
 * seeded; live calls leave them alone.)
 */
import type { Insertable, Selectable } from 'kysely';
import type { CallRecord } from './records.js';
import type { CallsTable } from './tables.js';
import { isErasedNumber } from '../privacy/erased-number.js';

/**
 * `to_number` is NOT NULL in databases created before the called number became optional;
 * an unknown called number is stored as '' (never a valid E.164 number) and read back as null.
 */
const NO_NUMBER = '';

export function callFromRow(row: Selectable<CallsTable>): CallRecord {
  return {
    id: row.id,
    direction: row.direction,
    from: row.from_number,
    to: row.to_number === NO_NUMBER ? null : row.to_number,
    // An erased customer's pseudonym groups their calls in reports; it is no number (docs/privacy.md).
    customerNumber: isErasedNumber(row.customer_number) ? null : row.customer_number,
    state: row.state,
    queueId: row.queue_id,
    agentId: row.agent_id,
    parentCallId: row.parent_call_id,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    waitSeconds: Number(row.wait_seconds),
    talkSeconds: Number(row.talk_seconds),
    holdSeconds: Number(row.hold_seconds),
    wrapUpSeconds: Number(row.wrap_up_seconds),
    disposition: row.disposition,
    recordingRef: row.recording_ref,
    recordingSeconds: row.recording_seconds === null ? null : Number(row.recording_seconds),
  };
}

export function callToRow(call: CallRecord): Insertable<CallsTable> {
  return {
    id: call.id,
    direction: call.direction,
    from_number: call.from,
    to_number: call.to ?? NO_NUMBER,
    customer_number: call.customerNumber,
    state: call.state,
    queue_id: call.queueId,
    agent_id: call.agentId,
    parent_call_id: call.parentCallId,
    started_at: call.startedAt,
    answered_at: call.answeredAt,
    ended_at: call.endedAt,
    wait_seconds: call.waitSeconds,
    talk_seconds: call.talkSeconds,
    hold_seconds: call.holdSeconds,
    wrap_up_seconds: call.wrapUpSeconds,
    disposition: call.disposition,
    recording_ref: call.recordingRef,
    recording_seconds: call.recordingSeconds,
  };
}
