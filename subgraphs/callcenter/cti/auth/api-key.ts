/**
 * The `api-key` scheme: `X-Switchboard-Api-Key: <one of CTI_WEBHOOK_SECRETS>`, compared in
 * constant time. This is what an Amazon EventBridge API destination can send: its
 * connection's "API key" authorization adds one fixed header to every delivery and cannot
 * compute an HMAC over the body (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html).
 * It has no replay protection beyond TLS; Amazon Connect and Genesys Cloud events come this way.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CredentialCheck } from './credentials.js';

export const API_KEY_HEADER = 'x-switchboard-api-key';

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Accepts when `key` equals one of `secrets`. */
export function verifyApiKey(secrets: readonly string[], key: string): CredentialCheck {
  let matched = false;
  for (const secret of secrets) matched = sameSecret(key.trim(), secret) || matched;
  return matched ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE', message: `${API_KEY_HEADER} matches no configured secret.` };
}
