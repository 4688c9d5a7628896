/**
 * The one phone-number normaliser. Every number that enters Switchboard (CRM contact data,
 * caller identification, customer search, CTI webhooks, seed data) is read by
 * `readPhoneNumber`, so two spellings of one number always meet as the same E.164 string,
 * and every entry point accepts and refuses exactly the same inputs. The rules, in order:
 *
 * 1. Only strings are read (a JSON number is refused: it has lost any `+` and leading `0`).
 * 2. Unicode is folded (NFKC: full-width digits and punctuation) and format characters
 *    (bidi marks, zero-width spaces) are removed: `phone/text.ts`.
 * 3. Withheld caller IDs (`anonymous`, `+266696687`, all zeros, …) are `WITHHELD`: `phone/withheld.ts`
 *    (a placeholder written without `+` only when it is no valid number of the region).
 * 4. `tel:`/`sip:` URIs and SIP name-addr headers are unwrapped to their number: `phone/uri.ts`.
 * 5. Labels (`Tel: `, `手机`), trailing words and comments (`(mobile)`), bracketed country codes
 *    (`(+86)`), middle dots and Chinese or dial-pause extension markers (`转`, `,`) are removed or
 *    rewritten: `phone/text.ts`.
 * 6. libphonenumber-js (full metadata) parses the rest in the default region and must find
 *    a *valid* number (a number range in use, not just the right length). `00` and a country
 *    code without `+` (`8613800138000`) are international; a trailing `-digits` group on a
 *    valid landline (`010-65529988-8001`, the Chinese switchboard form) is an extension.
 *
 * Why the full (`max`) metadata: with `min`, `isValid()` checks lengths only and takes
 * `84664163` and `(650) 253-0000` for valid CN numbers. `max` costs 157 KB of JSON instead of
 * 83 KB and about 40 µs instead of 25 µs per number read (measured on this code base's corpus).
 */
import { getCountryCallingCode, parsePhoneNumberWithError, ParseError, validatePhoneNumberLength, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { badUserInput } from '../../schema/errors.js';
import { boundedCache, mib, objectBytes } from './bounded-cache.js';
import { envValue } from './env/read.js';
import { foldUnicode, MAX_PHONE_TEXT_LENGTH, stripDecorations } from './phone/text.js';
import { unwrapNumber } from './phone/uri.js';
import { isAllZeros, isPlaceholderNumber, isWithheldWord } from './phone/withheld.js';

/** The region numbers without a country code are read in (`SWITCHBOARD_PHONE_REGION`, ISO 3166 alpha-2). */
export const DEFAULT_PHONE_REGION = envValue('SWITCHBOARD_PHONE_REGION') as CountryCode;

/**
 * Why a text is not taken as a phone number (`extensions.reason` of the `BAD_USER_INPUT` error):
 * - `NOT_A_STRING`: not a string (a JSON number, boolean, object);
 * - `EMPTY`: nothing but spaces and invisible characters;
 * - `WITHHELD`: a withheld or placeholder caller ID (never matches a customer);
 * - `NOT_A_NUMBER`: no phone number in it (letters, a SIP URI of a user name, two numbers);
 * - `INVALID_COUNTRY`: `+` followed by no known country calling code;
 * - `TOO_SHORT` / `TOO_LONG`: too few or too many digits for any number of the country
 *   (short codes such as `95588` are too short: they are not reachable as E.164);
 * - `INVALID_NUMBER`: the right length but no such number range in that country (a local
 *   number without its area code, a foreign number without its country code).
 */
export type PhoneRefusal = 'NOT_A_STRING' | 'EMPTY' | 'WITHHELD' | 'NOT_A_NUMBER' | 'INVALID_COUNTRY' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_NUMBER';

/** A phone number read from text: the main number in E.164 and its extension (digits), if any. */
export interface ReadPhoneNumber {
  ok: true;
  /** `+8613800138000`: what numbers are matched on. */
  e164: string;
  /** `8001` for `010-65529988转8001`; `null` without one. Never part of matching. */
  extension: string | null;
}

/** A text that is not a phone number, with the reason and a sentence for the user. */
export interface RefusedPhoneNumber {
  ok: false;
  reason: PhoneRefusal;
  message: string;
}

export type PhoneReading = ReadPhoneNumber | RefusedPhoneNumber;

const refuse = (reason: PhoneRefusal, message: string): RefusedPhoneNumber => ({ ok: false, reason, message });

function tryParse(text: string, region: CountryCode): PhoneNumber | ParseError {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry: region, extract: false });
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
}

