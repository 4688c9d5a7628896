/**
 * The webhook dispatcher, in the gateway process, in two independent loops:
 * - **take over**: claims change events from each system's outbox (`event-feed.ts`), writes
 *   one delivery per registered endpoint (`WebhookStore.fanOut`, unique per endpoint and
 *   event) and then acknowledges them. A crash between the two re-claims the events when
 *   their lease runs out; the unique key keeps one delivery each.
 * - **send**: claims due deliveries (the shared outbox lease, so several gateway instances
 *   never send one delivery at once), POSTs them signed (`sender.ts`, only to addresses the
 *   address policy allows) with at most
 *   `concurrency` in flight and a timeout each, and records the outcome: DELIVERED on 2xx,
 *   else the next attempt after an exponential backoff with jitter (`shared/outbox/backoff.ts`),
 *   until `retryForMs` after the event was taken over, then FAILED.
 * Neither loop runs inside a GraphQL request: a slow or dead receiver holds a delivery slot
 * until its timeout, never a client's request. Both poll every `pollIntervalMs`.
 */
import { randomUUID } from 'node:crypto';
import { retryDelayMs } from '../../subgraphs/shared/outbox/backoff.js';
import { PollLoop } from '../../subgraphs/shared/outbox/poll-loop.js';
import { loggerFor } from '../../subgraphs/shared/observability/logger.js';
import type { ChangeEventFeed } from './event-feed.js';
import type { AddressPolicy } from '../../subgraphs/shared/address-policy.js';
import { WebhookSender } from './sender.js';
import { signingSecrets, type SigningEndpoint, type WebhookDelivery, type WebhookStore } from './webhook-store.js';

const log = loggerFor('gateway');

export interface WebhookDispatcherOptions {
  /** Default 1,000 ms. */
  pollIntervalMs: number;
  /** First retry delay (default 5 s) and backoff cap (default 1 h). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a delivery is tried before it is FAILED (default 24 h). */
  retryForMs: number;
  /** Per attempt (default 10 s). */
  timeoutMs: number;
  /** Deliveries in flight at once (default 8). */
  concurrency: number;
  /** Where deliveries may go (`WEBHOOK_ALLOWED_NETWORKS`), checked on every connection. */
  addressPolicy: AddressPolicy;
  /** Jitter source (tests). */
  random?: () => number;
}

const EVENTS_PER_CLAIM = 100;
/** The delivery log keeps finished deliveries this long (then purged, at most once an hour). */
export const DELIVERY_LOG_RETENTION_MS = 30 * 24 * 3_600_000;
const PURGE_EVERY_MS = 3_600_000;
const DELIVERIES_PER_CLAIM = 50;

export class WebhookDispatcher {
  private readonly owner = `webhooks-${randomUUID()}`;
  private readonly takeOver: PollLoop;
  private readonly send: PollLoop;
  private readonly sender: WebhookSender;
  private closed = false;
  private readonly failingSources = new Set<string>();
  private lastPurge = 0;

  constructor(
    private readonly store: WebhookStore,
    private readonly feeds: readonly ChangeEventFeed[],
    private readonly options: WebhookDispatcherOptions,
  ) {
    const loop = (name: string, pass: () => Promise<void>) =>
      new PollLoop(pass, options.pollIntervalMs, (error) => log.warn({ err: error }, `webhooks: ${name} failed; trying again at the next poll`));
    this.sender = new WebhookSender(options.addressPolicy, options.timeoutMs);
    this.takeOver = loop('taking events over', () => this.takeOverPass());
    this.send = loop('sending', () => this.sendPass());
  }

  start(): void {
    this.takeOver.start();
    this.send.start();
  }

  /** Sends due deliveries now (after a replay). */
  kickSend(): void {
    this.send.kick();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.takeOver.close(), this.send.close()]);
    await this.sender.close();
  }

  private get leaseMs(): number {
    return this.options.timeoutMs + 30_000;
  }

  private async takeOverPass(): Promise<void> {
    let taken = 0;
    for (const feed of this.feeds) {
      try {
        for (;;) {
          const events = await feed.claim(this.owner, EVENTS_PER_CLAIM, this.leaseMs);
          if (events.length === 0) break;
          taken += await this.store.fanOut(events, this.options.retryForMs);
          await feed.acknowledge(
            this.owner,
            events.map((event) => event.id),
          );
          if (events.length < EVENTS_PER_CLAIM || this.closed) break;
        }
        if (this.failingSources.delete(feed.source)) log.info(`webhooks: reading ${feed.source}'s change events again`);
      } catch (error) {
        // The system is down or restarting: its events wait in its outbox.
        if (!this.failingSources.has(feed.source)) {
          this.failingSources.add(feed.source);
          log.warn(`webhooks: cannot read ${feed.source}'s change events (${(error as Error).message}); they wait in its outbox`);
        }
      }
    }
    if (taken > 0) this.send.kick();
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await this.store.purgeFinished(new Date(Date.now() - DELIVERY_LOG_RETENTION_MS));
    }
  }

  private async sendPass(): Promise<void> {
    while (!this.closed) {
      const now = new Date();
      const deliveries = await this.store.claim({
        owner: this.owner,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
        limit: DELIVERIES_PER_CLAIM,
      });
      if (deliveries.length === 0) return;
      const endpoints = new Map((await this.store.endpointsByIds(deliveries.map((d) => d.endpointId))).map((e) => [e.id, e]));
      let next = 0;
      const worker = async () => {
        while (next < deliveries.length && !this.closed) {
          const delivery = deliveries[next++]!;
          const endpoint = endpoints.get(delivery.endpointId);
          await this.attempt(delivery, endpoint && endpoint.removedAt === null ? endpoint : null);
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.options.concurrency, deliveries.length) }, worker));
      if (deliveries.length < DELIVERIES_PER_CLAIM) return;
    }
  }

  private async attempt(delivery: WebhookDelivery, endpoint: SigningEndpoint | null): Promise<void> {
    if (!endpoint) {
      await this.store.recordAttempt(delivery.id, this.owner, { status: 'FAILED', statusCode: null, error: 'endpoint removed', at: new Date().toISOString() });
      return;
    }
    const result = await this.sender.send(endpoint.url, signingSecrets(endpoint), delivery.id, delivery.payload);
    const now = new Date();
    const at = now.toISOString();
    if (result.ok) {
      await this.store.recordAttempt(delivery.id, this.owner, { status: 'DELIVERED', statusCode: result.statusCode, error: null, at });
      return;
    }
    const giveUpAt = Date.parse(delivery.giveUpAt);
    if (now.getTime() >= giveUpAt) {
      log.warn(`webhooks: delivery ${delivery.id} (${delivery.eventType}) to ${endpoint.url} given up after ${delivery.attempts + 1} attempts: ${result.error}`);
      await this.store.recordAttempt(delivery.id, this.owner, { status: 'FAILED', statusCode: result.statusCode, error: result.error, at });
      return;
    }
    const delay = retryDelayMs(delivery.attempts + 1, this.options.retryBaseMs, this.options.retryMaxMs, this.options.random);
    // The last attempt is made at the give-up time, not skipped.
    const nextAttemptAt = new Date(Math.min(now.getTime() + delay, giveUpAt)).toISOString();
    await this.store.recordAttempt(delivery.id, this.owner, { status: 'PENDING', statusCode: result.statusCode, error: result.error, at, nextAttemptAt });
  }
}
