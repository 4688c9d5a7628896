/**
 * Amazon Connect contact events as EventBridge delivers them (`detail-type: "Amazon
 * Connect Contact Event"`, the contact in `detail`), mapped to the internal model. Keys
 * are matched case-insensitively. Table and rationale: docs/cti-webhooks.md.
 *
 * INITIATED / QUEUED → OFFERED (TRANSFERRED when the contact was initiated by a transfer
 * and names its `previousContactId`); CONNECTED_TO_AGENT → ANSWERED; DISCONNECTED → ENDED
 * (with `disconnectReason`); COMPLETED → WRAP_UP_DONE. Anything else (CONTACT_DATA_UPDATED,
 * CONNECTED_TO_SYSTEM, …) and non-voice channels are ignored and counted.
 */
import type { AcceptedEvent, CallEventType, IgnoredCounts } from './event.js';
import { normaliseInstant } from './event.js';
import { countUnknownKeys, pick, pickObject, pickString, type Json } from './keys.js';
import { ctiNumber } from './numbers.js';

export const CONNECT_DETAIL_TYPE = 'Amazon Connect Contact Event';

const ENVELOPE_FIELDS = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];
const DETAIL_FIELDS = [
  'eventType', 'contactId', 'initialContactId', 'previousContactId', 'relatedContactId', 'channel', 'instanceArn',
  'initiationMethod', 'initiationTimestamp', 'connectedToSystemTimestamp', 'disconnectTimestamp', 'disconnectReason',
  'queueInfo', 'agentInfo', 'customerEndpoint', 'systemEndpoint', 'tags', 'contactDetails', 'customerVoiceActivity',
  'segmentAttributes', 'updatedProperties', 'routingCriteria', 'recordings',
];

const TRANSFER_METHODS = new Set(['TRANSFER', 'QUEUE_TRANSFER', 'EXTERNAL_OUTBOUND', 'MONITOR']);
const OUTBOUND_METHODS = new Set(['OUTBOUND', 'API', 'CALLBACK', 'CAMPAIGN']);

export function isConnectEnvelope(item: Json): boolean {
  return pickString(item, 'detail-type') === CONNECT_DETAIL_TYPE || pickString(item, 'detailType') === CONNECT_DETAIL_TYPE;
}

/** The last path segment of an ARN (`…/agent/<id>` → `<id>`), or the value itself. */
export function arnId(arn: string | null): string | null {
  if (!arn) return null;
  const last = arn.split('/').pop();
  return last && last.length > 0 ? last : null;
}

export function mapConnectEvent(envelope: Json, ignored: IgnoredCounts): AcceptedEvent | null {
  ignored.unknownFields += countUnknownKeys(envelope, ENVELOPE_FIELDS);
  const detail = pickObject(envelope, 'detail');
  if (!detail) {
    ignored.invalid += 1;
    return null;
  }
  ignored.unknownFields += countUnknownKeys(detail, DETAIL_FIELDS);
  const eventType = pickString(detail, 'eventType')?.toUpperCase() ?? null;
  const channel = pickString(detail, 'channel')?.toUpperCase() ?? 'VOICE';
  const contactId = pickString(detail, 'contactId');
  if (!contactId || !eventType) {
    ignored.invalid += 1;
    return null;
  }
  const method = pickString(detail, 'initiationMethod')?.toUpperCase() ?? 'INBOUND';
  const previousContactId = pickString(detail, 'previousContactId');
  const queueInfo = pickObject(detail, 'queueInfo');
  const agentInfo = pickObject(detail, 'agentInfo');
  const time = pick(envelope, 'time');

  let type: CallEventType;
  let at: unknown;
  switch (eventType) {
    case 'INITIATED':
    case 'QUEUED':
      type = TRANSFER_METHODS.has(method) && previousContactId ? 'TRANSFERRED' : 'OFFERED';
      at = eventType === 'QUEUED' ? (pick(queueInfo, 'enqueueTimestamp') ?? time) : (pick(detail, 'initiationTimestamp') ?? time);
      break;
    case 'CONNECTED_TO_AGENT':
      type = 'ANSWERED';
      at = pick(agentInfo, 'connectedToAgentTimestamp') ?? time;
      break;
    case 'DISCONNECTED':
      type = 'ENDED';
      at = pick(detail, 'disconnectTimestamp') ?? time;
      break;
    case 'COMPLETED':
      type = 'WRAP_UP_DONE';
      at = pick(agentInfo, 'afterContactWorkEndTimestamp') ?? time;
      break;
    default:
      ignored.unknownTypes += 1;
      return null;
  }
  if (channel !== 'VOICE') {
    ignored.unknownTypes += 1;
    return null;
  }
  const instant = normaliseInstant(at);
  if (!instant) {
    ignored.invalid += 1;
    return null;
  }
  const outbound = OUTBOUND_METHODS.has(method);
  const customer = ctiNumber(pick(pickObject(detail, 'customerEndpoint'), 'address'), ignored);
  const system = ctiNumber(pick(pickObject(detail, 'systemEndpoint'), 'address'), ignored);
  const id = pickString(envelope, 'id') ?? `${contactId}:${eventType}:${instant}`;
  return {
    source: 'amazon-connect',
    raw: envelope,
    event: {
      id,
      callId: contactId,
      parentCallId: previousContactId,
      type,
      at: instant,
      sequence: null,
      from: outbound ? system : customer,
      to: outbound ? customer : system,
      direction: outbound ? 'OUTBOUND' : 'INBOUND',
      queueId: arnId(pickString(queueInfo, 'queueArn')),
      agentId: type === 'ANSWERED' || type === 'WRAP_UP_DONE' || type === 'ENDED' ? arnId(pickString(agentInfo, 'agentArn')) : null,
      disconnectReason: pickString(detail, 'disconnectReason'),
    },
  };
}
