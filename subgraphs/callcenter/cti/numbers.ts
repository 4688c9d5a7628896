/**
 * Numbers in CTI payloads, read by the one normaliser (`readPhoneNumber`, which also unwraps
 * `tel:`/`sip:` URIs and SIP headers). A withheld caller ID or an absent/empty field is
 * `null`; any other refused value (not a valid number, a JSON number) is `null` too and is
 * counted in the answer's `ignored.invalidNumbers`, so the sender learns of it.
 */
import { readPhoneNumber } from '../../shared/phone.js';
import type { IgnoredCounts } from './event.js';

/** `raw` (a payload's `from`/`to` value) as E.164, or `null`; `ignored` counts refused numbers. */
export function ctiNumber(raw: unknown, ignored?: IgnoredCounts): string | null {
  if (raw === undefined || raw === null) return null;
  const reading = readPhoneNumber(raw);
  if (reading.ok) return reading.e164;
  if (ignored && reading.reason !== 'WITHHELD' && reading.reason !== 'EMPTY') ignored.invalidNumbers += 1;
  return null;
}
