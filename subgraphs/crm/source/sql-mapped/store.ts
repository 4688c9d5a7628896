/**
 * The mapped-SQL adapter: reads a foreign CRM's database (a read replica or an intermediate
 * database of a home-grown CRM) as its mapping file describes it (`mapping.ts`). Everything is
 * read live, one statement per kind of data for any number of ids (pages: `sql-pages.ts`).
 * Phone numbers are free text there: each is read with the one normaliser (`readPhoneNumber`);
 * identification narrows the rows in SQL to those whose digits contain the national number (an extension may follow it), then keeps only
 * those the normaliser reads as the same E.164 number. Read-only: writes are refused with
 * FORBIDDEN / `SOURCE_READ_ONLY`. The mapping describes no customer status (a foreign schema
 * has no agreed one): every customer is `ACTIVE`, and setting a status or reading its history
 * is refused with FORBIDDEN / `SOURCE_NOT_SUPPORTED` (customer-status.ts). PostgreSQL or a MySQL-compatible database (MySQL 8,
 * MariaDB 10.5+) through Kysely: the statements are the same on both but for the three
 * building blocks below (`textOf`, `digitsOf`, `moneyText`).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { switchboardError } from '../../../../schema/errors.js';
import type { Database } from '../../../shared/database.js';

/** The foreign databases the adapter reads. */
export type ForeignDialect = 'postgres' | 'mysql';
import { toPage, type Page, type PageArgs } from '../../../shared/pagination.js';
import { nationalNumberOf, readPhoneNumber } from '../../../shared/phone.js';
import { loggerFor } from '../../../shared/observability/logger.js';
import { fromCents, toCents } from '../money.js';
import { CursorKind, LIFETIME_VALUE_CURRENCY, LIFETIME_VALUE_EXCLUDED_STATUSES, type CrmSource, type CustomerFilter } from '../port.js';
import { plainActivity, type AccountOwnerRecord, type ActivityRecord, type ActivityType, type CustomerRecord, type CustomerStatusChangeRecord, type OrderRecord, type OrderStatus, type PhoneRecord } from '../records.js';
import { DEFAULT_CUSTOMER_STATUS, statusNotKept, type StatusOutcome } from '../customer-status.js';
import { pagesByCustomer } from '../sql-pages.js';
import { searchText, unique } from '../validation.js';
import { mapValue, type SqlMapping } from './mapping.js';

const log = loggerFor('crm-sql-mapped');

/** Rows of the customers subquery, under Switchboard's names. */
interface CustomerRow {
  id: string;
  display_name: string | null;
  created_at: unknown;
  updated_at: unknown;
  last_contact_at: unknown;
  tier: unknown;
  company_name: string | null;
  company_industry: string | null;
  owner_id: string | null;
}
interface OrderRow {
  id: string;
  customer_id: string;
  number: unknown;
  status: unknown;
  total: string;
  currency: string | null;
  placed_at: unknown;
}
interface ActivityRow {
  id: string;
  customer_id: string;
  at: unknown;
  type: unknown;
  author: string | null;
  body: string | null;
}

/** A timestamp column's value as ISO-8601 UTC (`Date` from the driver, or text). */
function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

export class MappedSqlCrmSource implements CrmSource {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a foreign schema: its shape is the mapping's, checked at start
  private readonly db: Kysely<any>;

  constructor(
    readonly database: Database<unknown, ForeignDialect>,
    private readonly mapping: SqlMapping,
  ) {
    this.db = database.db;
  }

  // ---- SQL building blocks (the only dialect-specific part) -----------------------------

  private textOf(ref: string): RawBuilder<string> {
    return this.database.dialect === 'mysql' ? sql<string>`cast(${sql.ref(ref)} as char)` : sql<string>`cast(${sql.ref(ref)} as text)`;
  }

  /** The ASCII digits of a free-text column (full-width digits folded first). */
  private digitsOf(ref: string): RawBuilder<string> {
    if (this.database.dialect === 'postgres') {
      return sql<string>`regexp_replace(translate(${sql.ref(ref)}, ${FULL_WIDTH_DIGITS}, '0123456789'), '[^0-9]', '', 'g')`;
    }
    // MySQL has no translate(); its regexp_replace replaces every match.
    let folded: RawBuilder<unknown> = sql.ref(ref);
    for (const [digit, wide] of [...FULL_WIDTH_DIGITS].entries()) folded = sql`replace(${folded}, ${wide}, ${String(digit)})`;
    return sql<string>`regexp_replace(${folded}, '[^0-9]', '')`;
  }

