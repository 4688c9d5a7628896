/**
 * Twilio TaskRouter event callbacks: form-encoded POSTs to the Workspace's
 * `EventCallbackUrl`, signed with `X-Twilio-Signature` like every Twilio webhook.
 * Source: https://www.twilio.com/docs/taskrouter/api/event/reference (parameters
 * `EventType`, `AccountSid`, `WorkspaceSid`, `ResourceType`, `ResourceSid`, `Timestamp`
 * (unix seconds), `TimestampMs`, and per type `TaskSid`, `TaskAttributes` (JSON),
 * `TaskQueueSid`, `WorkerSid`, `ReservationSid`, `TaskCanceledReason`, …).
 *
 * A voice task (created by `<Enqueue>`) carries the call in its attributes (`call_sid`,
 * `from`, `to`, `direction`): its events are the call's, so Voice status callbacks and
 * TaskRouter events of one call meet on the call SID (the task SID when there is none).
 * task.created → OFFERED in the task queue; reservation.created → OFFERED at that worker;
 * reservation.accepted → ANSWERED by the worker; task.canceled → ABANDONED (caller hung up
 * while queued); task.wrapup / reservation.wrapup → ENDED; task.completed /
 * reservation.completed → WRAP_UP_DONE. Other event types (workers, activities, rejected or
 * timed-out reservations, …) are ignored and counted. Worker SIDs are the agent ids.
 */
import { InvalidItemError, required, type CtiAdapter } from '../adapter.js';
import { normaliseInstant, type AcceptedEvent, type CallEventType, type IgnoredCounts } from '../event.js';
import { parseJsonLossless } from '../body.js';
import { isObject, pick, pickString, type Json } from '../keys.js';
import { ctiNumber } from '../numbers.js';

const TYPES: Record<string, { type: CallEventType; worker: boolean }> = {
  'task.created': { type: 'OFFERED', worker: false },
  'reservation.created': { type: 'OFFERED', worker: true },
  'reservation.accepted': { type: 'ANSWERED', worker: true },
  'task.canceled': { type: 'ABANDONED', worker: false },
  'task.wrapup': { type: 'ENDED', worker: false },
  'reservation.wrapup': { type: 'ENDED', worker: true },
  'task.completed': { type: 'WRAP_UP_DONE', worker: false },
  'reservation.completed': { type: 'WRAP_UP_DONE', worker: true },
};

function taskAttributes(item: Json): Json {
  const text = pickString(item, 'TaskAttributes');
  if (text === null) return {};
  try {
    const value = parseJsonLossless(text);
    return isObject(value) ? value : {};
  } catch {
    throw new InvalidItemError('`TaskAttributes` is not JSON');
  }
}

/** Maps one event callback (see the module comment); throws `InvalidItemError` when `EventType`, the task or the time is missing. */
export function mapTaskRouterEvent(item: Json, ignored: IgnoredCounts): AcceptedEvent[] {
  const eventType = required(pickString(item, 'EventType'), '`EventType`').toLowerCase();
  const mapping = TYPES[eventType];
  if (!mapping) {
    ignored.unknownTypes += 1;
    return [];
  }
  const taskSid = required(pickString(item, 'TaskSid'), '`TaskSid`');
  const at = required(normaliseInstant(pick(item, 'TimestampMs') ?? pick(item, 'Timestamp')), '`Timestamp`');
  const attributes = taskAttributes(item);
  const callId = pickString(attributes, 'call_sid') ?? taskSid;
  const direction = pickString(attributes, 'direction')?.toLowerCase().startsWith('outbound') ? 'OUTBOUND' : 'INBOUND';
  const id = pickString(item, 'Sid') ?? `taskrouter:${eventType}:${pickString(item, 'ResourceSid') ?? taskSid}:${at}`;
  return [
    {
      source: 'twilio-taskrouter',
      raw: item,
      event: {
        id,
        callId,
        parentCallId: null,
        type: mapping.type,
        at,
        sequence: null,
        from: ctiNumber(pick(attributes, 'from') ?? pick(attributes, 'caller'), ignored),
        to: ctiNumber(pick(attributes, 'to') ?? pick(attributes, 'called'), ignored),
        direction,
        queueId: pickString(item, 'TaskQueueSid'),
        agentId: mapping.worker ? pickString(item, 'WorkerSid') : null,
        disconnectReason: mapping.type === 'ABANDONED' ? (pickString(item, 'TaskCanceledReason') ?? 'CALLER_HANGUP') : null,
      },
    },
  ];
}

export const twilioTaskRouterAdapter: CtiAdapter = {
  source: 'twilio-taskrouter',
  label: 'Twilio TaskRouter event callback',
  body: 'form',
  auth: ['twilio', 'switchboard-hmac'],
  matches: (item) => pick(item, 'EventType') !== undefined && (pick(item, 'WorkspaceSid') !== undefined || pick(item, 'TaskSid') !== undefined),
  map: (item, ignored) => mapTaskRouterEvent(item, ignored),
};
