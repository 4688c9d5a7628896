/**
 * Which credential scheme a webhook request uses, and whether it holds. The scheme is chosen
 * by the header present (one scheme per vendor, see `adapter.ts` `AuthScheme`); every scheme
 * checks against the same list of secrets, `CTI_WEBHOOK_SECRETS` (Switchboard HMAC secrets,
 * EventBridge API keys, Twilio auth tokens, Basic passwords). Refusals are 401 with a reason.
 */
import type { IncomingMessage } from 'node:http';
import type { AuthScheme } from '../adapter.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyCtiSignature, type SignatureRefusal } from '../signature.js';
import { API_KEY_HEADER, verifyApiKey } from './api-key.js';
import { verifyBasic } from './basic.js';
import { TWILIO_SIGNATURE_HEADER, candidateUrls, verifyTwilio } from './twilio.js';

export type CredentialCheck = { ok: true } | { ok: false; reason: SignatureRefusal; message: string };

export interface CredentialInput {
  req: IncomingMessage;
  body: Buffer;
  /** The form parameters when the body was form-encoded (Twilio signs those, not the bytes). */
  form: Record<string, string> | null;
  secrets: readonly string[];
  toleranceSeconds: number;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

/** The scheme the request's headers name, or null when it carries none. */
export function detectScheme(req: IncomingMessage): AuthScheme | null {
  if (req.headers[TWILIO_SIGNATURE_HEADER] !== undefined) return 'twilio';
  if (req.headers[SIGNATURE_HEADER] !== undefined || req.headers[TIMESTAMP_HEADER] !== undefined) return 'switchboard-hmac';
  if (req.headers[API_KEY_HEADER] !== undefined) return 'api-key';
  if (/^Basic\s/i.test(header(req.headers.authorization) ?? '')) return 'basic';
  return null;
}

export const MISSING_CREDENTIALS_MESSAGE =
  `No credentials: sign with ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER}, or send ${API_KEY_HEADER}, ` +
  `${TWILIO_SIGNATURE_HEADER} (Twilio) or Authorization: Basic (Tencent Cloud Contact Center).`;

/** Checks the request's credentials under `scheme` against the configured secrets. */
export function verifyCredentials(scheme: AuthScheme, input: CredentialInput): CredentialCheck {
  const { req, secrets } = input;
  switch (scheme) {
    case 'switchboard-hmac':
      return verifyCtiSignature({
        secrets,
        timestamp: header(req.headers[TIMESTAMP_HEADER]),
        signature: header(req.headers[SIGNATURE_HEADER]),
        body: input.body,
        toleranceSeconds: input.toleranceSeconds,
      });
    case 'api-key':
      return verifyApiKey(secrets, header(req.headers[API_KEY_HEADER]) ?? '');
    case 'twilio':
      return verifyTwilio(secrets, header(req.headers[TWILIO_SIGNATURE_HEADER]) ?? '', candidateUrls(req), input.form);
    case 'basic':
      return verifyBasic(secrets, header(req.headers.authorization) ?? '');
  }
}
