/**
 * The last line of defence for log lines: personal data and credentials never reach a log,
 * even when an error message or a field carries them. Code should not log such values in
 * the first place; this masks what slips through, in every string of a log record.
 *
 * Masked (each replaced by a bracketed word):
 * - credentials: JWTs (`eyJ….….…`), `Bearer …` values, Switchboard API keys (`sbk_…`);
 * - PRC resident ID numbers (GB 11643-1999: 17 digits and a check digit or X);
 * - phone numbers: E.164 (`+` and 6-15 digits, ITU-T E.164 §6), any run of 7 or more digits
 *   (ASCII or full-width), and digit groups split by separators as people type them
 *   (`138-0013-8000`, `(010) 6552 9988`). Dates and times (at most 4 digits in a run) stay.
 *
 * Identifiers stay whole: a UUID (RFC 9562 text form, as request ids are) or a run of 16 or more
 * hex digits with at least one letter (W3C trace and span ids, hashes) is not searched, so a
 * request id such as `43331062-8e2a-…` keeps its digits and can still be found in the log.
 */
const PATTERNS: [RegExp, string][] = [
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, '[token]'],
  [/\bBearer\s+\S+/gi, 'Bearer [token]'],
  [/\bsbk_[\w-]+/g, '[api-key]'],
  [/\b\d{17}[\dXx]\b/g, '[national-id]'],
  [/\+[\d\uFF10-\uFF19][\d\uFF10-\uFF19 ()\-.]{5,}[\d\uFF10-\uFF19]/g, '[phone]'],
  [/[\d\uFF10-\uFF19]{7,}/g, '[number]'],
  [/(?:\(\d{2,4}\)\s?|\b\d{2,4}[-\s.])\d{3,4}[-\s.]\d{4}\b/g, '[phone]'],
];

/** UUIDs and long hex identifiers (with a letter in them): left as they are. */
const IDENTIFIER = /\b(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[0-9a-f]*[a-f])[0-9a-f]{16,})\b/gi;

function scrubPart(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/** `text` with every credential, national ID and phone number masked; identifiers kept whole. */
export function scrubText(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(IDENTIFIER)) {
    result += scrubPart(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + scrubPart(text.slice(last));
}

/** Keys whose values are never logged, whatever they hold. */
const SECRET_KEYS = /^(authorization|cookie|set-cookie|x-api-key|apikey|api_key|token|password|secret|nationalid|national_id|phone|phones|e164|from|to|email|emails)$/i;

/**
 * A deep copy of `value` with secret keys' values replaced by `[redacted]` and every string
 * scrubbed (see `scrubText`). Errors keep their type, message (scrubbed) and code.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { type: value.name, message: scrubText(value.message), ...(code !== undefined ? { code } : {}), stack: value.stack ? scrubText(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = SECRET_KEYS.test(key) ? '[redacted]' : scrubValue(inner, depth + 1);
  return copy;
}
