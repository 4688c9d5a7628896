/**
 * Where a report's time goes in SQL: runs each report straight on the seeded SQLite stores
 * through the product's reporting adapters (no gateway, no HTTP), and prints every
 * statement it issued with its duration and SQLite's `EXPLAIN QUERY PLAN`.
 *
 * Usage: node --import tsx bench/reports/explain.ts [--data-dir dir] [--only "name part"] [--pragma "mmap_size=1073741824" …] [--no-plan]
 * (data dir default: bench/results/reports-data-100000, seeded by `npm run bench:reports`).
 * `--pragma` runs a PRAGMA on both connections first, to try a setting the product does not make.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { SqlCallReports } from '../../subgraphs/callcenter/reports/sql-reports.js';
import type { CallCenterTables } from '../../subgraphs/callcenter/source/tables.js';
import { SqlTicketReports } from '../../subgraphs/tickets/reports/sql-reports.js';
import type { TicketsDatabase } from '../../subgraphs/tickets/source/embedded/tables.js';
import { ROOT } from '../screen-pop/stack.js';

const DAY_MS = 86_400_000;
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: join(ROOT, 'bench/results/reports-data-100000') },
    only: { type: 'string', default: '' },
    pragma: { type: 'string', multiple: true, default: [] },
    'no-plan': { type: 'boolean', default: false },
  },
});
const dataDir = values['data-dir'];
const only = values.only;
const marker = JSON.parse(readFileSync(join(dataDir, 'bench-seed.json'), 'utf8')) as { anchor: string };
const range = { from: new Date(Date.parse(marker.anchor) - 30 * DAY_MS).toISOString(), to: marker.anchor, timeZone: 'Asia/Shanghai' };

interface Statement {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

interface Store {
  sqlite: SQLite.Database;
  statements: Statement[];
}

function open<DB>(file: string): Store & { db: Kysely<DB> } {
  const sqlite = new SQLite(file, { readonly: true });
  for (const pragma of values.pragma) sqlite.pragma(pragma);
  const statements: Statement[] = [];
  const log = (event: LogEvent) => void statements.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log }), sqlite, statements };
}

const calls = open<CallCenterTables>(join(dataDir, 'callcenter.sqlite'));
const tickets = open<TicketsDatabase>(join(dataDir, 'tickets.sqlite'));
const callReports = new SqlCallReports(calls.db);
const ticketReports = new SqlTicketReports(tickets.db, () => marker.anchor);

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

async function explain(name: string, store: Store, run: () => Promise<unknown>): Promise<void> {
  if (!name.includes(only)) return;
  store.statements.length = 0;
  const started = performance.now();
  await run();
  const total = performance.now() - started;
  console.log(`\n## ${name}: ${total.toFixed(0)} ms, ${store.statements.length} statement(s)`);
  for (const statement of store.statements) {
    console.log(`\n- ${statement.ms.toFixed(0)} ms: ${oneLine(statement.sql).slice(0, 160)}…`);
    if (values['no-plan']) continue;
    const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...(statement.parameters as unknown[])) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, 0]]);
    for (const row of plan) {
      depth.set(row.id, (depth.get(row.parent) ?? 0) + 1);
      console.log(`    ${'  '.repeat(depth.get(row.id)! - 1)}${row.detail}`);
    }
  }
}

for (const groupBy of [null, 'HOUR', 'DAY', 'QUEUE', 'AGENT', 'TEAM'] as const) {
  await explain(`callCenterMetrics ${groupBy ?? '(no groups)'}`, calls, () => callReports.callCenterMetrics({ range, groupBy }));
}
for (const groupBy of ['PRIORITY', 'CHANNEL', 'ASSIGNEE', 'TEAM'] as const) {
  await explain(`ticketMetrics ${groupBy}`, tickets, () => ticketReports.ticketMetrics({ range, groupBy }));
}
await explain('topContactingCustomers', calls, () => callReports.topContactingCustomers(range, 10));
await explain('callMetricsByTier', calls, () => callReports.callMetricsByTier(range));
await explain('ticketMetricsByTier', tickets, () => ticketReports.ticketMetricsByTier(range));
const [top] = await callReports.topContactingCustomers(range, 1);
if (top) {
  await explain('callSummaries (one customer)', calls, () => callReports.callSummaries([top.customerId], range));
  await explain('ticketSummaries (one customer)', tickets, () => ticketReports.ticketSummaries([top.customerId], range));
}
await Promise.all([calls.db.destroy(), tickets.db.destroy()]);
