/**
 * From accepted webhook events to published call events:
 * - `accept` stores the events durably (the webhook answers 202 only after this). When this
 *   instance has nothing pending or being applied, it applies them in the same transaction
 *   (`CallEventStore.acceptAndApply`: one commit, not two) and publishes them right after
 *   the commit; if that transaction fails, nothing of it is stored and the events are stored
 *   alone, as when the pipeline is busy: then they are queued and
 * - right after the response, `drain` applies the queue in batches through the store
 *   (state machine) and publishes each applied event once on the pub/sub;
 * - events accepted but never applied (the process died, the database failed) are picked
 *   up at start and by a periodic sweep. Claiming in the store makes this safe with
 *   several instances: whoever claims an event applies and publishes it (events accepted and
 *   applied in one transaction are claimed by it: no one else sees them unapplied).
 * One application at a time per instance (a drain or a one-transaction accept), so the
 * stream positions an instance hands out grow in application order.
 */
import type { PubSub } from '../../shared/pubsub/pubsub.js';
import type { AcceptedEvent } from '../cti/event.js';
import { CALL_EVENTS_TOPIC, type CallEventMessage } from './message.js';
import type { CallEventStore } from './store.js';
import { loggerFor } from '../../shared/observability/logger.js';
import { carrierOf, extractContext, SpanKind, tracer, trace, type TraceCarrier } from '../../shared/observability/tracing.js';

const log = loggerFor('callcenter');

const BATCH = 500;
/** Accepted events whose trace (and acceptance time) is kept until they are published; past it, the newest go without. */
const MAX_TRACED = 10_000;

export interface PipelineOptions {
  store: CallEventStore;
  pubsub: PubSub;
  /** How often unapplied events are swept up (ms); also how old they must be. Default 30 s. */
  sweepIntervalMs?: number;
  /** Called after each applied batch has been published (the call-log outbox); must not throw. */
  onApplied?: (messages: readonly CallEventMessage[]) => Promise<void>;
}

/** Counters since start (`CallEventsRuntime.stats`). */
export interface PipelineStats {
  /** Events stored that were new. */
  accepted: number;
  /** Events received again (already stored). */
  duplicates: number;
  applied: number;
  /** Of `applied`, those applied in the transaction that accepted them. */
  appliedAtOnce: number;
  published: number;
  /** Applications that failed (their events are applied later). */
  failures: number;
}

