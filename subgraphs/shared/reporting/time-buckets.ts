/**
 * HOUR and DAY buckets of a range in a time zone, computed here with `Intl` (so they are
 * DST-correct for any IANA zone) and handed to SQL as a small table of `[start, end)`
 * instants. A bucket is one local hour or local day: a DST day has 23 or 25 hours, and the
 * repeated local hour of a fall-back night is two buckets with different offsets.
 */
import type { Slice } from './sql-fragments.js';
import type { ReportRange } from './time-range.js';

export type BucketUnit = 'HOUR' | 'DAY';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** UTC offsets change at most a few times a year, never twice within a day: daily samples find every change. */
const SAMPLE_MS = DAY_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The zone's UTC offset at instant `ms`, in milliseconds (local wall clock minus UTC). */
export function utcOffsetMs(zone: string, ms: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  const second = Math.floor(ms / 1000) * 1000;
  return wall - second;
}

interface Segment {
  start: number;
  end: number;
  offset: number;
}

/** [from, to) cut where the zone's offset changes (found by daily samples, then bisecting to the minute). */
function segments(zone: string, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let start = from;
  let offset = utcOffsetMs(zone, from);
  for (let probe = from; ; ) {
    const next = Math.min(probe + SAMPLE_MS, to - 1);
    if (next <= probe) break;
    if (utcOffsetMs(zone, next) === offset) {
      probe = next;
      continue;
    }
    // The change lies in (probe, next]; zones change on whole minutes, so bisect over minutes.
    let low = Math.floor(probe / MINUTE_MS);
    let high = Math.ceil(next / MINUTE_MS);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (utcOffsetMs(zone, middle * MINUTE_MS) === offset) low = middle;
      else high = middle;
    }
    const change = high * MINUTE_MS;
    out.push({ start, end: change, offset });
    start = change;
    offset = utcOffsetMs(zone, change);
    probe = change;
  }
  out.push({ start, end: to, offset });
  return out;
}

function unitIndex(ms: number, offset: number, unit: BucketUnit): number {
  return Math.floor((ms + offset) / (unit === 'HOUR' ? HOUR_MS : DAY_MS));
}

function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / MINUTE_MS;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A bucket's key: its local start with the offset in force then, e.g. `2026-11-01T01:00:00-05:00`. */
function bucketKey(start: number, offset: number): string {
  return new Date(start + offset).toISOString().slice(0, 19) + offsetText(offset);
}

/**
 * The buckets covering [range.from, range.to), in time order: each is clipped to the
 * range (`start`/`end`) and keyed by its unclipped local start.
 */
export function timeBuckets(range: ReportRange, unit: BucketUnit): Slice[] {
  const zone = range.timeZone;
  const span = unit === 'HOUR' ? HOUR_MS : DAY_MS;
  // Look one unit (plus a DST shift) back, to find where the bucket holding `from` starts.
  const lookFrom = range.fromMs - span - 3 * HOUR_MS;
  const boundaries: { ms: number; offset: number }[] = [];
  let previous: { ms: number; offset: number } | null = null;
  for (const segment of segments(zone, lookFrom, range.toMs)) {
    // A local unit that starts right at an offset change (e.g. a day starting at 01:00 after a midnight jump).
    if (previous && unitIndex(segment.start, segment.offset, unit) !== unitIndex(segment.start - 1, previous.offset, unit)) {
      boundaries.push({ ms: segment.start, offset: segment.offset });
    }
    const first = Math.ceil((segment.start + segment.offset) / span) * span - segment.offset;
    for (let at = first; at < segment.end; at += span) {
      if (at !== boundaries[boundaries.length - 1]?.ms) boundaries.push({ ms: at, offset: segment.offset });
    }
    previous = { ms: segment.end, offset: segment.offset };
  }
  const buckets: Slice[] = [];
  for (let i = 0; i < boundaries.length; i++) {
    const { ms: start, offset } = boundaries[i] as { ms: number; offset: number };
    const end = boundaries[i + 1]?.ms ?? range.toMs;
    if (end <= range.fromMs || start >= range.toMs) continue;
    buckets.push({
      key: bucketKey(start, offset),
      start: new Date(Math.max(start, range.fromMs)).toISOString(),
      end: new Date(Math.min(end, range.toMs)).toISOString(),
    });
  }
  return buckets;
}

/** How many buckets a range has, without building them (for the group cap; an upper bound). */
export function bucketCountEstimate(range: ReportRange, unit: BucketUnit): number {
  return Math.ceil((range.toMs - range.fromMs) / (unit === 'HOUR' ? HOUR_MS : DAY_MS)) + 2;
}
