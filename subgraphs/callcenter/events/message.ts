/**
 * What is published for each applied event (topic `CALL_EVENTS_TOPIC`) and what a
 * `CallEvent` is made of: the event, its stream cursor and the call as it was right
 * after the event. JSON-serialisable (it crosses Redis).
 */
import type { CallEventType } from '../cti/event.js';
import type { HandoffRecord } from '../handoffs/records.js';
import type { CallRecord } from '../source/records.js';
import type { TraceCarrier } from '../../shared/observability/tracing.js';

export const CALL_EVENTS_TOPIC = 'callcenter.call-events';

export interface CallEventMessage {
  /** The event id. */
  id: string;
  type: CallEventType;
  at: string;
  cursor: string;
  /** The agent and queue the event itself named (the call's own are in `call`). */
  agentId: string | null;
  queueId: string | null;
  call: CallRecord;
  /** The accepting webhook's trace and acceptance time; absent for events recovered by a sweep or replayed. */
  trace?: TraceCarrier;
}

/** The hand-off events that travel on the call-event stream (subgraphs/callcenter/handoffs/). */
export type HandoffEventType = 'HANDOFF_OFFERED' | 'HANDOFF_ACCEPTED' | 'HANDOFF_DECLINED' | 'HANDOFF_EXPIRED';

/**
 * A hand-off event on the same topic. Its cursor is the stream's position when it was
 * published, made unique per event: resuming after it replays the call events after that
 * position (hand-off events are not replayed: `pendingHandoffs` lists what is still open).
 */
export interface HandoffEventMessage {
  id: string;
  type: HandoffEventType;
  at: string;
  cursor: string;
  /** The agent the event concerns (offered to, accepted by, or who declined). */
  agentId: string | null;
  queueId: string | null;
  call: null;
  handoff: HandoffRecord;
}

/** Everything published on `CALL_EVENTS_TOPIC`. */
export type StreamMessage = CallEventMessage | HandoffEventMessage;

/** Subscription and catch-up filters: all given must match. */
export interface CallEventFilter {
  agentId?: string | null;
  queueId?: string | null;
  types?: readonly (CallEventType | HandoffEventType)[] | null;
  /** Only events of calls handled by one of these agents (the call's agent); `null`: any. The per-agent rule, see `live-call-scope.ts`. */
  agentIds?: readonly string[] | null;
}

/**
 * An event matches an agent (queue) when the event or its call names that agent (queue). A
 * hand-off event matches the agent it names (offered to, accepted by, declined by) and its queue.
 */
export function matchesFilter(message: StreamMessage, filter: CallEventFilter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(message.type)) return false;
  if (message.call === null) {
    const agents = [message.agentId, message.handoff.offeredTo, message.handoff.acceptedBy].filter((id): id is string => id !== null);
    if (filter.agentId != null && !agents.includes(filter.agentId)) return false;
    if (filter.queueId != null && message.queueId !== filter.queueId) return false;
    if (filter.agentIds != null && !agents.some((id) => filter.agentIds!.includes(id))) return false;
    return true;
  }
  if (filter.agentId != null && message.agentId !== filter.agentId && message.call.agentId !== filter.agentId) return false;
  if (filter.queueId != null && message.queueId !== filter.queueId && message.call.queueId !== filter.queueId) return false;
  if (filter.agentIds != null && (message.call.agentId === null || !filter.agentIds.includes(message.call.agentId))) return false;
  return true;
}
