/**
 * `callMetricsByTier` from the hourly roll-ups (TIER rows for whole hours, raw calls for
 * partial hours): contacts offered and answered per customer tier stored with each call.
 * Gives what `callMetricsByTier` in customer-reports-sql.ts computes from raw rows.
 */
import type { Kysely } from 'kysely';
import { rollupCountsBlock } from './call-metrics-sql.js';
import type { TierCallMetrics } from './customer-reports-sql.js';
import type { ReportingCallCenterTables } from './tables.js';
import { ratio } from '../../shared/reporting/sql-fragments.js';
import { compareTiers } from '../../shared/reporting/tiers.js';
import type { ReportRange } from '../../shared/reporting/time-range.js';

export async function callMetricsByTierFromRollups(db: Kysely<ReportingCallCenterTables>, range: ReportRange): Promise<TierCallMetrics[]> {
  const counts = await rollupCountsBlock(db, [{ key: '', start: range.from, end: range.to }], 'TIER');
  return [...counts.groups]
    .filter(([, c]) => c.offered > 0)
    .map(([tier, c]) => ({ tier, offered: c.offered, answered: c.answered, answerRate: ratio(c.answered, c.offered) }))
    .sort((a, b) => compareTiers(a.tier, b.tier));
}