const found = (number: PhoneNumber, extension?: string): ReadPhoneNumber => ({
  ok: true,
  e164: number.number,
  extension: extension ?? number.ext ?? null,
});

/** `010-65529988-8001`: a valid landline (not a mobile) followed by a dash and 1-6 digits. */
const DASH_EXTENSION = /^(.*\d)\s*[-‐‒–—−]\s*(\d{1,6})$/u;

function switchboardExtension(text: string, region: CountryCode): ReadPhoneNumber | null {
  const match = DASH_EXTENSION.exec(text);
  if (!match) return null;
  const main = tryParse(match[1] ?? '', region);
  if (main instanceof ParseError || main.ext || !main.isValid() || main.getType() === 'MOBILE') return null;
  return found(main, match[2]);
}

/** `international`: the text carried a country code (`+`, `00`), so it was not read in `region`. */
function describe(raw: string, reason: PhoneRefusal, region: CountryCode, number: PhoneNumber | null, international: boolean): string {
  const quoted = JSON.stringify(raw);
  const national = !international && (number === null || number.countryCallingCode === getCountryCallingCode(region));
  const where = national || number === null ? region : (number.country ?? `+${number.countryCallingCode}`);
  switch (reason) {
    case 'INVALID_COUNTRY':
      return `${quoted} starts with no known country calling code.`;
    case 'TOO_SHORT':
      return `${quoted} has too few digits for a phone number in ${where} (short service numbers are not accepted).`;
    case 'TOO_LONG':
      return `${quoted} has too many digits for a phone number in ${where}; write an extension as "ext. 8001" or "转8001".`;
    case 'INVALID_NUMBER':
      return national
        ? `${quoted} is not a valid phone number in ${region}: a landline needs its area code (010 …), a number from another country its country code (+1 …).`
        : `${quoted} is not a valid phone number in ${where}: no such number range.`;
    default:
      return `${quoted} is not a phone number.`;
  }
}

/**
 * Readings by region and text: reading a number with libphonenumber costs about 26 µs of CPU,
 * and the same numbers come back on every request (a 50-customer list carries about 70). The
 * readings are frozen, since every caller of a text gets the same object. Bounded by bytes
 * (2 MiB: some 5,000 readings).
 */
const readings = boundedCache<PhoneReading>({ maxBytes: mib(2), sizeOf: (reading) => objectBytes(reading) });

/**
 * Reads `input` as a phone number (rules in this file's header). `region` is the country
 * numbers without a country code are read in. Never throws; see `requirePhoneNumber`. The
 * reading is frozen (shared by every caller that reads the same text).
 */
export function readPhoneNumber(input: unknown, region: CountryCode = DEFAULT_PHONE_REGION): PhoneReading {
  if (typeof input !== 'string' || input.length > MAX_PHONE_TEXT_LENGTH) return read(input, region);
  const key = `${region}\u0000${input}`;
  let reading = readings.get(key);
  if (!reading) {
    reading = Object.freeze(read(input, region));
    readings.set(key, reading);
  }
  return reading;
}

