/**
 * The `twilio` scheme, as Twilio documents request validation
 * (https://www.twilio.com/docs/usage/security#validating-requests): `X-Twilio-Signature` is
 * base64(HMAC-SHA1(auth token, URL + each POST parameter's name and value, sorted by name,
 * concatenated without separators)). The URL is the one Twilio called, query string included:
 * rebuilt from `X-Forwarded-Proto`/`X-Forwarded-Host` (behind a proxy) or the Host header,
 * tried with and without an explicit port as Twilio's own helper libraries do. The auth token
 * is one of `CTI_WEBHOOK_SECRETS`. Twilio signs no timestamp: there is no replay window.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CredentialCheck } from './credentials.js';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/** base64 HMAC-SHA1 of `url` followed by the sorted parameters, keyed with `authToken`. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/** The URLs Twilio may have signed for this request: as received, and with the default port added or removed. */
export function candidateUrls(req: IncomingMessage): string[] {
  const proto = first(req.headers['x-forwarded-proto']) ?? 'http';
  const host = first(req.headers['x-forwarded-host']) ?? req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `${proto}://${host}`);
  const asSent = `${proto}://${host}${req.url ?? '/'}`;
  const variants = new Set([asSent]);
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  if (url.port === '') variants.add(`${url.protocol}//${url.hostname}:${defaultPort}${url.pathname}${url.search}`);
  else if (url.port === defaultPort) variants.add(`${url.protocol}//${url.hostname}${url.pathname}${url.search}`);
  return [...variants];
}

/** Accepts when `signature` matches the form `params` posted to one of `urls` under one of `secrets` (auth tokens). */
export function verifyTwilio(
  secrets: readonly string[],
  signature: string,
  urls: readonly string[],
  params: Record<string, string> | null,
): CredentialCheck {
  if (params === null) {
    return { ok: false, reason: 'BAD_SIGNATURE', message: 'X-Twilio-Signature is only accepted on application/x-www-form-urlencoded callbacks.' };
  }
  const given = Buffer.from(signature.trim(), 'base64');
  let matched = false;
  for (const secret of secrets) {
    for (const url of urls) {
      const expected = Buffer.from(twilioSignature(secret, url, params), 'base64');
      matched = (expected.length === given.length && timingSafeEqual(expected, given)) || matched;
    }
  }
  return matched ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE', message: 'X-Twilio-Signature does not match the URL and parameters with any configured auth token.' };
}
