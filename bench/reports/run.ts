/**
 * `npm run bench:reports`: the reporting benchmark of issue 5. Seeds 100,000 customers
 * (~1,000,000 calls, ~200,000 tickets) with `npm run seed` into its own data directory,
 * `bench/results/reports-data-<customers>/` (git-ignored, outside the system temp dir so a
 * sweep of /tmp does not lose a seed that takes minutes) — reused by later runs when it holds
 * a finished seed of the same size — starts the three subgraphs and the gateway as separate processes,
 * and times each report through the gateway with a supervisor token over the 30 days before
 * the data set's anchor: 5 warm-up runs, then 20 timed runs, one after the other. Prints a
 * table (p50/p95/max) and writes JSON to bench/results/.
 *
 * A report far over the target would take many minutes at 25 runs: each report's timed runs
 * stop once they have used `--budget-seconds` (default 60), after at least 5 (the table says
 * how many ran).
 *
 * Both stores: SQLite (the seed above) and PostgreSQL (`--postgres-url`, default a
 * `reports_bench` database on 127.0.0.1, seeded the same way with the same anchor when its
 * `callcenter.calls` is empty; `--dialects sqlite` skips it). After the gateway runs of a
 * store, the reports that read roll-ups (`callCenterMetrics`, `ticketMetrics` per grouping,
 * `callMetricsByTier`, `ticketMetricsByTier`) are also timed at the store, from the roll-ups
 * and from raw rows (`--raw-runs`, default 3, after one warm-up), so both figures come from
 * one run.
 *
 * Options: --customers 100000 --warm 5 --runs 20 --budget-seconds 60 --data-dir <dir> --reseed
 *          --dialects sqlite,postgres --postgres-url <url> --raw-runs 3
 *          --raw-dialects sqlite,postgres (the stores timed from raw rows as well: 1-5 s a report
 *          at a million calls, 2026-12-01; `none` leaves them out)
 * Where the time goes in SQL: `node --import tsx bench/reports/explain.ts`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { cell, distribution, table, type Distribution } from '../screen-pop/percentiles.js';
import { machine } from '../screen-pop/process-usage.js';
import { ROOT, benchEnv, gatewayQuery, startNode, startStackProcesses, tail } from '../screen-pop/stack.js';
import { reports } from './queries.js';
import pg from 'pg';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import { SqlCallReports } from '../../subgraphs/callcenter/reports/sql-reports.js';
import { SqlTicketReports } from '../../subgraphs/tickets/reports/sql-reports.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { CallGrouping } from '../../subgraphs/callcenter/reports/call-metrics-sql.js';
import type { DatabaseConfig } from '../../subgraphs/shared/database.js';

const TARGET_MS = 300;
const DAY_MS = 86_400_000;

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    warm: { type: 'string', default: '5' },
    runs: { type: 'string', default: '20' },
    'budget-seconds': { type: 'string', default: '60' },
    'data-dir': { type: 'string' },
    reseed: { type: 'boolean', default: false },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/reports_bench' },
    'raw-runs': { type: 'string', default: '3' },
    'raw-dialects': { type: 'string', default: 'sqlite,postgres' },
  },
});
const customers = Number(values.customers);
const warm = Number(values.warm);
const runs = Number(values.runs);
const budgetMs = Number(values['budget-seconds']) * 1000;
const MIN_TIMED_RUNS = 5;
const rawRuns = Number(values['raw-runs']);
const postgresUrl = values['postgres-url'];
const dialects = values.dialects.split(',').map((d) => d.trim()) as Dialect[];
type Dialect = 'sqlite' | 'postgres';
if (dialects.some((d) => d !== 'sqlite' && d !== 'postgres')) throw new Error('--dialects takes sqlite, postgres or both.');
if (![customers, runs].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(warm) || warm < 0) throw new Error('--customers and --runs must be positive whole numbers, --warm a whole number.');
const resultsDir = join(ROOT, 'bench/results');
const dataDir = values['data-dir'] ?? join(resultsDir, `reports-data-${customers}`);
const logDir = join(resultsDir, 'reports-logs');
mkdirSync(logDir, { recursive: true });

interface SeedMarker {
  customers: number;
  anchor: string;
  seededAt: string;
}

/** A finished seed of the right size in `dataDir` (reused), or a new one. */
async function ensureSeeded(): Promise<{ marker: SeedMarker; reused: boolean }> {
  const markerFile = join(dataDir, 'bench-seed.json');
  if (!values.reseed && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as SeedMarker;
    if (marker.customers === customers) return { marker, reused: true };
  }
  rmSync(markerFile, { force: true });
  mkdirSync(dataDir, { recursive: true });
  const anchor = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS).toISOString();
  console.log(`Seeding ${customers} customers into ${dataDir} (anchor ${anchor}); this takes minutes …`);
  const seed = startNode('seed', 'subgraphs/devdata/seed/cli.ts', benchEnv(dataDir), join(logDir, 'seed.log'), ['--customers', String(customers), '--anchor', anchor, '--reset']);
  seed.process.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  const code = await new Promise<number | null>((resolve) => seed.process.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding failed (code ${code}).\n${tail(seed.logFile)}`);
  const marker: SeedMarker = { customers, anchor, seededAt: new Date().toISOString() };
  writeFileSync(markerFile, JSON.stringify(marker, null, 2));
  return { marker, reused: false };
}

interface Timed {
  name: string;
  /** Timed runs (fewer than asked when the report used up its budget). */
  runs: number;
  latency: Distribution;
  /** Bytes of the response body. */
  bytes: number;
  /** Fields withheld by the record-level rule (customers of other teams), per response. */
  restricted: number;
  underTarget: boolean;
  error: string | null;
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string; reason?: string };
}

/** The record-level rule at work (a supervisor reading another team's customer): expected, counted, not a failure. */
const restricted = (error: GraphQLError) => error.extensions?.code === 'FORBIDDEN' && error.extensions.reason === 'RECORD_RESTRICTED';

async function timeReport(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; bytes: number; restricted: number; error: string | null }> {
  const started = performance.now();
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as { data?: unknown; errors?: GraphQLError[] };
  const failures = (body.errors ?? []).filter((e) => !restricted(e));
  const error = !response.ok || failures.length > 0 ? `${response.status}: ${failures.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ').slice(0, 300)}` : null;
  return { ms, bytes: text.length, restricted: (body.errors ?? []).length - failures.length, error };
}

/** The stores' environment for a dialect: SQLite files in `dataDir`, or PostgreSQL schemas at `--postgres-url`. */
function storeEnv(dialect: Dialect): Record<string, string> {
  return dialect === 'sqlite' ? {} : { CRM_DATABASE_URL: postgresUrl, CALLCENTER_DATABASE_URL: postgresUrl, TICKETS_DATABASE_URL: postgresUrl };
}

/** Seeds PostgreSQL with the SQLite seed's size and anchor unless its call table has rows. */
async function ensurePostgresSeeded(marker: SeedMarker): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  let calls = 0;
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM callcenter.calls`).catch(() => ({ rows: [{ n: '0' }] }));
    calls = Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
  if (calls > 0) {
    console.log(`PostgreSQL at ${postgresUrl} holds ${calls} calls: reused (drop its crm, callcenter and tickets schemas to seed again).`);
    return;
  }
  console.log(`Seeding ${marker.customers} customers into PostgreSQL at ${postgresUrl} (anchor ${marker.anchor}); this takes minutes …`);
  const seed = startNode('seed-pg', 'subgraphs/devdata/seed/cli.ts', benchEnv(dataDir, storeEnv('postgres')), join(logDir, 'seed-pg.log'), ['--customers', String(marker.customers), '--anchor', marker.anchor]);
  seed.process.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  const code = await new Promise<number | null>((resolve) => seed.process.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding PostgreSQL failed (code ${code}).\n${tail(seed.logFile)}`);
}

