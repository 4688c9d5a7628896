/** Opens the mapped-SQL adapter: connects to the foreign database and checks that every mapped table and column exists. */
import { sql } from 'kysely';
import { openDatabase, type Database, type MysqlDatabaseConfig } from '../../../shared/database.js';
import { CrmSourceConfigError } from '../config.js';
import type { SqlMapping } from './mapping.js';
import { MappedSqlCrmSource, type ForeignDialect } from './store.js';

/**
 * The foreign database of `url`: `postgres://…` (the mapping's `schema` is the search path),
 * or `mysql://…` / `mariadb://…` (the mapping's `schema`, unless left at `public`, is the
 * database, else the URL's path names it).
 */
export function foreignDatabaseOf(url: string, mapping: SqlMapping): Database<unknown, ForeignDialect> {
  if (/^postgres(ql)?:\/\//.test(url)) return openDatabase<unknown, { driver: 'postgres'; url: string; schema: string }>({ driver: 'postgres', url, schema: mapping.schema });
  const target = new URL(url.replace(/^mariadb:/, 'mysql:'));
  if (mapping.schema !== 'public') target.pathname = `/${mapping.schema}`;
  return openDatabase<unknown, MysqlDatabaseConfig>({ driver: 'mysql', url: target.toString() });
}

/**
 * `url`: the foreign database (`foreignDatabaseOf`). Each mapped table is probed with one
 * `select <its mapped columns> … limit 0`; a missing table or column stops the start with a
 * `CrmSourceConfigError` naming the mapping path and the database's message.
 */
export async function openMappedSqlCrmSource(url: string, mapping: SqlMapping): Promise<MappedSqlCrmSource> {
  const database = foreignDatabaseOf(url, mapping);
  const probes: { path: string; table: string; columns: string[] }[] = [
    { path: 'customers', table: mapping.customers.from.table, columns: [] },
    ...mapping.customers.joins.map((j, i) => ({ path: `customers.joins[${i}]`, table: j.table, columns: [] })),
    ...mapping.phones.map((p, i) => ({ path: `phones[${i}]`, table: p.table, columns: [p.customerId, p.number, ...(p.type ? [p.type] : [])] })),
    ...mapping.emails.map((e, i) => ({ path: `emails[${i}]`, table: e.table, columns: [e.customerId, e.email] })),
    ...(mapping.owners ? [{ path: 'owners', table: mapping.owners.table, columns: [mapping.owners.id, mapping.owners.name, ...(mapping.owners.team ? [mapping.owners.team] : [])] }] : []),
    ...(mapping.orders ? [{ path: 'orders', table: mapping.orders.table, columns: Object.values(mapping.orders.columns).filter((c): c is string => c !== undefined) }] : []),
    ...(mapping.activities ? [{ path: 'activities', table: mapping.activities.table, columns: Object.values(mapping.activities.columns).filter((c): c is string => c !== undefined) }] : []),
  ];
  const source = new MappedSqlCrmSource(database, mapping);
  try {
    for (const probe of probes) {
      const columns = probe.columns.length > 0 ? sql.join(probe.columns.map((c) => sql.ref(`t.${c}`))) : sql`1`;
      await sql`select ${columns} from ${sql.table(probe.table)} as t limit 0`.execute(database.db).catch((error: unknown) => {
        throw new CrmSourceConfigError(`CRM_SQL_MAPPING_FILE: ${probe.path} (${probe.table}) does not match the database: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    // The customers subquery with its joins and qualified columns, once.
    await source.customersByIds(['']);
  } catch (error) {
    await database.close();
    if (error instanceof CrmSourceConfigError) throw error;
    throw new CrmSourceConfigError(`CRM_SQL_MAPPING_FILE: the customers mapping does not match the database: ${error instanceof Error ? error.message : String(error)}`);
  }
  return source;
}