function read(input: unknown, region: CountryCode): PhoneReading {
  if (typeof input !== 'string') {
    const kind = input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`;
    return refuse('NOT_A_STRING', `A phone number must be a string, got ${kind}${typeof input === 'number' ? ` (${String(input)}): write it in quotes, with its + or leading 0` : ''}.`);
  }
  if (input.length > MAX_PHONE_TEXT_LENGTH) return refuse('TOO_LONG', `A phone number has at most ${MAX_PHONE_TEXT_LENGTH} characters, got ${input.length}.`);
  const folded = foldUnicode(input);
  if (folded === '') return refuse('EMPTY', 'The phone number is empty.');
  const quoted = JSON.stringify(input);
  const withheld = () => refuse('WITHHELD', `${quoted} is a withheld caller ID, not a phone number.`);
  if (isWithheldWord(folded)) return withheld();
  const unwrapped = unwrapNumber(folded);
  if (unwrapped.kind === 'withheld') return withheld();
  if (unwrapped.kind === 'not-a-number') return refuse('NOT_A_NUMBER', `${quoted} is not a phone number: ${unwrapped.why}.`);
  const text = stripDecorations(unwrapped.text);
  if (isWithheldWord(text)) return withheld();
  // "00" is the written prefix almost everywhere (ITU-T E.164 recommends it).
  const written = text.replace(/^00(?=\s*[1-9])/, '+');
  const withCountryCode = written.startsWith('+');
  const mainDigits = written.replace(/(?:ext|[x#~;]).*$/i, '').replace(/\D/g, '');
  if (isAllZeros(mainDigits) || (withCountryCode && isPlaceholderNumber(mainDigits))) return withheld();

  const parsed = tryParse(written, region);
  if (!(parsed instanceof ParseError) && parsed.isValid()) return found(parsed);
  if (!withCountryCode) {
    // "8613800138000": a country code written without "+"; only taken when that is valid.
    const withPlus = tryParse(`+${written}`, region);
    if (!(withPlus instanceof ParseError) && withPlus.isValid()) return found(withPlus);
  }
  const switchboard = switchboardExtension(written, region);
  if (switchboard) return switchboard;
  // No valid number: a placeholder written nationally (`266696687`), or zeros after a country code (`+1 000-000-0000`).
  if (isPlaceholderNumber(mainDigits) || (!(parsed instanceof ParseError) && isAllZeros(parsed.nationalNumber))) return withheld();

  if (parsed instanceof ParseError) {
    const reason: PhoneRefusal = parsed.message === 'INVALID_COUNTRY' || parsed.message === 'TOO_SHORT' || parsed.message === 'TOO_LONG' ? parsed.message : 'NOT_A_NUMBER';
    return refuse(reason, describe(input, reason, region, null, withCountryCode));
  }
  const reason = parsed.isPossible() ? 'INVALID_NUMBER' : lengthProblem(parsed);
  return refuse(reason, describe(input, reason, region, parsed, withCountryCode));
}

/** Too short, too long, or a length the country never uses (then `INVALID_NUMBER`). */
function lengthProblem(number: PhoneNumber): PhoneRefusal {
  const problem = validatePhoneNumberLength(number.number);
  return problem === 'TOO_SHORT' || problem === 'TOO_LONG' ? problem : 'INVALID_NUMBER';
}

/**
 * Like `readPhoneNumber`, but a refused input is a `BAD_USER_INPUT` error with
 * `extensions: { argumentName, value, reason }` (`reason` a `PhoneRefusal`).
 */
export function requirePhoneNumber(input: unknown, argumentName: string, region: CountryCode = DEFAULT_PHONE_REGION): ReadPhoneNumber {
  const reading = readPhoneNumber(input, region);
  if (!reading.ok) throw badUserInput(reading.message, { argumentName, value: input, reason: reading.reason });
  return reading;
}

/** The E.164 form of `input`, or `null` when `readPhoneNumber` refuses it. */
export function toE164(input: unknown, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const reading = readPhoneNumber(input, region);
  return reading.ok ? reading.e164 : null;
}

/**
 * The national significant number of an E.164 number (`+8613800138000` → `13800138000`,
 * `+861065529988` → `1065529988`): the digits every written form of it ends with, however
 * a foreign system stored it (with or without country code, trunk `0`, separators). Connectors
 * narrow free-text phone columns with it, then confirm each candidate with `readPhoneNumber`.
 * `null` when `e164` is not an E.164 number.
 */
export function nationalNumberOf(e164: string): string | null {
  const parsed = tryParse(e164, DEFAULT_PHONE_REGION);
  return parsed instanceof ParseError ? null : parsed.nationalNumber;
}
