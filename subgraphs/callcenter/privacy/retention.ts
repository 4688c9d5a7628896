/**
 * The call center's retention tasks (subgraphs/shared/privacy/retention.ts): CTI call events
 * received before the cutoff are deleted; recording references of calls started before it
 * move to `recording_deletions` (reason `RETENTION`) for the recording store. Calls themselves
 * stay: they hold no more than the numbers and times reports count.
 */
import type { Kysely } from 'kysely';
import type { RetentionPeriods, RetentionTask } from '../../shared/privacy/retention.js';
import type { CallCenterPrivacyTables } from './tables.js';

export function callCenterRetentionTasks(db: Kysely<CallCenterPrivacyTables>, periods: RetentionPeriods): RetentionTask[] {
  const oldEvents = (cutoff: string) => db.selectFrom('cti_events').where('received_at', '<', cutoff);
  const oldRecordings = (cutoff: string) => db.selectFrom('calls').where('recording_ref', 'is not', null).where('started_at', '<', cutoff);
  return [
    {
      kind: 'CALL_EVENTS',
      periodDays: periods.CALL_EVENTS,
      count: async (cutoff) => Number((await oldEvents(cutoff).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      remove: async (cutoff) => Number((await db.deleteFrom('cti_events').where('received_at', '<', cutoff).executeTakeFirst()).numDeletedRows),
    },
    {
      kind: 'RECORDINGS',
      periodDays: periods.RECORDINGS,
      count: async (cutoff) => Number((await oldRecordings(cutoff).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      remove: (cutoff) =>
        db.transaction().execute(async (trx) => {
          const calls = await trx.selectFrom('calls').select(['id', 'recording_ref']).where('recording_ref', 'is not', null).where('started_at', '<', cutoff).execute();
          const now = new Date().toISOString();
          for (let i = 0; i < calls.length; i += 500) {
            const chunk = calls.slice(i, i + 500);
            await trx
              .insertInto('recording_deletions')
              .values(chunk.map((call) => ({ ref: call.recording_ref!, call_id: call.id, reason: 'RETENTION', erasure_id: null, requested_at: now, status: 'PENDING' })))
              .onConflict((oc) => oc.column('ref').doNothing())
              .execute();
            await trx.updateTable('calls').set({ recording_ref: null }).where('id', 'in', chunk.map((call) => call.id)).execute();
          }
          return calls.length;
        }),
    },
  ];
}
