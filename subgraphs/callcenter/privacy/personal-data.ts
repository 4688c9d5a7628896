/**
 * The call center's `PersonalData` (subgraphs/shared/privacy/personal-data.ts): the subject's
 * calls (found by the CRM customer id stored with seeded/reported calls and by the numbers the
 * CRM holds), their CTI events, call-log deliveries and recording deletions.
 *
 * Erasure, in one transaction: the customer-side number leaves each call (`from`/`to`; the
 * grouping column `customer_number` becomes an irreversible pseudonym, `erased-number.ts`),
 * recording references move to `recording_deletions` (flagged for the recording store), CTI
 * events of those calls lose their numbers and raw payloads, and call-log deliveries of those
 * calls are deleted. Calls keep their times, durations, queue, agent, disposition, customer id
 * and tier, so every report counts them as before.
 */
import type { Kysely } from 'kysely';
import type { PersonalData, PersonalDataRecord } from '../../shared/privacy/personal-data.js';
import type { CallCenterPrivacyTables } from './tables.js';
import { erasedNumber, isErasedNumber } from './erased-number.js';

type Row = Record<string, unknown>;

function rowData(row: Row, json: readonly string[] = []): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const key = column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    if (json.includes(column) && typeof value === 'string') {
      try {
        data[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // Not JSON (a raw vendor payload may be form-encoded): kept as text.
      }
    }
    data[key] = value;
  }
  return data;
}

/** An erased CTI event's raw payload. */
const ERASED_RAW = JSON.stringify({ erased: true });

export function callCenterPersonalData(db: Kysely<CallCenterPrivacyTables>): PersonalData {
  async function callsOf(trx: Kysely<CallCenterPrivacyTables>, customerId: string, phones: readonly string[]) {
    return trx
      .selectFrom('calls')
      .selectAll()
      .where((eb) => (phones.length > 0 ? eb.or([eb('customer_id', '=', customerId), eb('customer_number', 'in', [...phones])]) : eb('customer_id', '=', customerId)))
      .orderBy('started_at')
      .orderBy('id')
      .execute();
  }

  return {
    async export({ customerId, phones }) {
      const calls = await callsOf(db, customerId, phones);
      const records: PersonalDataRecord[] = calls.map((call) => ({ kind: 'callcenter.call', id: call.id, data: rowData(call) }));
      const ids = calls.map((call) => call.id);
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const events = await db.selectFrom('cti_events').selectAll().where('call_id', 'in', chunk).orderBy('received_at').orderBy('id').execute();
        for (const event of events) records.push({ kind: 'callcenter.callEvent', id: event.id, data: rowData(event, ['raw']) });
        const deliveries = await db.selectFrom('call_log_outbox').selectAll().where('call_id', 'in', chunk).orderBy('created_at').orderBy('id').execute();
        for (const row of deliveries) records.push({ kind: 'callcenter.callLogDelivery', id: row.id, data: rowData(row, ['payload']) });
        const deletions = await db.selectFrom('recording_deletions').selectAll().where('call_id', 'in', chunk).orderBy('ref').execute();
        for (const row of deletions) records.push({ kind: 'callcenter.recordingDeletion', id: row.ref, data: rowData(row) });
      }
      return records;
    },

    async erase({ customerId, phones }, erasureId) {
      return db.transaction().execute(async (trx) => {
        const calls = await callsOf(trx, customerId, phones);
        const now = new Date().toISOString();
        let erased = 0;
        let recordingsFlagged = 0;
        for (const call of calls) {
          const side = call.customer_number;
          const customerSide = (value: string | null) => value !== null && value !== '' && (value === side || phones.includes(value));
          const update: Partial<CallCenterPrivacyTables['calls']> = {};
          if (customerSide(call.from_number)) update.from_number = null;
          if (customerSide(call.to_number)) update.to_number = '';
          if (side !== null && !isErasedNumber(side)) update.customer_number = erasedNumber(erasureId, side);
          if (call.recording_ref !== null) {
            await trx
              .insertInto('recording_deletions')
              .values({ ref: call.recording_ref, call_id: call.id, reason: 'ERASURE', erasure_id: erasureId, requested_at: now, status: 'PENDING' })
              .onConflict((oc) => oc.column('ref').doNothing())
              .execute();
            update.recording_ref = null;
            recordingsFlagged += 1;
          }
          if (Object.keys(update).length > 0) {
            await trx.updateTable('calls').set(update).where('id', '=', call.id).execute();
            erased += 1;
          }
        }
        const ids = calls.map((call) => call.id);
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          const events = await trx
            .updateTable('cti_events')
            .set({ from_number: null, to_number: null, raw: ERASED_RAW })
            .where('call_id', 'in', chunk)
            .where((eb) => eb.or([eb('from_number', 'is not', null), eb('to_number', 'is not', null), eb('raw', '!=', ERASED_RAW)]))
            .executeTakeFirst();
          erased += Number(events.numUpdatedRows);
          const deliveries = await trx.deleteFrom('call_log_outbox').where('call_id', 'in', chunk).executeTakeFirst();
          erased += Number(deliveries.numDeletedRows);
        }
        return { erased, recordingsFlagged };
      });
    },
  };
}