  /** A money column as text with exactly two decimals (`12.30`), rounded half away from zero. */
  private moneyText(ref: string): RawBuilder<string> {
    return this.database.dialect === 'mysql'
      ? sql<string>`cast(round(cast(${sql.ref(ref)} as decimal(24, 6)), 2) as char)`
      : sql<string>`cast(round(cast(${sql.ref(ref)} as numeric), 2) as text)`;
  }

  /** The customers of the mapping under Switchboard's column names, as a parenthesised subquery. */
  private customersFrom(): RawBuilder<unknown> {
    const { from, joins, columns } = this.mapping.customers;
    const col = (ref: string | undefined) => (ref === undefined ? sql`null` : sql.ref(ref));
    const joined = joins.map((j) => sql` left join ${sql.table(j.table)} as ${sql.id(j.as)} on ${sql.ref(j.on[0])} = ${sql.ref(j.on[1])}`);
    return sql`(select ${this.textOf(columns.id)} as id, ${sql.ref(columns.displayName)} as display_name,
        ${sql.ref(columns.createdAt)} as created_at, ${col(columns.updatedAt ?? columns.createdAt)} as updated_at,
        ${col(columns.lastContactAt)} as last_contact_at, ${col(columns.tier)} as tier,
        ${col(columns.companyName)} as company_name, ${col(columns.companyIndustry)} as company_industry,
        ${columns.ownerId ? this.textOf(columns.ownerId) : sql`null`} as owner_id
      from ${sql.table(from.table)} as ${sql.id(from.as)}${sql.join(joined, sql``)})`;
  }

  // ---- reads -------------------------------------------------------------------------

