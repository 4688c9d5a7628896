/**
 * Sends realistic signed CTI webhooks to a call center: calls arrive as a Poisson process
 * (`ratePerMinute`), mostly from seeded customers' numbers, some ambiguous (shared by
 * duplicate records), some unknown, a few withheld; each call plays out its timeline
 * (`scenario.ts`) in real time divided by `speedup`. Each event is one signed POST, its
 * timestamp the moment it is sent. `runSimulator` is what `npm run simulate` runs, and
 * what `npm start` can run in-process.
 */
import { randomUUID } from 'node:crypto';
import { Prng } from '../seed/prng.js';
import { ctiSignatureHeaders } from '../../callcenter/cti/signature.js';
import { loadCallerNumbers, type CallerNumbers } from './callers.js';
import { planCall, type Outcome } from './scenario.js';

export const DEFAULT_SIMULATOR_URL = 'http://127.0.0.1:4002/webhooks/cti';
const HOTLINES = ['+864008123456', '+861065001000', '+862161234567'];
const QUEUES = ['q_sales', 'q_support', 'q_billing', 'q_vip', 'q_en_support'];

export interface SimulatorOptions {
  url?: string;
  secret: string;
  /** Mean calls per minute (simulated time). */
  ratePerMinute?: number;
  /**
   * Stop starting calls after this many seconds of real time (0: until `signal` aborts).
   * Calls in progress then finish; when `signal` aborts, they are ended at once (ENDED with
   * `SIMULATOR_STOPPED`, then their wrap-up) before `runSimulator` resolves.
   */
  durationSeconds?: number;
  /** Agents `agt_001` … taking calls. */
  agents?: number;
  /** Simulated time runs this many times faster than real time. */
  speedup?: number;
  seed?: number;
  /** Caller numbers; the demo data set's (`loadCallerNumbers`) when omitted. */
  callers?: CallerNumbers;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface SimulatorStats {
  calls: number;
  events: number;
  failed: number;
  outcomes: Partial<Record<Outcome, number>>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    // The listener goes when the timer fires: a long simulation must not pile them up.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The disconnect reason of the ENDED events the simulator sends for calls in progress when it stops. */
export const STOPPED_REASON = 'SIMULATOR_STOPPED';

/** Follows which legs of a call are open (offered, not ended) and in wrap-up, from the events sent. */
function track(body: Record<string, unknown>, open: Map<string, string | null>, inWrapUp: Map<string, string | null>): void {
  const callId = String(body.callId);
  const agentId = typeof body.agentId === 'string' ? body.agentId : null;
  switch (body.type) {
    case 'OFFERED':
    case 'TRANSFERRED':
    case 'ANSWERED':
      open.set(callId, agentId ?? open.get(callId) ?? null);
      break;
    case 'ENDED':
    case 'ABANDONED':
      open.delete(callId);
      if (body.type === 'ENDED') inWrapUp.set(callId, agentId);
      break;
    case 'WRAP_UP_DONE':
      inWrapUp.delete(callId);
      break;
  }
}

/** A China mobile number no seeded customer is likely to have (the seed's number plan does not reach 1399…). */
const unknownNumber = (prng: Prng) => `+861399${prng.digits(7)}`;

export async function runSimulator(options: SimulatorOptions): Promise<SimulatorStats> {
  const url = options.url ?? DEFAULT_SIMULATOR_URL;
  const rate = options.ratePerMinute ?? 6;
  const speedup = options.speedup ?? 1;
  const agentCount = options.agents ?? 20;
  const log = options.log ?? ((line: string) => console.log(line));
  const prng = new Prng(options.seed ?? Date.now() % 2 ** 31, 1);
  const callers = options.callers ?? loadCallerNumbers();
  const agents = Array.from({ length: agentCount }, (_, i) => `agt_${String(i + 1).padStart(3, '0')}`);
  const busy = new Set<string>();
  const stats: SimulatorStats = { calls: 0, events: 0, failed: 0, outcomes: {} };
  const inFlight = new Set<Promise<void>>();
  const endAt = options.durationSeconds ? Date.now() + options.durationSeconds * 1000 : Infinity;
  log(`simulator: ${rate} calls/min (×${speedup}), ${agentCount} agents, ${callers.known.length} known and ${callers.ambiguous.length} ambiguous numbers from ${callers.where} → ${url}`);

  const send = async (body: Record<string, unknown>) => {
    const payload = JSON.stringify({ id: `sim_${randomUUID()}`, at: new Date().toISOString(), ...body });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(options.secret, payload) },
        body: payload,
      });
      if (response.status === 202) stats.events += 1;
      else {
        stats.failed += 1;
        log(`simulator: webhook answered ${response.status}: ${await response.text()}`);
      }
    } catch (error) {
      stats.failed += 1;
      log(`simulator: webhook failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const caller = (): string | null => {
    const r = prng.next();
    if (r < 0.02) return null;
    if (r < 0.07 && callers.ambiguous.length > 0) return prng.pick(callers.ambiguous);
    if (r < 0.15 || callers.known.length === 0) return unknownNumber(prng);
    return prng.pick(callers.known);
  };

  const startCall = () => {
    const free = agents.filter((a) => !busy.has(a));
    const agentId = free.length > 0 ? prng.pick(free) : prng.pick(agents);
    const others = free.filter((a) => a !== agentId);
    const setup = {
      callId: `sim_call_${randomUUID().slice(0, 12)}`,
      from: caller(),
      hotline: prng.pick(HOTLINES),
      queueId: prng.pick(QUEUES),
      agentId,
      transferAgentId: others.length > 0 ? prng.pick(others) : agentId,
      transferQueueId: prng.pick(QUEUES),
    };
    // Nobody free: the caller gives up in the queue.
    const plan = planCall(prng, setup, free.length === 0 ? 'ABANDONED' : undefined);
    stats.calls += 1;
    stats.outcomes[plan.outcome] = (stats.outcomes[plan.outcome] ?? 0) + 1;
    for (const a of plan.agents) busy.add(a);
    const run = (async () => {
      const started = Date.now();
      /** Legs that were offered and have not ended yet, with their agent; and legs waiting for their wrap-up to end. */
      const open = new Map<string, string | null>();
      const inWrapUp = new Map<string, string | null>();
      for (const planned of plan.events) {
        await sleep(Math.max(0, started + planned.offsetMs / speedup - Date.now()), options.signal);
        if (options.signal?.aborted) break;
        await send(planned.body);
        track(planned.body, open, inWrapUp);
      }
      // Stopped mid-call: end what was started, so no call stays active after the simulator.
      if (options.signal?.aborted) {
        for (const [callId, agentId] of open) {
          await send({ callId, type: 'ENDED', agentId, disconnectReason: STOPPED_REASON });
          inWrapUp.set(callId, agentId);
        }
        for (const [callId, agentId] of inWrapUp) if (agentId !== null) await send({ callId, type: 'WRAP_UP_DONE', agentId });
      }
      for (const a of plan.agents) busy.delete(a);
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };

  while (!options.signal?.aborted && Date.now() < endAt) {
    const gapMs = (prng.exponential(60 / rate) * 1000) / speedup;
    await sleep(Math.min(gapMs, Math.max(0, endAt - Date.now())), options.signal);
    if (options.signal?.aborted || Date.now() >= endAt) break;
    startCall();
  }
  await Promise.all(inFlight);
  log(`simulator: ${stats.calls} calls, ${stats.events} events sent, ${stats.failed} failed`);
  return stats;
}
