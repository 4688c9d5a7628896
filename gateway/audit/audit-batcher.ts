/**
 * Group commit for the audit trail: events appended while a write is in flight go to the
 * store together in the next transaction, and every caller still waits until its own event
 * is committed (so sensitive data is never sent before it is on the trail). Under load this
 * turns one transaction per request into one per batch.
 */
import type { AuditEvent, GatewayStore } from '../store/gateway-store.js';

type Pending = { event: Omit<AuditEvent, 'id' | 'at'>; resolve(): void; reject(error: unknown): void };

/** Largest batch in one transaction (SQLite's bound-parameter limit stays far away). */
const MAX_BATCH = 200;

export class AuditBatcher {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly store: GatewayStore) {}

  /**
   * Resolves once `event` is committed. When `signal` aborts first the caller stops waiting
   * and gets an error (the event may still be committed later: the trail then holds a read
   * whose data was withheld, never data sent without a trail).
   */
  append(event: Omit<AuditEvent, 'id' | 'at'>, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new Error('The audit trail write was not started: the request ran out of time.'));
    const committed = new Promise<void>((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.writing) void this.drain();
    });
    if (!signal) return committed;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(new Error('The audit trail write did not finish before the request ran out of time.'));
      signal.addEventListener('abort', onAbort, { once: true });
      committed.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    // Let the requests completing in this turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.store.appendAuditEvents(batch.map((pending) => pending.event));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.writing = false;
  }
}
