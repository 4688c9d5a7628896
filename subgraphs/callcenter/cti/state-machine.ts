/**
 * The call state rules, in one place. A call's row is recomputed from its full event
 * history every time an event of it arrives: events sorted by timestamp (then sequence),
 * folded from nothing. That makes application idempotent (a duplicate changes nothing)
 * and order-tolerant (a late event lands where it belongs in time).
 *
 * Rules:
 * - OFFERED (or TRANSFERRED naming this call as the new leg) starts the call: RINGING.
 *   It never reopens a call that has ended; it only fills what is still unknown.
 * - ANSWERED: RINGING → CONNECTED, sets `answeredAt` and the agent. After the end it
 *   still fills `answeredAt` (and the agent) but does not reopen.
 * - HELD / RESUMED: CONNECTED ⇄ ON_HOLD; hold time is summed over completed holds.
 * - TRANSFERRED naming this call as the parent: the leg ends there (disposition TRANSFERRED).
 * - ENDED / ABANDONED: the call ends: WRAP_UP when an agent answered, else ENDED.
 * - WRAP_UP_DONE: WRAP_UP → ENDED (wrap-up time = done − ended).
 * - The silence expiry (`events/call-expiry.ts`) appends an ENDED with disconnect reason
 *   `SILENCE_EXPIRED_REASON` for a call whose end never came: it ends the call straight
 *   away (no wrap-up) with disposition EXPIRED. A real ENDED or ABANDONED arriving later
 *   replaces it (the call ends as it really did); other late events do not reopen it.
 *   (For a call stuck in WRAP_UP the expiry appends a WRAP_UP_DONE: a normal one.)
 * Seconds: wait = answered (or ended) − started; talk = ended − answered − hold;
 * disposition once ended: TRANSFERRED, ANSWERED, VOICEMAIL (disconnect reason), ABANDONED
 * (ABANDONED event or the caller hung up), else MISSED when it rang at an agent, else ABANDONED;
 * EXPIRED (after TRANSFERRED) when the silence expiry ended it.
 */
import type { CallDisposition, CallRecord, CallState } from '../source/records.js';
import type { CallEventType, CtiEvent } from './event.js';

/** The disconnect reason of the ENDED event the silence expiry appends (never sent by a vendor). */
export const SILENCE_EXPIRED_REASON = 'SWITCHBOARD_SILENCE_EXPIRED';

const TYPE_RANK: Record<CallEventType, number> = {
  OFFERED: 0, TRANSFERRED: 1, ANSWERED: 2, HELD: 3, RESUMED: 4, ENDED: 5, ABANDONED: 5, WRAP_UP_DONE: 6,
};

const CALLER_HANGUP = /^(CUSTOMER|CALLER)_?(DISCONNECT|HANGUP|HUNG_UP|ABANDON)/i;
const VOICEMAIL = /VOICEMAIL/i;

/** States in which a call is going on (ringing, talking, on hold, in wrap-up). */
export const ACTIVE_STATES: readonly CallState[] = ['RINGING', 'CONNECTED', 'ON_HOLD', 'WRAP_UP'];
/** States in which the agent is busy with the call. */
export const AGENT_BUSY_STATES: readonly CallState[] = ['CONNECTED', 'ON_HOLD', 'WRAP_UP'];

/** Timestamp, then sequence, then the natural order of types, then id: a total order. */
export function compareEvents(a: CtiEvent, b: CtiEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.sequence !== null && b.sequence !== null && a.sequence !== b.sequence) return a.sequence - b.sequence;
  if (a.type !== b.type) return TYPE_RANK[a.type] - TYPE_RANK[b.type];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const seconds = (from: string | null, to: string | null) =>
  from === null || to === null ? 0 : Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** What the fold may fall back on for fields no event carries. */
export interface FoldContext {
  /** The call's current row (seeded or from earlier events): numbers and recording are kept. */
  existing?: CallRecord | null;
  /** For a transferred leg, the leg it came from: numbers and direction are inherited. */
  parent?: CallRecord | null;
}

/**
 * The call `callId` after `events`: its own events (`callId` = this call) and the
 * TRANSFERRED events that name it as `parentCallId`. `null` when it has no own event and no row.
 */
