/**
 * `npm run bench:screen-pop`: the live screen-pop benchmark of issue 4. Starts the three
 * subgraphs and the gateway as separate processes over a fresh demo data set (1,000
 * customers seeded on start, as `npm start` does) in a temporary data directory, with a fixed
 * CTI secret; a separate load process (`load.ts`) subscribes 1,000 agents (`agt_b0001`…,
 * agent tokens, one graphql-ws connection each) to the ScreenPop subscription through the
 * gateway and posts signed webhooks at 50 and at 200 events/s, 20 s each. Measures 202
 * accepted → enriched event received (p50/p95/p99) and the servers' CPU and memory; prints a
 * table and writes JSON to bench/results/.
 *
 * A tap (one subscription straight to the call-center subgraph) splits the latency into the
 * call center's part (202 → event published) and the gateway's (→ enriched event received).
 *
 * Options: --agents 1000 --rates 50,200 --seconds 20 --customers 1000 --keep (keep the data dir)
 * --profile (V8 CPU profiles of the four servers' main threads over the last phase into
 * bench/results/screen-pop-profile/; summarise one with
 * `node --import tsx bench/gateway/profile-summary.ts <file>`)
 *
 * The column "CPU ms/event" is the CPU time (user + system, `/proc`) the four servers used in
 * the phase divided by the events delivered: unlike latency, it holds on a busy machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { cell, table } from './percentiles.js';
import { lifetimePeakRssMb, machine, UsageSampler, type UsageWindow } from './process-usage.js';
import { CTI_SECRET, ROOT, gatewayQuery, startNode, startStackProcesses, tail } from './stack.js';
import type { LoadConfig, LoadResult } from './load.js';

const TARGET_P99_MS = 50;
/** The server processes whose CPU time makes up "CPU ms/event" (not the load process). */
const SERVERS = ['gateway', 'callcenter', 'crm', 'tickets'] as const;

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '1000' },
    rates: { type: 'string', default: '50,200' },
    seconds: { type: 'string', default: '20' },
    customers: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const agents = Number(values.agents);
const rates = values.rates.split(',').map(Number);
const phaseSeconds = Number(values.seconds);
const customers = Number(values.customers);
if (![agents, phaseSeconds, customers, ...rates].every((n) => Number.isFinite(n) && n > 0)) throw new Error('--agents, --rates, --seconds and --customers must be positive numbers.');

const resultsDir = join(ROOT, 'bench/results');
const logDir = join(resultsDir, 'screen-pop-logs');
mkdirSync(logDir, { recursive: true });
for (const name of ['crm', 'callcenter', 'tickets', 'gateway', 'load']) rmSync(join(logDir, `${name}.log`), { force: true });
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-screen-pop-'));
const profileDir = values.profile ? join(resultsDir, 'screen-pop-profile') : undefined;
if (profileDir) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
}
const machineBefore = machine();
if (machineBefore.busy) console.warn(`WARNING: the machine is already busy (load average ${machineBefore.loadAverage.join(', ')}): the figures will be disturbed.`);

