/**
 * `POST /webhooks/cti`, the one endpoint of every vendor: identify the credential scheme,
 * read the body (JSON or form), verify the credentials, map the items with the vendor
 * adapters (`payload.ts`), store the events durably, answer 202, apply them right after (the
 * pipeline). Refusals are JSON `{ code, reason, message }` and counted in
 * `switchboard_cti_webhook_rejections_total{reason}` (`metrics.ts`): 401 credentials, 400
 * unreadable body, 413 too large, 415 media type, 422 a payload (or item) not understood,
 * 503 when the events could not be stored (the sender should retry). Table:
 * docs/cti-webhooks.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../../schema/errors.js';
import { sendJson, type Route } from '../../shared/http.js';
import type { CallEventPipeline } from '../events/pipeline.js';
import { MISSING_CREDENTIALS_MESSAGE, detectScheme, verifyCredentials } from './auth/credentials.js';
import { readWebhookBody } from './body.js';
import { ctiWebhookRejections } from './metrics.js';
import { parsePayload } from './payload.js';
import { loggerFor } from '../../shared/observability/logger.js';

const log = loggerFor('callcenter');

export const CTI_WEBHOOK_PATH = '/webhooks/cti';
/** Largest accepted webhook body. */
export const CTI_MAX_BODY_BYTES = 512 * 1024;

export interface CtiWebhookOptions {
  secrets: readonly string[];
  toleranceSeconds: number;
  pipeline: CallEventPipeline;
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, reason: string, message: string): void {
  if (status < 500) ctiWebhookRejections.inc({ reason });
  sendJson(res, status, { code, reason, message });
}

const tooLargeMessage = `The body is larger than ${CTI_MAX_BODY_BYTES} bytes; send fewer events per request.`;

/** The `POST /webhooks/cti` route (with its over-1-MB answer, `Route.tooLarge`). */
export function ctiWebhookRoute(options: CtiWebhookOptions): Route {
  const route: Route = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (body.length > CTI_MAX_BODY_BYTES) {
      refuse(res, 413, 'BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE', tooLargeMessage);
      return;
    }
    const scheme = detectScheme(req);
    if (scheme === null) {
      refuse(res, 401, 'UNAUTHENTICATED', 'MISSING_SIGNATURE', MISSING_CREDENTIALS_MESSAGE);
      return;
    }
    // Twilio signs the form parameters, everyone else the bytes (or nothing): read first only for Twilio.
    const read = () => readWebhookBody(req.headers['content-type'], body);
    let parsed = scheme === 'twilio' ? read() : null;
    const form = parsed?.ok && parsed.kind === 'form' ? (parsed.value as Record<string, string>) : null;
    const check = verifyCredentials(scheme, { req, body, form, secrets: options.secrets, toleranceSeconds: options.toleranceSeconds });
    if (!check.ok) {
      refuse(res, 401, 'UNAUTHENTICATED', check.reason, check.message);
      return;
    }
    parsed ??= read();
    if (!parsed.ok) {
      refuse(res, parsed.status, 'BAD_USER_INPUT', parsed.reason, parsed.message);
      return;
    }
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const payload = parsePayload(parsed.kind, parsed.value, scheme, { query });
    if (!payload.ok) {
      refuse(res, payload.status, payload.status === 401 ? 'UNAUTHENTICATED' : 'BAD_USER_INPUT', payload.reason, payload.message);
      return;
    }
    let result: { accepted: number; duplicates: number };
    try {
      result = await options.pipeline.accept(payload.events);
    } catch (error) {
      log.error({ err: error }, 'cti: storing webhook events failed');
      refuse(res, 503, 'INTERNAL_SERVER_ERROR', 'STORE_UNAVAILABLE', 'The events could not be stored; retry later.');
      return;
    }
    // Tencent Cloud Contact Center re-pushes unless the answer carries ErrCode 0.
    const tencent = payload.sources.has('tencent-tccc') ? { ErrCode: 0, ErrMsg: 'ok' } : {};
    sendJson(res, 202, { ...result, ignored: payload.ignored, ...tencent });
  };
  // Bodies over the server-wide limit (1 MB) are refused before they are read: same answer shape.
  route.tooLarge = (_req, res) => refuse(res, 413, 'BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE', tooLargeMessage);
  return route;
}
