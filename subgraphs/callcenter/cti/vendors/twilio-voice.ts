/**
 * Twilio Programmable Voice status callbacks: form-encoded POSTs to the call's
 * `StatusCallback` URL, signed with `X-Twilio-Signature`.
 * Sources: https://www.twilio.com/docs/voice/twiml/dial#statuscallbackevent and
 * https://www.twilio.com/docs/voice/api/call-resource#statuscallback (parameters `CallSid`,
 * `ParentCallSid`, `From`, `To`, `Direction` inbound | outbound-api | outbound-dial,
 * `CallStatus` queued | initiated | ringing | in-progress | completed | busy | no-answer |
 * canceled | failed, `Timestamp` (RFC 2822), `SequenceNumber`, `CallbackSource`), and
 * https://www.twilio.com/docs/usage/webhooks/voice-webhooks.
 *
 * A Twilio call (`inbound`, or `outbound-api` placed by the contact center) is one call here.
 * Its `<Dial>` child legs (`outbound-dial` with a `ParentCallSid`) are the agent's (or a
 * forwarded number's) side of that same call, not calls of their own: their `ringing` is an
 * OFFERED of the parent at that agent and their `in-progress` the parent's ANSWERED. The agent
 * id is the Twilio Client identity of the child's `To` (`client:alice` → `alice`).
 * Inbound: queued/initiated/ringing/in-progress → OFFERED (in-progress of an inbound call only
 * means Twilio picked up to run TwiML), completed → ENDED, busy/no-answer/failed/canceled →
 * ENDED with that status as disconnect reason. Outbound: in-progress → ANSWERED.
 * Twilio Voice has no after-call work: `completed` also brings WRAP_UP_DONE at the same
 * instant, so the agent is free again (with TaskRouter, its wrap-up is then not measured).
 */
import { required, type CtiAdapter } from '../adapter.js';
import { normaliseInstant, type AcceptedEvent, type CallEventType, type IgnoredCounts } from '../event.js';
import { countUnknownKeys, pick, pickString, type Json } from '../keys.js';
import { ctiNumber } from '../numbers.js';

/** Documented status-callback parameters (others are counted as unknown fields). */
const FIELDS = [
  'AccountSid', 'ApiVersion', 'CallSid', 'ParentCallSid', 'CallStatus', 'Called', 'CalledCity', 'CalledCountry', 'CalledState', 'CalledZip',
  'Caller', 'CallerCity', 'CallerCountry', 'CallerState', 'CallerZip', 'CallerName', 'CallToken', 'Direction', 'ForwardedFrom', 'From',
  'FromCity', 'FromCountry', 'FromState', 'FromZip', 'To', 'ToCity', 'ToCountry', 'ToState', 'ToZip', 'Timestamp', 'SequenceNumber',
  'CallbackSource', 'CallDuration', 'Duration', 'SipResponseCode', 'RecordingUrl', 'RecordingSid', 'RecordingDuration', 'AnsweredBy',
  'StirVerstat', 'StirPassportToken', 'MachineDetectionDuration', 'DialCallStatus', 'DialCallSid', 'DialCallDuration', 'QueueTime',
];
const ENDED_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);
const STARTED_STATUSES = new Set(['queued', 'initiated', 'ringing']);

/** The Twilio Client identity in `client:alice`, or null for a phone number or SIP address. */
export function clientIdentity(address: string | null): string | null {
  const match = /^client:(.+)$/i.exec(address ?? '');
  return match ? match[1]! : null;
}

/** Maps one status callback (see the module comment); throws `InvalidItemError` when `CallSid`, `CallStatus` or `Timestamp` is missing. */
export function mapTwilioVoiceCallback(item: Json, ignored: IgnoredCounts): AcceptedEvent[] {
  ignored.unknownFields += countUnknownKeys(item, FIELDS);
  const callSid = required(pickString(item, 'CallSid'), '`CallSid`');
  const status = required(pickString(item, 'CallStatus'), '`CallStatus`').toLowerCase();
  const at = required(normaliseInstant(pick(item, 'Timestamp')), '`Timestamp` (sent with StatusCallbackEvent callbacks)');
  const twilioDirection = pickString(item, 'Direction')?.toLowerCase() ?? 'inbound';
  const parentSid = pickString(item, 'ParentCallSid');
  const sequenceText = pickString(item, 'SequenceNumber');
  const sequence = sequenceText !== null && /^\d+$/.test(sequenceText) ? Number(sequenceText) : null;
  const id = `twilio:${callSid}:${status}:${sequenceText ?? ''}`;
  const base = { source: 'twilio-voice' as const, raw: item };

  if (twilioDirection === 'outbound-dial' && parentSid !== null) {
    // The agent's leg of the parent call.
    const agentId = clientIdentity(pickString(item, 'To'));
    let type: CallEventType;
    if (STARTED_STATUSES.has(status)) type = 'OFFERED';
    else if (status === 'in-progress') type = 'ANSWERED';
    else {
      ignored.unknownTypes += 1;
      return [];
    }
    return [{ ...base, event: { id, callId: parentSid, parentCallId: null, type, at, sequence: null, from: null, to: null, direction: null, queueId: null, agentId, disconnectReason: null } }];
  }

  const outbound = twilioDirection.startsWith('outbound');
  let type: CallEventType;
  let disconnectReason: string | null = null;
  if (STARTED_STATUSES.has(status)) type = 'OFFERED';
  else if (status === 'in-progress') type = outbound ? 'ANSWERED' : 'OFFERED';
  else if (ENDED_STATUSES.has(status)) {
    type = 'ENDED';
    disconnectReason = status === 'completed' ? null : status.toUpperCase().replace('-', '_');
  } else {
    ignored.unknownTypes += 1;
    return [];
  }
  const event: AcceptedEvent = {
    ...base,
    event: {
      id,
      callId: callSid,
      parentCallId: null,
      type,
      at,
      sequence,
      // An agent's browser or app (`client:alice`) is no phone number: not counted as invalid.
      from: ctiNumber(pick(item, 'From'), clientIdentity(pickString(item, 'From')) ? undefined : ignored),
      to: ctiNumber(pick(item, 'To'), clientIdentity(pickString(item, 'To')) ? undefined : ignored),
      direction: outbound ? 'OUTBOUND' : 'INBOUND',
      queueId: null,
      agentId: outbound ? clientIdentity(pickString(item, 'From')) : null,
      disconnectReason,
    },
  };
  if (status !== 'completed') return [event];
  return [event, { ...base, event: { ...event.event, id: `${id}:wrap-up-done`, type: 'WRAP_UP_DONE', disconnectReason: null } }];
}

export const twilioVoiceAdapter: CtiAdapter = {
  source: 'twilio-voice',
  label: 'Twilio Voice status callback',
  body: 'form',
  auth: ['twilio', 'switchboard-hmac'],
  matches: (item) => pick(item, 'CallSid') !== undefined && pick(item, 'EventType') === undefined,
  map: (item, ignored) => mapTwilioVoiceCallback(item, ignored),
};