  async customersByIds(ids: readonly string[]): Promise<(CustomerRecord | null)[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const [{ rows }, phones, emails] = await Promise.all([
      sql<CustomerRow>`select * from ${this.customersFrom()} c where c.id in (${sql.join(wanted)})`.execute(this.db),
      this.phonesOf(wanted),
      this.emailsOf(wanted),
    ]);
    const byId = new Map(rows.map((row) => [row.id, this.toCustomer(row, phones.get(row.id) ?? [], emails.get(row.id) ?? [])]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async customersByPhoneNumbers(e164s: readonly string[]): Promise<CustomerRecord[][]> {
    const idsByNumber = await this.customerIdsByPhone(unique(e164s));
    const customers = await this.customersByIds(unique([...idsByNumber.values()].flat()));
    const byId = new Map(customers.filter((c): c is CustomerRecord => c !== null).map((c) => [c.id, c]));
    return e164s.map((e164) =>
      (idsByNumber.get(e164) ?? [])
        .map((id) => byId.get(id))
        .filter((c): c is CustomerRecord => c !== undefined)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
  }

  /**
   * The customer ids holding each E.164 number: one statement per phone source narrows the
   * rows to those whose digits contain the national number, then the normaliser decides.
   */
  private async customerIdsByPhone(e164s: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    const endings = unique(e164s.map(nationalNumberOf).filter((n): n is string => n !== null));
    if (endings.length === 0) return result;
    const wanted = new Set(e164s);
    await Promise.all(
      this.mapping.phones.map(async (source) => {
        const digits = this.digitsOf(`p.${source.number}`);
        const { rows } = await sql<{ customer_id: string; raw: string }>`
          select ${this.textOf(`p.${source.customerId}`)} as customer_id, ${sql.ref(`p.${source.number}`)} as raw
          from ${sql.table(source.table)} as p
          where ${sql.join(endings.map((ending) => sql`${digits} like ${`%${ending}%`}`), sql` or `)}`.execute(this.db);
        for (const row of rows) {
          const reading = readPhoneNumber(row.raw);
          if (!reading.ok || !wanted.has(reading.e164)) continue;
          const list = result.get(reading.e164) ?? [];
          if (!list.includes(row.customer_id)) list.push(row.customer_id);
          result.set(reading.e164, list);
        }
      }),
    );
    return result;
  }

  async searchCustomers(filter: CustomerFilter, page: PageArgs): Promise<Page<CustomerRecord>> {
    const search = searchText(filter.search);
    const reading = search === '' ? null : readPhoneNumber(search);
    const phoneIds = reading?.ok ? ((await this.customerIdsByPhone([reading.e164])).get(reading.e164) ?? []) : [];
    const conditions: RawBuilder<unknown>[] = [];
    if (filter.tier) {
      const tiers = this.mapping.customers.tiers;
      const foreign = Object.entries(tiers.values).filter(([, tier]) => tier === filter.tier).map(([value]) => value);
      const known = Object.keys(tiers.values);
      const matches: RawBuilder<unknown>[] = [];
      if (foreign.length > 0) matches.push(sql`${this.textOf('c.tier')} in (${sql.join(foreign)})`);
      if (tiers.otherwise === filter.tier) {
        matches.push(known.length > 0 ? sql`(c.tier is null or ${this.textOf('c.tier')} not in (${sql.join(known)}))` : sql`1 = 1`);
      }
      conditions.push(matches.length > 0 ? sql`(${sql.join(matches, sql` or `)})` : sql`1 = 0`);
    }
    if (search !== '') {
      // `!` escapes: a backslash means something else in MySQL's string literals than in PostgreSQL's.
      const pattern = `%${search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const matches: RawBuilder<unknown>[] = [
        sql`lower(c.display_name) like ${pattern} escape '!'`,
        sql`lower(c.company_name) like ${pattern} escape '!'`,
        ...this.mapping.emails.map((e) => sql`c.id in (select ${this.textOf(`e.${e.customerId}`)} from ${sql.table(e.table)} as e where lower(${sql.ref(`e.${e.email}`)}) like ${pattern} escape '!')`),
      ];
      if (phoneIds.length > 0) matches.push(sql`c.id in (${sql.join(phoneIds)})`);
      conditions.push(sql`(${sql.join(matches, sql` or `)})`);
    }
    const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const after = page.after;
    const afterCondition = after ? sql`${conditions.length > 0 ? sql`and` : sql`where`} (c.created_at < ${after.key} or (c.created_at = ${after.key} and c.id < ${after.id}))` : sql``;
    const [{ rows }, { rows: count }] = await Promise.all([
      sql<CustomerRow>`select * from ${this.customersFrom()} c ${where} ${afterCondition} order by c.created_at desc, c.id desc limit ${page.first + 1}`.execute(this.db),
      sql<{ n: string | number }>`select count(*) as n from ${this.customersFrom()} c ${where}`.execute(this.db),
    ]);
    const ids = rows.map((row) => row.id);
    const [phones, emails] = ids.length === 0 ? [new Map(), new Map()] : await Promise.all([this.phonesOf(ids), this.emailsOf(ids)]);
    const customers = rows.map((row) => this.toCustomer(row, phones.get(row.id) ?? [], emails.get(row.id) ?? []));
    return toPage(CursorKind.customers, customers, page.first, Number(count[0]?.n ?? 0), (c) => ({ key: c.createdAt, id: c.id }));
  }

  async ownersByIds(ids: readonly string[]): Promise<(AccountOwnerRecord | null)[]> {
    const owners = this.mapping.owners;
    const wanted = unique(ids);
    if (!owners || wanted.length === 0) return ids.map(() => null);
    const { rows } = await sql<{ id: string; name: string; team: string | null }>`
      select ${this.textOf(`o.${owners.id}`)} as id, ${sql.ref(`o.${owners.name}`)} as name, ${owners.team ? sql.ref(`o.${owners.team}`) : sql`null`} as team
      from ${sql.table(owners.table)} as o where ${this.textOf(`o.${owners.id}`)} in (${sql.join(wanted)})`.execute(this.db);
    const byId = new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, team: row.team ?? '' }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private ordersFrom(): RawBuilder<unknown> | null {
    const orders = this.mapping.orders;
    if (!orders) return null;
    const c = orders.columns;
    return sql`(select ${this.textOf(`o.${c.id}`)} as id, ${this.textOf(`o.${c.customerId}`)} as customer_id, ${sql.ref(`o.${c.number}`)} as number,
        ${sql.ref(`o.${c.status}`)} as status, ${this.moneyText(`o.${c.total}`)} as total,
        ${c.currency ? sql.ref(`o.${c.currency}`) : sql`${orders.currency}`} as currency, ${sql.ref(`o.${c.placedAt}`)} as placed_at
      from ${sql.table(orders.table)} as o)`;
  }

  async lifetimeValuesByCustomerIds(ids: readonly string[]): Promise<string[]> {
    const from = this.ordersFrom();
    const wanted = unique(ids);
    const sums = new Map<string, bigint>();
    if (from && wanted.length > 0) {
      const { rows } = await sql<OrderRow>`select * from ${from} o where o.customer_id in (${sql.join(wanted)})`.execute(this.db);
      for (const row of rows) {
        const order = this.toOrder(row);
        if (order.currency !== LIFETIME_VALUE_CURRENCY || LIFETIME_VALUE_EXCLUDED_STATUSES.includes(order.status)) continue;
        sums.set(order.customerId, (sums.get(order.customerId) ?? 0n) + toCents(order.total));
      }
    }
    return ids.map((id) => fromCents(sums.get(id) ?? 0n));
  }

  async ordersByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<OrderRecord>[]> {
    const from = this.ordersFrom();
    const pages = from ? await pagesByCustomer<OrderRow>(this.db, from, 'placed_at', ids, page, null) : new Map<string, { rows: OrderRow[]; total: number }>();
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(CursorKind.orders, rows.map((row) => this.toOrder(row)), page.first, total, (o) => ({ key: o.placedAt, id: o.id }));
    });
  }

  async activitiesByCustomerIds(ids: readonly string[], types: readonly ActivityType[] | null, page: PageArgs): Promise<Page<ActivityRecord>[]> {
    const activities = this.mapping.activities;
    let pages = new Map<string, { rows: ActivityRow[]; total: number }>();
    if (activities) {
      const c = activities.columns;
      const from = sql`(select ${this.textOf(`a.${c.id}`)} as id, ${this.textOf(`a.${c.customerId}`)} as customer_id, ${sql.ref(`a.${c.at}`)} as at,
          ${c.type ? this.textOf(`a.${c.type}`) : sql`null`} as type, ${c.author ? sql.ref(`a.${c.author}`) : sql`null`} as author,
          ${c.body ? sql.ref(`a.${c.body}`) : sql`null`} as body
        from ${sql.table(activities.table)} as a)`;
      pages = await pagesByCustomer<ActivityRow>(this.db, from, 'at', ids, page, types && types.length > 0 ? this.typeFilter(new Set(types)) : null);
    }
    return ids.map((id) => {
      const { rows, total } = pages.get(id) ?? { rows: [], total: 0 };
      return toPage(CursorKind.activities, rows.map((row) => this.toActivity(row)), page.first, total, (a) => ({ key: a.at, id: a.id }));
    });
  }

  /** The foreign type values that map to one of `wanted` (and the unmapped ones when `otherwise` is wanted). */
  private typeFilter(wanted: ReadonlySet<ActivityType>): RawBuilder<unknown> {
    const { values, otherwise } = this.mapping.activities!.types;
    const foreign = Object.entries(values).filter(([, type]) => wanted.has(type)).map(([value]) => value);
    const matches: RawBuilder<unknown>[] = [];
    if (foreign.length > 0) matches.push(sql`t.type in (${sql.join(foreign)})`);
    if (wanted.has(otherwise)) {
      const known = Object.keys(values);
      matches.push(known.length > 0 ? sql`(t.type is null or t.type not in (${sql.join(known)}))` : sql`true`);
    }
    return matches.length > 0 ? sql`(${sql.join(matches, sql` or `)})` : sql`false`;
  }

  private async phonesOf(customerIds: string[]): Promise<Map<string, PhoneRecord[]>> {
    const bySource = await Promise.all(
      this.mapping.phones.map(async (source) => {
        const { rows } = await sql<{ customer_id: string; raw: string | null; type: unknown }>`
          select ${this.textOf(`p.${source.customerId}`)} as customer_id, ${sql.ref(`p.${source.number}`)} as raw,
            ${source.type ? sql.ref(`p.${source.type}`) : sql`null`} as type
          from ${sql.table(source.table)} as p
          where ${this.textOf(`p.${source.customerId}`)} in (${sql.join(customerIds)}) and ${sql.ref(`p.${source.number}`)} is not null
          order by 1, 2`.execute(this.db);
        return rows.map((row) => ({ row, source }));
      }),
    );
    const byCustomer = new Map<string, PhoneRecord[]>();
    let unreadable = 0;
    for (const { row, source } of bySource.flat()) {
      const raw = (row.raw ?? '').trim();
      if (raw === '') continue;
      const reading = readPhoneNumber(raw);
      if (!reading.ok) {
        unreadable += 1;
        continue;
      }
      const list = byCustomer.get(row.customer_id) ?? [];
      if (!list.some((p) => p.e164 === reading.e164 && p.extension === reading.extension)) {
        list.push({ raw, e164: reading.e164, extension: reading.extension, type: mapValue(source.types, row.type) });
      }
      byCustomer.set(row.customer_id, list);
    }
    if (unreadable > 0) log.debug({ unreadable }, 'foreign phone numbers the normaliser refuses were left out');
    return byCustomer;
  }

  private async emailsOf(customerIds: string[]): Promise<Map<string, string[]>> {
    const byCustomer = new Map<string, string[]>();
    const bySource = await Promise.all(
      this.mapping.emails.map(async (source) => {
        const { rows } = await sql<{ customer_id: string; email: string | null }>`
          select ${this.textOf(`e.${source.customerId}`)} as customer_id, ${sql.ref(`e.${source.email}`)} as email
          from ${sql.table(source.table)} as e where ${this.textOf(`e.${source.customerId}`)} in (${sql.join(customerIds)}) order by 1, 2`.execute(this.db);
        return rows;
      }),
    );
    for (const row of bySource.flat()) {
      const email = (row.email ?? '').trim().toLowerCase();
      if (email === '') continue;
      const list = byCustomer.get(row.customer_id) ?? [];
      if (!list.includes(email)) list.push(email);
      byCustomer.set(row.customer_id, list);
    }
    return byCustomer;
  }

  // ---- row mapping ---------------------------------------------------------------------

  private toCustomer(row: CustomerRow, phones: PhoneRecord[], emails: string[]): CustomerRecord {
    const createdAt = iso(row.created_at);
    return {
      id: row.id,
      displayName: (row.display_name ?? '').trim() || row.id,
      tier: mapValue(this.mapping.customers.tiers, row.tier),
      status: DEFAULT_CUSTOMER_STATUS,
      phones,
      emails,
      company: row.company_name ? { name: row.company_name, industry: row.company_industry ?? null } : null,
      tags: [],
      ownerId: row.owner_id,
      nationalId: null,
      createdAt,
      updatedAt: isoOrNull(row.updated_at) ?? createdAt,
      lastContactAt: isoOrNull(row.last_contact_at),
    };
  }

  private toOrder(row: OrderRow): OrderRecord {
    return {
      id: row.id,
      customerId: row.customer_id,
      number: String(row.number),
      status: mapValue<OrderStatus>(this.mapping.orders!.statuses, row.status),
      total: row.total,
      currency: (row.currency ?? this.mapping.orders!.currency).trim().toUpperCase(),
      placedAt: iso(row.placed_at),
      shipment: null,
    };
  }

  private toActivity(row: ActivityRow): ActivityRecord {
    return plainActivity({
      id: row.id,
      customerId: row.customer_id,
      type: mapValue(this.mapping.activities!.types, row.type),
      at: iso(row.at),
      author: row.author ?? '',
      body: row.body,
    });
  }

  // ---- writes: refused (a read replica) ----------------------------------------------

  private readOnly(what: string): never {
    throw switchboardError('FORBIDDEN', `The CRM is a mapped SQL database, read only: ${what} is not written there. Record it in the CRM itself.`, { reason: 'SOURCE_READ_ONLY' });
  }

  // Every argument is ignored: nothing is written to a read replica.
  async addNote(): Promise<ActivityRecord> {
    this.readOnly('a note');
  }

  async updateContact(): Promise<CustomerRecord> {
    this.readOnly('a contact update');
  }

  async recordCallLog(): Promise<ActivityRecord> {
    this.readOnly('a call log');
  }

  // ---- customer status: not in the mapping (see the module comment) ---------------------

  async statusChangesByCustomerIds(): Promise<Page<CustomerStatusChangeRecord>[]> {
    throw statusNotKept('the mapped SQL database');
  }

  async setStatus(): Promise<StatusOutcome<CustomerRecord>> {
    throw statusNotKept('the mapped SQL database');
  }

  ping(): Promise<void> {
    return this.database.ping();
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
