/**
 * The call center's one SQL adapter, for SQLite and PostgreSQL alike: every query is
 * written once with Kysely (or Kysely's `sql` tag, with SQL both dialects accept).
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../shared/database.js';
import { toPage, type Page, type PageArgs } from '../../shared/pagination.js';
import { CUSTOMER_CALLS_CURSOR, type CallCenterSource } from './port.js';
import type { AgentRecord, CallCenterSeed, CallRecord, QueueRecord } from './records.js';
import { CALL_COLUMNS, type CallCenterTables, type CallsTable } from './tables.js';
import type { CallReportingColumns } from '../reports/tables.js';
import { callFromRow, callToRow } from './call-rows.js';
import { addCallsToRollups } from '../reports/call-rollups.js';
import { refreshContactGapsOfCalls } from '../reports/contact-gaps.js';
import { addCallsToHistograms } from '../reports/call-histograms.js';
import { rebuildCallReports } from '../reports/rebuild.js';
import type { LoadSeedOptions } from '../../devdata/seed/load.js';

/** Rows per multi-row INSERT: 500 calls × 19 columns stays far below both dialects' parameter limits. */
const INSERT_ROWS = 500;
/** Ids per `IN (…)` list; larger inputs are split (DataLoader batches stay below this). */
const IN_LIST = 1000;

type CallRow = Selectable<CallsTable>;

