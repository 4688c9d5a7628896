/**
 * The `basic` scheme: `Authorization: Basic base64(user:password)` with the password one of
 * `CTI_WEBHOOK_SECRETS` (any user name). Tencent Cloud Contact Center's data push offers
 * "basicAuth" (or none, or OAuth 2.0 client credentials) and nothing that signs the body:
 * https://cloud.tencent.com/document/product/679/67256 ("关于鉴权").
 */
import type { CredentialCheck } from './credentials.js';
import { sameSecret } from './api-key.js';

/** Accepts when the Basic password equals one of `secrets`. */
export function verifyBasic(secrets: readonly string[], authorization: string): CredentialCheck {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization);
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'BAD_SIGNATURE', message: 'Authorization: Basic must carry base64("user:password").' };
  const password = decoded.slice(colon + 1);
  let matched = false;
  for (const secret of secrets) matched = sameSecret(password, secret) || matched;
  return matched ? { ok: true } : { ok: false, reason: 'BAD_SIGNATURE', message: 'The Basic password matches no configured secret.' };
}
