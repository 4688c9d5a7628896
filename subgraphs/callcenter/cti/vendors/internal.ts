/**
 * The internal webhook format (docs/cti-webhooks.md, "Internal format"): one event object,
 * an array of them, or `{ "events": [ … ] }`, signed with the Switchboard HMAC. Required:
 * `id`, `callId`, `type`, `at`; unknown types and fields are counted and ignored.
 */
import { InvalidItemError, required, type CtiAdapter } from '../adapter.js';
import { isCallEventType, normaliseInstant, type AcceptedEvent, type IgnoredCounts } from '../event.js';
import { countUnknownKeys, pick, pickString, type Json } from '../keys.js';
import { ctiNumber } from '../numbers.js';

const FIELDS = ['id', 'callId', 'parentCallId', 'type', 'at', 'sequence', 'from', 'to', 'direction', 'queueId', 'agentId', 'disconnectReason'] as const;

/** Maps one internal-format event; throws `InvalidItemError` when a required field is missing. */
export function mapInternalEvent(item: Json, ignored: IgnoredCounts): AcceptedEvent[] {
  ignored.unknownFields += countUnknownKeys(item, FIELDS);
  const type = required(pickString(item, 'type'), '`type`').toUpperCase();
  const id = required(pickString(item, 'id'), '`id`');
  const callId = required(pickString(item, 'callId'), '`callId`');
  const at = required(normaliseInstant(pick(item, 'at')), '`at` (ISO-8601 or unix seconds/milliseconds)');
  if (!isCallEventType(type)) {
    ignored.unknownTypes += 1;
    return [];
  }
  const sequenceText = pickString(item, 'sequence');
  const sequence = sequenceText === null ? null : Number(sequenceText);
  if (sequence !== null && !Number.isSafeInteger(sequence)) throw new InvalidItemError('`sequence` must be an integer');
  const direction = pickString(item, 'direction')?.toUpperCase() ?? null;
  if (direction !== null && direction !== 'INBOUND' && direction !== 'OUTBOUND') throw new InvalidItemError('`direction` must be INBOUND or OUTBOUND');
  return [
    {
      source: 'internal',
      raw: item,
      event: {
        id,
        callId,
        parentCallId: pickString(item, 'parentCallId'),
        type,
        at,
        sequence,
        from: ctiNumber(pick(item, 'from'), ignored),
        to: ctiNumber(pick(item, 'to'), ignored),
        direction,
        queueId: pickString(item, 'queueId'),
        agentId: pickString(item, 'agentId'),
        disconnectReason: pickString(item, 'disconnectReason'),
      },
    },
  ];
}

export const internalAdapter: CtiAdapter = {
  source: 'internal',
  label: 'Switchboard internal event',
  body: 'json',
  auth: ['switchboard-hmac'],
  matches: (item) => pick(item, 'callId') !== undefined || pick(item, 'type') !== undefined,
  map: (item, ignored) => mapInternalEvent(item, ignored),
};
