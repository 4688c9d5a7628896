/**
 * Per-customer time windows (`CustomerWindowInput`), the input of the journey parts each
 * system answers for the gateway's `churnJourneys` (docs/reporting.md, "Journey before churn"):
 * at most 1,000 windows, each `[from, to)` of instants with `Z` or an offset, `from` before `to`,
 * at most 2 × 366 days long. Anything else is `BAD_USER_INPUT` naming the window.
 */
import { badUserInput } from '../../../schema/errors.js';

export const MAX_WINDOWS = 1000;
const MAX_WINDOW_DAYS = 732;
const DAY_MS = 86_400_000;

export interface CustomerWindowArgument {
  customerId: string;
  from: string;
  to: string;
}

/** A checked window: instants as the ISO UTC strings the stores keep. */
export interface CustomerWindow {
  customerId: string;
  from: string;
  to: string;
}

/** The instant format of `TimeRangeInput` (time-range.ts). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function instant(value: string, name: string): number {
  const ms = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw badUserInput(`\`${name}\` must be an ISO-8601 instant with \`Z\` or an offset; got ${JSON.stringify(value)}.`, { argumentName: name });
  return ms;
}

export function parseCustomerWindows(windows: readonly CustomerWindowArgument[], argumentName = 'windows'): CustomerWindow[] {
  if (windows.length > MAX_WINDOWS) throw badUserInput(`At most ${MAX_WINDOWS} windows; got ${windows.length}.`, { argumentName, limit: MAX_WINDOWS });
  return windows.map((window, index) => {
    const name = `${argumentName}[${index}]`;
    if (typeof window.customerId !== 'string' || window.customerId.trim() === '') throw badUserInput(`\`${name}.customerId\` must not be empty.`, { argumentName: `${name}.customerId` });
    const from = instant(window.from, `${name}.from`);
    const to = instant(window.to, `${name}.to`);
    if (!(from < to)) throw badUserInput(`\`${name}.from\` must be before \`${name}.to\`.`, { argumentName: name });
    if (to - from > MAX_WINDOW_DAYS * DAY_MS) throw badUserInput(`\`${name}\` spans more than ${MAX_WINDOW_DAYS} days.`, { argumentName: name, limit: MAX_WINDOW_DAYS });
    return { customerId: window.customerId, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  });
}

/** One group of a contact-reasons part: tier (null: unknown), reason code (null: none), count. */
export interface ReasonCount {
  tier: string | null;
  reason: string | null;
  count: number;
}
