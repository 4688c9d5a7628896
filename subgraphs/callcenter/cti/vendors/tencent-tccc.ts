/**
 * Tencent Cloud Contact Center (腾讯云联络中心, TCCC) data push of call records: one JSON CDR
 * per call, POSTed after it ends to the configured URL with `?action=cdr&version=1`
 * (`action=record` and voicemail pushes carry recordings, not call state, and are ignored).
 * Sources: https://cloud.tencent.com/document/product/679/67257 (电话 CDR 数据推送: SdkAppId,
 * SessionId, Caller, Callee, Direction 0 呼入 / 1 呼出, StartTimestamp, QueuedTimestamp,
 * RingTimestamp, AcceptTimestamp, EndedTimestamp (unix seconds), SeatUser, HungUpSide
 * user | seat, EndStatusString, QueuedSkillGroupId, ServeParticipants) and
 * https://cloud.tencent.com/document/product/679/67256 (数据推送前置说明: authentication
 * none / basicAuth / OAuth 2.0, retries up to 3 times unless the answer's `ErrCode` is 0,
 * `X-TCCC-PUSH-UUID` identifies a push).
 *
 * A CDR becomes the call's history: OFFERED at StartTimestamp (in the queued skill group),
 * ANSWERED at AcceptTimestamp by the seat (when answered), ENDED at EndedTimestamp (HungUpSide
 * user → CUSTOMER_DISCONNECT, seat → AGENT_DISCONNECT) and, since the CDR is final and carries
 * no after-call work, WRAP_UP_DONE at the same instant. Event ids derive from SessionId, so a
 * re-pushed CDR is a duplicate. Transfers inside the session (ServeParticipants) are not
 * split into legs: the last seat is the call's agent.
 */
import { required, type CtiAdapter } from '../adapter.js';
import { normaliseInstant, type AcceptedEvent, type CallEventType, type CtiEvent, type IgnoredCounts } from '../event.js';
import { countUnknownKeys, pick, pickObject, pickString, type Json } from '../keys.js';
import { ctiNumber } from '../numbers.js';

const FIELDS = [
  'SdkAppId', 'SessionId', 'Caller', 'Callee', 'Direction', 'CallType', 'Duration', 'SeatUser', 'CallerLocation', 'IVRDuration',
  'RingTimestamp', 'AcceptTimestamp', 'EndedTimestamp', 'StartTimestamp', 'IVRKeyPressed', 'IVRKeyPressedEx', 'HungUpSide',
  'ServeParticipants', 'EndStatusString', 'QueuedTimestamp', 'PostIVRKeyPressed', 'QueuedSkillGroupName', 'QueuedSkillGroupId',
  'RecordId', 'RecordURL', 'CustomRecordURL', 'EndStatus', 'VoicemailRecordURL', 'VoicemailAsrURL', 'AsrURL', 'Remark', 'Uui',
  'ProtectedCaller', 'ProtectedCallee', 'HangUpReason', 'Timestamp', 'EndpointUser',
];

/** A unix-seconds field, or null when absent or 0 (TCCC sends 0 for "did not happen"). */
function instant(item: Json, key: string): string | null {
  const value = pick(item, key);
  if (value === undefined || value === null || value === 0 || value === '0' || value === '') return null;
  return normaliseInstant(value);
}

/** Maps one CDR (see the module comment); throws `InvalidItemError` when `SessionId`, `StartTimestamp` or `EndedTimestamp` is missing. */
export function mapTencentCdr(item: Json, ignored: IgnoredCounts, query: URLSearchParams): AcceptedEvent[] {
  const action = (query.get('action') ?? 'cdr').toLowerCase();
  if (action !== 'cdr') {
    ignored.unknownTypes += 1;
    return [];
  }
  ignored.unknownFields += countUnknownKeys(item, FIELDS);
  const sessionId = required(pickString(item, 'SessionId'), '`SessionId`');
  const startedAt = required(instant(item, 'StartTimestamp'), '`StartTimestamp`');
  const endedAt = required(instant(item, 'EndedTimestamp'), '`EndedTimestamp`');
  const acceptedAt = instant(item, 'AcceptTimestamp');
  const outbound = pickString(item, 'Direction') === '1';
  const seat = pickObject(item, 'SeatUser');
  const agentId = pickString(seat, 'UserId') ?? pickString(seat, 'Mail') ?? pickString(seat, 'StaffNumber');
  const side = pickString(item, 'HungUpSide')?.toLowerCase();
  const disconnectReason = side === 'user' ? 'CUSTOMER_DISCONNECT' : side === 'seat' ? 'AGENT_DISCONNECT' : pickString(item, 'EndStatusString');
  const common: Omit<CtiEvent, 'id' | 'type' | 'at'> = {
    callId: sessionId,
    parentCallId: null,
    sequence: null,
    from: ctiNumber(pick(item, 'Caller'), ignored),
    to: ctiNumber(pick(item, 'Callee'), ignored),
    direction: outbound ? 'OUTBOUND' : 'INBOUND',
    queueId: pickString(item, 'QueuedSkillGroupId'),
    agentId: null,
    disconnectReason: null,
  };
  const event = (type: CallEventType, at: string, extra: Partial<CtiEvent> = {}): AcceptedEvent => ({
    source: 'tencent-tccc',
    raw: item,
    event: { ...common, id: `tccc:${sessionId}:${type}`, type, at, ...extra },
  });
  const events = [event('OFFERED', startedAt)];
  if (acceptedAt !== null) events.push(event('ANSWERED', acceptedAt, { agentId }));
  events.push(event('ENDED', endedAt, { agentId, disconnectReason }));
  if (acceptedAt !== null) events.push(event('WRAP_UP_DONE', endedAt, { agentId }));
  return events;
}

export const tencentTcccAdapter: CtiAdapter = {
  source: 'tencent-tccc',
  label: 'Tencent Cloud Contact Center call record push',
  body: 'json',
  auth: ['basic', 'switchboard-hmac'],
  matches: (item) => pick(item, 'SdkAppId') !== undefined && pick(item, 'SessionId') !== undefined,
  map: (item, ignored, request) => mapTencentCdr(item, ignored, request.query),
};
