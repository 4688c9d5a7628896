/**
 * The CRM adapter over Kysely: every query written once for SQLite and PostgreSQL.
 * Batch methods run a fixed number of statements for any number of ids (`IN (...)` lists,
 * per-customer pages with `ROW_NUMBER()` / `COUNT(*) OVER (PARTITION BY customer_id)`).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { badUserInput, notFound } from '../../../schema/errors.js';
import type { Database } from '../../shared/database.js';
import { toPage, type Page, type PageArgs } from '../../shared/pagination.js';
import { readPhoneNumber } from '../../shared/phone.js';
import { contactPhones, seedPhones } from './contact-phones.js';
import { fromCents, toCents } from './money.js';
import { SqlEngagementStore } from './engagement-store.js';
import { PiiCipher, PiiDecryptionError } from './pii-cipher.js';
import { CursorKind, LIFETIME_VALUE_CURRENCY, LIFETIME_VALUE_EXCLUDED_STATUSES, MAX_CONTACTS, MAX_NOTE_LENGTH, type CallLogInput, type ContactUpdate, type CrmSource, type CustomerFilter } from './port.js';
import type {
  AccountOwnerRecord,
  ActivityRecord,
  ActivityType,
  ChatMessageRecord,
  CrmSeed,
  CustomerRecord,
  CustomerTier,
  OrderRecord,
  OrderStatus,
  PhoneRecord,
  PhoneType,
  ShipmentStatus,
} from './records.js';
import type { ActivitiesTable, CrmTables, CustomersTable, OrdersTable } from './tables.js';

/** Rows per multi-row INSERT while seeding (at most 12 columns: well under both dialects' parameter limits). */
const SEED_BATCH_ROWS = 500;
const MAX_SEARCH_LENGTH = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type CustomerRow = Selectable<CustomersTable>;
type OrderRow = Selectable<OrdersTable>;
type ActivityRow = Selectable<ActivitiesTable>;
/** Prefixed so they never collide with a table's own columns (orders have a `total`). */
interface WindowColumns {
  w_after: number | string;
  w_rn: number | string;
  w_total: number | string;
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const runtimeId = (prefix: string): string => `${prefix}_${randomUUID().replace(/-/g, '')}`;
/** The additional authenticated data of a national ID: bound to its column and row. */
const nationalIdContext = (customerId: string): string => `customers.national_id:${customerId}`;
/** Rows per batch while re-encrypting. */
const REENCRYPT_BATCH_ROWS = 500;

export interface ReencryptionResult {
  /** Rows with a national ID. */
  scanned: number;
  /** Rows rewritten under the current key (they were under an old key, or not encrypted at all). */
  reencrypted: number;
  currentKeyId: string;
}

export class SqlCrmStore implements CrmSource {
  readonly database: Database<CrmTables>;
  private readonly db: Kysely<CrmTables>;
  private readonly cipher: PiiCipher;

