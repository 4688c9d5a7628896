/**
 * The mapping file of the mapped-SQL adapter (`CRM_SQL_MAPPING_FILE`, JSON), validated with
 * zod at start: which foreign tables and columns hold customers, phones, emails, owners,
 * orders and activities, how they join, and how the foreign system's values (tiers such as
 * `A`/`B`/`C` or `潜在`/`意向`/`成交`/`流失`, order statuses, activity types, phone types) map to
 * Switchboard's. Complete example and field reference: docs/connectors/sql-mapped.md.
 */
import { z } from 'zod';

/** `table` or `schema.table`. */
const tableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/, 'must be a table name, optionally schema-qualified (crm.t_kehu)');
/** A plain column name (in a one-table source). */
const column = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, 'must be a column name');
/** `alias.column` (customers may join other tables). */
const qualifiedColumn = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*\.[A-Za-z_][A-Za-z0-9_$]*$/, 'must be alias.column (k.kh_mc)');
const alias = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain alias');

/** A declared value map: each foreign value to one of Switchboard's; anything else becomes `otherwise`. */
function valueMap<const T extends readonly [string, ...string[]]>(values: T) {
  const target = z.enum(values);
  return z.object({ values: z.record(z.string(), target), otherwise: target }).strict();
}

export const TIERS = ['STANDARD', 'SILVER', 'GOLD', 'PLATINUM'] as const;
export const PHONE_TYPES = ['MOBILE', 'LANDLINE', 'WORK', 'HOME', 'OTHER'] as const;
export const ORDER_STATUSES = ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED'] as const;
export const ACTIVITY_TYPES = ['NOTE', 'CALL_LOG', 'CHAT_TRANSCRIPT'] as const;

const customers = z
  .object({
    from: z.object({ table: tableName, as: alias }).strict(),
    /** LEFT JOINs, in order; `on` is [a column already in scope, a column of this table]. */
    joins: z.array(z.object({ table: tableName, as: alias, on: z.tuple([qualifiedColumn, qualifiedColumn]) }).strict()).default([]),
    columns: z
      .object({
        id: qualifiedColumn,
        displayName: qualifiedColumn,
        createdAt: qualifiedColumn,
        updatedAt: qualifiedColumn.optional(),
        lastContactAt: qualifiedColumn.optional(),
        tier: qualifiedColumn.optional(),
        companyName: qualifiedColumn.optional(),
        companyIndustry: qualifiedColumn.optional(),
        ownerId: qualifiedColumn.optional(),
      })
      .strict(),
    /** Required when `columns.tier` is set; without a tier column every customer is `otherwise`. */
    tiers: valueMap(TIERS).default({ values: {}, otherwise: 'STANDARD' }),
  })
  .strict();

const phones = z
  .object({
    /** May be the customers' own table (then `customerId` is its id column): one source per phone column. */
    table: tableName,
    customerId: column,
    /** Free text as the foreign system stores it; read with Switchboard's one phone normaliser. */
    number: column,
    type: column.optional(),
    types: valueMap(PHONE_TYPES).default({ values: {}, otherwise: 'OTHER' }),
  })
  .strict();

const emails = z.object({ table: tableName, customerId: column, email: column }).strict();

const owners = z.object({ table: tableName, id: column, name: column, team: column.optional() }).strict();

const orders = z
  .object({
    table: tableName,
    columns: z
      .object({ id: column, customerId: column, number: column, status: column, total: column, placedAt: column, currency: column.optional() })
      .strict(),
    statuses: valueMap(ORDER_STATUSES),
    /** The currency of every order when there is no currency column (ISO 4217). */
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code (CNY)').default('CNY'),
  })
  .strict();

const activities = z
  .object({
    table: tableName,
    columns: z.object({ id: column, customerId: column, at: column, type: column.optional(), author: column.optional(), body: column.optional() }).strict(),
    types: valueMap(ACTIVITY_TYPES).default({ values: {}, otherwise: 'NOTE' }),
  })
  .strict();

export const sqlMappingSchema = z
  .object({
    /** Where unqualified table names are looked up (PostgreSQL `search_path`). */
    schema: alias.default('public'),
    customers,
    phones: z.array(phones).min(1, 'at least one phone source: identification reads phone numbers'),
    emails: z.array(emails).default([]),
    owners: owners.optional(),
    orders: orders.optional(),
    activities: activities.optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const aliases = [mapping.customers.from.as, ...mapping.customers.joins.map((j) => j.as)];
    const duplicate = aliases.find((a, i) => aliases.indexOf(a) !== i);
    if (duplicate) ctx.addIssue({ code: 'custom', path: ['customers', 'joins'], message: `alias ${duplicate} is used twice` });
    for (const [name, ref] of Object.entries(mapping.customers.columns)) {
      if (ref !== undefined && !aliases.includes(ref.split('.')[0]!)) {
        ctx.addIssue({ code: 'custom', path: ['customers', 'columns', name], message: `${ref}: no table is aliased ${ref.split('.')[0]} (aliases: ${aliases.join(', ')})` });
      }
    }
    if (mapping.customers.columns.tier && Object.keys(mapping.customers.tiers.values).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['customers', 'tiers'], message: 'a tier column needs a tier value map ({"values": {"A": "GOLD"}, "otherwise": "STANDARD"})' });
    }
  });

/** A validated mapping file. */
export type SqlMapping = z.infer<typeof sqlMappingSchema>;
/** A declared value map after validation. */
export interface ValueMap<T extends string> {
  values: Record<string, T>;
  otherwise: T;
}

/** The Switchboard value of a foreign `value` (trimmed, compared as text); `otherwise` when unmapped or null. */
export function mapValue<T extends string>(map: ValueMap<T>, value: unknown): T {
  if (value === null || value === undefined) return map.otherwise;
  return map.values[String(value).trim()] ?? map.otherwise;
}
