/**
 * Sums every report table the call center keeps from its calls again: the call roll-ups
 * (call-rollups.ts), the contact gaps (contact-gaps.ts) and the call-time histograms
 * (call-histograms.ts), in that order (the histograms read the gaps). Run it in one
 * transaction: `npm run reports:rebuild`, and the seed after loading its calls.
 */
import type { QueryExecutorProvider } from 'kysely';
import { rebuildCallRollups } from './call-rollups.js';
import { rebuildContactGaps } from './contact-gaps.js';
import { rebuildCallHistograms } from './call-histograms.js';

export async function rebuildCallReports(db: QueryExecutorProvider): Promise<void> {
  await rebuildCallRollups(db);
  await rebuildContactGaps(db);
  await rebuildCallHistograms(db);
}
