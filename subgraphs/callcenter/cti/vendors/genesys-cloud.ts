/**
 * Genesys Cloud conversation detail events ("v2.detail.events.conversation.{id}.<kind>"),
 * as the Genesys Cloud EventBridge integration delivers them (an EventBridge envelope whose
 * `detail-type` is the topic and whose `detail` is `{ topicName, version, eventBody, metadata }`),
 * or as the bare notification `{ topicName, version, eventBody, metadata }`.
 * Sources: topic list https://developer.genesys.cloud/notificationsalerts/notifications/available-topics
 * (v2.detail.events.conversation.{id}.customer.start, …acd.start, …acd.end, …user.start,
 * …customer.end, …acw) and the event bodies as published in Genesys's SDK reference, e.g.
 * https://github.com/MyPureCloud/platform-client-sdk-python/blob/master/docs/AcdEndDetailEventTopicAcdEndEvent.md
 * (eventTime in epoch ms, conversationId, mediaType, direction, ani, dnis, queueId, userId,
 * acdOutcome, answeredUserId, disconnectType).
 *
 * One Genesys conversation is one call here (transfers stay inside the conversation):
 * customer.start, acd.start → OFFERED (acd.start names the queue); user.start → OFFERED at
 * that agent (alerting); acd.end with acdOutcome ANSWERED → ANSWERED by `answeredUserId`,
 * ABANDON… → ABANDONED; customer.end → ENDED (`disconnectType` ENDPOINT, the customer
 * hanging up, becomes CUSTOMER_DISCONNECT); acw → WRAP_UP_DONE. Other kinds and media types
 * other than voice are ignored and counted. Credentials: like Amazon Connect (EventBridge API
 * destination with `X-Switchboard-Api-Key`, or the Switchboard HMAC).
 */
import { required, type CtiAdapter } from '../adapter.js';
import { normaliseInstant, type AcceptedEvent, type CallEventType, type IgnoredCounts } from '../event.js';
import { countUnknownKeys, isObject, pick, pickObject, pickString, type Json } from '../keys.js';
import { ctiNumber } from '../numbers.js';

const TOPIC = /^v2\.detail\.events\.conversation\.([^.]+)\.(.+)$/i;
const ENVELOPE_FIELDS = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];
const NOTIFICATION_FIELDS = ['topicName', 'version', 'eventBody', 'metadata', 'timestamp'];
const BODY_FIELDS = [
  'eventTime', 'conversationId', 'participantId', 'sessionId', 'disconnectType', 'mediaType', 'provider', 'direction', 'ani', 'dnis',
  'addressTo', 'addressFrom', 'callbackUserName', 'callbackNumbers', 'callbackScheduledTime', 'subject', 'messageType', 'userId',
  'divisionId', 'queueId', 'acdOutcome', 'answeredUserId', 'requestedRoutings', 'usedRouting', 'requestedRoutingSkillIds',
  'requestedSkillExpressionIds', 'requestedLanguageId', 'requestedRoutingUserIds', 'routingPriority', 'connectedDurationMs',
  'interactingDurationMs', 'heldDurationMs', 'alertingDurationMs', 'contactingDurationMs', 'dialingDurationMs', 'callbackDurationMs',
  'wrapupCode', 'wrapupNotes', 'wrapupDurationMs', 'externalOrganizationId', 'externalContactId', 'conversationExternalContactIds',
  'conversationExternalOrganizationIds', 'utilizationLabel', 'flowType',
];
const VOICE = new Set(['VOICE', 'CALL']);
/** disconnectType of the customer's own session when the customer hung up (PEER: the other side did). */
const CUSTOMER_HANGUP = new Set(['ENDPOINT']);

