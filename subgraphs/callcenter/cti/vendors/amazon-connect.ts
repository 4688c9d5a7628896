/**
 * Amazon Connect contact events as EventBridge delivers them (`detail-type: "Amazon
 * Connect Contact Event"`, the contact in `detail`), mapped to the internal model. Keys
 * are matched case-insensitively. Table and rationale: docs/cti-webhooks.md.
 * Sources: https://docs.aws.amazon.com/connect/latest/adminguide/contact-events.html (event
 * types and fields) and
 * https://docs.aws.amazon.com/connect/latest/adminguide/contact-initiation-methods.html
 * (initiation methods).
 *
 * INITIATED / QUEUED → OFFERED; CONNECTED_TO_AGENT → ANSWERED; DISCONNECTED → ENDED (with
 * `disconnectReason`); COMPLETED → WRAP_UP_DONE. Anything else (CONTACT_DATA_UPDATED,
 * CONNECTED_TO_SYSTEM, …) and non-voice channels are ignored and counted.
 *
 * Initiation methods: only `TRANSFER` (an agent transferred the customer) and
 * `QUEUE_TRANSFER` (moved to another queue) make a contact the customer's next leg that
 * ends its `previousContactId` (TRANSFERRED). `MONITOR` is a supervisor listening in or
 * barging: not a customer call, so its events are ignored (counted as `notCalls`) and the
 * monitored call goes on. Other contacts that name a `previousContactId` (`CALLBACK`,
 * `DISCONNECT`, `EXTERNAL_OUTBOUND`, …) are linked to it but do not end it.
 */
import { required, type CtiAdapter } from '../adapter.js';
import type { AcceptedEvent, CallEventType, IgnoredCounts } from '../event.js';
import { normaliseInstant } from '../event.js';
import { countUnknownKeys, pick, pickObject, pickString, type Json } from '../keys.js';
import { ctiNumber } from '../numbers.js';

export const CONNECT_DETAIL_TYPE = 'Amazon Connect Contact Event';

const ENVELOPE_FIELDS = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];
const DETAIL_FIELDS = [
  'eventType', 'contactId', 'initialContactId', 'previousContactId', 'relatedContactId', 'channel', 'instanceArn',
  'initiationMethod', 'initiationTimestamp', 'connectedToSystemTimestamp', 'disconnectTimestamp', 'disconnectReason',
  'queueInfo', 'agentInfo', 'customerEndpoint', 'systemEndpoint', 'tags', 'contactDetails', 'customerVoiceActivity',
  'segmentAttributes', 'updatedProperties', 'routingCriteria', 'recordings',
];

/** Initiation methods of a contact that continues the customer's call and ends the previous contact. */
const TRANSFER_METHODS = new Set(['TRANSFER', 'QUEUE_TRANSFER']);
/** Initiation methods of contacts that are not a customer's call at all. */
const NOT_A_CALL_METHODS = new Set(['MONITOR']);
/** Initiation methods of contacts placed towards the customer (the customer is `to`). */
const OUTBOUND_METHODS = new Set(['OUTBOUND', 'API', 'CALLBACK', 'CAMPAIGN', 'CAMPAIGN_PREVIEW', 'EXTERNAL_OUTBOUND']);

/** True for an EventBridge envelope of an Amazon Connect contact event. */
export function isConnectEnvelope(item: Json): boolean {
  return pickString(item, 'detail-type') === CONNECT_DETAIL_TYPE || pickString(item, 'detailType') === CONNECT_DETAIL_TYPE;
}

/** The last path segment of an ARN (`…/agent/<id>` → `<id>`), or the value itself. */
export function arnId(arn: string | null): string | null {
  if (!arn) return null;
  const last = arn.split('/').pop();
  return last && last.length > 0 ? last : null;
}

/** Maps one envelope (see the module comment); throws `InvalidItemError` when `detail`, its `contactId`, `eventType` or time is missing. */
export function mapConnectEvent(envelope: Json, ignored: IgnoredCounts): AcceptedEvent[] {
  ignored.unknownFields += countUnknownKeys(envelope, ENVELOPE_FIELDS);
  const detail = required(pickObject(envelope, 'detail'), '`detail`');
  ignored.unknownFields += countUnknownKeys(detail, DETAIL_FIELDS);
  const eventType = required(pickString(detail, 'eventType'), '`detail.eventType`').toUpperCase();
  const channel = pickString(detail, 'channel')?.toUpperCase() ?? 'VOICE';
  const contactId = required(pickString(detail, 'contactId'), '`detail.contactId`');
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
      type = TRANSFER_METHODS.has(method) && previousContactId !== null ? 'TRANSFERRED' : 'OFFERED';
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
      return [];
  }
  if (channel !== 'VOICE') {
    ignored.unknownTypes += 1;
    return [];
  }
  const instant = required(normaliseInstant(at), `the ${eventType} timestamp`);
  if (NOT_A_CALL_METHODS.has(method)) {
    ignored.notCalls += 1;
    return [];
  }
  const outbound = OUTBOUND_METHODS.has(method);
  const customer = ctiNumber(pick(pickObject(detail, 'customerEndpoint'), 'address'), ignored);
  const system = ctiNumber(pick(pickObject(detail, 'systemEndpoint'), 'address'), ignored);
  const id = pickString(envelope, 'id') ?? `${contactId}:${eventType}:${instant}`;
  return [{
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
  }];
}

export const amazonConnectAdapter: CtiAdapter = {
  source: 'amazon-connect',
  label: 'Amazon Connect contact event',
  body: 'json',
  auth: ['switchboard-hmac', 'api-key'],
  matches: (item) => isConnectEnvelope(item),
  map: (item, ignored) => mapConnectEvent(item, ignored),
};