export function foldCall(callId: string, events: readonly CtiEvent[], context: FoldContext = {}): CallRecord | null {
  const existing = context.existing ?? null;
  const sorted = [...events].sort(compareEvents);
  const own = sorted.filter((e) => e.callId === callId);
  if (own.length === 0 && !existing) return null;

  let state: CallState | null = null;
  let startedAt: string | null = null;
  let answeredAt: string | null = null;
  let endedAt: string | null = null;
  let wrapUpDoneAt: string | null = null;
  let holdStartedAt: string | null = null;
  let holdSeconds = 0;
  let transferred = false;
  let abandonedEvent = false;
  let expired = false;
  let disconnectReason: string | null = null;
  let agentId: string | null = null;
  let queueId: string | null = null;
  let parentCallId: string | null = null;
  let from: string | null = null;
  let to: string | null = null;
  let direction: CallRecord['direction'] | null = null;
  const finished = () => state === 'WRAP_UP' || state === 'ENDED';
  const endHold = (at: string) => {
    if (holdStartedAt !== null) holdSeconds += seconds(holdStartedAt, at);
    holdStartedAt = null;
  };

  for (const event of sorted) {
    if (event.callId !== callId) {
      // A TRANSFERRED event naming this call as the parent: this leg ends here.
      if (event.type !== 'TRANSFERRED' || event.parentCallId !== callId) continue;
      transferred = true;
      if (state !== null && !finished()) {
        endHold(event.at);
        endedAt = event.at;
        state = answeredAt !== null && agentId !== null ? 'WRAP_UP' : 'ENDED';
      }
      continue;
    }
    from ??= event.from;
    to ??= event.to;
    direction ??= event.direction;
    queueId = event.queueId ?? queueId;
    if (event.parentCallId !== null && (event.type === 'TRANSFERRED' || event.type === 'OFFERED')) parentCallId ??= event.parentCallId;
    startedAt ??= event.at;
    switch (event.type) {
      case 'OFFERED':
      case 'TRANSFERRED':
        if (state === null) state = 'RINGING';
        if (answeredAt === null && event.agentId !== null) agentId = event.agentId;
        break;
      case 'ANSWERED':
        answeredAt ??= event.at;
        if (!finished() || agentId === null) agentId = event.agentId ?? agentId;
        if (state === null || state === 'RINGING') state = 'CONNECTED';
        break;
      case 'HELD':
        if (state === 'CONNECTED') {
          state = 'ON_HOLD';
          holdStartedAt = event.at;
        }
        break;
      case 'RESUMED':
        if (state === 'ON_HOLD') {
          endHold(event.at);
          state = 'CONNECTED';
        }
        break;
      case 'ENDED':
      case 'ABANDONED':
        if (event.type === 'ENDED' && event.disconnectReason === SILENCE_EXPIRED_REASON) {
          if (!finished()) {
            endHold(event.at);
            endedAt = event.at;
            expired = true;
            state = 'ENDED';
          }
          break;
        }
        if (expired) {
          // The real end, after the expiry: it replaces the expiry's.
          expired = false;
          endedAt = event.at;
          state = 'RINGING';
        }
        disconnectReason ??= event.disconnectReason;
        agentId ??= event.agentId;
        if (!finished()) {
          endHold(event.at);
          endedAt = event.at;
          abandonedEvent = event.type === 'ABANDONED';
          state = answeredAt !== null && agentId !== null && event.type === 'ENDED' ? 'WRAP_UP' : 'ENDED';
        }
        break;
      case 'WRAP_UP_DONE':
        agentId ??= event.agentId;
        if (state === 'WRAP_UP') {
          state = 'ENDED';
          wrapUpDoneAt = event.at;
        }
        break;
    }
  }

  const parent = context.parent ?? null;
  direction ??= existing?.direction ?? parent?.direction ?? 'INBOUND';
  from ??= existing?.from ?? parent?.from ?? null;
  to ??= existing?.to ?? parent?.to ?? null;
  agentId ??= existing?.agentId ?? null;
  queueId ??= existing?.queueId ?? null;
  parentCallId ??= existing?.parentCallId ?? null;
  const finalState: CallState = state ?? existing?.state ?? 'RINGING';
  const start = startedAt ?? existing?.startedAt ?? endedAt ?? new Date(0).toISOString();

  let disposition: CallDisposition | null = null;
  if (finalState === 'WRAP_UP' || finalState === 'ENDED') {
    if (transferred) disposition = 'TRANSFERRED';
    else if (expired) disposition = 'EXPIRED';
    else if (answeredAt !== null) disposition = 'ANSWERED';
    else if (disconnectReason !== null && VOICEMAIL.test(disconnectReason)) disposition = 'VOICEMAIL';
    else if (abandonedEvent || (disconnectReason !== null && CALLER_HANGUP.test(disconnectReason))) disposition = 'ABANDONED';
    else disposition = agentId !== null ? 'MISSED' : 'ABANDONED';
    if (state === null) disposition = existing?.disposition ?? disposition;
  }
  const customerNumber = direction === 'INBOUND' ? from : to;
  return {
    id: callId,
    direction,
    from,
    to,
    customerNumber: customerNumber === '' ? null : customerNumber,
    state: finalState,
    queueId,
    agentId,
    parentCallId,
    startedAt: start,
    answeredAt,
    endedAt,
    waitSeconds: seconds(start, answeredAt ?? endedAt),
    talkSeconds: answeredAt !== null && endedAt !== null ? Math.max(0, seconds(answeredAt, endedAt) - holdSeconds) : 0,
    holdSeconds,
    wrapUpSeconds: seconds(endedAt, wrapUpDoneAt),
    disposition,
    recordingRef: existing?.recordingRef ?? null,
    recordingSeconds: existing?.recordingSeconds ?? null,
  };
}
