/**
 * Reads a webhook body by its `Content-Type`:
 * - JSON (`application/json`, `…+json`, or no type): a leading UTF-8 byte-order mark is
 *   dropped (RFC 8259 §8.1 lets a parser ignore it; some senders add one), and integers
 *   beyond ±2^53 are kept as their exact digits (a string) instead of being rounded to
 *   the nearest double — vendor ids sent as JSON numbers stay distinct.
 * - `application/x-www-form-urlencoded` (Twilio): one flat item of string values.
 * Anything else is refused with the media type named.
 */
import { isInteger, isSafeNumber, parse } from 'lossless-json';
import type { BodyKind } from './adapter.js';

export type ReadBody =
  | { ok: true; kind: BodyKind; value: unknown }
  | { ok: false; status: 400 | 415; reason: 'INVALID_JSON' | 'UNSUPPORTED_MEDIA_TYPE'; message: string };

const BOM = '\uFEFF';

/** JSON numbers: safe ones as numbers, unsafe integers as their exact digit string, other unsafe numbers (long fractions) as the nearest double. */
function parseNumber(text: string): number | string {
  if (isSafeNumber(text)) return Number(text);
  return isInteger(text) ? text : Number(text);
}

/** Parses JSON text as described above; throws `SyntaxError` when it is not JSON. */
export function parseJsonLossless(text: string): unknown {
  const stripped = text.startsWith(BOM) ? text.slice(1) : text;
  return parse(stripped, undefined, parseNumber);
}

/** The media type without parameters, lower-case (`application/json; charset=utf-8` → `application/json`). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads `body` by `contentType` (see the module comment); never throws. */
export function readWebhookBody(contentType: string | undefined, body: Buffer): ReadBody {
  const type = mediaType(contentType);
  if (type === 'application/x-www-form-urlencoded') {
    const text = body.toString('utf8').replace(/^\uFEFF/, '');
    return { ok: true, kind: 'form', value: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type === '' || type === 'application/json' || type.endsWith('+json') || type === 'text/json') {
    try {
      return { ok: true, kind: 'json', value: parseJsonLossless(body.toString('utf8')) };
    } catch (error) {
      const detail = error instanceof Error ? `: ${error.message}` : '';
      return { ok: false, status: 400, reason: 'INVALID_JSON', message: `The body is not valid JSON${detail}.` };
    }
  }
  return {
    ok: false,
    status: 415,
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    message: `Content-Type ${JSON.stringify(type)} is not supported: send application/json (or application/x-www-form-urlencoded for Twilio callbacks).`,
  };
}
