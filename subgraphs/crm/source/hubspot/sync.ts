/**
 * Incremental sync of HubSpot contacts into a local copy: an embedded CRM store's database
 * (`CRM_DATABASE_URL` or the SQLite file) holding each contact as a customer with its phones,
 * emails, tier, owner and company, for what needs CRM data at rest. Run by the shared
 * `SyncRunner` (subgraphs/shared/sync: schedule `CRM_HUBSPOT_SYNC_INTERVAL_SECONDS`, cursor in
 * `sync_cursors`, lag and errors as metrics and at `GET /health/sync`).
 *
 * Changed-since cursor: HubSpot's search by `lastmodifieddate` (GTE the cursor, oldest change
 * first). Each page is written in one transaction together with the cursor it advances to,
 * so a sync killed at any point resumes from the last committed page: contacts of that page
 * seen again are replaced whole, never duplicated, and none is skipped (everything older than
 * the cursor is already written). HubSpot caps one search at 10,000 results; past
 * `RESTART_OFFSET` the query restarts from the cursor.
 *
 * Conflicting fields follow the mapping's `sync.owners` (`HUBSPOT_COPY_FIELDS`; seed rule:
 * HubSpot owns what it holds, Switchboard its tags and national id), never the last write.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseConfig } from '../../../shared/database.js';
import { SyncCursorStore } from '../../../shared/sync/cursor-store.js';
import { mergeByOwner } from '../../../shared/sync/ownership.js';
import { assertWithinLimit, comparable, COPY_RECONCILIATION_MAX_RECORDS, type CopyRecord } from '../../../shared/sync/reconcile.js';
import { SyncRunner, type SyncJob, type SyncPass } from '../../../shared/sync/runner.js';
import type { SqlCrmStore } from '../embedded/store.js';
import type { CustomerRecord } from '../records.js';
import type { HubSpotCopyField, HubSpotCopyWriter } from './mapping.js';
import type { HubSpotCrmSource } from './store.js';

/** Offset after which a search restarts from the cursor (HubSpot: at most 10,000 results per query). */
const RESTART_OFFSET = 9_000;

/** The sync's persisted position: every contact modified before `modifiedAt` (ISO-8601) is copied. */
export interface HubSpotSyncCursor {
  modifiedAt: string;
}

/** The sync job of HubSpot contacts (`SyncJob`). */
export class HubSpotContactJob implements SyncJob {
  readonly system = 'hubspot';
  /** HubSpot keeps times to the millisecond. */
  readonly clockResolutionMs = 1;

  constructor(
    private readonly source: HubSpotCrmSource,
    private readonly target: SqlCrmStore,
    private readonly owners: Record<HubSpotCopyField, HubSpotCopyWriter>,
    readonly name = 'hubspot-contacts',
    private readonly pageSize = 100,
  ) {}

  async run(pass: SyncPass): Promise<void> {
    for (;;) {
      const start = (pass.cursor as HubSpotSyncCursor | null)?.modifiedAt ?? null;
      let after = '0';
      let restart = false;
      for (;;) {
        if (pass.signal.aborted) return;
        const { changes, next } = await this.source.contactsChangedSince(start === null ? 0 : Date.parse(start), after, this.pageSize);
        if (changes.length > 0) {
          const cursor: HubSpotSyncCursor = { modifiedAt: changes[changes.length - 1]!.modifiedAt };
          const customers = await this.merged(changes.map((c) => c.customer));
          await this.target.upsertCustomers(customers, (trx) => pass.saveCursorIn(trx as unknown as Transaction<unknown>, cursor, customers.length));
        }
        if (next === null) break;
        if (Number(next) >= RESTART_OFFSET) {
          restart = true;
          break;
        }
        after = next;
      }
      if (!restart) return;
    }
  }

