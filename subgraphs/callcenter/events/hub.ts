/**
 * This instance's call-event subscribers. One pub/sub subscription feeds them all; each
 * subscriber has a filter and a bounded buffer (`BoundedQueue`), so a slow one never
 * holds up the others: when its buffer is full it is dropped (`onSlow`, which closes its
 * connection with close code 4429) instead of growing memory.
 */
import { BoundedQueue } from '../../shared/pubsub/bounded-queue.js';
import type { PubSub } from '../../shared/pubsub/pubsub.js';
import { CALL_EVENTS_TOPIC, matchesFilter, type CallEventFilter, type StreamMessage } from './message.js';

interface Subscriber {
  filter: CallEventFilter;
  queue: BoundedQueue<StreamMessage>;
}

export class CallEventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly unsubscribe: () => void;
  /** Subscribers dropped because their buffer filled up. */
  slowConsumersDropped = 0;

  constructor(
    pubsub: PubSub,
    private readonly bufferSize: number,
  ) {
    this.unsubscribe = pubsub.subscribe<StreamMessage>(CALL_EVENTS_TOPIC, (message) => this.dispatch(message));
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** A stream of the matching events from now on; `onSlow` is called if the subscriber falls behind. */
  subscribe(filter: CallEventFilter, onSlow: () => void): AsyncIterableIterator<StreamMessage> {
    const subscriber: Subscriber = {
      filter,
      queue: new BoundedQueue<StreamMessage>(
        this.bufferSize,
        () => {
          this.slowConsumersDropped += 1;
          onSlow();
        },
        () => this.subscribers.delete(subscriber),
      ),
    };
    this.subscribers.add(subscriber);
    return subscriber.queue;
  }

  close(): void {
    this.unsubscribe();
    for (const subscriber of [...this.subscribers]) subscriber.queue.end();
  }

  private dispatch(message: StreamMessage): void {
    for (const subscriber of [...this.subscribers]) {
      if (matchesFilter(message, subscriber.filter)) subscriber.queue.push(message);
    }
  }
}
