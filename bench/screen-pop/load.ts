/**
 * The screen-pop benchmark's load process (started by `run.ts`, separate from the servers):
 * opens one graphql-ws connection per agent to the gateway, each with the ScreenPop
 * subscription of issue 4 for that agent, proves every subscription live with one probe
 * call per agent, then posts signed CTI webhooks (one event per request) at each rate for
 * the phase's duration and records, per event, when its 202 came back and when its enriched
 * event reached the agent's subscription. Writes the raw figures to the result file; prints
 * `{"phase":…}` lines on stdout so `run.ts` can measure the servers per phase.
 *
 * Usage: node --import tsx bench/screen-pop/load.ts <config.json> <result.json>
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import type { Viewer } from '../../schema/viewer.js';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';
import { distribution, type Distribution } from './percentiles.js';
import { SCREEN_POP } from '../../schema/operations/index.js';

export interface LoadConfig {
  wsUrl: string;
  webhookUrl: string;
  /** The call-center subgraph's own graphql-ws endpoint: a tap there times the call center's part. */
  callcenterWsUrl: string;
  ctiSecret: string;
  agents: number;
  /** Webhook events per second, one phase each. */
  rates: number[];
  phaseSeconds: number;
  /** E.164 numbers of seeded customers the calls come from. */
  phones: string[];
}

export interface PhaseResult {
  rate: number;
  seconds: number;
  /** Events posted / seconds between the first and the last post. */
  achievedRate: number;
  posted: number;
  /** Non-202 answers or failed requests. */
  refused: number;
  /** Accepted events whose enriched event did not arrive within the drain timeout. */
  missing: number;
  /** Posts that left more than 20 ms after their slot (the load process falling behind). */
  latePosts: number;
  /** 202 received → enriched event received by its subscriber (ms). */
  acceptedToEvent: Distribution;
  /** The same by event type. */
  byType: Record<string, Distribution>;
  /** 202 received → the event published by the call center (seen on a direct subscription to it). */
  acceptedToCallCenterEvent: Distribution;
  /** Event published by the call center → enriched event at the subscriber: the gateway's part. */
  callCenterEventToSubscriber: Distribution;
  /** Request sent → 202 received (ms). */
  webhookAnswer: Distribution;
  /** Events without caller candidates (the enrichment from the CRM missing). */
  notEnriched: number;
  errors: string[];
}

export interface LoadResult {
  agents: number;
  connected: number;
  subscribedLive: number;
  connectSeconds: number;
  closes: Record<string, number>;
  phases: PhaseResult[];
}

interface ScreenPopData {
  callEvents?: { type: string; call: { id: string; caller: { status: string; candidates: { displayName: string }[] } | null } | null };
}

interface Tracked {
  type: string;
  sentAt: number;
  acceptedAt: number | null;
  receivedAt: number | null;
  /** When the call center's own subscription delivered it (the tap). */
  tappedAt: number | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const agentId = (index: number) => `agt_b${String(index + 1).padStart(4, '0')}`;
const QUEUES = ['q_support', 'q_sales', 'q_billing', 'q_vip', 'q_en_support'];

const [configPath, resultPath] = process.argv.slice(2);
if (!configPath || !resultPath) throw new Error('usage: load.ts <config.json> <result.json>');
const config = JSON.parse(readFileSync(configPath, 'utf8')) as LoadConfig;
const say = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

/** Every posted event by `${callId}:${type}`; events that arrive are matched against it. */
const tracked = new Map<string, Tracked>();
/** Arrivals of events not (yet) posted by this process, e.g. before the matching post was recorded. */
const early = new Map<string, number>();
const earlyTaps = new Map<string, number>();
const errors: string[] = [];
const closes: Record<string, number> = {};
let notEnriched = 0;

function onEvent(value: { data?: unknown; errors?: readonly { message: string }[] }): void {
  const receivedAt = performance.now();
  if (value.errors?.length && errors.length < 20) errors.push(value.errors.map((e) => e.message).join('; '));
  const event = (value.data as ScreenPopData | null | undefined)?.callEvents;
  if (!event?.call) return;
  if (!event.call.caller?.candidates.length || !event.call.caller.candidates[0]?.displayName) notEnriched += 1;
  const key = `${event.call.id}:${event.type}`;
  const entry = tracked.get(key);
  if (entry) entry.receivedAt ??= receivedAt;
  else early.set(key, receivedAt);
}

function connect(token: string): Client {
  return createClient({
    url: config.wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        const key = `${code}${reason ? ` ${reason}` : ''}`;
        closes[key] = (closes[key] ?? 0) + 1;
      },
    },
    onNonLazyError: () => undefined,
  });
}

