/**
 * Versioned schema migrations for every store, run with Kysely's own `Migrator`. Each store
 * lists its migrations in code (a static provider: nothing is read from the file system, so
 * the compiled build migrates the same way) and keeps its own bookkeeping tables
 * (`<store>_migrations`, `<store>_migrations_lock`), so stores sharing one PostgreSQL database
 * never see each other's history. Each run is one transaction on both dialects: a failing
 * migration leaves the database as it was. On PostgreSQL concurrent starts queue behind
 * Kysely's advisory lock.
 */
import { Migrator, SqliteAdapter, sql, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { envValue } from './env/read.js';
import { openDatabase, type Database, type DatabaseConfig } from './database.js';

/** One store's ordered migrations; names sort in the order they apply (`0001_…`, `0002_…`). */
export interface StoreMigrations {
  /** The store's name (`crm`, `callcenter`, `tickets`, `gateway`); prefixes its bookkeeping tables. */
  store: string;
  migrations: Record<string, Migration>;
}

/**
 * What a store does with pending migrations when it opens: `apply` them (the default) or
 * `refuse` to start, for operators who migrate as a separate step (`npm run migrate`).
 * From `SWITCHBOARD_MIGRATE_ON_START` (`true`, the default, or `false`).
 */
export type MigrateOnStart = 'apply' | 'refuse';

/** Reads `SWITCHBOARD_MIGRATE_ON_START`; throws on any value but `true` / `false`. */
export function migrateOnStart(env: NodeJS.ProcessEnv = process.env): MigrateOnStart {
  return envValue('SWITCHBOARD_MIGRATE_ON_START', env) ? 'apply' : 'refuse';
}

/** A migration that failed; the message names the store and the migration, `cause` is the database's error. */
export class MigrationError extends Error {
  constructor(
    readonly store: string,
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    const what = migration ? `Migration ${store}/${migration} failed` : `Migrating the ${store} store failed`;
    super(`${what}: ${cause instanceof Error ? cause.message : String(cause)} (nothing of this run was applied).`, { cause });
    this.name = 'MigrationError';
  }
}

function migratorFor<DB>(database: Database<DB>, config: DatabaseConfig, plan: StoreMigrations): Migrator {
  return new Migrator({
    db: database.db as unknown as Kysely<unknown>,
    provider: { getMigrations: () => Promise.resolve(plan.migrations) },
    migrationTableName: `${plan.store}_migrations`,
    migrationLockTableName: `${plan.store}_migrations_lock`,
    // Unqualified, Kysely would find another schema's table of the same name and skip creating its own.
    ...(config.driver === 'postgres' ? { migrationTableSchema: config.schema } : {}),
  });
}

/** Names of the store's migrations not yet applied, in order. */
export async function pendingMigrations<DB>(database: Database<DB>, config: DatabaseConfig, plan: StoreMigrations): Promise<string[]> {
  const infos = await migratorFor(database, config, plan).getMigrations();
  return infos.filter((info) => info.executedAt === undefined).map((info) => info.name);
}

/**
 * Applies every pending migration of `plan` in one transaction and returns their names (empty
 * when the database is current). Throws `MigrationError` naming the failing migration.
 */
export async function applyMigrations<DB>(database: Database<DB>, config: DatabaseConfig, plan: StoreMigrations): Promise<string[]> {
  const { error, results } = await migratorFor(database, config, plan).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result: MigrationResult) => result.status === 'Error');
    throw new MigrationError(plan.store, failed?.migrationName, error);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/**
 * Brings a store's database up to date as it opens: applies pending migrations, or with
 * `refuse` throws listing them (the operator runs `npm run migrate` first).
 */
export async function migrateAtOpen<DB>(
  database: Database<DB>,
  config: DatabaseConfig,
  plan: StoreMigrations,
  mode: MigrateOnStart = migrateOnStart(),
): Promise<string[]> {
  if (mode === 'apply') return applyMigrations(database, config, plan);
  const pending = await pendingMigrations(database, config, plan);
  if (pending.length > 0) {
    throw new Error(
      `The ${plan.store} store has pending migrations (${pending.join(', ')}) and SWITCHBOARD_MIGRATE_ON_START=false: run \`npm run migrate\` first.`,
    );
  }
  return [];
}

/**
 * Whether `table` has `column` in the store's own schema (PostgreSQL: the connection's
 * `current_schema()`), read from the catalog so it is safe inside a migration's transaction.
 */
export async function hasColumn<DB>(db: Kysely<DB>, table: string, column: string): Promise<boolean> {
  // A failed probe would abort a PostgreSQL transaction, so each dialect asks its own catalog.
  const query =
    db.getExecutor().adapter instanceof SqliteAdapter
      ? sql<{ found: number }>`SELECT 1 AS found FROM pragma_table_info(${table}) WHERE name = ${column}`
      : sql<{ found: number }>`SELECT 1 AS found FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = ${column}`;
  const { rows } = await query.execute(db);
  return rows.length > 0;
}

/** Adds a nullable TEXT column unless the table has it already (a database made by an older release lacks it). */
export async function addColumnIfMissing<DB>(db: Kysely<DB>, table: string, column: string): Promise<void> {
  if (!(await hasColumn(db, table, column))) await db.schema.alterTable(table).addColumn(column, 'text').execute();
}

/** Opens a store's database, applies its pending migrations, closes it; returns what was applied (`npm run migrate`). */
export async function migrateDatabase(config: DatabaseConfig, plan: StoreMigrations): Promise<string[]> {
  const database = openDatabase<unknown>(config);
  try {
    return await applyMigrations(database, config, plan);
  } finally {
    await database.close();
  }
}
