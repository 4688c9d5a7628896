/**
 * From accepted webhook events to published call events:
 * - `accept` stores the events durably (the webhook answers 202 only after this) and
 *   queues the new ones;
 * - right after the response, `drain` applies the queue in batches through the store
 *   (state machine) and publishes each applied event once on the pub/sub;
 * - events accepted but never applied (the process died, the database failed) are picked
 *   up at start and by a periodic sweep. Claiming in the store makes this safe with
 *   several instances: whoever claims an event applies and publishes it.
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

export interface PipelineStats {
  accepted: number;
  duplicates: number;
  applied: number;
  published: number;
  failures: number;
}

export class CallEventPipeline {
  readonly stats: PipelineStats = { accepted: 0, duplicates: 0, applied: 0, published: 0, failures: 0 };
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

  /** Stores the events; resolves with how many were new. Throws when the store fails (the sender retries). */
  async accept(events: readonly AcceptedEvent[]): Promise<{ accepted: number; duplicates: number }> {
    const fresh = await this.options.store.insertEvents(events, new Date().toISOString());
    const unique = new Set(events.map((e) => e.event.id)).size;
    this.stats.accepted += fresh.length;
    this.stats.duplicates += unique - fresh.length;
    this.pending.push(...fresh);
    const carrier: TraceCarrier = { ...carrierOf(), acceptedAt: Date.now() };
    for (const id of fresh) if (this.traces.size < MAX_TRACED) this.traces.set(id, carrier);
    this.schedule();
    return { accepted: fresh.length, duplicates: unique - fresh.length };
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
          this.options.pubsub.publish(CALL_EVENTS_TOPIC, this.traced(message));
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
  private traced(message: CallEventMessage): CallEventMessage {
    const carrier = this.traces.get(message.id);
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
