/**
 * The reporting columns of `calls` (added by `migrations.ts` here): who the call was with,
 * as known when it was logged, so reports group by customer and tier without asking the CRM.
 * Filled by the seed generator and, for live calls, by whatever logs them (docs/reporting.md).
 */
import type { CallCenterTables } from '../source/tables.js';
import type { CallRollupTables } from './call-rollups.js';
import type { ContactGapColumns } from './contact-gaps.js';
import type { CallHistogramTables } from './call-histograms.js';

export interface CallReportingColumns {
  /** The CRM customer id (entity key); null for unknown and withheld callers. */
  customer_id: string | null;
  /** The customer's CRM tier at the time of the call; null when unknown. */
  customer_tier: string | null;
}

/** The call center's tables as the reports see them, roll-ups included (`db.withTables<…>()`). */
export type ReportingCallCenterTables = CallCenterTables & { calls: CallReportingColumns & ContactGapColumns } & CallRollupTables & CallHistogramTables;
