/**
 * Drains the call-log outbox: claims due rows (a lease, so two instances never send one
 * row), delivers each through the gateway (`deliver.ts`) and marks it done, or schedules
 * the next attempt with exponential backoff and jitter (`backoff.ts`), or — when the graph
 * refused the input for good — marks it FAILED. Exactly-once effect = this at-least-once
 * delivery + the idempotent mutations (`logCall` by call id, `createTicket` by key).
 * Polls every `pollIntervalMs` and on `kick()` (new rows). Logs when delivery starts
 * failing and when it recovers, not every attempt.
 */
import { PollLoop } from '../../shared/outbox/poll-loop.js';
import { randomUUID } from 'node:crypto';
import { retryDelayMs } from '../../shared/outbox/backoff.js';
import { deliver } from './deliver.js';
import { GraphClient, GraphOperationError } from './graph-client.js';
import type { OutboxRow, SqlOutboxStore } from './sql-outbox-store.js';
import { loggerFor } from '../../shared/observability/logger.js';

const log = loggerFor('callcenter');

export interface DispatcherOptions {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** The service account's API key. */
  apiKey: string;
  /** Default 1,000 ms. */
  pollIntervalMs?: number;
  /** First retry delay (default 1 s) and backoff cap (default 5 min). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long a claimed row is held before another dispatcher may take it (default 60 s; above the request timeout). */
  leaseMs?: number;
  /** Per request to the gateway (default 10 s). */
  requestTimeoutMs?: number;
  /** Rows claimed at once (default 20) and delivered concurrently (default 4). */
  batchSize?: number;
  concurrency?: number;
  /** Jitter source (tests). */
  random?: () => number;
}

export interface DispatcherStats {
  delivered: number;
  retries: number;
  rejected: number;
}

export class OutboxDispatcher {
  readonly stats: DispatcherStats = { delivered: 0, retries: 0, rejected: 0 };
  private readonly owner = `dispatcher-${randomUUID()}`;
  private readonly graph: GraphClient;
  private readonly settings: Required<Omit<DispatcherOptions, 'gatewayUrl' | 'apiKey'>>;
  private readonly loop: PollLoop;
  private failing = false;

  constructor(
    private readonly store: SqlOutboxStore,
    options: DispatcherOptions,
  ) {
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      retryBaseMs: options.retryBaseMs ?? 1000,
      retryMaxMs: options.retryMaxMs ?? 300_000,
      leaseMs: options.leaseMs ?? 60_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      batchSize: options.batchSize ?? 20,
      concurrency: options.concurrency ?? 4,
      random: options.random ?? Math.random,
    };
    this.graph = new GraphClient({ url: options.gatewayUrl, apiKey: options.apiKey, timeoutMs: this.settings.requestTimeoutMs });
    this.loop = new PollLoop(() => this.drain(), this.settings.pollIntervalMs, (error) =>
      log.error({ err: error }, 'call-log outbox: dispatching failed; retrying at the next poll'),
    );
  }

  private get closed(): boolean {
    return this.loop.closed;
  }

  start(): void {
    this.loop.start();
  }

  /** Drains now (or right after the current pass). */
  kick(): void {
    this.loop.kick();
  }

  close(): Promise<void> {
    return this.loop.close();
  }

  private async drain(): Promise<void> {
    while (!this.closed) {
      const now = Date.now();
      const rows = await this.store.claim(this.owner, new Date(now).toISOString(), new Date(now + this.settings.leaseMs).toISOString(), this.settings.batchSize);
      if (rows.length === 0) return;
      let next = 0;
      const worker = async () => {
        while (next < rows.length && !this.closed) await this.deliverOne(rows[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, rows.length) }, worker));
      if (rows.length < this.settings.batchSize) return;
    }
  }

  private async deliverOne(row: OutboxRow): Promise<void> {
    try {
      const result = await deliver(this.graph, row.kind, row.payload);
      await this.store.complete(row.id, this.owner, result, new Date().toISOString());
      this.stats.delivered += 1;
      if (this.failing) {
        this.failing = false;
        log.info('call-log outbox: delivering again');
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = new Date();
      if (error instanceof GraphOperationError && error.permanent) {
        this.stats.rejected += 1;
        log.error(`call-log outbox: ${row.id} refused for good, kept as FAILED: ${message}`);
        await this.store.reject(row.id, this.owner, message, now.toISOString());
        return;
      }
      this.stats.retries += 1;
      if (!this.failing) {
        this.failing = true;
        log.warn(`call-log outbox: delivery failing (${message}); retrying with backoff, the backlog is in \`callLogOutbox\``);
      }
      const delay = retryDelayMs(row.attempts + 1, this.settings.retryBaseMs, this.settings.retryMaxMs, this.settings.random);
      await this.store.retryLater(row.id, this.owner, message, now.toISOString(), new Date(now.getTime() + delay).toISOString());
    }
  }
}
