/**
 * `callCenterMetrics`: validates the arguments, cuts the range into slices, runs the three
 * metric blocks (contacts, handling, repeat contacts) and turns their counts into the
 * metrics of docs/reporting.md: rates are null when their denominator is 0.
 */
import type { Kysely } from 'kysely';
import {
  contactBlock,
  handlingBlock,
  percentileBlock,
  repeatBlock,
  rollupCountsBlock,
  type BlockRows,
  type CallGrouping,
  type ContactCounts,
  type HandlingCounts,
  type RepeatCounts,
} from './call-metrics-sql.js';
import { ratio, type Slice } from '../../shared/reporting/sql-fragments.js';
import { EXACT_BELOW, histogramPercentiles, repeatFromHistograms } from './call-histograms.js';
import type { ReportingCallCenterTables } from './tables.js';
import { timeBuckets } from '../../shared/reporting/time-buckets.js';
import { assertGroupCount, assertHourRange, boundedInt, parseTimeRange, type TimeRangeArgument } from '../../shared/reporting/time-range.js';

const DAY_MS = 86_400_000;
export const MAX_SERVICE_LEVEL_SECONDS = 3600;
export const MAX_FIRST_CONTACT_RESOLUTION_DAYS = 90;

export interface CallMetricsArgs {
  range: TimeRangeArgument;
  groupBy?: CallGrouping | null;
  serviceLevelSeconds?: number | null;
  firstContactResolutionDays?: number | null;
}

export interface Percentiles {
  median: number | null;
  p90: number | null;
}

export interface CallMetricsValues {
  /** null in totals; the group's key in groups (null: calls without a queue, agent or team). */
  key: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  missed: number;
  voicemail: number;
  transferred: number;
  expired: number;
  answerRate: number | null;
  abandonmentRate: number | null;
  serviceLevel: number | null;
  averageSpeedOfAnswer: number | null;
  longestWait: number | null;
  waitTime: Percentiles;
  handled: number;
  averageHandleTime: number | null;
  handleTime: Percentiles;
  repeatCallerRate: number | null;
  firstContactResolutionRate: number | null;
}

export interface CallMetricsReport {
  groupBy: CallGrouping | null;
  serviceLevelSeconds: number;
  firstContactResolutionDays: number;
  totals: CallMetricsValues;
  groups: CallMetricsValues[];
}

const NO_CONTACTS: ContactCounts = {
  offered: 0, answered: 0, abandoned: 0, missed: 0, voicemail: 0, transferred: 0, expired: 0,
  answeredWithinThreshold: 0, answeredWaitSeconds: 0, longestWait: null, waitMedian: null, waitP90: null,
};
const NO_HANDLING: HandlingCounts = { handled: 0, handleSeconds: 0, handleMedian: null, handleP90: null };
const NO_REPEATS: RepeatCounts = { identifiedContacts: 0, repeatContacts: 0, answeredIdentified: 0, resolvedOnFirstContact: 0 };

function metrics(key: string | null, c: ContactCounts, h: HandlingCounts, r: RepeatCounts): CallMetricsValues {
  return {
    key,
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    missed: c.missed,
    voicemail: c.voicemail,
    transferred: c.transferred,
    expired: c.expired,
    answerRate: ratio(c.answered, c.offered),
    abandonmentRate: ratio(c.abandoned, c.offered),
    serviceLevel: ratio(c.answeredWithinThreshold, c.answered + c.abandoned),
    averageSpeedOfAnswer: ratio(c.answeredWaitSeconds, c.answered),
    longestWait: c.longestWait,
    waitTime: { median: c.waitMedian, p90: c.waitP90 },
    handled: h.handled,
    averageHandleTime: ratio(h.handleSeconds, h.handled),
    handleTime: { median: h.handleMedian, p90: h.handleP90 },
    repeatCallerRate: ratio(r.repeatContacts, r.identifiedContacts),
    firstContactResolutionRate: ratio(r.resolvedOnFirstContact, r.answeredIdentified),
  };
}

/** Groups in a stable order: dimension keys ascending, null (no queue/agent/team) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Where the counts and sums come from: `rollups` (the default: hourly roll-ups for whole
 * hours, raw calls for partial hours) or `raw` (every call of the range, the reference the
 * roll-ups are tested and benchmarked against). With roll-ups, percentiles and the service
 * level come from the call-time histograms (percentiles bucketed: exact below 128 s, else
 * within 1/32 of the exact value; call-histograms.ts) and repeat contacts from the day counts
 * of the contact gaps stored with each call, kept in the same histograms (exact;
 * contact-gaps.ts); with `raw`, all from raw calls (exact).
 */
export type CallCountsSource = 'rollups' | 'raw';

/**
 * Contact and handling counts of every group from the roll-ups, percentiles and the service
 * level from the call-time histograms (bucketed, call-histograms.ts); for a service-level
 * threshold of 128 s or more the answered-within count comes from the raw percentile pass.
 */
