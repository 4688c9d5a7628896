/**
 * The one phone-number normaliser. Every number that enters Switchboard (CRM contact data,
 * caller identification, call records, CTI webhooks, seed data) goes through here, so two
 * spellings of one number always meet as the same E.164 string.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { badUserInput } from '../../schema/errors.js';

export const DEFAULT_PHONE_REGION: CountryCode = (process.env.SWITCHBOARD_PHONE_REGION as CountryCode | undefined) ?? 'CN';

/**
 * Returns the E.164 form of `raw` (`+8613800138000`), or `null` when it is not a possible
 * phone number. Accepts spaces, dashes, dots, brackets, a leading `+` or `00`, a national
 * trunk prefix (`010 …`) and a country code written without `+` (`8613800138000`).
 */
export function toE164(raw: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > 32 || !/^[+\d\s().\-/]+$/.test(trimmed)) return null;
  const withPlus = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  const parsed = parsePhoneNumberFromString(withPlus, region);
  if (parsed?.isValid()) return parsed.number;
  // "8613800138000": a country code typed without "+". Only taken when it makes a valid number.
  const digits = withPlus.replace(/\D/g, '');
  if (!withPlus.startsWith('+')) {
    const international = parsePhoneNumberFromString(`+${digits}`);
    if (international?.isValid()) return international.number;
  }
  return parsed?.isPossible() ? parsed.number : null;
}

/** Like `toE164`, but an impossible number is a `BAD_USER_INPUT` error naming the input. */
export function requireE164(raw: string, argumentName: string, region: CountryCode = DEFAULT_PHONE_REGION): string {
  const e164 = toE164(raw, region);
  if (e164 === null) {
    throw badUserInput(`${JSON.stringify(raw)} is not a phone number.`, { argumentName, value: raw });
  }
  return e164;
}
