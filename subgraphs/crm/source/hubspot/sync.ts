/**
 * Incremental sync of HubSpot contacts into a local embedded store, for what needs the data
 * at rest (reports, reconciliation). Changed-since cursor: HubSpot's search by
 * `lastmodifieddate` (GTE the cursor, oldest change first). Each page is written in one
 * transaction together with the cursor it advances to, so a sync killed at any point resumes
 * from the last committed page: rows of that page seen again are replaced whole, never
 * duplicated, and none is skipped (everything older than the cursor is already written).
 * HubSpot caps one search at 10,000 results; past `RESTART_OFFSET` the query restarts from
 * the cursor. The cursor, the time of the last success and the error count are kept in
 * `crm_sync_cursors` (its own migration plan, `crm_sync`), for lag and error monitoring.
 * The synced copy is HubSpot's: HubSpot owns every field it copies (it always wins).
 */
import type { Kysely } from 'kysely';
import type { Database, DatabaseConfig } from '../../../shared/database.js';
import { migrateAtOpen, type StoreMigrations } from '../../../shared/migrations.js';
import type { SqlCrmStore } from '../embedded/store.js';
import type { HubSpotCrmSource } from './store.js';

/** Offset after which a search restarts from the cursor (HubSpot: at most 10,000 results per query). */
const RESTART_OFFSET = 9_000;

interface SyncTables {
  crm_sync_cursors: {
    name: string;
    /** ISO-8601: every change before it is copied. */
    modified_at: string;
    synced_at: string | null;
    errors: number;
    last_error: string | null;
  };
}

export const SYNC_MIGRATIONS: StoreMigrations = {
  store: 'crm_sync',
  migrations: {
    '0001_sync_cursors': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('crm_sync_cursors')
          .ifNotExists()
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('modified_at', 'text', (c) => c.notNull())
          .addColumn('synced_at', 'text')
          .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('last_error', 'text')
          .execute();
      },
    },
  },
};

export interface SyncStatus {
  /** Every change before this instant is in the local store (ISO-8601); null before the first page. */
  cursor: string | null;
  /** Seconds between now and the cursor: how far the copy trails HubSpot (null before the first page). */
  lagSeconds: number | null;
  /** Failed runs since the sync began; the last one's message. */
  errors: number;
  lastError: string | null;
}

export class HubSpotContactSync {
  private readonly db: Kysely<SyncTables>;

  private constructor(
    private readonly source: HubSpotCrmSource,
    private readonly target: SqlCrmStore,
    private readonly name: string,
    private readonly pageSize: number,
  ) {
    this.db = (target.database as Database<unknown>).db as Kysely<SyncTables>;
  }

  /** Prepares the cursor table in `target`'s database (`config` is where that database lives). */
  static async open(source: HubSpotCrmSource, target: SqlCrmStore, config: DatabaseConfig, options: { name?: string; pageSize?: number } = {}): Promise<HubSpotContactSync> {
    await migrateAtOpen(target.database, config, SYNC_MIGRATIONS);
    return new HubSpotContactSync(source, target, options.name ?? 'hubspot-contacts', options.pageSize ?? 100);
  }

  async status(): Promise<SyncStatus> {
    const row = await this.db.selectFrom('crm_sync_cursors').selectAll().where('name', '=', this.name).executeTakeFirst();
    const cursor = row?.modified_at ?? null;
    return {
      cursor,
      lagSeconds: cursor === null ? null : Math.max(0, Math.round((Date.now() - Date.parse(cursor)) / 1000)),
      errors: Number(row?.errors ?? 0),
      lastError: row?.last_error ?? null,
    };
  }

  /**
   * Copies every change since the cursor, page by page; resolves with the number of contacts
   * written. A failure is counted (`status().errors`) and rethrown; what was committed stays.
   */
  async runOnce(): Promise<number> {
    let written = 0;
    try {
      for (;;) {
        const start = (await this.status()).cursor;
        let after = '0';
        let restart = false;
        for (;;) {
          const { changes, next } = await this.source.contactsChangedSince(start === null ? 0 : Date.parse(start), after, this.pageSize);
          if (changes.length > 0) {
            const cursor = changes[changes.length - 1]!.modifiedAt;
            await this.target.upsertCustomers(
              changes.map((c) => c.customer),
              (trx) => this.saveCursor(trx as unknown as Kysely<SyncTables>, cursor),
            );
            written += changes.length;
          }
          if (next === null) break;
          if (Number(next) >= RESTART_OFFSET) {
            restart = true;
            break;
          }
          after = next;
        }
        if (!restart) break;
      }
      await this.db.updateTable('crm_sync_cursors').set({ synced_at: new Date().toISOString() }).where('name', '=', this.name).execute();
      return written;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.db
        .insertInto('crm_sync_cursors')
        .values({ name: this.name, modified_at: new Date(0).toISOString(), synced_at: null, errors: 1, last_error: message })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ errors: eb('crm_sync_cursors.errors', '+', 1), last_error: message })))
        .execute();
      throw error;
    }
  }

  private async saveCursor(trx: Kysely<SyncTables>, modifiedAt: string): Promise<void> {
    await trx
      .insertInto('crm_sync_cursors')
      .values({ name: this.name, modified_at: modifiedAt, synced_at: null, errors: 0, last_error: null })
      .onConflict((oc) => oc.column('name').doUpdateSet({ modified_at: modifiedAt }))
      .execute();
  }
}
