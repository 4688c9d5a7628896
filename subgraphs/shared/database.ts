/**
 * Opens a subgraph's database through Kysely, so each query is written once for both
 * dialects: SQLite (better-sqlite3, the embedded default) and PostgreSQL (the 'direct
 * database' integration mode). Every executed statement is counted and can be observed,
 * which is how tests prove batching ("a constant number of SQL statements per request").
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  MysqlDialect,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type LogEvent,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import { createPool as createMysqlPool } from 'mysql2';
import pg from 'pg';
import { boundedCache, mib } from './bounded-cache.js';
import { SpanKind, SpanStatusCode, trace, tracer } from './observability/tracing.js';

/**
 * One span per SQL statement, under the request that ran it, drawn after the fact from
 * Kysely's log event (its duration): nothing is recorded outside a sampled trace.
 */
function sqlSpan(driver: AnyDatabaseConfig['driver'], event: LogEvent): void {
  if (!trace.getActiveSpan()?.isRecording()) return;
  const text = event.query.sql;
  const span = tracer.startSpan(`${text.trimStart().split(/\s/, 1)[0]!.toUpperCase()} ${driver}`, {
    kind: SpanKind.CLIENT,
    startTime: Date.now() - event.queryDurationMillis,
    attributes: { 'db.system.name': driver === 'postgres' ? 'postgresql' : driver, 'db.query.text': text },
  });
  if (event.level === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** Where one of Switchboard's own stores is: SQLite (the default) or PostgreSQL. */
export type DatabaseConfig =
  | { driver: 'sqlite'; file: string }
  | { driver: 'postgres'; url: string; schema: string };

/**
 * A MySQL-compatible database (MySQL 8, MariaDB 10.5+), only ever read as a foreign CRM by the
 * mapped-SQL adapter: `url` is `mysql://user:password@host:3306/database`; timestamps without a
 * zone are read as UTC.
 */
export interface MysqlDatabaseConfig {
  driver: 'mysql';
  url: string;
}

/** Any database `openDatabase` opens. */
export type AnyDatabaseConfig = DatabaseConfig | MysqlDatabaseConfig;

export type StatementListener = (sql: string) => void;

export interface Database<DB, Dialect extends AnyDatabaseConfig['driver'] = DatabaseConfig['driver']> {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Number of SQL statements executed since open. */
  readonly statementCount: number;
  /** Calls `listener` with every executed statement; returns the unsubscribe function. */
  onStatement(listener: StatementListener): () => void;
  /** Runs `SELECT 1`: resolves when the database answers, rejects with the driver's error when not (readiness). */
  ping(): Promise<void>;
  /**
   * Refreshes the query planner's statistics of every table of the store after a bulk load
   * or rebuild ("Run ANALYZE afterwards", PostgreSQL manual, Populating a Database); call it
   * outside a transaction (VACUUM cannot run in one). Without
   * them PostgreSQL plans the reports over millions of rows as if the tables were empty
   * (a 30-day HOUR report took 3.8 s instead of a fraction of one). PostgreSQL: `VACUUM
   * (ANALYZE)` of each table in the store's schema (statistics, and pages marked all-visible
   * for index-only scans, as autovacuum would later); MySQL: `ANALYZE TABLE` of each; SQLite: nothing (the
   * report statements name the indexes they need, so no plan depends on `sqlite_stat1`).
   */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

export function openDatabase<DB, Config extends AnyDatabaseConfig = DatabaseConfig>(config: Config): Database<DB, Config['driver']> {
  const listeners = new Set<StatementListener>();
  let statementCount = 0;
  const log = (event: LogEvent) => {
    statementCount += 1;
    for (const listener of listeners) listener(event.query.sql);
    sqlSpan(config.driver, event);
  };
  let db: Kysely<DB>;
  if (config.driver === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<DB>({ dialect: new StoreSqliteDialect({ database: withStatementCache(sqlite) }), log });
  } else if (config.driver === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, options: `-c search_path=${config.schema}` });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  } else {
    // Timestamps without a zone are read and written as UTC; DECIMAL stays text (no float rounding).
    const pool = createMysqlPool({ uri: config.url, connectionLimit: 10, timezone: 'Z', decimalNumbers: false, dateStrings: false, charset: 'utf8mb4' });
    db = new Kysely<DB>({ dialect: new MysqlDialect({ pool }), log });
  }
  return {
    db,
    dialect: config.driver as Config['driver'],
    get statementCount() {
      return statementCount;
    },
    onStatement(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ping: async () => {
      await sql`SELECT 1`.execute(db);
    },
    analyze: async () => {
      if (config.driver === 'sqlite') return;
      const tables =
        config.driver === 'postgres'
          ? await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(db)
          : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`.execute(db);
      if (tables.rows.length === 0) return;
      const list = sql.join(tables.rows.map((row) => sql.table(row.name)));
      // VACUUM also marks the freshly written pages all-visible, which index-only scans need.
      await (config.driver === 'postgres' ? sql`VACUUM (ANALYZE) ${list}` : sql`ANALYZE TABLE ${list}`).execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * Bytes of prepared statements kept per SQL text (LRU): enough for every query the stores
 * write, bounded all the same (batch sizes make SQL texts vary). A statement is counted at
 * 4 KB of native memory plus its text (about 1,000 statements).
 */
const STATEMENT_CACHE_BYTES = mib(4);
const STATEMENT_BYTES = 4096;

/**
 * SQLite runs schema changes inside transactions, but Kysely's adapter says it does not, so
 * its `Migrator` would apply migrations without one. Saying so makes each migration run
 * all-or-nothing on SQLite too (subgraphs/shared/migrations.ts).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Transactions take SQLite's write lock when they begin (`BEGIN IMMEDIATE`), so a second
 * process (another start, `npm run migrate`, the seed) waits up to `busy_timeout` instead of
 * failing with "database is locked" when both read first and then write, as a migration run
 * does. Within one process Kysely already runs one transaction at a time on the one connection.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class StoreSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: SqliteDialectConfig) {
    super(sqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing showed up as the call center's
 * largest single cost under load. better-sqlite3 runs statements synchronously, so one
 * prepared statement per SQL text can serve every call.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = boundedCache<SQLite.Statement>({ maxBytes: STATEMENT_CACHE_BYTES, sizeOf: () => STATEMENT_BYTES });
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  } as SqliteDatabase;
}
