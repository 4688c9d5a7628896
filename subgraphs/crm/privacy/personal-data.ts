/**
 * The CRM's `PersonalData` (subgraphs/shared/privacy/personal-data.ts): the customer record,
 * phones, emails, orders, the activity timeline, status changes and consents. Erasure
 * pseudonymises in one transaction: the name becomes `Erased customer`, company, tags and the
 * national ID go, phones and emails are deleted (so `identifyCaller` finds NONE for those
 * numbers), note and chat texts and status-change reasons become `[erased]`, call logs lose
 * their recording reference, orders lose their tracking number and consents are deleted. What
 * reports count stays: the customer id, tier, status and its changes (when, from, to), orders
 * with their amounts and statuses, activities with their types and times.
 */
import { notFound } from '../../../schema/errors.js';
import { ERASED_NAME, ERASED_TEXT, combineSections, type PersonalData, type PersonalDataRecord } from '../../shared/privacy/personal-data.js';
import type { CrmSource } from '../source/port.js';
import { privacyDb } from './embedded-database.js';

type Row = Record<string, unknown>;

/** A row as export data: snake_case columns to camelCase keys, JSON columns parsed. */
function rowData(row: Row, json: readonly string[] = []): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const key = column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    data[key] = json.includes(column) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  }
  return data;
}

/** The CRM's records about one customer and their erasure. */
export function crmPersonalData(source: CrmSource): PersonalData {
  const db = privacyDb(source, 'Personal data export and erasure');

  const customer: PersonalData = {
    async export({ customerId }) {
      const [record] = await source.customersByIds([customerId]);
      if (!record) throw notFound('Customer', customerId);
      const records: PersonalDataRecord[] = [];
      const { phones: _phones, emails: _emails, nationalIdUnreadable: _unreadable, ...rest } = record;
      records.push({ kind: 'crm.customer', id: customerId, data: { ...rest } });
      const phones = await db.selectFrom('customer_phones').selectAll().where('customer_id', '=', customerId).orderBy('position').execute();
      for (const phone of phones) records.push({ kind: 'crm.phone', id: `${customerId}:${phone.position}`, data: rowData(phone) });
      const emails = await db.selectFrom('customer_emails').selectAll().where('customer_id', '=', customerId).orderBy('position').execute();
      for (const email of emails) records.push({ kind: 'crm.email', id: `${customerId}:${email.position}`, data: rowData(email) });
      const erasure = await db.selectFrom('customer_erasures').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
      if (erasure) records.push({ kind: 'crm.erasure', id: erasure.erasure_id, data: rowData(erasure) });
      return records;
    },
    async erase({ customerId }, erasureId) {
      return db.transaction().execute(async (trx) => {
        const exists = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
        if (!exists) throw notFound('Customer', customerId);
        const done = await trx.selectFrom('customer_erasures').select('customer_id').where('customer_id', '=', customerId).executeTakeFirst();
        if (done) return { erased: 0, recordingsFlagged: 0 };
        const now = new Date().toISOString();
        let erased = 0;
        await trx
          .updateTable('customers')
          .set({ display_name: ERASED_NAME, company_name: null, company_industry: null, tags: '[]', national_id: null, updated_at: now })
          .where('id', '=', customerId)
          .execute();
        erased += 1;
        erased += Number((await trx.deleteFrom('customer_phones').where('customer_id', '=', customerId).executeTakeFirst()).numDeletedRows);
        erased += Number((await trx.deleteFrom('customer_emails').where('customer_id', '=', customerId).executeTakeFirst()).numDeletedRows);
        erased += Number(
          (await trx.updateTable('customer_status_changes').set({ reason: ERASED_TEXT }).where('customer_id', '=', customerId).where('reason', 'is not', null).executeTakeFirst())
            .numUpdatedRows,
        );
        erased += Number((await trx.deleteFrom('customer_consents').where('customer_id', '=', customerId).executeTakeFirst()).numDeletedRows);
        erased += Number(
          (await trx.updateTable('orders').set({ shipment_tracking_number: null }).where('customer_id', '=', customerId).where('shipment_tracking_number', 'is not', null).executeTakeFirst())
            .numUpdatedRows,
        );
        erased += Number(
          (await trx.updateTable('activities').set({ body: ERASED_TEXT }).where('customer_id', '=', customerId).where('body', 'is not', null).executeTakeFirst()).numUpdatedRows,
        );
        erased += Number(
          (await trx.updateTable('activities').set({ recording_ref: null }).where('customer_id', '=', customerId).where('recording_ref', 'is not', null).executeTakeFirst())
            .numUpdatedRows,
        );
        const chats = await trx.selectFrom('activities').select(['id', 'messages']).where('customer_id', '=', customerId).where('messages', 'is not', null).execute();
        for (const chat of chats) {
          const messages = JSON.parse(chat.messages ?? '[]') as { at: string }[];
          const scrubbed = messages.map((message) => ({ from: ERASED_TEXT, at: message.at, text: ERASED_TEXT }));
          await trx.updateTable('activities').set({ messages: JSON.stringify(scrubbed) }).where('id', '=', chat.id).execute();
          erased += 1;
        }
        await trx.insertInto('customer_erasures').values({ customer_id: customerId, erasure_id: erasureId, erased_at: now }).execute();
        return { erased, recordingsFlagged: 0 };
      });
    },
  };

  const orders: PersonalData = {
    async export({ customerId }) {
      const rows = await db.selectFrom('orders').selectAll().where('customer_id', '=', customerId).orderBy('placed_at').orderBy('id').execute();
      return rows.map((row) => ({ kind: 'crm.order', id: row.id, data: rowData(row) }));
    },
    // Orders stay for the books; their tracking numbers go with the customer record's step.
    erase: () => Promise.resolve({ erased: 0, recordingsFlagged: 0 }),
  };

  const timeline: PersonalData = {
    async export({ customerId }) {
      const rows = await db.selectFrom('activities').selectAll().where('customer_id', '=', customerId).orderBy('at').orderBy('id').execute();
      return rows.map((row) => ({ kind: 'crm.activity', id: row.id, data: rowData(row, ['messages']) }));
    },
    // Scrubbed in the customer record's transaction, with the marker that makes the step idempotent.
    erase: () => Promise.resolve({ erased: 0, recordingsFlagged: 0 }),
  };

  const statusChanges: PersonalData = {
    async export({ customerId }) {
      const rows = await db.selectFrom('customer_status_changes').selectAll().where('customer_id', '=', customerId).orderBy('at').orderBy('id').execute();
      return rows.map((row) => ({ kind: 'crm.status_change', id: row.id, data: rowData(row) }));
    },
    // Reasons are scrubbed in the customer record's transaction.
    erase: () => Promise.resolve({ erased: 0, recordingsFlagged: 0 }),
  };

  const consents: PersonalData = {
    async export({ customerId }) {
      const rows = await db.selectFrom('customer_consents').selectAll().where('customer_id', '=', customerId).orderBy('purpose').execute();
      return rows.map((row) => ({ kind: 'crm.consent', id: `${customerId}:${row.purpose}`, data: rowData(row) }));
    },
    erase: () => Promise.resolve({ erased: 0, recordingsFlagged: 0 }),
  };

  // A new CRM store (conversations, leads) is one more section here.
  return combineSections([customer, orders, timeline, statusChanges, consents]);
}