interface StoreLevel {
  name: string;
  raw: Distribution;
  rollups: Distribution;
}

/** The roll-up reports (call center and tickets) timed at the store, from raw rows and from roll-ups (same arguments as the gateway runs). */
async function storeLevel(dialect: Dialect, range: { from: string; to: string; timeZone: string }): Promise<StoreLevel[]> {
  const config = (name: 'callcenter' | 'tickets'): DatabaseConfig =>
    dialect === 'sqlite' ? { driver: 'sqlite', file: join(dataDir, `${name}.sqlite`) } : { driver: 'postgres', url: postgresUrl, schema: name };
  const store = await openCallCenterSource(config('callcenter'));
  const ticketStore = await openEmbeddedTicketsSource(config('tickets'));
  const out: StoreLevel[] = [];
  try {
    const now = () => new Date().toISOString();
    const calls = { raw: new SqlCallReports(store.database.db, 'raw'), rollups: new SqlCallReports(store.database.db, 'rollups') };
    const tickets = { raw: new SqlTicketReports(ticketStore.database.db, now, 'raw'), rollups: new SqlTicketReports(ticketStore.database.db, now, 'rollups') };
    type Source = 'raw' | 'rollups';
    const cases: { name: string; run: (source: Source) => Promise<unknown> }[] = [
      ...(['HOUR', 'DAY', 'QUEUE', 'AGENT', 'TEAM'] as CallGrouping[]).map((groupBy) => ({
        name: `callCenterMetrics ${groupBy}`,
        run: (source: Source) => calls[source].callCenterMetrics({ range, groupBy, serviceLevelSeconds: 20 }),
      })),
      { name: 'callMetricsByTier', run: (source: Source) => calls[source].callMetricsByTier(range) },
      ...(['PRIORITY', 'CHANNEL', 'ASSIGNEE', 'TEAM'] as const).map((groupBy) => ({
        name: `ticketMetrics ${groupBy}`,
        run: (source: Source) => tickets[source].ticketMetrics({ range, groupBy }),
      })),
      { name: 'ticketMetricsByTier', run: (source: Source) => tickets[source].ticketMetricsByTier(range) },
    ];
    const time = async (source: Source, run: (source: Source) => Promise<unknown>) => {
      await run(source);
      const samples: number[] = [];
      for (let i = 0; i < rawRuns; i++) {
        const started = performance.now();
        await run(source);
        samples.push(performance.now() - started);
      }
      return distribution(samples);
    };
    for (const c of cases) {
      const entry = { name: c.name, raw: await time('raw', c.run), rollups: await time('rollups', c.run) };
      console.log(`  [${dialect}, store] ${c.name}: raw p50 ${cell(entry.raw.p50)} ms, roll-ups p50 ${cell(entry.rollups.p50)} ms`);
      out.push(entry);
    }
  } finally {
    await store.close();
    await ticketStore.close();
  }
  return out;
}

