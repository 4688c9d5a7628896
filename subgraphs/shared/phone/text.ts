/**
 * The text around a phone number that people and phone systems add, removed before the
 * number is parsed. Each rule is one entry below; libphonenumber does the rest (full-width
 * and other Unicode digits, dashes and brackets of every script, `ext.`/`x`/`#`/`;ext=`
 * extensions, national and international prefixes).
 */

/** Longest text read as a phone number (a SIP header with a display name fits easily). */
export const MAX_PHONE_TEXT_LENGTH = 256;

/**
 * Unicode compatibility forms folded (NFKC: `１３８` → `138`, `（０１０）` → `(010)`, the
 * ideographic space → space) and format characters removed (category Cf: the bidi marks
 * and isolates and the zero-width spaces and joiners that Apple and Outlook contacts put
 * around a copied number). Whitespace runs become one space.
 */
export function foldUnicode(raw: string): string {
  return raw.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/\s+/gu, ' ').trim();
}

/** Separators and brackets NFKC keeps that libphonenumber does not know: middle dots, CJK brackets. */
const SEPARATORS: readonly (readonly [RegExp, string])[] = [
  [/[·・•]/gu, ' '],
  [/[【〔〖]/gu, '('],
  [/[】〕〗]/gu, ')'],
];
/**
 * A label before the number: letters (any script), maybe ending in `:` or `.`, as in `Tel: …`,
 * `Tel. …`, `Mobile …`, `手机：…`, `手机13800138000`. Letters are never part of a number.
 */
const LABEL = /^[\p{L}\p{M}][\p{L}\p{M} .'’_-]{0,23}?\s*[:.]?\s*(?=[+(\d])/u;
/** `(+86) 138 …`: a country calling code in brackets. */
const BRACKETED_COUNTRY_CODE = /^\(\s*\+\s*(\d{1,3})\s*\)\s*/;
/** `… (mobile)`, `… (手机)`: a trailing comment in brackets without digits. */
const TRAILING_COMMENT = /\s*\([^()\d]*\)$/;
/**
 * After the last digit: sentence punctuation, a DTMF `#`, words (`… mobile`, an `x` or `转`
 * with no extension after it). Nothing here contains a digit.
 */
const TRAILING_NOISE = /(?<=[\d)])[\s,;.、。#\p{L}\p{M}'’_-]+$/u;
/**
 * Extension markers libphonenumber does not know, rewritten to ` ext. `: the Chinese
 * `转`/`轉` ("transfer to"), `分机`/`分機`(`号`) ("extension"), `内线` ("internal line"), with
 * an optional dash or colon; a dialling pause or wait (`,` `;` as iOS and Android contacts
 * store them, `p` `w` in dial strings) followed only by digits.
 */
const EXTENSION_MARKERS: readonly RegExp[] = [
  /\s*[-‐–—]?\s*(?:转|轉|分机号?|分機號?|内线|內線)\s*[:：]?\s*(?=\d)/u,
  /\s*[,;]+\s*(?=\d+$)/,
  /(?<=\d)\s*[pw]+\s*(?=\d+$)/i,
];
/** `… (ext. 8001)`, `…（转8001）`: an extension in brackets (after the markers above). */
const BRACKETED_EXTENSION = /\s*\(\s*((?:ext\.?|extension|x|#)\s*\d+)\s*\)$/i;

/** The number's text with labels, comments and unknown separators and extension markers removed or rewritten. */
export function stripDecorations(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SEPARATORS) out = out.replace(pattern, replacement);
  out = out.replace(LABEL, '').replace(BRACKETED_COUNTRY_CODE, '+$1 ').replace(TRAILING_COMMENT, '').replace(TRAILING_NOISE, '');
  for (const marker of EXTENSION_MARKERS) out = out.replace(marker, ' ext. ');
  return out.replace(BRACKETED_EXTENSION, ' $1').trim();
}
