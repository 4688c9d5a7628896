/**
 * A bounded per-subscriber buffer as an async iterator: the publisher pushes without ever
 * waiting; the consumer (graphql-ws sending to one socket) pulls at its own pace. When the
 * buffer is full the subscriber is too slow: `onOverflow` is called once (the server closes
 * that connection with `SLOW_CONSUMER_CLOSE_CODE`) and the queue ends, instead of growing.
 */

/**
 * WebSocket close code for a subscriber that could not keep up (documented in
 * docs/cti-webhooks.md). Not graphql-ws's 4429 ("too many initialisation requests").
 */
export const SLOW_CONSUMER_CLOSE_CODE = 4520;
export const SLOW_CONSUMER_CLOSE_REASON = 'slow consumer';

export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private done = false;

  constructor(
    private readonly capacity: number,
    private readonly onOverflow: () => void,
    private readonly onEnd: () => void = () => undefined,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds an item; false (and the queue ends) when the buffer was full. */
  push(item: T): boolean {
    if (this.done) return false;
    const waiter = this.waiting.shift();
    if (waiter) {
      waiter({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.capacity) {
      this.end();
      this.onOverflow();
      return false;
    }
    this.items.push(item);
    return true;
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  /** Stops: pending and future `next()` calls finish, buffered items are dropped. */
  end(): void {
    if (this.done) return;
    this.done = true;
    this.items.length = 0;
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
    this.onEnd();
  }
}
