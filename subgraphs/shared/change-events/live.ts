/**
 * Live record updates for frontends (`Subscription.ticketUpdated`, `Subscription.customerUpdated`):
 * after a change has committed, its subgraph publishes the record's id on a pub/sub topic
 * (Redis with `REDIS_URL`, so a subscriber on any instance hears a change made on another);
 * each subscription of this instance has a filter and a bounded buffer (a slow one is closed
 * with 4520, never holding up the others) and receives the record as it is when delivered.
 * Best effort, unlike the webhooks' outbox: a client that reconnects reads the record again.
 */
import { randomUUID } from 'node:crypto';
import { BoundedQueue, SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_CLOSE_REASON } from '../pubsub/bounded-queue.js';
import { openPubSub } from '../pubsub/open.js';
import type { PubSub } from '../pubsub/pubsub.js';
import type { WebSocketConnection } from '../subgraph-server.js';

/** What is published: which record changed, and the keys subscribers filter on. */
export interface RecordChange {
  id: string;
  /** The record's id (ticket id, customer id). */
  recordId: string;
  /** Other keys a subscription may filter on (a ticket's `requesterId`). */
  keys: Record<string, string | null>;
}

/** Events one subscription may have waiting before it is closed as a slow consumer. */
const BUFFER = 256;

export class LiveRecords {
  private readonly subscribers = new Set<{ matches: (change: RecordChange) => boolean; queue: BoundedQueue<RecordChange> }>();
  private readonly unsubscribe: () => void;

  private constructor(
    private readonly pubsub: PubSub,
    private readonly topic: string,
    private readonly ownsPubSub: boolean,
  ) {
    this.unsubscribe = pubsub.subscribe<RecordChange>(topic, (change) => {
      for (const subscriber of [...this.subscribers]) if (subscriber.matches(change)) subscriber.queue.push(change);
    });
  }

  /** Live updates on `topic` over the pub/sub `REDIS_URL` names (in-process without it), or over `pubsub`. */
  static open(topic: string, pubsub?: PubSub): LiveRecords {
    return new LiveRecords(pubsub ?? openPubSub({ redisUrl: process.env.REDIS_URL || null }), topic, pubsub === undefined);
  }

  /** Announces a committed change of `recordId`. Never throws. */
  publish(recordId: string, keys: Record<string, string | null> = {}): void {
    const change: RecordChange = { id: randomUUID(), recordId, keys };
    this.pubsub.publish(this.topic, change);
  }

  /** The matching changes from now on; a subscriber that falls behind is closed with 4520. */
  subscribe(matches: (change: RecordChange) => boolean, connection: Pick<WebSocketConnection, 'close'> | undefined): AsyncIterableIterator<RecordChange> {
    const subscriber = {
      matches,
      queue: new BoundedQueue<RecordChange>(
        BUFFER,
        () => connection?.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_CLOSE_REASON),
        () => this.subscribers.delete(subscriber),
      ),
    };
    this.subscribers.add(subscriber);
    return subscriber.queue;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const subscriber of [...this.subscribers]) subscriber.queue.end();
    if (this.ownsPubSub) await this.pubsub.close();
  }
}
