/**
 * The embedded CRM store over Kysely: every query written once for SQLite and PostgreSQL.
 * Batch methods run a fixed number of statements for any number of ids (`IN (...)` lists,
 * per-customer pages: `pages.ts`). Rows ↔ records: `rows.ts`; key rotation: `reencrypt.ts`.
 * The only adapter that exposes its `database` (for statement counting in its own tests).
 */
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { notFound } from '../../../../schema/errors.js';
import type { Database } from '../../../shared/database.js';
import { toPage, type Page, type PageArgs } from '../../../shared/pagination.js';
import { readPhoneNumber } from '../../../shared/phone.js';
import { contactPhones, seedPhones } from '../contact-phones.js';
import { fromCents, toCents } from '../money.js';
import { CursorKind, LIFETIME_VALUE_CURRENCY, LIFETIME_VALUE_EXCLUDED_STATUSES, type CallLogInput, type ContactUpdate, type CustomerFilter, type SeedableCrmSource } from '../port.js';
import type { AccountOwnerRecord, ActivityRecord, ActivityType, CrmSeed, CustomerRecord, CustomerStatus, CustomerStatusChangeRecord, OrderRecord, PhoneRecord, PhoneType } from '../records.js';
import { pagesByCustomer } from '../sql-pages.js';
import { callLogActivity, noteActivity, normaliseEmails, searchText, unique } from '../validation.js';
import { PiiCipher } from './pii-cipher.js';
import { reencryptAll, type ReencryptionResult } from './reencrypt.js';
import { activityRow, customerRow, orderRow, statusChangeRow, toActivity, toCustomer, toOrder, toStatusChange, type ActivityRow, type OrderRow, type StatusChangeRow } from './rows.js';
import type { CrmTables } from './tables.js';

export type { ReencryptionResult } from './reencrypt.js';
import { ChangeEventOutbox } from '../../../shared/change-events/outbox.js';
import { recordChangeEvents } from '../../../shared/change-events/record.js';
import { callLoggedEvent, contactChangedEvent, customerStatusChangedEvent } from '../change-events.js';
import { DEFAULT_CUSTOMER_STATUS, statusChange, statusReason, type StatusOutcome } from '../customer-status.js';
import { SqlEngagementStore } from './engagement-store.js';

