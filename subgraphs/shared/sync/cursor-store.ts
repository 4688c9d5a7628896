/**
 * Where every incremental sync keeps its state, in the database of the local copy it writes
 * (so a page of copied records and the cursor it advances to commit in one transaction):
 * table `sync_cursors`, one row per sync (`name`), its own migration plan (`sync`, bookkeeping
 * tables `sync_migrations*`), the same on SQLite and PostgreSQL.
 *
 * - `cursor`: the sync's own position (JSON, e.g. RT's `{ updated, id }`), saved with each page.
 * - `synced_through`: ISO-8601; every change made in the source system before this instant is
 *   in the copy (the start of the last pass that reached the end). Freshness and lag derive from it.
 * - `errors`, `last_error`: failed passes since the copy was made, and the last one's message.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DatabaseConfig } from '../database.js';
import { migrateAtOpen, type StoreMigrations } from '../migrations.js';

export interface SyncCursorsTable {
  name: string;
  cursor: string | null;
  synced_through: string | null;
  last_success_at: string | null;
  errors: number;
  last_error: string | null;
  /** Records written since the copy was made (every page, re-copies included). */
  copied: number;
}

export interface SyncCursorTables {
  sync_cursors: SyncCursorsTable;
}

export const SYNC_CURSOR_MIGRATIONS: StoreMigrations = {
  store: 'sync',
  migrations: {
    '0001_sync_cursors': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sync_cursors')
          .ifNotExists()
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('cursor', 'text')
          .addColumn('synced_through', 'text')
          .addColumn('last_success_at', 'text')
          .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('last_error', 'text')
          .addColumn('copied', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      },
      down: (db: Kysely<unknown>) => db.schema.dropTable('sync_cursors').execute(),
    },
  },
};

/** One sync's persisted state (`cursor` parsed from JSON; null before its first page). */
export interface SyncState {
  cursor: unknown;
  syncedThrough: string | null;
  lastSuccessAt: string | null;
  errors: number;
  lastError: string | null;
  copied: number;
}

const EMPTY: SyncState = { cursor: null, syncedThrough: null, lastSuccessAt: null, errors: 0, lastError: null, copied: 0 };

/** Reads and writes `sync_cursors` in one database (the local copy's). */
export class SyncCursorStore {
  readonly db: Kysely<SyncCursorTables>;

  private constructor(db: Kysely<unknown>) {
    this.db = db as Kysely<SyncCursorTables>;
  }

  /** Applies the `sync` migrations to `database` (or refuses per `SWITCHBOARD_MIGRATE_ON_START`) and returns the store. */
  static async open(database: Database<unknown>, config: DatabaseConfig): Promise<SyncCursorStore> {
    await migrateAtOpen(database, config, SYNC_CURSOR_MIGRATIONS);
    return new SyncCursorStore(database.db as Kysely<unknown>);
  }

  async read(name: string): Promise<SyncState> {
    const row = await this.db.selectFrom('sync_cursors').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) return { ...EMPTY };
    return {
      cursor: row.cursor === null ? null : (JSON.parse(row.cursor) as unknown),
      syncedThrough: row.synced_through,
      lastSuccessAt: row.last_success_at,
      errors: Number(row.errors),
      lastError: row.last_error,
      copied: Number(row.copied),
    };
  }

  private async ensure(db: Kysely<SyncCursorTables>, name: string): Promise<void> {
    await db.insertInto('sync_cursors').values({ name, cursor: null, synced_through: null, last_success_at: null, errors: 0, last_error: null, copied: 0 }).onConflict((oc) => oc.column('name').doNothing()).execute();
  }

  /** Saves the cursor a page advanced to, inside that page's transaction `trx`; `copied`: records the page wrote. */
  async saveCursor(trx: Transaction<unknown> | Kysely<unknown>, name: string, cursor: unknown, copied: number): Promise<void> {
    const db = trx as unknown as Kysely<SyncCursorTables>;
    await this.ensure(db, name);
    await db
      .updateTable('sync_cursors')
      .set((eb) => ({ cursor: JSON.stringify(cursor), copied: eb('copied', '+', copied) }))
      .where('name', '=', name)
      .execute();
  }

  /** A pass reached the end: every change before `syncedThrough` (the pass's start) is copied. */
  async recordSuccess(name: string, syncedThrough: string, at: string): Promise<void> {
    await this.ensure(this.db, name);
    await this.db.updateTable('sync_cursors').set({ synced_through: syncedThrough, last_success_at: at }).where('name', '=', name).execute();
  }

  /** A pass failed: counted, with its message; the cursor stays where the last committed page left it. */
  async recordFailure(name: string, message: string): Promise<void> {
    await this.ensure(this.db, name);
    await this.db
      .updateTable('sync_cursors')
      .set((eb) => ({ errors: eb('errors', '+', 1), last_error: message.slice(0, 2000) }))
      .where('name', '=', name)
      .execute();
  }
}
