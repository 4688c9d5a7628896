/**
 * `npm run soak -- --minutes N [--calls-per-second R]`: the product as `npm start` runs it
 * (four processes, SQLite, the call-log outbox writing through the gateway) under a steady
 * load for N minutes: simulated calls sent as signed CTI webhooks (offered, answered, ended),
 * one screen-pop subscriber through the gateway counting every call's OFFERED frame, and an
 * `identifyCaller` query per call. Every `--report-seconds` (default 60) a line of memory per
 * process, latencies, lost and duplicated screen-pops. At the end, data accuracy: of the calls
 * sent to the call center, the share whose call log the CRM holds (target ≥ 99.5 %).
 * Exit code 1 when accuracy is under target or a screen-pop was lost or duplicated.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { GatewayStore } from '../../gateway/store/gateway-store.js';
import { gatewayDatabaseConfig } from '../../gateway/store/gateway-store.js';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { distribution } from '../screen-pop/percentiles.js';
import { rssMb } from '../screen-pop/process-usage.js';
import { BENCH_SECRETS, CTI_SECRET, benchEnv, freePort, gatewayQuery, startStackProcesses } from '../screen-pop/stack.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'calls-per-second': { type: 'string', default: '2' },
    'report-seconds': { type: 'string', default: '60' },
    customers: { type: 'string', default: '200' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values['calls-per-second']);
const reportMs = Number(values['report-seconds']) * 1000;
const TARGET_ACCURACY = 99.5;

interface SentCall {
  callId: string;
  customerId: string;
  sentAt: number;
  frames: number;
  frameAt: number | null;
}

const dir = mkdtempSync(join(tmpdir(), 'switchboard-soak-'));
const logDir = join(dir, 'logs');
mkdirSync(logDir);
const gatewayPort = await freePort();
const env = benchEnv(dir);
// The call-log outbox's service account, as `npm start` creates it.
const store = await GatewayStore.open(gatewayDatabaseConfig(env));
const { key } = await store.createApiKey('call-log-soak', ['customers:read', 'customers:write', 'tickets:write']);
await store.close();
const stack = await startStackProcesses({
  dataDir: dir,
  logDir,
  seedCustomers: Number(values.customers),
  env: { GATEWAY_PORT: String(gatewayPort), CALL_LOG_API_KEY: key, SWITCHBOARD_GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`, CALL_LOG_RETRY_MAX_SECONDS: '10' },
});
const tokenEnv = { ...process.env, ...BENCH_SECRETS };
const admin = await signDevToken({ role: 'admin', sub: 'soak-admin', ttl: '1d' }, tokenEnv);
const agents = (await gatewayQuery<{ agents: { id: string }[] }>(stack.graphqlUrl, admin, '{ agents { id } }')).agents;
const candidates = (
  await gatewayQuery<{ customers: { nodes: { id: string; phones: { e164: string }[] }[] } }>(stack.graphqlUrl, admin, '{ customers(first: 100) { nodes { id phones { e164 } } } }')
).customers.nodes.filter((c) => c.phones.length === 1);
// Only numbers that identify one customer: a call from a shared number is logged on no one's timeline (by design).
const customers: typeof candidates = [];
for (const candidate of candidates) {
  const { identifyCaller } = await gatewayQuery<{ identifyCaller: { status: string } }>(stack.graphqlUrl, admin, 'query($p: String!) { identifyCaller(phone: $p) { status } }', { p: candidate.phones[0]!.e164 });
  if (identifyCaller.status === 'SINGLE') customers.push(candidate);
}

const sent = new Map<string, SentCall>();
let duplicates = 0;
let webhookFailures = 0;
const queryMs: number[] = [];
const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 5, lazy: false, connectionParams: { authorization: `Bearer ${admin}` } });
client.subscribe<{ callEvents: { call: { id: string } } }>(
  { query: 'subscription { callEvents(types: [OFFERED]) { call { id } } }' },
  {
    next: ({ data }) => {
      const call = data && sent.get(data.callEvents.call.id);
      if (!call) return;
      call.frames += 1;
      if (call.frames > 1) duplicates += 1;
      else call.frameAt = Date.now();
    },
    error: (error) => console.error('soak: subscription ended', error),
    complete: () => undefined,
  },
);
await new Promise((resolve) => setTimeout(resolve, 1000));

let sequence = 0;
async function placeCall(): Promise<void> {
  sequence += 1;
  const customer = customers[sequence % customers.length]!;
  const phone = customer.phones[0]!.e164;
  const callId = `call_soak_${process.pid}_${sequence}`;
  const base = Date.now() - 60_000;
  const event = (type: string, offset: number) => ({ id: `evt_${callId}_${type}`, callId, type, at: new Date(base + offset).toISOString(), from: phone, to: '+864008123456', direction: 'INBOUND', queueId: 'q_support', agentId: agents[sequence % agents.length]!.id });
  const body = JSON.stringify({ events: [event('OFFERED', 0), event('ANSWERED', 5_000), event('ENDED', 40_000)] });
  sent.set(callId, { callId, customerId: customer.id, sentAt: Date.now(), frames: 0, frameAt: null });
  const response = await fetch(stack.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(CTI_SECRET, body) }, body }).catch(() => null);
  if (response?.status !== 202) webhookFailures += 1;
  const started = performance.now();
  await gatewayQuery(stack.graphqlUrl, admin, 'query($p: String!) { identifyCaller(phone: $p) { status } }', { p: phone }).then(
    () => queryMs.push(performance.now() - started),
    () => undefined,
  );
}

function lost(olderThanMs: number): number {
  const cutoff = Date.now() - olderThanMs;
  return [...sent.values()].filter((c) => c.frames === 0 && c.sentAt < cutoff).length;
}

const processes = { gateway: stack.gateway, crm: stack.crm, callcenter: stack.callcenter, tickets: stack.tickets };
function report(elapsedMs: number): void {
  const pops = distribution([...sent.values()].filter((c) => c.frameAt !== null).map((c) => c.frameAt! - c.sentAt));
  const queries = distribution(queryMs.splice(0));
  const memory = Object.entries(processes).map(([name, child]) => `${name} ${rssMb(child.pid).toFixed(0)}`).join(', ');
  console.log(
    `[${new Date().toISOString()}] ${(elapsedMs / 60_000).toFixed(1)} min: calls ${sent.size}, webhook failures ${webhookFailures}, screen-pops lost ${lost(10_000)} duplicated ${duplicates}, ` +
      `webhook→frame p50 ${pops.p50?.toFixed(0)} ms p99 ${pops.p99?.toFixed(0)} ms, query p99 ${queries.p99?.toFixed(0)} ms, RSS MB: ${memory}`,
  );
}

const start = Date.now();
const end = start + minutes * 60_000;
let nextReport = start + reportMs;
const inFlight = new Set<Promise<void>>();
while (Date.now() < end) {
  const tick = Date.now();
  for (let i = 0; i < rate; i += 1) {
    const call = placeCall().finally(() => inFlight.delete(call));
    inFlight.add(call);
  }
  if (Date.now() >= nextReport) {
    report(Date.now() - start);
    nextReport += reportMs;
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - tick))));
}
await Promise.all(inFlight);
await new Promise((resolve) => setTimeout(resolve, 10_000));
report(Date.now() - start);

// Data accuracy: every sent call's log in the CRM (the outbox may still be catching up: up to 2 min).
async function logged(): Promise<number> {
  const byCustomer = new Map<string, Set<string>>();
  for (const call of sent.values()) byCustomer.set(call.customerId, new Set());
  for (const [customerId, ids] of byCustomer) {
    const data = await gatewayQuery<{ customer: { activities: { nodes: { callId?: string }[] } | null } | null }>(
      stack.graphqlUrl,
      admin,
      'query($id: ID!) { customer(id: $id) { activities(types: [CALL_LOG], first: 100) { nodes { ... on CallLogActivity { callId } } } } }',
      { id: customerId },
    );
    for (const node of data.customer?.activities?.nodes ?? []) if (node.callId) ids.add(node.callId);
  }
  return [...sent.values()].filter((c) => byCustomer.get(c.customerId)!.has(c.callId)).length;
}
let found = await logged();
for (let waited = 0; found < sent.size && waited < 120_000; waited += 10_000) {
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  found = await logged();
}
const accuracy = (100 * found) / Math.max(1, sent.size);
const lostPops = lost(0);
console.log(`\nsoak ${minutes} min at ${rate} calls/s: ${sent.size} calls sent, ${found} call logs in the CRM: accuracy ${accuracy.toFixed(2)} % (target ≥ ${TARGET_ACCURACY} %); screen-pops lost ${lostPops}, duplicated ${duplicates}; webhook failures ${webhookFailures}`);
await client.dispose();
await stack.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(accuracy >= TARGET_ACCURACY && lostPops === 0 && duplicates === 0 ? 0 : 1);
