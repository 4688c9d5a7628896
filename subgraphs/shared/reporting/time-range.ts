/**
 * `TimeRangeInput` validation and the bounds of every report, in one place for the
 * call-center and ticket reports. A range is `[from, to)`; both are ISO-8601 instants (with
 * `Z` or an offset), the zone is an IANA time zone name. Anything else is `BAD_USER_INPUT`
 * naming the argument and the limit.
 */
import { badUserInput } from '../../../schema/errors.js';

/** The longest range any report accepts. */
export const MAX_RANGE_DAYS = 366;
/** The longest range that may be grouped by HOUR. */
export const MAX_HOUR_RANGE_DAYS = 31;
/** The most groups a report returns; more is refused (narrow the range or choose another grouping). */
export const MAX_GROUPS = 1000;

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export interface TimeRangeArgument {
  from: string;
  to: string;
  timeZone: string;
}

/** A validated range: instants as milliseconds and as the ISO UTC strings the stores keep. */
export interface ReportRange {
  fromMs: number;
  toMs: number;
  from: string;
  to: string;
  timeZone: string;
}

function instant(value: string, name: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw badUserInput(`\`${name}\` must be an ISO-8601 instant with \`Z\` or an offset, such as 2026-11-01T00:00:00Z; got ${JSON.stringify(value)}.`, {
      argumentName: name,
    });
  }
  return ms;
}

/** Whether `zone` is a time zone this runtime knows (IANA names such as `Asia/Shanghai`, and `UTC`). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A range of two GraphQL `DateTime` arguments with no time zone or length rule (the
 * reconciliation reports), as ISO-8601 UTC. BAD_USER_INPUT unless both are instants and
 * `from` is before `to`.
 */
export function instantRange(from: unknown, to: unknown): { from: string; to: string } {
  const [start, end] = [new Date(String(from)), new Date(String(to))];
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) throw badUserInput('from must be an instant before to.');
  return { from: start.toISOString(), to: end.toISOString() };
}

export function parseTimeRange(range: TimeRangeArgument, argumentName = 'range'): ReportRange {
  const fromMs = instant(range.from, `${argumentName}.from`);
  const toMs = instant(range.to, `${argumentName}.to`);
  if (!(fromMs < toMs)) {
    throw badUserInput(`\`${argumentName}.from\` must be before \`${argumentName}.to\` (the range is [from, to)); got ${range.from} and ${range.to}.`, {
      argumentName,
    });
  }
  if (toMs - fromMs > MAX_RANGE_DAYS * DAY_MS) {
    const days = Math.ceil((toMs - fromMs) / DAY_MS);
    throw badUserInput(`\`${argumentName}\` spans ${days} days; reports cover at most ${MAX_RANGE_DAYS} days.`, {
      argumentName,
      limit: MAX_RANGE_DAYS,
    });
  }
  if (!isKnownTimeZone(range.timeZone)) {
    throw badUserInput(`\`${argumentName}.timeZone\` must be an IANA time zone such as Asia/Shanghai or UTC; got ${JSON.stringify(range.timeZone)}.`, {
      argumentName: `${argumentName}.timeZone`,
    });
  }
  return { fromMs, toMs, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), timeZone: range.timeZone };
}

/** HOUR grouping is allowed over at most MAX_HOUR_RANGE_DAYS. */
export function assertHourRange(range: ReportRange, argumentName = 'groupBy'): void {
  if (range.toMs - range.fromMs > MAX_HOUR_RANGE_DAYS * DAY_MS) {
    throw badUserInput(`Grouping by HOUR covers at most ${MAX_HOUR_RANGE_DAYS} days; this range spans ${Math.ceil((range.toMs - range.fromMs) / DAY_MS)}. Group by DAY or narrow the range.`, {
      argumentName,
      limit: MAX_HOUR_RANGE_DAYS,
    });
  }
}

export function assertGroupCount(count: number, argumentName = 'groupBy'): void {
  if (count > MAX_GROUPS) {
    throw badUserInput(`This report would have more than ${MAX_GROUPS} groups; narrow the range or choose another grouping.`, {
      argumentName,
      limit: MAX_GROUPS,
    });
  }
}

/** An integer argument within [min, max], else BAD_USER_INPUT naming it and the bounds. */
export function boundedInt(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`\`${name}\` must be a whole number from ${min} to ${max}; got ${value}.`, { argumentName: name, limit: max });
  }
  return value;
}
