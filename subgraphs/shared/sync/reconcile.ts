/**
 * Reconciliation of a synced copy with the system it copies (docs/reporting.md, "Synced
 * copies"): do the records the copy holds agree with the source system's? The integration bar
 * is agreement on at least 99.5% of records.
 *
 * Contract. The adapter lists the records created in `[from, to)` twice, as the source system
 * holds them now and as the copy holds them, each as a `CopyRecord`: its id, when the source
 * last changed it, and the fields the source owns (the mapping's `sync.owners`), each as a
 * comparable string (null: empty). `compareCopy` then gives, per record id in either list:
 *
 * | reason | when |
 * |---|---|
 * | `MISSING_IN_COPY` | the source has the record, the copy has not |
 * | `NOT_IN_SOURCE` | the copy has the record, the source has not (deleted there, or moved out of what is synced) |
 * | `FIELDS_DIFFER` | both have it and at least one compared field differs (`fields` names them) |
 *
 * A difference is `pending` when the source changed the record at or after `pendingFrom`
 * (the start of the last complete pass, at the source clock's resolution): the next pass is
 * expected to bring it, so it is lag, not loss. Before any complete pass every difference is
 * pending. For `NOT_IN_SOURCE` the source keeps no time of the removal that this reads, so
 * `pending` is null. Fields the copy owns (Switchboard's own, such as a ticket's assigner) are
 * never compared: they are not the source's to agree with.
 *
 * `agreeing` counts records present on both sides with no differing field; `agreementRate` =
 * `agreeing / records`, where `records` is the number of distinct ids on either side (1 when
 * there are none).
 */
import { badUserInput } from '../../../schema/errors.js';

/** Why a record of a synced copy does not agree with its source. */
export type CopyDifferenceReason = 'MISSING_IN_COPY' | 'NOT_IN_SOURCE' | 'FIELDS_DIFFER';

/** At most this many records (on either side) per report: BAD_USER_INPUT beyond, use shorter ranges. */
export const COPY_RECONCILIATION_MAX_RECORDS = 10_000;

/** One record as one side holds it. */
export interface CopyRecord {
  id: string;
  /** When the source last changed the record (ISO-8601 UTC), as this side knows it; null: unknown. */
  changedAt: string | null;
  /** The compared fields (those the source owns), each as a comparable string; null: empty. */
  fields: Readonly<Record<string, string | null>>;
}

/** One record on which the copy and the source disagree. */
export interface CopyDifference {
  recordId: string;
  reason: CopyDifferenceReason;
  /** The compared fields that differ (FIELDS_DIFFER), in the order the adapter lists them; empty otherwise. */
  fields: string[];
  sourceChangedAt: string | null;
  copyChangedAt: string | null;
  /** True: the source changed it after the last complete pass began (lag); false: a pass should have copied it; null: unknown. */
  pending: boolean | null;
}

/** A synced copy's reconciliation over a range. Times ISO-8601 UTC. */
export interface CopyReconciliation {
  /** The source system (`rt`, `hubspot`) and the sync's name (`rt-tickets`, `hubspot-contacts`). */
  system: string;
  sync: string;
  from: string;
  to: string;
  /** Every source change before this instant is in the copy (the last complete pass's start); null before the first. */
  syncedThrough: string | null;
  sourceRecords: number;
  copyRecords: number;
  agreeing: number;
  agreementRate: number;
  /** Of `differences`, those that are pending (lag the next pass is expected to close). */
  pendingDifferences: number;
  /** By record id. */
  differences: CopyDifference[];
}

/**
 * Compares `source` with `copy` (records created in the same range; ids unique within each
 * list) as the file comment states. `pendingFrom`: the instant from which a source change may
 * not be in the copy yet (ISO-8601; null: no complete pass yet). Every field named on either
 * side's record is compared; a field missing on one side counts as null.
 */
export function compareCopy(
  source: readonly CopyRecord[],
  copy: readonly CopyRecord[],
  pendingFrom: string | null,
): Pick<CopyReconciliation, 'sourceRecords' | 'copyRecords' | 'agreeing' | 'agreementRate' | 'pendingDifferences' | 'differences'> {
  const inCopy = new Map(copy.map((record) => [record.id, record]));
  const inSource = new Set(source.map((record) => record.id));
  const pendingOf = (record: CopyRecord): boolean =>
    pendingFrom === null || record.changedAt === null || Date.parse(record.changedAt) >= Date.parse(pendingFrom);
  const differences: CopyDifference[] = [];
  let agreeing = 0;
  for (const record of source) {
    const copied = inCopy.get(record.id);
    if (!copied) {
      differences.push({ recordId: record.id, reason: 'MISSING_IN_COPY', fields: [], sourceChangedAt: record.changedAt, copyChangedAt: null, pending: pendingOf(record) });
      continue;
    }
    const names = [...new Set([...Object.keys(record.fields), ...Object.keys(copied.fields)])];
    const differing = names.filter((name) => (record.fields[name] ?? null) !== (copied.fields[name] ?? null));
    if (differing.length === 0) {
      agreeing += 1;
      continue;
    }
    differences.push({ recordId: record.id, reason: 'FIELDS_DIFFER', fields: differing, sourceChangedAt: record.changedAt, copyChangedAt: copied.changedAt, pending: pendingOf(record) });
  }
  for (const record of copy) {
    if (!inSource.has(record.id)) {
      differences.push({ recordId: record.id, reason: 'NOT_IN_SOURCE', fields: [], sourceChangedAt: null, copyChangedAt: record.changedAt, pending: null });
    }
  }
  differences.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  const records = new Set([...inSource, ...inCopy.keys()]).size;
  return {
    sourceRecords: inSource.size,
    copyRecords: inCopy.size,
    agreeing,
    agreementRate: records === 0 ? 1 : agreeing / records,
    pendingDifferences: differences.filter((d) => d.pending === true).length,
    differences,
  };
}

/** A value as `CopyRecord.fields` compares it: null for null, undefined and ''; strings as they are; anything else as JSON. */
export function comparable(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** BAD_USER_INPUT when one side lists more than `COPY_RECONCILIATION_MAX_RECORDS` records (an adapter stops listing one past it). */
export function assertWithinLimit(records: number, side: string): void {
  if (records > COPY_RECONCILIATION_MAX_RECORDS) {
    throw badUserInput(`More than ${COPY_RECONCILIATION_MAX_RECORDS} records were created in the range in ${side}: reconcile shorter ranges.`, { argumentName: 'from' });
  }
}
