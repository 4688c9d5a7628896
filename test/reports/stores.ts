/**
 * Opens the call-center and ticket stores for the reporting tests on a temporary SQLite
 * file or a throw-away PostgreSQL schema, loads the hand-made data set through `loadSeed`
 * and hands out the reporting adapters. Each adapter answers from raw rows (exact, what the
 * hand-computed figures are checked against) and checks on every call that the roll-ups
 * give the same answer: counts equal, percentiles within their documented bound (exact
 * below 128 s, else within half a bucket, at most 1/32), the same errors.
 */
import assert from 'node:assert/strict';
import { bucketErrorBound } from '../../subgraphs/shared/reporting/histograms.js';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import type { SqlCallCenterStore } from '../../subgraphs/callcenter/source/sql-store.js';
import { SqlCallReports } from '../../subgraphs/callcenter/reports/sql-reports.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';
import { SqlTicketReports } from '../../subgraphs/tickets/reports/sql-reports.js';
import { tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { callCenterSeed, TICKET_NOW, ticketsSeed } from './fixture.js';

export interface ReportStores {
  callcenter: SqlCallCenterStore;
  tickets: SqlTicketStore;
  callReports: SqlCallReports;
  ticketReports: SqlTicketReports;
  dispose(): Promise<void>;
}

export async function openReportStores(dialect: 'sqlite' | 'postgres'): Promise<ReportStores> {
  const temps: TempDatabase[] = [];
  const opened: { close(): Promise<void> }[] = [];
  const dispose = async () => {
    for (const store of opened.reverse()) await store.close();
    for (const temp of temps) await temp.cleanup();
  };
  try {
    const temp = async (name: string) => {
      const database = dialect === 'sqlite' ? await tempSqlite(name) : await tempPostgresSchema(name);
      temps.push(database);
      return database.config;
    };
    const callcenter = await openCallCenterSource(await temp('reports_callcenter'));
    opened.push(callcenter);
    const tickets = await openEmbeddedTicketsSource(await temp('reports_tickets'));
    opened.push(tickets);
    await callcenter.loadSeed(callCenterSeed);
    await tickets.loadSeed(ticketsSeed);
    return {
      callcenter,
      tickets,
      callReports: checkedAgainstRollups(new SqlCallReports(callcenter.database.db, 'raw'), new SqlCallReports(callcenter.database.db, 'rollups')),
      ticketReports: checkedAgainstRollups(
        new SqlTicketReports(tickets.database.db, () => TICKET_NOW, 'raw'),
        new SqlTicketReports(tickets.database.db, () => TICKET_NOW, 'rollups'),
      ),
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** `rollups` equals `raw`, except that a `median` or `p90` may differ by its bucket's bound. */
export function assertRollupsMatch(rollups: unknown, raw: unknown, path = 'report'): void {
  if (typeof raw === 'number' && typeof rollups === 'number' && /\.(median|p90)$/.test(path)) {
    assert.ok(Math.abs(rollups - raw) <= bucketErrorBound(raw), `${path}: ${rollups} from the roll-ups, ${raw} exact`);
    return;
  }
  if (raw === null || rollups === null || typeof raw !== 'object' || typeof rollups !== 'object') return assert.deepEqual(rollups, raw, path);
  assert.deepEqual(Object.keys(rollups).sort(), Object.keys(raw).sort(), path);
  for (const key of Object.keys(raw)) assertRollupsMatch((rollups as Record<string, unknown>)[key], (raw as Record<string, unknown>)[key], `${path}.${key}`);
}

/** The reports with a roll-up path; the others read the same rows either way. */
const ROLLUP_REPORTS = new Set(['callCenterMetrics', 'callMetricsByTier', 'ticketMetrics', 'ticketMetricsByTier']);

/** `raw`, each roll-up report of which also runs on `rollups` and asserts the same answer (or the same error). */
function checkedAgainstRollups<T extends object>(raw: T, rollups: T): T {
  return new Proxy(raw, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function' || !ROLLUP_REPORTS.has(String(name))) return value;
      return async (...args: unknown[]) => {
        const other = (rollups as Record<string | symbol, (...a: unknown[]) => Promise<unknown>>)[name]!.bind(rollups);
        let rawResult: unknown;
        try {
          rawResult = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          await assert.rejects(other(...args), (e: Error) => e.message === (error as Error).message, `${String(name)}: the roll-ups did not fail as the raw rows did`);
          throw error;
        }
        assertRollupsMatch(await other(...args), rawResult, String(name));
        return rawResult;
      };
    },
  });
}
