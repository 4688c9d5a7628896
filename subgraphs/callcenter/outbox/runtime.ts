/**
 * Wires the call-log outbox of one call-center instance: the hook the event pipeline calls
 * after applying events (queues rows for the calls that ended), a reconciliation sweep
 * (rows a crash between applying and queueing left out; purging old DONE rows), the
 * dispatcher (only with an API key) and `Query.callLogOutbox`. `server.ts` creates one.
 */
import { callLogOutboxConfig, type CallLogOutboxConfig } from '../../shared/config.js';
import type { Database } from '../../shared/database.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { CallEventMessage } from '../events/message.js';
import type { CallCenterTables } from '../source/tables.js';
import { OutboxDispatcher, type DispatcherOptions } from './dispatcher.js';
import { outboxResolvers } from './resolvers.js';
import type { CallbackRule } from './rule.js';
import { SqlOutboxStore } from './sql-outbox-store.js';
import { loggerFor } from '../../shared/observability/logger.js';

const log = loggerFor('callcenter');

const HOUR = 3_600_000;

export interface CallLogOutboxOptions extends Partial<CallLogOutboxConfig> {
  /**
   * `false`: no dispatcher now, even with an API key (`startDispatcher` starts one later);
   * an object: dispatcher tuning (poll interval, backoff, lease…). Default: run one when
   * there is an API key.
   */
  dispatcher?: false | Partial<DispatcherOptions>;
  /** How often the reconciliation sweep runs (default 60 s) and how far back it looks (default 24 h). */
  reconcileIntervalMs?: number;
  reconcileWindowMs?: number;
  /** How long DONE rows are kept (default 7 days; at least the reconciliation window). */
  retentionMs?: number;
}

export interface CallLogOutboxRuntime {
  /** The event pipeline's hook: queues rows for the calls of these applied events that ended. Never throws. */
  onApplied(messages: readonly CallEventMessage[]): Promise<void>;
  resolvers: { Query: QueryResolvers };
  store: SqlOutboxStore;
  rule: CallbackRule;
  /** Starts the dispatcher (replacing a running one). */
  startDispatcher(options: Partial<DispatcherOptions> & Pick<DispatcherOptions, 'apiKey'>): Promise<OutboxDispatcher>;
  readonly dispatcher: OutboxDispatcher | null;
  /** Runs the reconciliation sweep now. */
  reconcile(): Promise<void>;
  close(): Promise<void>;
}

let warnedNoKey = false;

export function createCallLogOutbox(database: Database<CallCenterTables>, options: CallLogOutboxOptions = {}): CallLogOutboxRuntime {
  const config: CallLogOutboxConfig = { ...callLogOutboxConfig(), ...definedOnly(options) };
  const rule: CallbackRule = { dispositions: config.callbackDispositions, queues: config.callbackQueues };
  const store = new SqlOutboxStore(database);
  const reconcileWindowMs = options.reconcileWindowMs ?? 24 * HOUR;
  const retentionMs = Math.max(options.retentionMs ?? 7 * 24 * HOUR, reconcileWindowMs);
  let dispatcher: OutboxDispatcher | null = null;
  let closed = false;

  const defaults = (): Omit<DispatcherOptions, 'apiKey'> => ({
    gatewayUrl: config.gatewayUrl,
    retryBaseMs: config.retryBaseMs,
    retryMaxMs: config.retryMaxMs,
    ...(options.dispatcher || {}),
  });

  async function reconcile(): Promise<void> {
    const now = Date.now();
    const missing = await store.endedCallsWithoutRows(new Date(now - reconcileWindowMs).toISOString(), 1000);
    if (missing.length > 0 && (await store.recordEndedCalls(missing, rule, new Date().toISOString())) > 0) dispatcher?.kick();
    await store.purgeDone(new Date(now - retentionMs).toISOString());
  }

  let sweeping: Promise<void> | null = null;
  const runReconcile = () => {
    if (closed || sweeping) return;
    sweeping = reconcile()
      .catch((error: unknown) => log.error({ err: error }, 'call-log outbox: the reconciliation sweep failed; it runs again later'))
      .finally(() => (sweeping = null));
  };
  runReconcile();
  const timer = setInterval(runReconcile, options.reconcileIntervalMs ?? 60_000);
  timer.unref();

  const runtime: CallLogOutboxRuntime = {
    async onApplied(messages) {
      const callIds = new Set<string>();
      for (const { call } of messages) {
        callIds.add(call.id);
        // A transfer ends the leg it came from.
        if (call.parentCallId !== null) callIds.add(call.parentCallId);
      }
      if (callIds.size === 0) return;
      try {
        if ((await store.recordEndedCalls([...callIds], rule, new Date().toISOString())) > 0) dispatcher?.kick();
      } catch (error) {
        // The reconciliation sweep queues them later.
        log.error({ err: error }, `call-log outbox: queueing ${callIds.size} calls failed; the sweep retries`);
      }
    },
    resolvers: outboxResolvers(store, () => dispatcher !== null),
    store,
    rule,
    async startDispatcher(overrides) {
      if (dispatcher) await dispatcher.close();
      dispatcher = new OutboxDispatcher(store, { ...defaults(), ...overrides });
      if (!closed) dispatcher.start();
      return dispatcher;
    },
    get dispatcher() {
      return dispatcher;
    },
    reconcile,
    async close() {
      closed = true;
      clearInterval(timer);
      if (dispatcher) await dispatcher.close();
      if (sweeping) await sweeping;
    },
  };

  if (options.dispatcher !== false) {
    if (config.apiKey) {
      dispatcher = new OutboxDispatcher(store, { ...defaults(), apiKey: config.apiKey });
      dispatcher.start();
    } else if (!warnedNoKey) {
      warnedNoKey = true;
      log.warn('call-log outbox: CALL_LOG_API_KEY is not set, so no dispatcher runs: ended calls queue up in the outbox (query `callLogOutbox`) until one does.');
    }
  }
  return runtime;
}

function definedOnly(options: CallLogOutboxOptions): Partial<CallLogOutboxConfig> {
  const out: Partial<CallLogOutboxConfig> = {};
  if (options.gatewayUrl !== undefined) out.gatewayUrl = options.gatewayUrl;
  if (options.apiKey !== undefined) out.apiKey = options.apiKey;
  if (options.callbackDispositions !== undefined) out.callbackDispositions = options.callbackDispositions;
  if (options.callbackQueues !== undefined) out.callbackQueues = options.callbackQueues;
  if (options.retryBaseMs !== undefined) out.retryBaseMs = options.retryBaseMs;
  if (options.retryMaxMs !== undefined) out.retryMaxMs = options.retryMaxMs;
  return out;
}
