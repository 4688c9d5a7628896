/**
 * Webhook signatures (docs/cti-webhooks.md): HMAC-SHA256 over `${timestamp}.${rawBody}`
 * with a shared secret, hex, sent as `X-Switchboard-Signature: v1=<hex>` beside
 * `X-Switchboard-Timestamp: <unix seconds>`. Several `v1=` values (comma-separated) and
 * several secrets (rotation) are accepted: any match passes. Constant-time comparison.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-switchboard-timestamp';
export const SIGNATURE_HEADER = 'x-switchboard-signature';
const SCHEME = 'v1=';

export function signCtiPayload(secret: string, timestamp: number, body: string | Buffer): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `${SCHEME}${hmac}`;
}

/** The two headers a sender adds, signed with `secret` at `nowMs`. */
export function ctiSignatureHeaders(secret: string, body: string | Buffer, nowMs = Date.now()): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return { 'X-Switchboard-Timestamp': String(timestamp), 'X-Switchboard-Signature': signCtiPayload(secret, timestamp, body) };
}

/** Why a request was refused with 401 (the `reason` of the answer). */
export type SignatureRefusal = 'MISSING_SIGNATURE' | 'BAD_TIMESTAMP' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' | 'SCHEME_NOT_ACCEPTED';

export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureRefusal; message: string };

export interface SignatureInput {
  secrets: readonly string[];
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
  toleranceSeconds: number;
  nowMs?: number;
}

export function verifyCtiSignature(input: SignatureInput): SignatureCheck {
  if (!input.timestamp || !input.signature) {
    return { ok: false, reason: 'MISSING_SIGNATURE', message: `Both ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required.` };
  }
  if (!/^\d{1,12}$/.test(input.timestamp.trim())) {
    return { ok: false, reason: 'BAD_TIMESTAMP', message: `${TIMESTAMP_HEADER} must be unix seconds.` };
  }
  const timestamp = Number(input.timestamp.trim());
  const skew = Math.abs((input.nowMs ?? Date.now()) / 1000 - timestamp);
  if (skew > input.toleranceSeconds) {
    return { ok: false, reason: 'STALE_TIMESTAMP', message: `The timestamp is more than ${input.toleranceSeconds} seconds away from the server's clock.` };
  }
  const given = input.signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(SCHEME))
    .map((part) => Buffer.from(part.slice(SCHEME.length), 'hex'))
    .filter((bytes) => bytes.length === 32);
  let matched = false;
  for (const secret of input.secrets) {
    const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(input.body).digest();
    for (const candidate of given) matched = timingSafeEqual(expected, candidate) || matched;
  }
  return matched ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE', message: 'The signature does not match the body with any configured secret.' };
}
