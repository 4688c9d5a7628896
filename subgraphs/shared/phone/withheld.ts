/**
 * Caller IDs that stand for "no number": what carriers, PBXs and CPaaS vendors send when a
 * caller withheld their number. The one list; such a caller ID never matches a customer.
 *
 * Sources: RFC 3323 §4.1.1.3 (`sip:anonymous@anonymous.invalid`, display name `Anonymous`);
 * Twilio's support article "Why am I getting calls from these strange numbers?" (the keypad
 * spellings +266696687 ANONYMOUS, +7378742833 RESTRICTED, +2562533 BLOCKED, +8656696 UNKNOWN,
 * +86282452253 UNAVAILABLE); the words Asterisk, FreeSWITCH, Amazon Connect and handsets show
 * (`anonymous`, `restricted`, `unknown`, `unavailable`, `private`, …) and their Chinese forms.
 */

/** Compared after lower-casing and removing spaces, dots, dashes, underscores and brackets. */
const WITHHELD_WORDS: ReadonlySet<string> = new Set([
  'anonymous',
  'anonymouscaller',
  'anonym',
  'withheld',
  'numberwithheld',
  'private',
  'privatenumber',
  'privatecaller',
  'restricted',
  'unknown',
  'unknownnumber',
  'unknowncaller',
  'unknowncallerid',
  'unavailable',
  'notavailable',
  'numberunavailable',
  'blocked',
  'calleridblocked',
  'nocallerid',
  'outofarea',
  'hidden',
  'notprovided',
  'cliwithheld',
  'anonymousinvalid',
  '匿名',
  '匿名来电',
  '未知来电',
  '隐私号码',
  '号码保密',
  '非通知', // Japanese networks' "not notified"
  '未知',
  '未知号码',
  '私人号码',
  '隐藏号码',
  '号码隐藏',
  '无主叫号码',
  '不显示号码',
  '保密号码',
]);

/** Placeholder numbers (keypad spellings), as digits after the `+`. */
const WITHHELD_NUMBERS: ReadonlySet<string> = new Set(['266696687', '7378742833', '2562533', '8656696', '86282452253']);

/** The SIP host of an anonymous URI (RFC 3323): any user part at it is withheld. */
export const ANONYMOUS_SIP_HOST = 'anonymous.invalid';

/** Whether `text` is one of the words for a withheld caller ID (any case, spacing or punctuation). */
export function isWithheldWord(text: string): boolean {
  return WITHHELD_WORDS.has(text.toLowerCase().replace(/[\s._\-()<>"]/g, ''));
}

/** Whether `digits` (ASCII) are all zeros: `0`, `000000`, `00000000000`; also a national number after a country code. */
export function isAllZeros(digits: string): boolean {
  return /^0+$/.test(digits);
}

/**
 * Whether `digits` (the ASCII digits of a number, without its extension) are one of the
 * keypad placeholders above, also with a NANP `1` in front (`+17378742833`). Callers take a
 * national spelling (no `+`) as a placeholder only when it is no valid number of the region:
 * `7378742833` is a possible landline in Yiyang, China.
 */
export function isPlaceholderNumber(digits: string): boolean {
  return WITHHELD_NUMBERS.has(digits) || (digits.startsWith('1') && WITHHELD_NUMBERS.has(digits.slice(1)));
}
