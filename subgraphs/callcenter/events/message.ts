/**
 * What is published for each applied event (topic `CALL_EVENTS_TOPIC`) and what a
 * `CallEvent` is made of: the event, its stream cursor and the call as it was right
 * after the event. JSON-serialisable (it crosses Redis).
 */
import type { CallEventType } from '../cti/event.js';
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

/** Subscription and catch-up filters: all given must match. */
export interface CallEventFilter {
  agentId?: string | null;
  queueId?: string | null;
  types?: readonly CallEventType[] | null;
  /** Only events of calls handled by one of these agents (the call's agent); `null`: any. The per-agent rule, see `live-call-scope.ts`. */
  agentIds?: readonly string[] | null;
}

/** An event matches an agent (queue) when the event or its call names that agent (queue). */
export function matchesFilter(message: CallEventMessage, filter: CallEventFilter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(message.type)) return false;
  if (filter.agentId != null && message.agentId !== filter.agentId && message.call.agentId !== filter.agentId) return false;
  if (filter.queueId != null && message.queueId !== filter.queueId && message.call.queueId !== filter.queueId) return false;
  if (filter.agentIds != null && (message.call.agentId === null || !filter.agentIds.includes(message.call.agentId))) return false;
  return true;
}
