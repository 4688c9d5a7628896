/** The call-event store's port: durable intake, application through the state machine, reads. */
import type { AcceptedEvent, CallEventType } from '../cti/event.js';
import type { CallRecord } from '../source/records.js';
import type { StreamPosition } from './cursor.js';
import type { CallEventFilter, CallEventMessage } from './message.js';

/** A stored event as replayed by `eventsSince`: its position and its call's id. */
export interface StoredEvent {
  id: string;
  type: CallEventType;
  at: string;
  callId: string;
  position: StreamPosition;
}

export interface CallEventStore {
  /** Stores accepted events (durably, before the webhook answers); returns the ids that were new. */
  insertEvents(events: readonly AcceptedEvent[], receivedAt: string): Promise<string[]>;
  /**
   * Applies the given stored events (those no one applied yet) in one transaction:
   * recomputes their calls, creates unknown agents and queues, updates presence. Returns
   * one message per event this call applied, in stream order.
   */
  applyEvents(ids: readonly string[], appliedAt: string): Promise<CallEventMessage[]>;
  /** Ids of events accepted before `receivedBefore` and still not applied (recovery). */
  unappliedEvents(receivedBefore: string, limit: number): Promise<string[]>;
  /** Calls ringing, connected, on hold or in wrap-up, oldest first. */
  activeCalls(filter: { agentId?: string | null; queueId?: string | null }): Promise<CallRecord[]>;
  /** The position of the newest applied event (the end of the stream now), or null when none was applied. */
  latestPosition(): Promise<StreamPosition | null>;
  /** Applied events after `position`, in stream order, at most `limit`. */
  eventsSince(position: StreamPosition, filter: CallEventFilter, limit: number): Promise<StoredEvent[]>;
}
