/**
 * Time in the seed generator: milliseconds since the epoch, whole seconds for every stored
 * instant, ISO-8601 UTC strings out. Times of day follow business hours in the customer's
 * time zone (`shapedTime`).
 */
import type { Prng } from './prng.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/** `new Date(ms).toISOString()`, several times faster (the day part is cached). */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size > 5000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const rest = ms - day * DAY;
  const millis = rest % SECOND;
  return (
    prefix +
    TWO_DIGITS[Math.floor(rest / HOUR)] +
    ':' +
    TWO_DIGITS[Math.floor((rest % HOUR) / MINUTE)] +
    ':' +
    TWO_DIGITS[Math.floor((rest % MINUTE) / SECOND)] +
    (millis === 0 ? '.000Z' : `.${String(millis).padStart(3, '0')}Z`)
  );
}

/** `ms` rounded down to a whole second. */
export const toSecond = (ms: number): number => Math.floor(ms / SECOND) * SECOND;

/** Local hour-of-day shape: mostly business hours, some evenings, a few at night. */
function timeOfDaySeconds(prng: Prng): number {
  const r = prng.next();
  if (r < 0.82) return 9 * 3600 + Math.floor(prng.next() * 9 * 3600);
  if (r < 0.97) return 18 * 3600 + Math.floor(prng.next() * 5 * 3600);
  return (23 * 3600 + Math.floor(prng.next() * 10 * 3600)) % (24 * 3600);
}

/** A whole-second instant in [lower, upper] with a realistic local time of day. */
export function shapedTime(prng: Prng, lower: number, upper: number, utcOffsetHours: number): number {
  if (upper <= lower) return toSecond(lower);
  const uniform = lower + prng.next() * (upper - lower);
  const offset = utcOffsetHours * HOUR;
  const localDayStart = Math.floor((uniform + offset) / DAY) * DAY - offset;
  const shaped = localDayStart + timeOfDaySeconds(prng) * SECOND;
  const chosen = shaped >= lower && shaped <= upper ? shaped : uniform;
  return Math.max(toSecond(chosen), Math.ceil(lower / SECOND) * SECOND);
}

/** A whole-second instant uniformly in [lower, upper]. */
export function uniformTime(prng: Prng, lower: number, upper: number): number {
  if (upper <= lower) return toSecond(lower);
  return Math.max(toSecond(lower + prng.next() * (upper - lower)), Math.ceil(lower / SECOND) * SECOND);
}