/** Posts one webhook; records when its 202 came back. */
async function post(events: Record<string, unknown>[], track: boolean): Promise<boolean> {
  const body = JSON.stringify({ events });
  const sentAt = performance.now();
  const entries = events.map((event) => {
    const key = `${String(event.callId)}:${String(event.type)}`;
    const entry: Tracked = { type: String(event.type), sentAt, acceptedAt: null, receivedAt: early.get(key) ?? null, tappedAt: earlyTaps.get(key) ?? null };
    early.delete(key);
    earlyTaps.delete(key);
    if (track) tracked.set(key, entry);
    return entry;
  });
  try {
    const response = await fetch(config.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(config.ctiSecret, body) },
      body,
    });
    const answer = await response.text();
    const acceptedAt = performance.now();
    if (response.status !== 202) {
      if (errors.length < 20) errors.push(`webhook answered ${response.status}: ${answer.slice(0, 200)}`);
      return false;
    }
    for (const entry of entries) entry.acceptedAt = acceptedAt;
    return true;
  } catch (error) {
    if (errors.length < 20) errors.push(`webhook failed: ${(error as Error).message}`);
    return false;
  }
}

function event(callId: string, type: string, agent: string, phone: string, queueId: string): Record<string, unknown> {
  return { id: `evt_${randomUUID()}`, callId, type, at: new Date().toISOString(), from: phone, to: '+864008123456', direction: 'INBOUND', queueId, agentId: agent };
}

// 0. The tap: one subscription straight to the call-center subgraph (as the gateway does), for every event.
const tapViewer: Viewer = { subject: 'bench-tap', kind: 'service', role: 'service', scopes: ['calls:read'], team: null, agentId: null, expiresAt: null };
const tap = createClient({
  url: config.callcenterWsUrl,
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  connectionParams: async () => ({ authorization: `Bearer ${await signInternalToken(tapViewer)}` }),
  onNonLazyError: () => undefined,
});
tap.subscribe(
  { query: 'subscription { callEvents(types: [OFFERED, ANSWERED, ENDED]) { type call { id } } }' },
  {
    next: (value) => {
      const at = performance.now();
      const data = (value.data as ScreenPopData | null | undefined)?.callEvents;
      if (!data?.call) return;
      const key = `${data.call.id}:${data.type}`;
      const entry = tracked.get(key);
      if (entry) entry.tappedAt ??= at;
      else earlyTaps.set(key, at);
    },
    error: (error) => void errors.push(`call-center tap ended: ${JSON.stringify(error).slice(0, 200)}`),
    complete: () => undefined,
  },
);

// 1. One connection and one ScreenPop subscription per agent.
const connectStarted = performance.now();
const clients: Client[] = [];
/** Agents (by index) whose subscription delivered a probe call. */
const probeReceived = new Set<number>();
for (let batch = 0; batch < config.agents; batch += 50) {
  const opened = await Promise.all(
    Array.from({ length: Math.min(50, config.agents - batch) }, async (_, i) => {
      const index = batch + i;
      const token = await signDevToken({ role: 'agent', sub: `bench-agent-${index + 1}`, agentId: agentId(index), team: 'unassigned', ttl: '2h' });
      const client = connect(token);
      client.subscribe(
        { query: SCREEN_POP, variables: { agentId: agentId(index) } },
        {
          next: (value) => {
            const data = (value.data as ScreenPopData | null | undefined)?.callEvents;
            if (data?.call?.id.startsWith('bench_probe_')) probeReceived.add(Number(data.call.id.split('_').at(-1)));
            else onEvent(value);
          },
          error: (error) => {
            if (errors.length < 20) errors.push(`subscription ${agentId(index)} ended: ${JSON.stringify(error).slice(0, 200)}`);
          },
          complete: () => undefined,
        },
      );
      return client;
    }),
  );
  clients.push(...opened);
}
const connectSeconds = (performance.now() - connectStarted) / 1000;
say({ connected: clients.length, seconds: connectSeconds });

// 2. A probe call per agent, until every subscription has delivered one (all live end to end).
const run = randomUUID().slice(0, 6);
const probeDeadline = performance.now() + 120_000;
await sleep(1000);
for (let attempt = 0; probeReceived.size < config.agents && performance.now() < probeDeadline; attempt++) {
  // Agents whose subscription had not started yet when their probe was applied get another one.
  const pending = Array.from({ length: config.agents }, (_, i) => i).filter((i) => !probeReceived.has(i));
  for (let k = 0; k < pending.length; k += 50) {
    const events = pending.slice(k, k + 50).map((i) => event(`bench_probe_${run}_${attempt}_${i}`, 'OFFERED', agentId(i), config.phones[i % config.phones.length]!, 'q_support'));
    await post(events, false);
    await sleep(100);
  }
  const waitUntil = performance.now() + 10_000;
  while (probeReceived.size < config.agents && performance.now() < waitUntil) await sleep(100);
  say({ probe: attempt + 1, live: probeReceived.size });
}

