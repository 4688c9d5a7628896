/**
 * The gateway's retention tasks (subgraphs/shared/privacy/retention.ts): audit entries older
 * than their period (with their customer index rows), and stored exports whose download link
 * has expired.
 */
import type { Kysely } from 'kysely';
import type { RetentionPeriods, RetentionTask } from '../../subgraphs/shared/privacy/retention.js';
import type { PrivacyTables } from './tables.js';

export function gatewayRetentionTasks(db: Kysely<PrivacyTables>, periods: RetentionPeriods): RetentionTask[] {
  return [
    {
      kind: 'AUDIT_ENTRIES',
      periodDays: periods.AUDIT_ENTRIES,
      count: async (cutoff) =>
        Number((await db.selectFrom('audit_events').where('at', '<', cutoff).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      remove: (cutoff) =>
        db.transaction().execute(async (trx) => {
          await trx
            .deleteFrom('audit_event_customers')
            .where('event_id', 'in', (eb) => eb.selectFrom('audit_events').select('id').where('at', '<', cutoff))
            .execute();
          return Number((await trx.deleteFrom('audit_events').where('at', '<', cutoff).executeTakeFirst()).numDeletedRows);
        }),
    },
    {
      // Period 0: the cutoff is now, and an export goes once its link has expired.
      kind: 'EXPORTS',
      periodDays: 0,
      count: async (cutoff) =>
        Number((await db.selectFrom('privacy_exports').where('expires_at', '<', cutoff).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      remove: async (cutoff) => Number((await db.deleteFrom('privacy_exports').where('expires_at', '<', cutoff).executeTakeFirst()).numDeletedRows),
    },
  ];
}