  /**
   * The contacts created in `[from, to)` as HubSpot holds them now and as the copy holds them
   * (`SyncJob.records`; compared by `shared/sync/reconcile.ts` on the fields HubSpot owns).
   * BAD_USER_INPUT when HubSpot counts more than the report's limit.
   */
  async records(from: string, to: string): Promise<{ source: CopyRecord[]; copy: CopyRecord[] }> {
    const { total, contacts } = await this.source.contactsCreatedBetween(Date.parse(from), Date.parse(to), COPY_RECONCILIATION_MAX_RECORDS);
    assertWithinLimit(total, 'HubSpot');
    const ids = await this.target.database.db
      .selectFrom('customers')
      .select('id')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .orderBy('id')
      .limit(COPY_RECONCILIATION_MAX_RECORDS + 1)
      .execute();
    const copied = await this.target.customersByIds(ids.map((row) => row.id));
    return {
      source: contacts.map(({ customer, modifiedAt }) => this.compared(customer, modifiedAt)),
      copy: copied.filter((customer): customer is CustomerRecord => customer !== null).map((customer) => this.compared(customer, customer.updatedAt)),
    };
  }

  /** A contact as the reconciliation compares it: the fields HubSpot owns, phones and emails in a stable order. */
  private compared(customer: CustomerRecord, changedAt: string): CopyRecord {
    const value: Record<HubSpotCopyField, unknown> = {
      displayName: customer.displayName,
      tier: customer.tier,
      phones: customer.phones.map((p) => `${p.type} ${p.e164}${p.extension ? ` ext. ${p.extension}` : ''}`).sort().join(', '),
      emails: [...customer.emails].sort().join(', '),
      company: customer.company,
      ownerId: customer.ownerId,
      lastContactAt: customer.lastContactAt,
      tags: customer.tags,
      nationalId: customer.nationalId,
    };
    const owned = (Object.entries(this.owners) as [HubSpotCopyField, HubSpotCopyWriter][]).filter(([, owner]) => owner === 'hubspot');
    return { id: customer.id, changedAt, fields: Object.fromEntries(owned.map(([field]) => [field, comparable(value[field])])) };
  }

  /** HubSpot's contacts as the copy keeps them: each field from its owner (`mergeByOwner`). */
  private async merged(incoming: CustomerRecord[]): Promise<CustomerRecord[]> {
    const existing = await this.target.customersByIds(incoming.map((c) => c.id));
    return incoming.map((customer, i) => mergeByOwner(existing[i] ?? null, customer, 'hubspot', this.owners));
  }
}

/** What the sync's state was before the shared runner, kept for callers of `status()`. */
export interface SyncStatus {
  /** Every change before this instant is in the local store (ISO-8601); null before the first page. */
  cursor: string | null;
  /** Seconds since the instant up to which the copy holds every change (null before the first complete pass). */
  lagSeconds: number | null;
  /** Failed runs since the sync began; the last one's message. */
  errors: number;
  lastError: string | null;
}

/** The HubSpot contact sync on its runner: a scheduled or on-demand pass, its state. */
export class HubSpotContactSync {
  private constructor(readonly runner: SyncRunner) {}

  /**
   * Prepares the cursor table in `target`'s database (`config` is where that database lives)
   * and starts the runner: every `intervalMs` (default 0: only on demand, `runOnce()`).
   */
  static async open(
    source: HubSpotCrmSource,
    target: SqlCrmStore,
    config: DatabaseConfig,
    options: { name?: string; pageSize?: number; intervalMs?: number; owners?: Record<HubSpotCopyField, HubSpotCopyWriter> } = {},
  ): Promise<HubSpotContactSync> {
    const cursors = await SyncCursorStore.open(target.database as never, config);
    const job = new HubSpotContactJob(source, target, options.owners ?? source.mapping.sync.owners, options.name ?? 'hubspot-contacts', options.pageSize ?? 100);
    const runner = new SyncRunner({ service: 'crm', job, db: target.database.db as unknown as Kysely<unknown>, cursors, intervalMs: options.intervalMs ?? 0 });
    await runner.start();
    return new HubSpotContactSync(runner);
  }

  async status(): Promise<SyncStatus> {
    const status = await this.runner.status();
    return { cursor: (status.cursor as HubSpotSyncCursor | null)?.modifiedAt ?? null, lagSeconds: status.lagSeconds, errors: status.errors, lastError: status.lastError };
  }

  /**
   * Copies every change since the cursor, page by page; resolves with the number of contacts
   * written. A failure is counted (`status().errors`) and rethrown; what was committed stays.
   */
  async runOnce(): Promise<number> {
    const result = await this.runner.runNow();
    if (!result.ok) throw new Error(result.error ?? 'the HubSpot sync failed');
    return result.copied;
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
