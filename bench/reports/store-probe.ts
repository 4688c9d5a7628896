/**
 * Times the call-center and ticket reports at the store (no gateway) on the benchmark data,
 * once per report after a warm-up, and opens (so migrates) the stores first, saying how long
 * that took. Usage: node --import tsx bench/reports/store-probe.ts [sqlite|postgres] [--only name] [--raw]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import { SqlCallReports } from '../../subgraphs/callcenter/reports/sql-reports.js';
import { SqlTicketReports } from '../../subgraphs/tickets/reports/sql-reports.js';
import type { DatabaseConfig } from '../../subgraphs/shared/database.js';
import { ROOT } from '../screen-pop/stack.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string', default: '' },
    raw: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: join(ROOT, 'bench/results/reports-data-100000') },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/reports_bench' },
    runs: { type: 'string', default: '3' },
  },
});
const dialect = positionals[0] ?? 'sqlite';
const dataDir = values['data-dir'];
const marker = JSON.parse(readFileSync(join(dataDir, 'bench-seed.json'), 'utf8')) as { anchor: string };
const DAY_MS = 86_400_000;
const range = { from: new Date(Date.parse(marker.anchor) - 30 * DAY_MS).toISOString(), to: marker.anchor, timeZone: 'Asia/Shanghai' };
const config = (store: 'callcenter' | 'tickets'): DatabaseConfig =>
  dialect === 'sqlite' ? { driver: 'sqlite', file: join(dataDir, `${store}.sqlite`) } : { driver: 'postgres', url: values['postgres-url'], schema: store };

let started = performance.now();
const calls = await openCallCenterSource(config('callcenter'));
console.log(`callcenter opened (migrated) in ${Math.round(performance.now() - started)} ms`);
started = performance.now();
const tickets = await openEmbeddedTicketsSource(config('tickets'));
console.log(`tickets opened (migrated) in ${Math.round(performance.now() - started)} ms`);
const callReports = new SqlCallReports(calls.database.db, values.raw ? 'raw' : 'rollups');
const ticketReports = new SqlTicketReports(tickets.database.db, () => marker.anchor);
const cases: [string, () => Promise<unknown>][] = [
  ...(['HOUR', 'DAY', 'QUEUE', 'AGENT', 'TEAM', null] as const).map((groupBy): [string, () => Promise<unknown>] => [`callCenterMetrics ${groupBy}`, () => callReports.callCenterMetrics({ range, groupBy, serviceLevelSeconds: 20 })]),
  ...(['PRIORITY', 'CHANNEL', 'ASSIGNEE', 'TEAM', 'DAY'] as const).map((groupBy): [string, () => Promise<unknown>] => [`ticketMetrics ${groupBy}`, () => ticketReports.ticketMetrics({ range, groupBy })]),
  ['topContactingCustomers', () => callReports.topContactingCustomers(range, 10)],
  ['callMetricsByTier', () => callReports.callMetricsByTier(range)],
  ['ticketMetricsByTier', () => ticketReports.ticketMetricsByTier(range)],
];
for (const [name, run] of cases) {
  if (!name.includes(values.only)) continue;
  await run();
  const samples: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name}: ${samples.map((s) => s.toFixed(0)).join(' / ')} ms`);
}
await calls.close();
await tickets.close();
