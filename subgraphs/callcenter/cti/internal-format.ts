/**
 * The internal webhook format: one event object, or `{ "events": [ … ] }` (see
 * docs/cti-webhooks.md). Required: `id`, `callId`, `type`, `at`; unknown types and
 * fields are counted and ignored; malformed events are counted as invalid.
 */
import { normaliseInstant, isCallEventType, type AcceptedEvent, type IgnoredCounts } from './event.js';
import { countUnknownKeys, pick, pickString, type Json } from './keys.js';
import { ctiNumber } from './numbers.js';

const FIELDS = ['id', 'callId', 'parentCallId', 'type', 'at', 'sequence', 'from', 'to', 'direction', 'queueId', 'agentId', 'disconnectReason'] as const;

export function mapInternalEvent(item: Json, ignored: IgnoredCounts): AcceptedEvent | null {
  ignored.unknownFields += countUnknownKeys(item, FIELDS);
  const type = pickString(item, 'type')?.toUpperCase();
  if (!isCallEventType(type)) {
    if (type) ignored.unknownTypes += 1;
    else ignored.invalid += 1;
    return null;
  }
  const id = pickString(item, 'id');
  const callId = pickString(item, 'callId');
  const at = normaliseInstant(pick(item, 'at'));
  if (!id || !callId || !at || id.length > 200 || callId.length > 200) {
    ignored.invalid += 1;
    return null;
  }
  const sequenceRaw = Number(pickString(item, 'sequence'));
  const direction = pickString(item, 'direction')?.toUpperCase();
  return {
    source: 'internal',
    raw: item,
    event: {
      id,
      callId,
      parentCallId: pickString(item, 'parentCallId'),
      type,
      at,
      sequence: Number.isSafeInteger(sequenceRaw) && pickString(item, 'sequence') !== null ? sequenceRaw : null,
      from: ctiNumber(pick(item, 'from'), ignored),
      to: ctiNumber(pick(item, 'to'), ignored),
      direction: direction === 'INBOUND' || direction === 'OUTBOUND' ? direction : null,
      queueId: pickString(item, 'queueId'),
      agentId: pickString(item, 'agentId'),
      disconnectReason: pickString(item, 'disconnectReason'),
    },
  };
}
