/**
 * The ticket report rules as SQL, each written once (the SDL descriptions and
 * docs/reporting.md say the same in words).
 */
import { sql, type RawBuilder } from 'kysely';
import { epochSeconds } from '../../shared/reporting/sql-fragments.js';

/**
 * The ticket's SLA is breached: the same rule as `isSlaBreached` in `source/sla.ts` (the
 * stored flag, or a target that fell due before `now`), so reports and `Ticket.slaBreached`
 * agree.
 */
export function isBreached(alias: string, now: string): RawBuilder<boolean> {
  const t = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`(${t('sla_breached')} = 1 OR (${t('sla_due_at')} IS NOT NULL AND ${t('sla_due_at')} < ${now}))`;
}

/** Seconds from creation to the first public agent reply; null without reply. */
export function firstReplySeconds(alias: string): RawBuilder<number | null> {
  return sql<number | null>`CASE WHEN ${sql.ref(`${alias}.first_responded_at`)} IS NOT NULL THEN ${epochSeconds(`${alias}.first_responded_at`)} - ${epochSeconds(`${alias}.created_at`)} END`;
}

/** Seconds from creation to solved; null while not solved. */
export function resolutionSeconds(alias: string): RawBuilder<number | null> {
  return sql<number | null>`CASE WHEN ${sql.ref(`${alias}.solved_at`)} IS NOT NULL THEN ${epochSeconds(`${alias}.solved_at`)} - ${epochSeconds(`${alias}.created_at`)} END`;
}
