/**
 * A bounded, ordered async queue of one client's subscription results: the producer pushes,
 * graphql-ws pulls. It refuses to grow past `limit` (the caller then drops the client).
 */
import { GraphQLError, type ExecutionResult } from 'graphql';

export class EventQueue implements AsyncIterableIterator<ExecutionResult> {
  private readonly items: ExecutionResult[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  private ended = false;

  constructor(
    private readonly limit: number,
    private readonly onReturn: () => void,
  ) {}

  /** False when the queue is full: the consumer is too slow. */
  push(item: ExecutionResult): boolean {
    if (this.ended) return true;
    if (this.waiting) {
      this.deliver({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.limit) return false;
    this.items.push(item);
    return true;
  }

  /** Ends the stream after what is queued; with an error, that error is the last result. */
  end(error: Error | null = null): void {
    if (this.ended) return;
    if (error) this.items.push({ errors: [error instanceof GraphQLError ? error : new GraphQLError(error.message)] });
    this.ended = true;
    if (this.waiting) {
      const item = this.items.shift();
      this.deliver(item ? { value: item, done: false } : { value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const item = this.items.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.ended = true;
    this.items.length = 0;
    this.onReturn();
    this.deliver({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private deliver(result: IteratorResult<ExecutionResult>): void {
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.(result);
  }
}
