/**
 * Consents and erasure markers live in the embedded CRM store's own tables
 * (subgraphs/crm/privacy/migrations.ts). Over a connector (`CRM_SOURCE=hubspot|sql-mapped`)
 * the CRM a company runs keeps its own consent records, which Switchboard does not write:
 * these fields then answer FORBIDDEN with `extensions.reason: "SOURCE_NOT_SUPPORTED"`.
 */
import type { Kysely } from 'kysely';
import { switchboardError } from '../../../schema/errors.js';
import type { Database } from '../../shared/database.js';
import { SqlCrmStore } from '../source/embedded/store.js';
import type { CrmTables } from '../source/embedded/tables.js';
import type { CrmSource } from '../source/port.js';
import type { CrmPrivacyTables } from './tables.js';

/** The embedded store's database; throws FORBIDDEN (`SOURCE_NOT_SUPPORTED`) naming `what` for any other source. */
export function embeddedDatabase(source: CrmSource, what: string): Database<CrmTables> {
  if (source instanceof SqlCrmStore) return source.database;
  throw switchboardError('FORBIDDEN', `${what} is kept by Switchboard's embedded CRM store only; this CRM subgraph reads a connected CRM, which keeps its own records of it.`, {
    reason: 'SOURCE_NOT_SUPPORTED',
  });
}

/** The same database, typed for the privacy tables. */
export function privacyDb(source: CrmSource, what: string): Kysely<CrmPrivacyTables> {
  return embeddedDatabase(source, what).db as unknown as Kysely<CrmPrivacyTables>;
}
