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

/** `Tel: …`, `Mobile: …`, `手机：…`: a short label ending in a colon, before a number. */
const LABEL = /^[\p{L}\p{M}][\p{L}\p{M} .'_-]{0,23}:\s*(?=[+(\d])/u;
/** A URI scheme is not a label (see uri.ts). */
const URI_SCHEME = /^(?:tel|sips?):/i;
/** `(+86) 138 …`: a country calling code in brackets. */
const BRACKETED_COUNTRY_CODE = /^\(\s*\+\s*(\d{1,3})\s*\)\s*/;
/** `… (mobile)`, `… (手机)`: a trailing comment in brackets without digits. */
const TRAILING_COMMENT = /\s*\([^()\d]*\)$/;
/** Sentence punctuation after the number (`138 0013 8000;`, `…8000。`). */
const TRAILING_PUNCTUATION = /[\s,;.、。]+$/;
/**
 * Extension markers libphonenumber does not know, rewritten to ` ext. `: the Chinese
 * `转`/`轉` ("transfer to"), `分机`/`分機` ("extension"), `内线` ("internal line"), with an
 * optional dash or colon; and a dialling pause (`,` or `;`, as iOS and Android contacts store
 * "pause" and "wait") followed only by digits.
 */
const EXTENSION_MARKERS: readonly RegExp[] = [
  /\s*[-‐–—]?\s*(?:转|轉|分机号?|分機號?|内线|內線)\s*[:：]?\s*(?=\d)/u,
  /\s*[,;]+\s*(?=\d+$)/,
];

/** The number's text with labels, comments and unknown extension markers removed or rewritten. */
export function stripDecorations(text: string): string {
  let out = URI_SCHEME.test(text) ? text : text.replace(LABEL, '');
  out = out.replace(BRACKETED_COUNTRY_CODE, '+$1 ').replace(TRAILING_COMMENT, '').replace(TRAILING_PUNCTUATION, '');
  for (const marker of EXTENSION_MARKERS) out = out.replace(marker, ' ext. ');
  return out.trim();
}