/** Rows per multi-row INSERT while seeding (at most 12 columns: well under both dialects' parameter limits). */
const SEED_BATCH_ROWS = 500;
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class SqlCrmStore implements SeedableCrmSource {
  readonly database: Database<CrmTables>;
  readonly changeEvents: ChangeEventOutbox;
  private readonly db: Kysely<CrmTables>;
  private readonly cipher: PiiCipher;

  /** `cipher` seals PII at rest; by default from `SWITCHBOARD_PII_KEY` / `SWITCHBOARD_PII_OLD_KEYS`. */
  constructor(database: Database<CrmTables>, cipher: PiiCipher = PiiCipher.fromEnv()) {
    this.database = database;
    this.db = database.db;
    this.cipher = cipher;
    this.changeEvents = ChangeEventOutbox.in(database.db);
  }

  // ---- reads -------------------------------------------------------------------------

  async customersByIds(ids: readonly string[]): Promise<(CustomerRecord | null)[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => null);
    // Three statements for any number of ids, run side by side.
    const [rows, phones, emails] = await Promise.all([
      this.db.selectFrom('customers').selectAll().where('id', 'in', wanted).execute(),
      this.phonesOf(wanted),
      this.emailsOf(wanted),
    ]);
    const byId = new Map(rows.map((row) => [row.id, toCustomer(this.cipher, row, phones.get(row.id) ?? [], emails.get(row.id) ?? [])]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async customersByPhoneNumbers(e164s: readonly string[]): Promise<CustomerRecord[][]> {
    const wanted = unique(e164s);
    if (wanted.length === 0) return e164s.map(() => []);
    const links = await this.db
      .selectFrom('customer_phones')
      .select(['customer_id', 'e164'])
      .distinct()
      .where('e164', 'in', wanted)
      .execute();
    const customers = await this.customersByIds(unique(links.map((link) => link.customer_id)));
    const byId = new Map(customers.filter((c): c is CustomerRecord => c !== null).map((c) => [c.id, c]));
    const byNumber = new Map<string, CustomerRecord[]>();
    for (const link of links) {
      const customer = byId.get(link.customer_id);
      if (!customer) continue;
      const list = byNumber.get(link.e164) ?? [];
      list.push(customer);
      byNumber.set(link.e164, list);
    }
    return e164s.map((e164) => [...(byNumber.get(e164) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  async searchCustomers(filter: CustomerFilter, page: PageArgs): Promise<Page<CustomerRecord>> {
    const search = searchText(filter.search);
    const tier = filter.tier ?? null;
    // A search text that the normaliser reads as a number also matches that number (its main
    // number: an extension in the search is ignored); anything else only matches as text.
    const reading = search === '' ? null : readPhoneNumber(search);
    const e164 = reading?.ok ? reading.e164 : null;
    const pattern = `%${escapeLike(search.toLowerCase())}%`;
    const filtered = () => {
      let query = this.db.selectFrom('customers as c');
      if (tier !== null) query = query.where('c.tier', '=', tier);
      if (search !== '') {
        query = query.where((eb) => {
          // Uncorrelated subqueries: each runs once (the phone one on the e164 index), not per customer.
          const matches: Expression<SqlBool>[] = [
            sql<SqlBool>`lower(c.display_name) like ${pattern} escape '\\'`,
            sql<SqlBool>`lower(c.company_name) like ${pattern} escape '\\'`,
            eb('c.id', 'in', eb.selectFrom('customer_emails as e').select('e.customer_id').where(sql<SqlBool>`lower(e.email) like ${pattern} escape '\\'`)),
          ];
          if (e164 !== null) {
            matches.push(eb('c.id', 'in', eb.selectFrom('customer_phones as p').select('p.customer_id').where('p.e164', '=', e164)));
          }
          return eb.or(matches);
        });
      }
      return query;
    };
    let pageQuery = filtered().selectAll('c');
    const after = page.after;
    if (after) {
      pageQuery = pageQuery.where((eb) =>
        eb.or([eb('c.created_at', '<', after.key), eb.and([eb('c.created_at', '=', after.key), eb('c.id', '<', after.id)])]),
      );
    }
    const [rows, count] = await Promise.all([
      pageQuery.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(page.first + 1).execute(),
      filtered()
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    const ids = rows.map((row) => row.id);
    const [phones, emails] = ids.length === 0 ? [new Map(), new Map()] : await Promise.all([this.phonesOf(ids), this.emailsOf(ids)]);
    const customers = rows.map((row) => toCustomer(this.cipher, row, phones.get(row.id) ?? [], emails.get(row.id) ?? []));
    return toPage(CursorKind.customers, customers, page.first, Number(count.n), (c) => ({ key: c.createdAt, id: c.id }));
  }

  async lifetimeValuesByCustomerIds(ids: readonly string[]): Promise<string[]> {
    const wanted = unique(ids);
    const sums = new Map<string, bigint>();
    if (wanted.length > 0) {
      // One statement for any number of customers; summed here in exact cents (amounts are decimal strings).
      const rows = await this.db
        .selectFrom('orders')
        .select(['customer_id', 'total'])
        .where('customer_id', 'in', wanted)
        .where('currency', '=', LIFETIME_VALUE_CURRENCY)
        .where('status', 'not in', [...LIFETIME_VALUE_EXCLUDED_STATUSES])
        .execute();
      for (const row of rows) sums.set(row.customer_id, (sums.get(row.customer_id) ?? 0n) + toCents(row.total));
    }
    return ids.map((id) => fromCents(sums.get(id) ?? 0n));
  }

  async ownersByIds(ids: readonly string[]): Promise<(AccountOwnerRecord | null)[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const rows = await this.db.selectFrom('owners').selectAll().where('id', 'in', wanted).execute();
    const byId = new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, team: row.team }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async ordersByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<OrderRecord>[]> {
    const pages = await pagesByCustomer<OrderRow>(this.db, sql.table('orders'), 'placed_at', ids, page, null);
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(CursorKind.orders, rows.map(toOrder), page.first, total, (o) => ({ key: o.placedAt, id: o.id }));
    });
  }

  async activitiesByCustomerIds(ids: readonly string[], types: readonly ActivityType[] | null, page: PageArgs): Promise<Page<ActivityRecord>[]> {
    const typeFilter = types && types.length > 0 ? sql`t.type in (${sql.join([...new Set(types)])})` : null;
    const pages = await pagesByCustomer<ActivityRow>(this.db, sql.table('activities'), 'at', ids, page, typeFilter);
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(CursorKind.activities, rows.map(toActivity), page.first, total, (a) => ({ key: a.at, id: a.id }));
    });
  }

  async statusChangesByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<CustomerStatusChangeRecord>[]> {
    const pages = await pagesByCustomer<StatusChangeRow>(this.db, sql.table('customer_status_changes'), 'at', ids, page, null);
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(CursorKind.statusChanges, rows.map(toStatusChange), page.first, total, (c) => ({ key: c.at, id: c.id }));
    });
  }

  private async phonesOf(customerIds: string[]): Promise<Map<string, PhoneRecord[]>> {
    const rows = await this.db
      .selectFrom('customer_phones')
      .select(['customer_id', 'raw', 'e164', 'extension', 'type'])
      .where('customer_id', 'in', customerIds)
      .orderBy('customer_id')
      .orderBy('position')
      .execute();
    const byCustomer = new Map<string, PhoneRecord[]>();
    for (const row of rows) {
      const list = byCustomer.get(row.customer_id) ?? [];
      list.push({ raw: row.raw, e164: row.e164, extension: row.extension ?? null, type: row.type as PhoneType });
      byCustomer.set(row.customer_id, list);
    }
    return byCustomer;
  }

  private async emailsOf(customerIds: string[]): Promise<Map<string, string[]>> {
    const rows = await this.db
      .selectFrom('customer_emails')
      .select(['customer_id', 'email'])
      .where('customer_id', 'in', customerIds)
      .orderBy('customer_id')
      .orderBy('position')
      .execute();
    const byCustomer = new Map<string, string[]>();
    for (const row of rows) {
      const list = byCustomer.get(row.customer_id) ?? [];
      list.push(row.email);
      byCustomer.set(row.customer_id, list);
    }
    return byCustomer;
  }

  // ---- writes ------------------------------------------------------------------------

  async addNote(customerId: string, body: string, author: string): Promise<ActivityRecord> {
    const activity = noteActivity(customerId, body, author);
    const at = activity.at;
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('customers')
        .set({ last_contact_at: at, updated_at: at })
        .where('id', '=', customerId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw notFound('Customer', customerId);
      await trx.insertInto('activities').values(activityRow(activity)).execute();
    });
    return activity;
  }

  async updateContact(customerId: string, update: ContactUpdate): Promise<CustomerRecord> {
    // Everything is validated before the first write.
    const phones = update.phones == null ? null : contactPhones(update.phones);
    const emails = update.emails == null ? null : normaliseEmails(update.emails);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('customers').set({ updated_at: now }).where('id', '=', customerId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw notFound('Customer', customerId);
      if (phones !== null) {
        await trx.deleteFrom('customer_phones').where('customer_id', '=', customerId).execute();
        if (phones.length > 0) {
          await trx
            .insertInto('customer_phones')
            .values(phones.map((p, position) => ({ customer_id: customerId, position, raw: p.raw, e164: p.e164, extension: p.extension, type: p.type })))
            .execute();
        }
      }
      if (emails !== null) {
        await trx.deleteFrom('customer_emails').where('customer_id', '=', customerId).execute();
        if (emails.length > 0) {
          await trx
            .insertInto('customer_emails')
            .values(emails.map((email, position) => ({ customer_id: customerId, position, email })))
            .execute();
        }
      }
      if (phones !== null || emails !== null) await recordChangeEvents(trx, [contactChangedEvent(customerId, phones, emails, now)]);
    });
    const [customer] = await this.customersByIds([customerId]);
    if (!customer) throw notFound('Customer', customerId);
    return customer;
  }

  async recordCallLog(input: CallLogInput): Promise<ActivityRecord> {
    const activity = callLogActivity(input);
    const { at, callId } = activity;
    return this.db.transaction().execute(async (trx) => {
      const customer = await trx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst();
      if (!customer) throw notFound('Customer', input.customerId);
      // The unique index on (customer_id, call_id) makes this exactly-once, even under concurrency.
      const inserted = await trx
        .insertInto('activities')
        .values(activityRow(activity))
        .onConflict((oc) => oc.columns(['customer_id', 'call_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
        await trx
          .updateTable('customers')
          .set({ last_contact_at: sql<string>`case when last_contact_at is null or last_contact_at < ${at} then ${at} else last_contact_at end` })
          .where('id', '=', input.customerId)
          .execute();
        await recordChangeEvents(trx, [callLoggedEvent(activity)]);
        return activity;
      }
      const existing = await trx
        .selectFrom('activities')
        .selectAll()
        .where('customer_id', '=', input.customerId)
        .where('call_id', '=', callId)
        .executeTakeFirstOrThrow();
      return toActivity(existing);
    });
  }

  async setStatus(customerId: string, status: CustomerStatus, reason: string | null, author: string): Promise<StatusOutcome<CustomerRecord>> {
    const why = statusReason(reason);
    const change = await this.db.transaction().execute(async (trx) => {
      // Compare-and-set on the status read: of two concurrent calls setting it, one writes the change.
      const current = await trx.selectFrom('customers').select('status').where('id', '=', customerId).executeTakeFirst();
      if (!current) throw notFound('Customer', customerId);
      if (current.status === status) return null;
      const made = statusChange(customerId, current.status as CustomerStatus, status, author, why);
      const updated = await trx
        .updateTable('customers')
        .set({ status, updated_at: made.at })
        .where('id', '=', customerId)
        .where('status', '=', current.status)
        .executeTakeFirst();
      // Another call changed it between the read and the update: its change stands, this one is a no-op.
      if (Number(updated.numUpdatedRows) === 0) return null;
      await trx.insertInto('customer_status_changes').values(statusChangeRow(made)).execute();
      await recordChangeEvents(trx, [customerStatusChangedEvent(made)]);
      return made;
    });
    const [customer] = await this.customersByIds([customerId]);
    if (!customer) throw notFound('Customer', customerId);
    return { customer, change };
  }

  // ---- PII at rest ---------------------------------------------------------------------

  /** Rewrites every national ID not under the current key (`reencrypt.ts`); safe to interrupt and run again. */
  reencryptAll(): Promise<ReencryptionResult> {
    return reencryptAll(this.db, this.cipher);
  }

  // ---- seeding and lifecycle ---------------------------------------------------------

  /** Refreshes the planner's statistics of the store's tables (after a seed; `Database.analyze`). */
  analyze(): Promise<void> {
    return this.database.analyze();
  }

  async loadSeed(part: CrmSeed): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const insertAll = async <T extends keyof CrmTables>(table: T, rows: CrmTables[T][]) => {
        for (let i = 0; i < rows.length; i += SEED_BATCH_ROWS) {
          // Kysely cannot narrow a generic table name; the rows are typed by the caller.
          await trx.insertInto(table).values(rows.slice(i, i + SEED_BATCH_ROWS) as never).execute();
        }
      };
      await insertAll('owners', part.owners.map((o) => ({ id: o.id, name: o.name, team: o.team })));
      // A seed made before customer statuses has none: its customers are ACTIVE.
      await insertAll('customers', part.customers.map((c) => customerRow(this.cipher, { ...c, status: c.status ?? DEFAULT_CUSTOMER_STATUS })));
      await insertAll(
        'customer_phones',
        part.customers.flatMap((c) => seedPhones(c).map((p, position) => ({ customer_id: c.id, position, raw: p.raw, e164: p.e164, extension: p.extension, type: p.type }))),
      );
      await insertAll(
        'customer_emails',
        part.customers.flatMap((c) => c.emails.map((email, position) => ({ customer_id: c.id, position, email }))),
      );
      await insertAll('orders', part.orders.map(orderRow));
      await insertAll('activities', part.activities.map(activityRow));
      await insertAll('customer_status_changes', (part.statusChanges ?? []).map(statusChangeRow));
    });
    if (part.engagement) await new SqlEngagementStore(this.database).loadEngagementSeed(part.engagement);
  }

  /**
   * Writes customers copied from another system (a sync): each row replaced whole (phones and
   * emails too), the national ID sealed, owners kept as ids. `within` runs in the same
   * transaction (a sync's cursor), so a crash leaves either both or neither.
   */
  async upsertCustomers(customers: readonly CustomerRecord[], within?: (trx: Transaction<CrmTables>) => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const customer of customers) {
        const row = customerRow(this.cipher, customer);
        await trx
          .insertInto('customers')
          .values(row)
          // The status is Switchboard's own (no connector reads one): a new copy starts ACTIVE, a sync never overwrites it.
          .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined, status: undefined }))
          .execute();
        await trx.deleteFrom('customer_phones').where('customer_id', '=', customer.id).execute();
        await trx.deleteFrom('customer_emails').where('customer_id', '=', customer.id).execute();
        if (customer.phones.length > 0) {
          await trx
            .insertInto('customer_phones')
            .values(customer.phones.map((p, position) => ({ customer_id: customer.id, position, raw: p.raw, e164: p.e164, extension: p.extension, type: p.type })))
            .execute();
        }
        if (customer.emails.length > 0) {
          await trx.insertInto('customer_emails').values(customer.emails.map((email, position) => ({ customer_id: customer.id, position, email }))).execute();
        }
      }
      await within?.(trx);
    });
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  ping(): Promise<void> {
    return this.database.ping();
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
