/** The call-event store's port: durable intake, application through the state machine, reads. */
import type { AcceptedEvent, CallEventType } from '../cti/event.js';
import type { CallRecord, CallState } from '../source/records.js';
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

/** An active call with no event received since a cutoff (`call-expiry.ts`). */
export interface SilentCall {
  id: string;
  state: CallState;
  /** Its last event's time (vendor clock); its start when it has no event. */
  lastEventAt: string;
  /** When its last event was received (this service's clock); its start when it has no event. */
  lastReceivedAt: string;
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
  /**
   * Calls ringing, connected, on hold or in wrap-up, oldest first; with `heardSince`, only
   * those whose last event was received at or after it (the silence rule, `call-expiry.ts`);
   * `agentIds`: only calls whose agent is one of them.
   */
  activeCalls(filter: { agentId?: string | null; queueId?: string | null; heardSince?: string; agentIds?: readonly string[] | null }): Promise<CallRecord[]>;
  /** Active calls whose last event was received before `heardBefore` (none: started before it), at most `limit`. */
  silentCalls(heardBefore: string, limit: number): Promise<SilentCall[]>;
  /** The position of the newest applied event (the end of the stream now), or null when none was applied. */
  latestPosition(): Promise<StreamPosition | null>;
  /** Applied events after `position`, in stream order, at most `limit`. */
  eventsSince(position: StreamPosition, filter: CallEventFilter, limit: number): Promise<StoredEvent[]>;
}
