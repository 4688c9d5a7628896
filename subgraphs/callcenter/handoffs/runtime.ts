/**
 * Wires bot hand-offs into one call-center instance: the store, the resolvers, the events
 * they publish on the call-event topic (so they reach agents on `callEvents`, beside
 * screen-pops) and the expiry sweep, which turns a hand-off nobody took into a ticket (the
 * outbox row is written with the expiry; the call-log dispatcher delivers it through the
 * gateway). `server.ts` creates one per server.
 */
import { randomUUID } from 'node:crypto';
import { handoffConfig, type HandoffConfig } from '../../shared/config.js';
import type { Database } from '../../shared/database.js';
import { loggerFor } from '../../shared/observability/logger.js';
import type { PubSub } from '../../shared/pubsub/pubsub.js';
import { encodeCursor } from '../../shared/pagination.js';
import { CALL_EVENT_CURSOR, START_OF_STREAM } from '../events/cursor.js';
import { CALL_EVENTS_TOPIC, type HandoffEventMessage, type HandoffEventType } from '../events/message.js';
import { SqlCallEventStore } from '../events/sql-event-store.js';
import type { CallCenterTables } from '../source/tables.js';
import type { HandoffRecord } from './records.js';
import { handoffResolvers } from './resolvers.js';
import { SqlHandoffStore } from './store.js';

const log = loggerFor('callcenter');

export interface HandoffOptions extends Partial<HandoffConfig> {
  pubsub: PubSub;
  /** Called after hand-offs expired (their fallback tickets are queued): the outbox's kick. */
  onExpired?: () => void;
}

export interface HandoffRuntime {
  resolvers: ReturnType<typeof handoffResolvers>;
  store: SqlHandoffStore;
  /** Expires what is due now (also run every `sweepIntervalMs`). */
  sweep(): Promise<HandoffRecord[]>;
  close(): Promise<void>;
}

export function createHandoffRuntime(database: Database<CallCenterTables>, options: HandoffOptions): HandoffRuntime {
  const config: HandoffConfig = { ...handoffConfig(), ...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && (k === 'timeoutMs' || k === 'sweepIntervalMs'))) };
  const store = new SqlHandoffStore(database);
  const events = new SqlCallEventStore(database);

  /** Publishes a hand-off event; its cursor is the stream's position now, unique per event (see `HandoffEventMessage`). */
  async function publish(type: HandoffEventType, handoff: HandoffRecord, agentId: string | null): Promise<void> {
    const position = (await events.latestPosition()) ?? START_OF_STREAM;
    const id = `${type.toLowerCase()}:${handoff.id}:${randomUUID()}`;
    const message: HandoffEventMessage = {
      id,
      type,
      at: new Date().toISOString(),
      // The third `|` part is ignored when the cursor is read: it resumes at `position`.
      cursor: encodeCursor(CALL_EVENT_CURSOR, { key: `${position.appliedAt}|${position.at}|${id}`, id: position.id }),
      agentId,
      queueId: handoff.queueId,
      call: null,
      handoff,
    };
    options.pubsub.publish(CALL_EVENTS_TOPIC, message);
  }

  let running: Promise<HandoffRecord[]> | null = null;
  async function sweepOnce(): Promise<HandoffRecord[]> {
    const expired = await store.expireDue(new Date());
    for (const handoff of expired) await publish('HANDOFF_EXPIRED', handoff, handoff.offeredTo);
    if (expired.length > 0) options.onExpired?.();
    return expired;
  }
  const sweep = () => (running ??= sweepOnce().finally(() => (running = null)));
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => log.error({ err: error }, 'callcenter: hand-off expiry sweep failed'));
  }, config.sweepIntervalMs);
  timer.unref();

  return {
    resolvers: handoffResolvers({ store, publish, timeoutMs: config.timeoutMs, recordAccessMs: config.recordAccessMs }),
    store,
    sweep,
    async close() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
