/**
 * Consent per customer and purpose (docs/privacy.md): the latest decision per purpose with
 * its source, time and recorder. Outbound channels ask `Customer.consents` through the graph
 * before contacting a customer (the call-log outbox's callback tickets, for one).
 */
import type { Kysely } from 'kysely';
import { badUserInput, notFound } from '../../../schema/errors.js';
import type { Database } from '../../shared/database.js';
import type { CrmPrivacyTables } from './tables.js';
import type { CrmTables } from '../source/embedded/tables.js';

export type ConsentPurpose = 'SERVICE_CONTACT' | 'MARKETING' | 'RECORDING';
export type ConsentStatus = 'GRANTED' | 'WITHDRAWN';

export interface ConsentRecord {
  customerId: string;
  purpose: ConsentPurpose;
  status: ConsentStatus;
  source: string;
  recordedAt: string;
  recordedBy: string;
}

export const MAX_CONSENT_SOURCE_LENGTH = 200;

export class ConsentStore {
  private readonly db: Kysely<CrmPrivacyTables>;

  constructor(database: Database<CrmTables>) {
    this.db = database.db as unknown as Kysely<CrmPrivacyTables>;
  }

  /** One list per customer id (ordered by purpose), in input order. */
  async byCustomerIds(ids: readonly string[]): Promise<ConsentRecord[][]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('customer_consents').selectAll().where('customer_id', 'in', [...new Set(ids)]).orderBy('purpose').execute();
    const byCustomer = new Map<string, ConsentRecord[]>();
    for (const row of rows) {
      const list = byCustomer.get(row.customer_id) ?? [];
      list.push({
        customerId: row.customer_id,
        purpose: row.purpose as ConsentPurpose,
        status: row.status as ConsentStatus,
        source: row.source,
        recordedAt: row.recorded_at,
        recordedBy: row.recorded_by,
      });
      byCustomer.set(row.customer_id, list);
    }
    return ids.map((id) => byCustomer.get(id) ?? []);
  }

  /**
   * Replaces the customer's decision for `purpose`. NOT_FOUND for an unknown customer,
   * BAD_USER_INPUT for an erased one or a source outside 1..200 characters.
   */
  async record(input: { customerId: string; purpose: ConsentPurpose; status: ConsentStatus; source: string }, recordedBy: string, now = new Date()): Promise<ConsentRecord> {
    const source = input.source.trim();
    if (source.length === 0 || source.length > MAX_CONSENT_SOURCE_LENGTH) {
      throw badUserInput(`A consent's source must have 1..${MAX_CONSENT_SOURCE_LENGTH} characters.`, { field: 'source' });
    }
    const record: ConsentRecord = { ...input, source, recordedAt: now.toISOString(), recordedBy };
    await this.db.transaction().execute(async (trx) => {
      const customer = await trx.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst();
      if (!customer) throw notFound('Customer', input.customerId);
      const erased = await trx.selectFrom('customer_erasures').select('customer_id').where('customer_id', '=', input.customerId).executeTakeFirst();
      if (erased) throw badUserInput(`Customer ${input.customerId} has been erased; no consent can be recorded for them.`, { reason: 'ERASED' });
      await trx.deleteFrom('customer_consents').where('customer_id', '=', input.customerId).where('purpose', '=', input.purpose).execute();
      await trx
        .insertInto('customer_consents')
        .values({
          customer_id: record.customerId,
          purpose: record.purpose,
          status: record.status,
          source: record.source,
          recorded_at: record.recordedAt,
          recorded_by: record.recordedBy,
        })
        .execute();
    });
    return record;
  }

  /** Erasure timestamps per customer id (null: not erased), in input order. */
  async erasedAt(ids: readonly string[]): Promise<(string | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('customer_erasures').select(['customer_id', 'erased_at']).where('customer_id', 'in', [...new Set(ids)]).execute();
    const byId = new Map(rows.map((row) => [row.customer_id, row.erased_at]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