async function fromRollups(
  db: Kysely<ReportingCallCenterTables>,
  slices: readonly Slice[],
  groupBy: CallGrouping | null,
  serviceLevelSeconds: number,
): Promise<{ contacts: BlockRows<ContactCounts>; handling: BlockRows<HandlingCounts> }> {
  const [counts, histograms, rawWithin] = await Promise.all([
    rollupCountsBlock(db, slices, groupBy),
    histogramPercentiles(db, slices, groupBy, serviceLevelSeconds),
    serviceLevelSeconds < EXACT_BELOW ? null : percentileBlock(db, slices, groupBy, serviceLevelSeconds),
  ]);
  const percentiles = {
    totals: histograms.totals === null ? null : { ...histograms.totals, answeredWithinThreshold: histograms.totals.answeredWithinThreshold ?? rawWithin?.totals?.answeredWithinThreshold ?? 0 },
    groups: new Map([...histograms.groups].map(([key, p]) => [key, { ...p, answeredWithinThreshold: p.answeredWithinThreshold ?? rawWithin?.groups.get(key)?.answeredWithinThreshold ?? 0 }])),
  };
  const contacts: BlockRows<ContactCounts> = { totals: null, groups: new Map() };
  const handling: BlockRows<HandlingCounts> = { totals: null, groups: new Map() };
  const merge = (key: string | null, total: boolean) => {
    const c = total ? counts.totals : counts.groups.get(key);
    const p = total ? percentiles.totals : percentiles.groups.get(key);
    if (!c) return;
    const contact: ContactCounts = {
      offered: c.offered,
      answered: c.answered,
      abandoned: c.abandoned,
      missed: c.missed,
      voicemail: c.voicemail,
      transferred: c.transferred,
      expired: c.expired,
      answeredWithinThreshold: p?.answeredWithinThreshold ?? 0,
      answeredWaitSeconds: c.answered_wait,
      longestWait: c.longestWait,
      waitMedian: p?.waitMedian ?? null,
      waitP90: p?.waitP90 ?? null,
    };
    const handled: HandlingCounts = { handled: c.handled, handleSeconds: c.handle_seconds, handleMedian: p?.handleMedian ?? null, handleP90: p?.handleP90 ?? null };
    if (total) {
      contacts.totals = contact;
      handling.totals = handled;
    } else {
      contacts.groups.set(key, contact);
      handling.groups.set(key, handled);
    }
  };
  merge(null, true);
  for (const key of counts.groups.keys()) merge(key, false);
  return { contacts, handling };
}

export async function callCenterMetrics(db: Kysely<ReportingCallCenterTables>, args: CallMetricsArgs, source: CallCountsSource = 'rollups'): Promise<CallMetricsReport> {
  const range = parseTimeRange(args.range);
  const groupBy = args.groupBy ?? null;
  const serviceLevelSeconds = boundedInt(args.serviceLevelSeconds ?? 20, 'serviceLevelSeconds', 0, MAX_SERVICE_LEVEL_SECONDS);
  const days = boundedInt(args.firstContactResolutionDays ?? 7, 'firstContactResolutionDays', 1, MAX_FIRST_CONTACT_RESOLUTION_DAYS);
  if (groupBy === 'HOUR') assertHourRange(range);

  const timeGrouping = groupBy === 'HOUR' || groupBy === 'DAY';
  const slices: Slice[] = timeGrouping ? timeBuckets(range, groupBy) : [{ key: '', start: range.from, end: range.to }];
  if (timeGrouping) assertGroupCount(slices.length);
  const windowMs = days * DAY_MS;
  const window = { from: new Date(range.fromMs - windowMs).toISOString(), to: new Date(range.toMs + windowMs).toISOString(), seconds: days * 86_400 };

  const counts =
    source === 'rollups'
      ? fromRollups(db, slices, groupBy, serviceLevelSeconds)
      : Promise.all([contactBlock(db, slices, groupBy, serviceLevelSeconds), handlingBlock(db, slices, groupBy)]).then(([contacts, handling]) => ({ contacts, handling }));
  const repeatCounts = source === 'rollups' ? repeatFromHistograms(db, slices, groupBy, days) : repeatBlock(db, slices, window, groupBy);
  const [{ contacts, handling }, repeats] = await Promise.all([counts, repeatCounts]);

  const totals = metrics(null, contacts.totals ?? NO_CONTACTS, handling.totals ?? NO_HANDLING, repeats.totals ?? NO_REPEATS);
  let keys: (string | null)[];
  if (groupBy === null) keys = [];
  else if (timeGrouping) keys = slices.map((slice) => slice.key);
  else {
    keys = [...new Set([...contacts.groups.keys(), ...handling.groups.keys(), ...repeats.groups.keys()])].sort(compareKeys);
    assertGroupCount(keys.length);
  }
  const groups = keys.map((key) =>
    metrics(key, contacts.groups.get(key) ?? NO_CONTACTS, handling.groups.get(key) ?? NO_HANDLING, repeats.groups.get(key) ?? NO_REPEATS),
  );
  return { groupBy, serviceLevelSeconds, firstContactResolutionDays: days, totals, groups };
}