/** The notification (topic, body) inside an item, or null when the item is not a Genesys conversation detail event. */
function notification(item: Json): { topic: string; body: unknown; envelope: boolean } | null {
  const detailType = pickString(item, 'detail-type');
  const detail = pickObject(item, 'detail');
  if (detailType !== null && TOPIC.test(detailType) && detail) {
    return { topic: pickString(detail, 'topicName') ?? detailType, body: pick(detail, 'eventBody'), envelope: true };
  }
  const topicName = pickString(item, 'topicName');
  if (topicName !== null && TOPIC.test(topicName)) return { topic: topicName, body: pick(item, 'eventBody'), envelope: false };
  return null;
}

/** Maps one Genesys item (see the module comment); throws `InvalidItemError` when the body, its conversation id or time is missing. */
export function mapGenesysEvent(item: Json, ignored: IgnoredCounts): AcceptedEvent[] {
  const found = notification(item)!;
  const detail = pickObject(item, 'detail');
  ignored.unknownFields += found.envelope ? countUnknownKeys(item, ENVELOPE_FIELDS) + (detail ? countUnknownKeys(detail, NOTIFICATION_FIELDS) : 0) : countUnknownKeys(item, NOTIFICATION_FIELDS);
  const body = required(isObject(found.body) ? found.body : null, '`eventBody`');
  ignored.unknownFields += countUnknownKeys(body, BODY_FIELDS);
  const [, topicConversation, kind] = TOPIC.exec(found.topic)!;
  const conversationId = pickString(body, 'conversationId') ?? topicConversation!;
  const at = required(normaliseInstant(pick(body, 'eventTime')), '`eventBody.eventTime`');
  const mediaType = pickString(body, 'mediaType')?.toUpperCase() ?? 'VOICE';
  const direction = pickString(body, 'direction')?.toUpperCase() === 'OUTBOUND' ? 'OUTBOUND' : 'INBOUND';
  let type: CallEventType | null = null;
  let agentId: string | null = null;
  let disconnectReason: string | null = null;
  switch (kind!.toLowerCase()) {
    case 'customer.start':
    case 'acd.start':
      type = 'OFFERED';
      break;
    case 'user.start':
      type = 'OFFERED';
      agentId = pickString(body, 'userId');
      break;
    case 'acd.end': {
      const outcome = pickString(body, 'acdOutcome')?.toUpperCase() ?? '';
      if (outcome === 'ANSWERED') {
        type = 'ANSWERED';
        agentId = pickString(body, 'answeredUserId') ?? pickString(body, 'userId');
      } else if (outcome.startsWith('ABANDON')) {
        type = 'ABANDONED';
        disconnectReason = 'CUSTOMER_ABANDON';
      }
      break;
    }
    case 'customer.end': {
      type = 'ENDED';
      const disconnectType = pickString(body, 'disconnectType')?.toUpperCase() ?? null;
      disconnectReason = disconnectType !== null && CUSTOMER_HANGUP.has(disconnectType) ? 'CUSTOMER_DISCONNECT' : disconnectType;
      break;
    }
    case 'acw':
      type = 'WRAP_UP_DONE';
      agentId = pickString(body, 'userId');
      break;
  }
  if (type === null || !VOICE.has(mediaType)) {
    ignored.unknownTypes += 1;
    return [];
  }
  const participant = pickString(body, 'participantId') ?? pickString(body, 'sessionId') ?? '';
  const id = pickString(item, 'id') ?? `genesys:${conversationId}:${kind}:${at}:${participant}`;
  return [
    {
      source: 'genesys-cloud',
      raw: item,
      event: {
        id,
        callId: conversationId,
        parentCallId: null,
        type,
        at,
        sequence: null,
        from: ctiNumber(pick(body, 'ani'), ignored),
        to: ctiNumber(pick(body, 'dnis'), ignored),
        direction,
        queueId: pickString(body, 'queueId'),
        agentId,
        disconnectReason,
      },
    },
  ];
}

export const genesysCloudAdapter: CtiAdapter = {
  source: 'genesys-cloud',
  label: 'Genesys Cloud conversation detail event',
  body: 'json',
  auth: ['switchboard-hmac', 'api-key'],
  matches: (item) => notification(item) !== null,
  map: (item, ignored) => mapGenesysEvent(item, ignored),
};