// 3. The measured phases.
const phases: PhaseResult[] = [];
for (const rate of config.rates) {
  await sleep(2000);
  const phaseKeys: string[] = [];
  const total = Math.round(rate * config.phaseSeconds);
  // Each call is OFFERED, ANSWERED ~1 s later, ENDED ~3 s later; slots cycle through the three
  // so the rate stays constant; slots whose call would have started before the phase offer a new call.
  const answerLag = Math.max(1, Math.round(rate / 3));
  const endLag = Math.max(2, Math.round(rate));
  let calls = 0;
  const callOf = new Map<number, { id: string; agent: string; phone: string; queue: string }>();
  const newCall = (slotCall: number) => {
    const n = calls++;
    const call = { id: `bench_${run}_${rate}_${n}`, agent: agentId((n * 37 + rate) % config.agents), phone: config.phones[(n * 13) % config.phones.length]!, queue: QUEUES[n % QUEUES.length]! };
    callOf.set(slotCall, call);
    return call;
  };
  let refused = 0;
  let latePosts = 0;
  const posts: Promise<void>[] = [];
  say({ phase: 'start', rate });
  const started = performance.now();
  let lastPost = started;
  for (let slot = 0; slot < total; slot++) {
    const due = started + (slot * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (performance.now() - due > 20) latePosts += 1;
    const slotCall = Math.floor(slot / 3);
    const kind = slot % 3;
    let payload: Record<string, unknown>;
    const earlier = kind === 1 ? callOf.get(slotCall - answerLag) : kind === 2 ? callOf.get(slotCall - endLag) : undefined;
    if (kind === 0 || !earlier) {
      const call = newCall(kind === 0 ? slotCall : -1 - slot);
      payload = event(call.id, 'OFFERED', call.agent, call.phone, call.queue);
    } else {
      payload = event(earlier.id, kind === 1 ? 'ANSWERED' : 'ENDED', earlier.agent, earlier.phone, earlier.queue);
    }
    phaseKeys.push(`${String(payload.callId)}:${String(payload.type)}`);
    lastPost = performance.now();
    posts.push(post([payload], true).then((ok) => void (ok ? undefined : (refused += 1))));
  }
  await Promise.all(posts);
  const sendSeconds = (lastPost - started) / 1000;
  // Drain: wait for every accepted event to arrive (at most 15 s).
  const drainUntil = performance.now() + 15_000;
  const arrivedAll = () => phaseKeys.every((key) => tracked.get(key)?.acceptedAt === null || tracked.get(key)?.receivedAt !== null);
  while (!arrivedAll() && performance.now() < drainUntil) await sleep(50);
  say({ phase: 'end', rate });
  const entries = phaseKeys.map((key) => tracked.get(key)!);
  const accepted = entries.filter((e) => e.acceptedAt !== null);
  const latencies = (list: Tracked[]) => list.filter((e) => e.receivedAt !== null).map((e) => e.receivedAt! - e.acceptedAt!);
  const byType: Record<string, Distribution> = {};
  for (const type of ['OFFERED', 'ANSWERED', 'ENDED']) byType[type] = distribution(latencies(accepted.filter((e) => e.type === type)));
  phases.push({
    rate,
    seconds: config.phaseSeconds,
    achievedRate: Math.round(((total - 1) / Math.max(sendSeconds, 0.001)) * 10) / 10,
    posted: total,
    refused,
    missing: accepted.filter((e) => e.receivedAt === null).length,
    latePosts,
    acceptedToEvent: distribution(latencies(accepted)),
    byType,
    webhookAnswer: distribution(accepted.map((e) => e.acceptedAt! - e.sentAt)),
    acceptedToCallCenterEvent: distribution(accepted.filter((e) => e.tappedAt !== null).map((e) => e.tappedAt! - e.acceptedAt!)),
    callCenterEventToSubscriber: distribution(accepted.filter((e) => e.tappedAt !== null && e.receivedAt !== null).map((e) => e.receivedAt! - e.tappedAt!)),
    notEnriched,
    errors: errors.splice(0),
  });
  notEnriched = 0;
}

const result: LoadResult = { agents: config.agents, connected: clients.length, subscribedLive: probeReceived.size, connectSeconds, closes, phases };
writeFileSync(resultPath, JSON.stringify(result, null, 2));
await Promise.all([...clients, tap].map((client) => client.dispose()));
say({ done: true });
process.exit(0);