/** Times every report through the gateway on one dialect's stores. */
async function gatewayLevel(dialect: Dialect, marker: SeedMarker): Promise<{ range: { from: string; to: string; timeZone: string }; results: Timed[] }> {
  for (const name of ['crm', 'callcenter', 'tickets', 'gateway']) rmSync(join(logDir, `${name}.log`), { force: true });
  // A report slower than the gateway's default 3 s subgraph timeout is timed, not cut off.
  const stack = await startStackProcesses({ dataDir, logDir, seedCustomers: 0, env: { SWITCHBOARD_SUBGRAPH_TIMEOUT_MS: '60000', ...storeEnv(dialect) } });
  try {
    const supervisor = await signDevToken({ role: 'supervisor', sub: 'bench-supervisor', team: 'team-bj' }, stack.env);
    const admin = await signDevToken({ role: 'admin', sub: 'bench-admin' }, stack.env);
    const range = { from: new Date(Date.parse(marker.anchor) - 30 * DAY_MS).toISOString(), to: marker.anchor, timeZone: 'Asia/Shanghai' };
    // The contact history is read for the most contacting customer of the supervisor's own team.
    const top = await gatewayQuery<{ topContactingCustomers: { customer: { id: string } }[] }>(stack.graphqlUrl, admin, 'query($range: TimeRangeInput!) { topContactingCustomers(range: $range, first: 100) { customer { id } } }', { range });
    let customerId: string | null = null;
    for (const { customer } of top.topContactingCustomers) {
      const check = await timeReport(stack.graphqlUrl, supervisor, 'query($id: ID!) { customer(id: $id) { tickets(first: 1) { totalCount } } }', { id: customer.id });
      if (check.error === null && check.restricted === 0) {
        customerId = customer.id;
        break;
      }
    }
    customerId ??= top.topContactingCustomers[0]?.customer.id ?? null;
    if (!customerId) throw new Error('topContactingCustomers returned no customer: is the data set seeded?');

    const results: Timed[] = [];
    for (const report of reports(customerId)) {
      const variables = { range, ...report.variables };
      const samples: number[] = [];
      let bytes = 0;
      let restrictedFields = 0;
      let error: string | null = null;
      const started = performance.now();
      for (let i = 0; i < warm + runs && error === null; i++) {
        // Over budget: at least MIN_TIMED_RUNS timed runs, and the warm-up cut short as well.
        if (performance.now() - started > budgetMs && samples.length >= Math.min(MIN_TIMED_RUNS, runs)) break;
        if (i < warm && performance.now() - started > budgetMs / 4) i = warm;
        const run = await timeReport(stack.graphqlUrl, supervisor, report.query, variables);
        error = run.error;
        bytes = run.bytes;
        restrictedFields = run.restricted;
        if (i >= warm) samples.push(run.ms);
      }
      const latency = distribution(samples);
      results.push({ name: report.name, runs: samples.length, latency, bytes, restricted: restrictedFields, underTarget: error === null && latency.max !== null && latency.max < TARGET_MS, error });
      console.log(`  [${dialect}] ${report.name}: ${error ?? `p50 ${cell(latency.p50)} ms, max ${cell(latency.max)} ms`}`);
    }

    return { range, results };
  } finally {
    await stack.stop();
  }
}