export class CallEventPipeline {
  readonly stats: PipelineStats = { accepted: 0, duplicates: 0, applied: 0, appliedAtOnce: 0, published: 0, failures: 0 };
  private readonly pending: string[] = [];
  /** The webhook's trace and acceptance time of each accepted event not yet published, by event id. */
  private readonly traces = new Map<string, TraceCarrier>();
  private draining: Promise<void> | null = null;
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: PipelineOptions) {}

  /** Recovers what an earlier run left unapplied, then sweeps periodically. */
  start(): void {
    this.sweep(new Date().toISOString());
    const interval = this.options.sweepIntervalMs ?? 30_000;
    this.timer = setInterval(() => this.sweep(new Date(Date.now() - interval).toISOString()), interval);
    this.timer.unref();
  }

  /**
   * Stores the events; resolves with how many were new, once they are durable. Throws when
   * the store fails (the sender retries). When the pipeline is idle they are applied and
   * published before it resolves, else right after.
   */
  async accept(events: readonly AcceptedEvent[]): Promise<{ accepted: number; duplicates: number }> {
    const unique = new Set(events.map((e) => e.event.id)).size;
    const carrier: TraceCarrier = { ...carrierOf(), acceptedAt: Date.now() };
    if (this.isIdle()) {
      const fresh = await this.acceptAndApply(events, carrier);
      if (fresh !== null) return this.counted(fresh.length, unique);
    }
    const fresh = await this.options.store.insertEvents(events, new Date().toISOString());
    this.pending.push(...fresh);
    for (const id of fresh) if (this.traces.size < MAX_TRACED) this.traces.set(id, carrier);
    this.schedule();
    return this.counted(fresh.length, unique);
  }

  private counted(fresh: number, unique: number): { accepted: number; duplicates: number } {
    this.stats.accepted += fresh;
    this.stats.duplicates += unique - fresh;
    return { accepted: fresh, duplicates: unique - fresh };
  }

  /** Nothing queued, scheduled or being applied by this instance. */
  private isIdle(): boolean {
    return !this.closed && this.draining === null && !this.scheduled && this.pending.length === 0;
  }

  /**
   * Accepts and applies the events in one transaction, publishes them after its commit and
   * runs `onApplied`, holding the pipeline's one application slot (`draining`) until that is
   * done; resolves with the new ids once they are committed and published. Null when the
   * transaction failed: nothing of it was stored (the caller stores the events alone).
   */
  private async acceptAndApply(events: readonly AcceptedEvent[], carrier: TraceCarrier): Promise<string[] | null> {
    let release!: () => void;
    this.draining = new Promise<void>((resolve) => (release = resolve)).finally(() => {
      this.draining = null;
      if (this.pending.length > 0) this.schedule();
    });
    let result: { inserted: string[]; messages: CallEventMessage[] };
    try {
      result = await this.options.store.acceptAndApply(events, new Date().toISOString());
    } catch (error) {
      this.stats.failures += 1;
      log.warn({ err: error }, `cti: applying ${events.length} events as they were accepted failed; storing them to apply later`);
      release();
      return null;
    }
    this.stats.applied += result.messages.length;
    this.stats.appliedAtOnce += result.messages.length;
    const fresh = new Set(result.inserted);
    for (const message of result.messages) {
      this.options.pubsub.publish(CALL_EVENTS_TOPIC, this.traced(message, fresh.has(message.id) ? carrier : undefined));
      this.stats.published += 1;
    }
    void this.afterApplied(result.messages).finally(release);
    return result.inserted;
  }

  /** The `onApplied` hook, whose failures are logged (it must not throw). */
  private async afterApplied(messages: readonly CallEventMessage[]): Promise<void> {
    try {
      await this.options.onApplied?.(messages);
    } catch (error) {
      log.error({ err: error }, 'cti: the after-apply hook failed');
    }
  }

  /** Resolves when everything accepted so far has been applied and published. */
  async idle(): Promise<void> {
    while (!this.closed && (this.draining || this.scheduled || this.pending.length > 0)) {
      if (this.draining) await this.draining;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.draining) await this.draining;
  }

  /** Drains on the next turn of the event loop: after the 202 has been written. */
  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.draining ??= this.drain().finally(() => {
        this.draining = null;
        if (this.pending.length > 0) this.schedule();
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.closed) {
      const batch = this.pending.splice(0, BATCH);
      try {
        const messages = await this.options.store.applyEvents(batch, new Date().toISOString());
        this.stats.applied += messages.length;
        for (const message of messages) {
          this.options.pubsub.publish(CALL_EVENTS_TOPIC, this.traced(message, this.traces.get(message.id)));
          this.stats.published += 1;
        }
        for (const id of batch) this.traces.delete(id);
        await this.options.onApplied?.(messages);
      } catch (error) {
        // Left unapplied in the store: the next sweep retries them.
        this.stats.failures += 1;
        log.error({ err: error }, `cti: applying ${batch.length} events failed; they will be retried`);
      }
    }
  }

  /**
   * The message carrying its webhook's trace on (`trace`: a `cti.publish` span's context, a
   * child of the webhook request's span) and its acceptance time, for screen-pop latency.
   */
  private traced(message: CallEventMessage, carrier: TraceCarrier | undefined): CallEventMessage {
    if (!carrier) return message;
    const parent = extractContext(carrier);
    if (!trace.getSpanContext(parent)) return { ...message, trace: { acceptedAt: carrier.acceptedAt } };
    const span = tracer.startSpan('cti.publish', { kind: SpanKind.PRODUCER, attributes: { 'callcenter.event.type': message.type } }, parent);
    const published = { ...message, trace: { ...carrierOf(trace.setSpan(parent, span)), acceptedAt: carrier.acceptedAt } };
    span.end();
    return published;
  }

  private sweep(receivedBefore: string): void {
    if (this.closed) return;
    this.options.store
      .unappliedEvents(receivedBefore, BATCH * 4)
      .then((ids) => {
        const queued = new Set(this.pending);
        const missing = ids.filter((id) => !queued.has(id));
        if (missing.length === 0) return;
        this.pending.push(...missing);
        this.schedule();
      })
      .catch((error: unknown) => log.error({ err: error }, 'cti: sweeping unapplied events failed'));
  }
}