console.log(`Starting the stack (seeding ${customers} demo customers into ${dataDir}) …`);
const stack = await startStackProcesses({ dataDir, logDir, seedCustomers: customers, profileDir });
let sampler: UsageSampler | null = null;
try {
  const admin = await signDevToken({ role: 'admin', sub: 'bench-admin' }, stack.env);
  // The numbers of seeded customers, for the calls to come from.
  const phones: string[] = [];
  let after: string | null = null;
  do {
    const page: { customers: { nodes: { phones: { e164: string | null }[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gatewayQuery(
      stack.graphqlUrl,
      admin,
      'query($after: String) { customers(first: 100, after: $after) { nodes { phones { e164 } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    for (const node of page.customers.nodes) for (const phone of node.phones) if (phone.e164) phones.push(phone.e164);
    after = page.customers.pageInfo.hasNextPage ? page.customers.pageInfo.endCursor : null;
  } while (after);
  console.log(`${phones.length} customer numbers; starting the load process: ${agents} agents, ${rates.join(' and ')} events/s for ${phaseSeconds} s each …`);

  const config: LoadConfig = { wsUrl: stack.wsUrl, webhookUrl: stack.webhookUrl, callcenterWsUrl: stack.callcenterWsUrl, ctiSecret: CTI_SECRET, agents, rates, phaseSeconds, phones };
  const configPath = join(dataDir, 'load-config.json');
  const resultPath = join(dataDir, 'load-result.json');
  writeFileSync(configPath, JSON.stringify(config));
  const load = startNode('load', 'bench/screen-pop/load.ts', stack.env, join(logDir, 'load.log'), [configPath, resultPath]);
  sampler = new UsageSampler({ gateway: stack.gateway.pid, callcenter: stack.callcenter.pid, crm: stack.crm.pid, tickets: stack.tickets.pid, load: load.pid });
  const usage = new Map<number, Record<string, UsageWindow>>();
  let open: { rate: number; window: ReturnType<UsageSampler['window']> } | null = null;
  let buffered = '';
  load.process.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      let message: { phase?: 'start' | 'end'; rate?: number; connected?: number; probe?: number; live?: number };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        continue;
      }
      // The profiles cover the last phase only (profile-on-signal.ts: the first SIGUSR2 starts, the second writes).
      const profiled = profileDir !== undefined && message.rate === rates.at(-1);
      if (profiled && (message.phase === 'start' || message.phase === 'end')) {
        for (const child of [stack.gateway, stack.callcenter, stack.crm, stack.tickets]) child.process.kill('SIGUSR2');
      }
      if (message.phase === 'start') {
        open = { rate: message.rate!, window: sampler!.window() };
        console.log(`  ${message.rate} events/s …`);
      } else if (message.phase === 'end' && open) {
        usage.set(open.rate, open.window.end());
        open = null;
      } else if (message.connected !== undefined) console.log(`  ${message.connected} agents connected`);
      else if (message.probe !== undefined) console.log(`  probe ${message.probe}: ${message.live}/${agents} subscriptions live`);
    }
  });
  const code = await new Promise<number | null>((resolve) => load.process.once('exit', (exitCode) => resolve(exitCode)));
  if (code !== 0) throw new Error(`the load process failed (code ${code}).\n${tail(load.logFile)}`);
  const result = JSON.parse(readFileSync(resultPath, 'utf8')) as LoadResult;
  const peaks = { gateway: lifetimePeakRssMb(stack.gateway.pid), callcenter: lifetimePeakRssMb(stack.callcenter.pid), crm: lifetimePeakRssMb(stack.crm.pid), tickets: lifetimePeakRssMb(stack.tickets.pid) };

  const rows = result.phases.map((phase) => {
    const u = usage.get(phase.rate) ?? {};
    const d = phase.acceptedToEvent;
    const serverCpuMs = SERVERS.reduce((sum, name) => sum + (u[name]?.cpuMs ?? 0), 0);
    return [
      `${phase.rate}/s`,
      cell(phase.achievedRate),
      String(d.count),
      String(phase.missing + phase.refused),
      `${cell(d.p50)} ms`,
      `${cell(d.p95)} ms`,
      `${cell(d.p99)} ms`,
      `${cell(d.max)} ms`,
      `${cell(u.gateway?.cpuAvgPct, 0)}% / ${cell(u.gateway?.cpuPeakPct, 0)}%`,
      `${cell(u.gateway?.rssPeakMb, 0)} MB`,
      `${cell(u.callcenter?.cpuAvgPct, 0)}% / ${cell(u.callcenter?.cpuPeakPct, 0)}%`,
      `${cell(u.callcenter?.rssPeakMb, 0)} MB`,
      `${cell(u.crm?.cpuAvgPct, 0)}% / ${cell(u.tickets?.cpuAvgPct, 0)}% / ${cell(u.load?.cpuAvgPct, 0)}%`,
      d.count > 0 ? `${cell(serverCpuMs / d.count, 2)} ms` : '-',
      d.count > 0 ? SERVERS.map((name) => cell((u[name]?.cpuMs ?? 0) / d.count, 2)).join(' / ') : '-',
    ];
  });
  const header = ['rate', 'achieved', 'events', 'lost', 'p50', 'p95', 'p99', 'max', 'gateway CPU avg/peak', 'gateway RSS', 'callcenter CPU avg/peak', 'callcenter RSS', 'crm / tickets / load CPU', 'CPU ms/event', 'gw / cc / crm / tk ms/event'];
  const machineAfter = machine();
  console.log(`\nScreen-pop latency, webhook 202 → enriched event at the subscriber (${result.subscribedLive}/${agents} agents subscribed, ${machineAfter.description}; load average before ${machineBefore.loadAverage.join(', ')}):\n`);
  console.log(table(header, rows));
  console.log(`\nCPU: 100% = one core, averaged over the phase / busiest second. RSS: highest sampled in the phase. Lifetime peak RSS: gateway ${peaks.gateway.toFixed(0)} MB, callcenter ${peaks.callcenter.toFixed(0)} MB.`);
  for (const phase of result.phases) {
    const types = Object.entries(phase.byType).map(([type, d]) => `${type} p50 ${cell(d.p50)} / p99 ${cell(d.p99)} ms`).join(', ');
    console.log(`  ${phase.rate}/s: ${types}; webhook answer p50 ${cell(phase.webhookAnswer.p50)} / p99 ${cell(phase.webhookAnswer.p99)} ms; late posts ${phase.latePosts}; not enriched ${phase.notEnriched}`);
    const cc = phase.acceptedToCallCenterEvent;
    const gw = phase.callCenterEventToSubscriber;
    console.log(`    split: 202 → call center published p50 ${cell(cc.p50)} / p95 ${cell(cc.p95)} / p99 ${cell(cc.p99)} ms; published → subscriber (gateway) p50 ${cell(gw.p50)} / p95 ${cell(gw.p95)} / p99 ${cell(gw.p99)} ms`);
    for (const error of phase.errors.slice(0, 5)) console.log(`    error: ${error}`);
  }
  if (Object.keys(result.closes).length > 0) console.log(`  connections closed: ${JSON.stringify(result.closes)}`);
  const last = result.phases.find((p) => p.rate === 200) ?? result.phases.at(-1);
  if (last) {
    const p99 = last.acceptedToEvent.p99;
    console.log(`\nTarget (issue 4): p99 under ${TARGET_P99_MS} ms at 200 events/s: ${p99 !== null && p99 < TARGET_P99_MS && last.missing === 0 ? 'met' : 'MISSED'} (p99 ${cell(p99)} ms at ${last.rate}/s).`);
  }

  const file = join(resultsDir, `screen-pop-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ benchmark: 'screen-pop', at: new Date().toISOString(), machine: machineAfter.description, loadAverageBefore: machineBefore.loadAverage, loadAverageAfter: machineAfter.loadAverage, customers, targetP99Ms: TARGET_P99_MS, result, usage: Object.fromEntries(usage), lifetimePeakRssMb: peaks }, null, 2));
  console.log(`Written ${file} (server logs in ${logDir}).`);
} finally {
  sampler?.stop();
  await stack.stop();
  if (profileDir) console.log(`CPU profiles in ${profileDir}.`);
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}
