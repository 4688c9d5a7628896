/**
 * `npm run bench:subgraph-cpu`: CPU time per request of each server process (the gateway and
 * the three subgraphs) for the 50-customer list and the unified customer view, sent through
 * the gateway with an admin token, a few at a time. It measures CPU time (user + system from
 * `/proc`), not latency, so its figures hold on a machine busy with other work: run it before
 * and after a change and compare the ratios.
 *
 * Starts the stack as `bench/screen-pop/` does (four processes, SQLite, fresh demo data set),
 * warms each workload up, then sends `--requests` requests per workload with `--concurrency`
 * in flight and divides each process's CPU time in that window by the requests.
 *
 * Options: --customers 1000 --requests 300 --concurrency 4 --workloads list-50,view-varied
 * --rounds 2 (each round measures every workload once; the table gives the mean and the range)
 * --warmup 150 (requests per workload and stack before the first round)
 * --compare <dir> (another checkout of the project, e.g. a `git worktree` of the commit before a
 * change, with node_modules: its stack runs alongside this one, the two measured in turns,
 * alternating which goes first, so both see the same machine; the ratios this ÷ that are printed)
 * --profile (V8 CPU profiles of the four servers' main threads over the last round of the first
 * workload, into bench/results/subgraph-cpu-profile/)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { CUSTOMER_LIST, CUSTOMER_VIEW } from '../gateway/workloads.js';
import { cell, table } from '../screen-pop/percentiles.js';
import { cpuMs, machine } from '../screen-pop/process-usage.js';
import { ROOT, gatewayQuery, startStackProcesses, type StackProcesses } from '../screen-pop/stack.js';

const WORKLOADS = ['list-50', 'view-varied'] as const;
type Workload = (typeof WORKLOADS)[number];
const SERVERS = ['gateway', 'crm', 'callcenter', 'tickets'] as const;

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
    workloads: { type: 'string', default: WORKLOADS.join(',') },
    profile: { type: 'boolean', default: false },
    warmup: { type: 'string', default: '150' },
    compare: { type: 'string' },
  },
});
const customers = Number(values.customers);
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);
const workloads = values.workloads.split(',') as Workload[];
const warmup = Number(values.warmup);
for (const workload of workloads) if (!WORKLOADS.includes(workload)) throw new Error(`unknown workload ${workload}; known: ${WORKLOADS.join(', ')}`);

const resultsDir = join(ROOT, 'bench/results');
const profileDir = values.profile ? join(resultsDir, 'subgraph-cpu-profile') : undefined;
if (profileDir) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
}
const sides = [{ label: 'this', root: ROOT }, ...(values.compare ? [{ label: basename(resolve(values.compare)), root: resolve(values.compare) }] : [])];
const before = machine();
console.log(`Starting ${sides.length} stack(s) (${customers} demo customers each) … load average ${before.loadAverage.join(', ')}`);

interface Side {
  label: string;
  stack: StackProcesses;
  dataDir: string;
  admin: string;
  cursors: (string | null)[];
  phones: string[];
  figures: Record<string, Record<string, number[]>>;
}
const running: Side[] = [];
try {
  for (const [i, side] of sides.entries()) {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-subgraph-cpu-'));
    const logDir = join(resultsDir, `subgraph-cpu-logs-${i === 0 ? 'this' : 'compare'}`);
    mkdirSync(logDir, { recursive: true });
    const stack = await startStackProcesses({ dataDir, logDir, seedCustomers: customers, profileDir: i === 0 ? profileDir : undefined, root: side.root });
    running.push({ label: side.label, stack, dataDir, admin: '', cursors: [null], phones: [], figures: {} });
  }
  for (const side of running) {
    side.admin = await signDevToken({ role: 'admin', sub: 'bench-admin', ttl: '2h' }, side.stack.env);
    for (let after: string | null = null; ; ) {
      type Page = { customers: { nodes: { phones: { e164: string | null }[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const page: Page = await gatewayQuery<Page>(side.stack.graphqlUrl, side.admin, 'query($after: String) { customers(first: 50, after: $after) { nodes { phones { e164 } } pageInfo { hasNextPage endCursor } } }', { after });
      for (const node of page.customers.nodes) for (const phone of node.phones) if (phone.e164) side.phones.push(phone.e164);
      if (!page.customers.pageInfo.hasNextPage) break;
      after = page.customers.pageInfo.endCursor;
      side.cursors.push(after);
    }
  }

  const body = (side: Side, workload: Workload, i: number) =>
    workload === 'list-50'
      ? { query: CUSTOMER_LIST, variables: { after: side.cursors[i % side.cursors.length] } }
      : { query: CUSTOMER_VIEW, variables: { phone: side.phones[(i * 7) % side.phones.length] } };

  async function send(side: Side, workload: Workload, count: number, offset: number): Promise<number> {
    let next = 0;
    let failures = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = offset + next++;
          const response = await fetch(side.stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${side.admin}` }, body: JSON.stringify(body(side, workload, i)) });
          const json = (await response.json()) as { errors?: unknown[] };
          if (!response.ok || json.errors?.length) failures += 1;
        }
      }),
    );
    return failures;
  }

  const processes = (side: Side) => ({ gateway: side.stack.gateway, crm: side.stack.crm, callcenter: side.stack.callcenter, tickets: side.stack.tickets });
  let failures = 0;
  // Warm-up (JIT, caches) before anything is measured.
  for (const side of running) for (const workload of workloads) await send(side, workload, warmup, 0);
  for (let round = 0; round < rounds; round++) {
    for (const [w, workload] of workloads.entries()) {
      const order = round % 2 === 0 ? running : [...running].reverse();
      for (const side of order) {
        const children = processes(side);
        const profiled = profileDir !== undefined && side === running[0] && w === 0 && round === rounds - 1;
        if (profiled) for (const child of Object.values(children)) child.process.kill('SIGUSR2');
        const start = Object.fromEntries(SERVERS.map((name) => [name, cpuMs(children[name].pid)]));
        failures += await send(side, workload, requests, round * 1000 + 100);
        const end = Object.fromEntries(SERVERS.map((name) => [name, cpuMs(children[name].pid)]));
        if (profiled) for (const child of Object.values(children)) child.process.kill('SIGUSR2');
        const perRequest = Object.fromEntries(SERVERS.map((name) => [name, (end[name]! - start[name]!) / requests]));
        const entry = (side.figures[workload] ??= {});
        for (const name of SERVERS) (entry[name] ??= []).push(perRequest[name]!);
        (entry.subgraphs ??= []).push(perRequest.crm! + perRequest.callcenter! + perRequest.tickets!);
        (entry.all ??= []).push(SERVERS.reduce((sum, name) => sum + perRequest[name]!, 0));
        console.log(`  round ${round + 1} ${workload} [${side.label}]: ${SERVERS.map((name) => `${name} ${perRequest[name]!.toFixed(2)}`).join(', ')} ms/request`);
      }
    }
  }
  const after = machine();
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  const columns = [...SERVERS, 'subgraphs', 'all'];
  console.log(`\nCPU ms per request, mean (range) over ${rounds} rounds of ${requests} requests, ${concurrency} in flight; ${after.description}; load average before ${before.loadAverage.join(', ')}, after ${after.loadAverage.join(', ')}; failed requests ${failures}:\n`);
  const rows = running.flatMap((side) =>
    workloads.map((workload) => [`${workload} [${side.label}]`, ...columns.map((c) => `${cell(mean(side.figures[workload]![c]!), 2)} (${cell(Math.min(...side.figures[workload]![c]!), 2)}-${cell(Math.max(...side.figures[workload]![c]!), 2)})`)]),
  );
  console.log(table(['workload', ...columns], rows));
  if (running.length === 2) {
    const [a, b] = running as [Side, Side];
    console.log(`\nRatios ${a.label} ÷ ${b.label} (means):\n`);
    console.log(table(['workload', ...columns], workloads.map((workload) => [workload, ...columns.map((c) => cell(mean(a.figures[workload]![c]!) / mean(b.figures[workload]![c]!), 2))])));
  }
  const file = join(resultsDir, `subgraph-cpu-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ benchmark: 'subgraph-cpu', at: new Date().toISOString(), machine: after.description, loadAverageBefore: before.loadAverage, loadAverageAfter: after.loadAverage, customers, requests, concurrency, rounds, warmup, failures, sides: running.map((side) => ({ label: side.label, figures: side.figures })) }, null, 2));
  console.log(`Written ${file}.`);
  if (profileDir) await new Promise((done) => setTimeout(done, 2000));
} finally {
  for (const side of running) {
    await side.stack.stop();
    rmSync(side.dataDir, { recursive: true, force: true });
  }
}