const { marker, reused } = await ensureSeeded();
console.log(reused ? `Reusing the seeded data set in ${dataDir} (${marker.customers} customers, anchor ${marker.anchor}, seeded ${marker.seededAt}; --reseed to seed again).` : `Seeded.`);
if (dialects.includes('postgres')) await ensurePostgresSeeded(marker);
const machineBefore = machine();
if (machineBefore.busy) console.warn(`WARNING: the machine is already busy (load average ${machineBefore.loadAverage.join(', ')}): the figures will be disturbed.`);

const byDialect = new Map<Dialect, { results: Timed[]; store: StoreLevel[]; loadAverage: number[] }>();
let range = { from: '', to: '', timeZone: 'Asia/Shanghai' };
for (const dialect of dialects) {
  const gateway = await gatewayLevel(dialect, marker);
  range = gateway.range;
  const store = values['raw-dialects'].split(',').includes(dialect) ? await storeLevel(dialect, range) : [];
  byDialect.set(dialect, { results: gateway.results, store, loadAverage: machine().loadAverage });
}

const machineAfter = machine();
const at = new Date().toISOString();
console.log(
  `\nReports through the gateway, ${at.slice(0, 16)} UTC, ${marker.customers} customers, 30 days (${range.from} – ${range.to}, Asia/Shanghai), supervisor token, ${warm} warm + ${runs} timed runs each (${machineAfter.description}; load average before ${machineBefore.loadAverage.join(', ')}, after ${machineAfter.loadAverage.join(', ')}):\n`,
);
const names = [...new Set([...byDialect.values()].flatMap((d) => d.results.map((r) => r.name)))];
const status = (r: Timed | undefined) => (!r ? '' : r.error ? `ERROR ${r.error}` : r.underTarget ? 'yes' : 'NO');
console.log(
  table(
    ['report', ...dialects.flatMap((d) => [`${d} p50`, `${d} p95`, `${d} < ${TARGET_MS}`])],
    names.map((name) => [
      name,
      ...dialects.flatMap((d) => {
        const r = byDialect.get(d)?.results.find((x) => x.name === name);
        return [`${cell(r?.latency.p50)} ms`, `${cell(r?.latency.p95)} ms`, status(r)];
      }),
    ]),
  ),
);
console.log(`\n"< ${TARGET_MS}": the slowest timed run under ${TARGET_MS} ms. Records withheld by the record-level rule are counted, not failures.`);
console.log(`\nThe same reports at the store (no gateway), from raw rows vs from the roll-ups, ${rawRuns} timed runs after one warm-up:\n`);
const storeNames = [...new Set([...byDialect.values()].flatMap((d) => d.store.map((r) => r.name)))];
console.log(
  table(
    ['report', ...dialects.flatMap((d) => [`${d} raw p50`, `${d} roll-ups p50`, `${d} ratio`])],
    storeNames.map((name) => [
      name,
      ...dialects.flatMap((d) => {
        const r = byDialect.get(d)?.store.find((x) => x.name === name);
        const ratio = r?.raw.p50 && r.rollups.p50 ? `${(r.raw.p50 / r.rollups.p50).toFixed(1)}x` : '-';
        return [`${cell(r?.raw.p50)} ms`, `${cell(r?.rollups.p50)} ms`, ratio];
      }),
    ]),
  ),
);
const missed = [...byDialect].flatMap(([d, v]) => v.results.filter((r) => !r.underTarget).map((r) => `${r.name} (${d})`));
console.log(`\nTarget: every report under ${TARGET_MS} ms: ${missed.length === 0 ? 'met' : `MISSED by ${missed.join(', ')}`}.`);
const file = join(resultsDir, `reports-${at.replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify({ benchmark: 'reports', at, machine: machineAfter.description, loadAverageBefore: machineBefore.loadAverage, loadAverageAfter: machineAfter.loadAverage, dataDir, postgresUrl, reusedDataSet: reused, seed: marker, range, warm, runs, rawRuns, targetMs: TARGET_MS, dialects: Object.fromEntries(byDialect) }, null, 2),
);
console.log(`Written ${file} (server logs in ${logDir}).`);