  /** `cipher` seals PII at rest; by default from `SWITCHBOARD_PII_KEY` / `SWITCHBOARD_PII_OLD_KEYS`. */
  constructor(database: Database<CrmTables>, cipher: PiiCipher = PiiCipher.fromEnv()) {
    this.database = database;
    this.db = database.db;
    this.cipher = cipher;
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
    const byId = new Map(rows.map((row) => [row.id, this.toCustomer(row, phones.get(row.id) ?? [], emails.get(row.id) ?? [])]));
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
    const search = filter.search?.trim() ?? '';
    if (search.length > MAX_SEARCH_LENGTH) {
      throw badUserInput(`\`search\` must be at most ${MAX_SEARCH_LENGTH} characters.`, { argumentName: 'search' });
    }
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
    const customers = rows.map((row) => this.toCustomer(row, phones.get(row.id) ?? [], emails.get(row.id) ?? []));
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
    const pages = await this.pagesByCustomer<OrderRow>('orders', 'placed_at', ids, page, null);
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(CursorKind.orders, rows.map(toOrder), page.first, total, (o) => ({ key: o.placedAt, id: o.id }));
    });
  }

  async activitiesByCustomerIds(ids: readonly string[], types: readonly ActivityType[] | null, page: PageArgs): Promise<Page<ActivityRecord>[]> {
    const typeFilter = types && types.length > 0 ? sql`t.type in (${sql.join([...new Set(types)])})` : null;
    const pages = await this.pagesByCustomer<ActivityRow>('activities', 'at', ids, page, typeFilter);
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(CursorKind.activities, rows.map(toActivity), page.first, total, (a) => ({ key: a.at, id: a.id }));
    });
  }

  /**
   * One statement for the pages of many customers. Rows after the cursor are numbered per
   * customer; rows before it only contribute one sentinel row carrying the total, so a
   * customer whose page is empty still gets the right `totalCount`.
   */
  private async pagesByCustomer<Row extends { id: string; customer_id: string }>(
    table: 'orders' | 'activities',
    sortColumn: 'placed_at' | 'at',
    ids: readonly string[],
    page: PageArgs,
    extraFilter: RawBuilder<unknown> | null,
  ): Promise<Map<string, { rows: Row[]; total: number }>> {
    const result = new Map<string, { rows: Row[]; total: number }>();
    const wanted = unique(ids);
    if (wanted.length === 0) return result;
    const sort = sql.ref(`t.${sortColumn}`);
    const after = page.after;
    const afterFlag = after
      ? sql`case when ${sort} < ${after.key} or (${sort} = ${after.key} and t.id < ${after.id}) then 1 else 0 end`
      : sql`1`;
    const partition = after ? sql`t.customer_id, ${afterFlag}` : sql`t.customer_id`;
    const { rows } = await sql<Row & WindowColumns>`
      select * from (
        select t.*, ${afterFlag} as w_after,
          row_number() over (partition by ${partition} order by ${sort} desc, t.id desc) as w_rn,
          count(*) over (partition by t.customer_id) as w_total
        from ${sql.table(table)} t
        where t.customer_id in (${sql.join(wanted)})${extraFilter ? sql` and ${extraFilter}` : sql``}
      ) w
      where (w.w_after = 1 and w.w_rn <= ${page.first + 1}) or (w.w_after = 0 and w.w_rn = 1)
      order by w.customer_id, w.w_after desc, w.w_rn`.execute(this.db);
    for (const row of rows) {
      let entry = result.get(row.customer_id);
      if (!entry) {
        entry = { rows: [], total: Number(row.w_total) };
        result.set(row.customer_id, entry);
      }
      if (Number(row.w_after) === 1) entry.rows.push(row);
    }
    return result;
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
    const text = body.trim();
    if (text.length === 0 || text.length > MAX_NOTE_LENGTH) {
      throw badUserInput(`A note must have 1 to ${MAX_NOTE_LENGTH} characters, got ${text.length}.`, { argumentName: 'body' });
    }
    const at = new Date().toISOString();
    const activity: ActivityRecord = {
      id: runtimeId('act'),
      customerId,
      type: 'NOTE',
      at,
      author: author.trim() || 'anonymous',
      body: text,
      callId: null,
      durationSeconds: null,
      agentId: null,
      disposition: null,
      recordingRef: null,
      messages: null,
    };
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
    });
    const [customer] = await this.customersByIds([customerId]);
    if (!customer) throw notFound('Customer', customerId);
    return customer;
  }

  async recordCallLog(input: CallLogInput): Promise<ActivityRecord> {
    const callId = input.callId.trim();
    if (callId === '') throw badUserInput('A call log needs a call id.', { argumentName: 'callId' });
    const atMs = Date.parse(input.at);
    if (Number.isNaN(atMs)) throw badUserInput(`${JSON.stringify(input.at)} is not a timestamp.`, { argumentName: 'at' });
    if (!Number.isInteger(input.durationSeconds) || input.durationSeconds < 0) {
      throw badUserInput('`durationSeconds` must be a whole number of seconds, at least 0.', { argumentName: 'durationSeconds' });
    }
    const at = new Date(atMs).toISOString();
    const activity: ActivityRecord = {
      id: runtimeId('act'),
      customerId: input.customerId,
      type: 'CALL_LOG',
      at,
      author: input.author.trim() || 'anonymous',
      body: null,
      callId,
      durationSeconds: input.durationSeconds,
      agentId: input.agentId,
      disposition: input.disposition,
      recordingRef: input.recordingRef,
      messages: null,
    };
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

  // ---- PII at rest ---------------------------------------------------------------------

  /**
   * Rewrites every national ID not sealed under the current key (written under an old key,
   * or stored in plain text before encryption existed) under the current key. Each batch is
   * one transaction; safe to run again or to interrupt. Old keys are needed until it is done.
   */
  async reencryptAll(): Promise<ReencryptionResult> {
    let scanned = 0;
    let reencrypted = 0;
    let lastId = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('customers')
        .select(['id', 'national_id'])
        .where('national_id', 'is not', null)
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(REENCRYPT_BATCH_ROWS)
        .execute();
      if (rows.length === 0) break;
      lastId = rows[rows.length - 1]!.id;
      scanned += rows.length;
      const stale = rows.filter((row) => this.cipher.needsReencryption(row.national_id!));
      if (stale.length === 0) continue;
      await this.db.transaction().execute(async (trx) => {
        for (const row of stale) {
          const context = nationalIdContext(row.id);
          const sealed = row.national_id!;
          const plain = PiiCipher.isSealed(sealed) ? this.cipher.decrypt(sealed, context) : sealed;
          await trx
            .updateTable('customers')
            .set({ national_id: this.cipher.encrypt(plain, context) })
            .where('id', '=', row.id)
            // Unchanged since read: a concurrent writer wins, this row is picked up by the next run.
            .where('national_id', '=', sealed)
            .execute();
        }
      });
      reencrypted += stale.length;
    }
    return { scanned, reencrypted, currentKeyId: this.cipher.currentKeyId };
  }

  // ---- seeding and lifecycle ---------------------------------------------------------

  async loadSeed(part: CrmSeed): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const insertAll = async <T extends keyof CrmTables>(table: T, rows: CrmTables[T][]) => {
        for (let i = 0; i < rows.length; i += SEED_BATCH_ROWS) {
          // Kysely cannot narrow a generic table name; the rows are typed by the caller.
          await trx.insertInto(table).values(rows.slice(i, i + SEED_BATCH_ROWS) as never).execute();
        }
      };
      await insertAll('owners', part.owners.map((o) => ({ id: o.id, name: o.name, team: o.team })));
      await insertAll('customers', part.customers.map((c) => this.customerRow(c)));
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
    });
    if (part.engagement) await new SqlEngagementStore(this.database).loadEngagementSeed(part.engagement);
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  close(): Promise<void> {
    return this.database.close();
  }

  // ---- customer row mapping (the national ID is sealed at rest) ------------------------

  private toCustomer(row: CustomerRow, phones: PhoneRecord[], emails: string[]): CustomerRecord {
    // A national ID that does not decrypt fails that one field (see the resolver), not the customer.
    let nationalId: string | null = null;
    let nationalIdUnreadable: string | undefined;
    if (row.national_id !== null) {
      try {
        nationalId = this.cipher.decrypt(row.national_id, nationalIdContext(row.id));
      } catch (error) {
        if (!(error instanceof PiiDecryptionError)) throw error;
        nationalIdUnreadable = error.message;
      }
    }
    return {
      id: row.id,
      displayName: row.display_name,
      tier: row.tier as CustomerTier,
      phones,
      emails,
      company: row.company_name === null ? null : { name: row.company_name, industry: row.company_industry },
      tags: JSON.parse(row.tags) as string[],
      ownerId: row.owner_id,
      nationalId,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastContactAt: row.last_contact_at,
      ...(nationalIdUnreadable === undefined ? {} : { nationalIdUnreadable }),
    };
  }

  private customerRow(c: CustomerRecord): CustomersTable {
    return {
      id: c.id,
      display_name: c.displayName,
      tier: c.tier,
      company_name: c.company?.name ?? null,
      company_industry: c.company?.industry ?? null,
      tags: JSON.stringify(c.tags),
      owner_id: c.ownerId,
      national_id: c.nationalId === null ? null : this.cipher.encrypt(c.nationalId, nationalIdContext(c.id)),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      last_contact_at: c.lastContactAt,
    };
  }
}

