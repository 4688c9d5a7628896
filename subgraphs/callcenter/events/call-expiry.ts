/**
 * Calls whose end never arrives (the vendor dropped the ENDED event, or it was sent while
 * this service was down) must not stay active forever: an active call makes its caller a
 * customer the agent serves (record-level access, docs/authorization.md). The rule:
 *
 * A call in an active state (ringing, connected, on hold, wrap-up) with no event received
 * for `callSilenceMs` (`CALL_EXPIRY_SILENCE_SECONDS`, default 4 h) is expired:
 * - at read time at once: `activeCalls` leaves it out (`silenceCutoff`), so it grants no
 *   access even before the sweep has run;
 * - by a periodic sweep, through the normal event path: an internal ENDED event with
 *   `SILENCE_EXPIRED_REASON` (a WRAP_UP_DONE for a call stuck in wrap-up) timed just after
 *   the call's last event, stored, applied by the state machine (disposition EXPIRED, agent
 *   presence updated), published to subscribers and logged to the CRM like any end. A real
 *   end arriving later replaces it (`cti/state-machine.ts`).
 *
 * Silence is measured on this service's clock (when events were received), not the vendor's.
 */
import { SILENCE_EXPIRED_REASON } from '../cti/state-machine.js';
import type { AcceptedEvent } from '../cti/event.js';
import type { CallEventPipeline } from './pipeline.js';
import type { CallEventStore, SilentCall } from './store.js';
import { loggerFor } from '../../shared/observability/logger.js';

const log = loggerFor('callcenter');

/** Calls expired per sweep at most (the next sweep takes the rest). */
const SWEEP_LIMIT = 500;

/** The instant before which a call's last received event makes it silent (ISO-8601). */
export function silenceCutoff(callSilenceMs: number, now = Date.now()): string {
  return new Date(now - callSilenceMs).toISOString();
}

/** The internal event that ends a silent call (deterministic id: one per call and kind, whichever instance sweeps). */
export function expiryEvent(call: SilentCall): AcceptedEvent {
  const type = call.state === 'WRAP_UP' ? 'WRAP_UP_DONE' : 'ENDED';
  const at = new Date(Date.parse(call.lastEventAt) + 1).toISOString();
  return {
    event: {
      id: `expired:${type}:${call.id}`,
      callId: call.id,
      parentCallId: null,
      type,
      at,
      sequence: null,
      from: null,
      to: null,
      direction: null,
      queueId: null,
      agentId: null,
      disconnectReason: SILENCE_EXPIRED_REASON,
    },
    source: 'internal',
    raw: { reason: 'silence', lastReceivedAt: call.lastReceivedAt },
  };
}

export interface CallExpiryOptions {
  store: CallEventStore;
  pipeline: CallEventPipeline;
  callSilenceMs: number;
  /** How often the sweep runs (ms); default a quarter of the silence, between 1 s and 60 s. */
  sweepIntervalMs?: number;
  log?: (line: string) => void;
}

/** The periodic sweep (see the module comment). `start()` schedules it; `close()` stops it. */
export class CallExpirySweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private closed = false;

  constructor(private readonly options: CallExpiryOptions) {}

  start(): void {
    const interval = this.options.sweepIntervalMs ?? Math.min(60_000, Math.max(1000, Math.floor(this.options.callSilenceMs / 4)));
    this.timer = setInterval(() => void this.sweep(), interval);
    this.timer.unref();
  }

  /** Expires the calls silent now; resolves with how many were ended (0 when a sweep is already running). */
  async sweep(now = Date.now()): Promise<number> {
    if (this.closed || this.running) return 0;
    this.running = this.expire(now)
      .catch((error: unknown) => {
        log.error({ err: error }, 'cti: expiring silent calls failed; the next sweep retries');
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async expire(now: number): Promise<number> {
    const silent = await this.options.store.silentCalls(silenceCutoff(this.options.callSilenceMs, now), SWEEP_LIMIT);
    if (silent.length === 0) return 0;
    const { accepted } = await this.options.pipeline.accept(silent.map(expiryEvent));
    await this.options.pipeline.idle();
    const minutes = Math.round(this.options.callSilenceMs / 60_000);
    (this.options.log ?? ((message: string) => log.info(message)))(`cti: ${accepted} call(s) without any event for ${minutes} min ended as EXPIRED: ${silent.map((c) => c.id).join(', ')}`);
    return accepted;
  }
}