function toCallRow(call: CallRecord): Insertable<CallsTable & CallReportingColumns> {
  return {
    ...callToRow(call),
    // Reporting columns (subgraphs/callcenter/reports/tables.ts).
    customer_id: call.customerId ?? null,
    customer_tier: call.customerTier ?? null,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Answers `ids` in input order from rows fetched in any order. */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

export class SqlCallCenterStore implements CallCenterSource {
  constructor(readonly database: Database<CallCenterTables>) {}

  private get db() {
    return this.database.db;
  }

  private async byIds<T extends { id: string }>(ids: readonly string[], fetch: (ids: string[]) => Promise<T[]>): Promise<(T | null)[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return ids.map(() => null);
    const rows = (await Promise.all(chunks(unique, IN_LIST).map(fetch))).flat();
    return inOrder(ids, rows);
  }

  callsByIds(ids: readonly string[]): Promise<(CallRecord | null)[]> {
    return this.byIds(ids, async (chunk) =>
      (await this.db.selectFrom('calls').select(CALL_COLUMNS).where('id', 'in', chunk).execute()).map(callFromRow),
    );
  }

  agentsByIds(ids: readonly string[]): Promise<(AgentRecord | null)[]> {
    return this.byIds(ids, (chunk) =>
      this.db.selectFrom('agents').select(['id', 'name', 'team', 'presence']).where('id', 'in', chunk).execute(),
    );
  }

  queuesByIds(ids: readonly string[]): Promise<(QueueRecord | null)[]> {
    return this.byIds(ids, (chunk) => this.db.selectFrom('queues').select(['id', 'name']).where('id', 'in', chunk).execute());
  }

  async listAgents(team?: string): Promise<AgentRecord[]> {
    let query = this.db.selectFrom('agents').select(['id', 'name', 'team', 'presence']).orderBy('id');
    if (team !== undefined) query = query.where('team', '=', team);
    return query.execute();
  }

  listQueues(): Promise<QueueRecord[]> {
    return this.db.selectFrom('queues').select(['id', 'name']).orderBy('id').execute();
  }

  /**
   * One statement for the whole batch, over the (request index, number) pairs as a VALUES
   * list and the (customer_number, started_at) index: per number the `first + 1` newest calls
   * after the cursor, by a correlated `id IN (… ORDER BY … LIMIT)` seek, and, in the same
   * statement, each customer's count of calls (the index only), so a customer's page reads as
   * many rows as it shows, however many calls they have (it was a window over every call of
   * the batch's numbers; on the demo data, about ten calls a customer, the call center's CPU
   * per 50-customer list went to 0.93, bench/README.md).
   * A customer with several numbers gets each number's newest rows, merged and cut here (the
   * newest `first + 1` of the union are among them).
   */
  async callsByCustomerNumbers(numberSets: readonly (readonly string[])[], page: PageArgs): Promise<Page<CallRecord>[]> {
    const pairs: [index: number, number: string][] = [];
    numberSets.forEach((numbers, index) => {
      for (const number of new Set(numbers)) pairs.push([index, number]);
    });
    const groups = numberSets.map(() => ({ rows: [] as CallRecord[], total: 0 }));
    if (pairs.length > 0) {
      const after = page.after;
      const isAfter = after ? sql`(p.started_at < ${after.key} OR (p.started_at = ${after.key} AND p.id < ${after.id}))` : sql`1 = 1`;
      const req = sql`req (request_index, number) AS (VALUES ${sql.join(pairs.map(([index, number]) => sql`(${sql.lit(index)}, ${number})`))})`;
      const columns = sql.join(CALL_COLUMNS.map((column) => sql.ref(`c.${column}`)));
      const none = sql.join(CALL_COLUMNS.map(() => sql`NULL`));
      // Page rows (total null), then one count row per customer (total set): one statement, one snapshot.
      const result = await sql<CallRow & { request_index: number; total: number | null }>`
        WITH ${req}
        SELECT req.request_index, NULL AS total, ${columns}
        FROM req JOIN calls c ON c.id IN (
          SELECT p.id FROM calls p
          WHERE p.customer_number = req.number AND ${isAfter}
          ORDER BY p.started_at DESC, p.id DESC
          LIMIT ${sql.lit(page.first + 1)}
        )
        UNION ALL
        SELECT req.request_index, CAST(COUNT(*) AS INTEGER) AS total, ${none}
        FROM req JOIN calls c ON c.customer_number = req.number
        GROUP BY req.request_index`.execute(this.db);
      for (const row of result.rows) {
        const group = groups[Number(row.request_index)];
        if (!group) continue;
        if (row.total === null) group.rows.push(callFromRow(row));
        else group.total = Number(row.total);
      }
    }
    return groups.map(({ rows, total }) => {
      rows.sort((a, b) => (a.startedAt === b.startedAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.startedAt < b.startedAt ? 1 : -1));
      return toPage(CUSTOMER_CALLS_CURSOR, rows.slice(0, page.first + 1), page.first, total, (call) => ({ key: call.startedAt, id: call.id }));
    });
  }

  async lastCallByCustomerNumbers(numberSets: readonly (readonly string[])[]): Promise<(CallRecord | null)[]> {
    const pages = await this.callsByCustomerNumbers(numberSets, { first: 1, after: null });
    return pages.map((page) => page.nodes[0] ?? null);
  }

  async loadSeed(part: CallCenterSeed, options: LoadSeedOptions = {}): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const rows of chunks(part.agents, INSERT_ROWS)) {
        await trx
          .insertInto('agents')
          .values(rows.map(({ id, name, team, presence }) => ({ id, name, team, presence }))).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      for (const rows of chunks(part.queues, INSERT_ROWS)) {
        await trx
          .insertInto('queues')
          .values(rows.map(({ id, name }) => ({ id, name }))).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      for (const rows of chunks(part.calls, INSERT_ROWS)) {
        const inserted = await trx.insertInto('calls').values(rows.map(toCallRow)).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
        if (options.deferReports) continue;
        // The hourly report roll-ups, in the same transaction (calls already stored were skipped).
        await addCallsToRollups(trx, inserted.map((row) => row.id));
        // Their callers' contact gaps (repeat contacts), likewise.
        const ids = inserted.map((row) => row.id);
        await refreshContactGapsOfCalls(trx, ids, [], new Set(ids));
        // And the call histograms (percentiles, repeat contacts); the callers' other calls were counted again above.
        await addCallsToHistograms(trx, ids);
      }
    });
  }

  /** Refreshes the planner's statistics of the store's tables (after a seed or a rebuild; `Database.analyze`). */
  analyze(): Promise<void> {
    return this.database.analyze();
  }

  async rebuildReports(): Promise<void> {
    await this.db.transaction().execute((trx) => rebuildCallReports(trx));
  }

  async isEmpty(): Promise<boolean> {
    for (const table of ['agents', 'queues', 'calls'] as const) {
      const row = await this.db.selectFrom(table).select('id').limit(1).executeTakeFirst();
      if (row) return false;
    }
    return true;
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
