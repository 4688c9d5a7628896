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

  append(event: Omit<AuditEvent, 'id' | 'at'>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.writing) void this.drain();
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
