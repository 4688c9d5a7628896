/**
 * Pub/sub over Redis (ioredis), for several instances: `publish` delivers to this
 * instance's subscribers at once and sends an envelope `{ origin, id, message }` to the
 * Redis channel `<prefix><topic>`; every instance delivers what arrives from Redis to its
 * own subscribers, skipping its own envelopes and any id it has already delivered. So
 * each subscriber anywhere gets each message exactly once while Redis is up.
 *
 * Redis down: publishing fails fast (no offline queue), the failure is logged once per
 * outage, local subscribers keep being served, ioredis reconnects (and resubscribes) with
 * backoff. Messages published during the outage do not reach other instances; clients
 * catch up through their own replay (for call events: `callEventsSince`).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deliver, type PubSub, type PubSubHandler, type PubSubMessage } from './pubsub.js';
import { RecentIds } from './recent-ids.js';
import { loggerFor } from '../observability/logger.js';

const log = loggerFor('pubsub');

export interface RedisPubSubOptions {
  url: string;
  /** Channel name prefix (default `switchboard:`). */
  prefix?: string;
  /** This process's id in envelopes (default: a random UUID). */
  instanceId?: string;
}

interface Envelope {
  origin: string;
  message: PubSubMessage;
}

const retryStrategy = (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 5), 3000);

export class RedisPubSub implements PubSub {
  readonly instanceId: string;
  private readonly prefix: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly topics = new Map<string, Set<PubSubHandler>>();
  private readonly delivered = new RecentIds();
  private down = false;
  private closed = false;

  constructor(options: RedisPubSubOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.prefix = options.prefix ?? 'switchboard:';
    const common = { retryStrategy, lazyConnect: false, connectionName: `switchboard-${this.instanceId}` };
    this.publisher = new Redis(options.url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.subscriber = new Redis(options.url, { ...common, autoResubscribe: true, maxRetriesPerRequest: null });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.reportDown(error));
      client.on('ready', () => this.reportUp());
    }
    this.subscriber.on('message', (channel: string, raw: string) => this.receive(channel, raw));
  }

  publish(topic: string, message: PubSubMessage): void {
    this.deliverLocally(topic, message);
    const envelope: Envelope = { origin: this.instanceId, message };
    this.publisher.publish(this.prefix + topic, JSON.stringify(envelope)).catch((error: unknown) => this.reportDown(error));
  }

  subscribe<M extends PubSubMessage>(topic: string, handler: PubSubHandler<M>): () => void {
    let handlers = this.topics.get(topic);
    if (!handlers) {
      handlers = new Set();
      this.topics.set(topic, handlers);
      // ioredis queues the command until connected and replays it after a reconnect.
      this.subscriber.subscribe(this.prefix + topic).catch((error: unknown) => this.reportDown(error));
    }
    const entry = handler as PubSubHandler;
    handlers.add(entry);
    return () => {
      handlers.delete(entry);
      if (handlers.size === 0 && this.topics.get(topic) === handlers) {
        this.topics.delete(topic);
        if (!this.closed) this.subscriber.unsubscribe(this.prefix + topic).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.topics.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map(async (client) => {
        try {
          if (client.status === 'ready') await client.quit();
          else client.disconnect();
        } catch {
          client.disconnect();
        }
      }),
    );
  }

  private deliverLocally(topic: string, message: PubSubMessage): void {
    if (!this.delivered.add(message.id)) return;
    const handlers = this.topics.get(topic);
    if (handlers) deliver(handlers, message);
  }

  private receive(channel: string, raw: string): void {
    if (!channel.startsWith(this.prefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      log.error(`pubsub: ignored a malformed message on ${channel}`);
      return;
    }
    if (envelope.origin === this.instanceId || typeof envelope.message?.id !== 'string') return;
    this.deliverLocally(channel.slice(this.prefix.length), envelope.message);
  }

  private reportDown(error: unknown): void {
    if (this.closed || this.down) return;
    this.down = true;
    log.error(`pubsub: Redis unavailable (${error instanceof Error ? error.message : String(error)}); serving local subscribers only, reconnecting`);
  }

  private reportUp(): void {
    if (!this.down) return;
    this.down = false;
    log.info('pubsub: Redis reconnected');
  }
}