// ---- validation --------------------------------------------------------------------

function normaliseEmails(input: readonly string[]): string[] {
  if (input.length > MAX_CONTACTS) {
    throw badUserInput(`At most ${MAX_CONTACTS} emails, got ${input.length}.`, { argumentName: 'emails' });
  }
  const emails = input.map((raw, i) => {
    const email = raw.trim().toLowerCase();
    if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
      throw badUserInput(`${JSON.stringify(raw)} is not an email address.`, { argumentName: `emails[${i}]`, value: raw });
    }
    return email;
  });
  return unique(emails);
}

// ---- row mapping -------------------------------------------------------------------

function toOrder(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    number: row.number,
    status: row.status as OrderStatus,
    total: row.total,
    currency: row.currency,
    placedAt: row.placed_at,
    shipment:
      row.shipment_carrier === null
        ? null
        : {
            carrier: row.shipment_carrier,
            trackingNumber: row.shipment_tracking_number ?? '',
            status: (row.shipment_status ?? 'PREPARING') as ShipmentStatus,
            shippedAt: row.shipment_shipped_at,
            deliveredAt: row.shipment_delivered_at,
          },
  };
}

function orderRow(o: OrderRecord): OrdersTable {
  return {
    id: o.id,
    customer_id: o.customerId,
    number: o.number,
    status: o.status,
    total: o.total,
    currency: o.currency,
    placed_at: o.placedAt,
    shipment_carrier: o.shipment?.carrier ?? null,
    shipment_tracking_number: o.shipment?.trackingNumber ?? null,
    shipment_status: o.shipment?.status ?? null,
    shipment_shipped_at: o.shipment?.shippedAt ?? null,
    shipment_delivered_at: o.shipment?.deliveredAt ?? null,
  };
}

function toActivity(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    type: row.type as ActivityType,
    at: row.at,
    author: row.author,
    body: row.body,
    callId: row.call_id,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
    agentId: row.agent_id,
    disposition: row.disposition,
    recordingRef: row.recording_ref,
    messages: row.messages === null ? null : (JSON.parse(row.messages) as ChatMessageRecord[]),
  };
}

function activityRow(a: ActivityRecord): ActivitiesTable {
  return {
    id: a.id,
    customer_id: a.customerId,
    type: a.type,
    at: a.at,
    author: a.author,
    body: a.body,
    call_id: a.callId,
    duration_seconds: a.durationSeconds,
    agent_id: a.agentId,
    disposition: a.disposition,
    recording_ref: a.recordingRef,
    messages: a.messages === null ? null : JSON.stringify(a.messages),
  };
}
