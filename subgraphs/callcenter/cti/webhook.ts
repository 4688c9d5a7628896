/**
 * `POST /webhooks/cti`: verify the signature, read the payload, store the events durably,
 * answer 202, apply them right after (the pipeline). Refusals are JSON `{ code, reason,
 * message }`: 401 bad/missing signature or stale timestamp, 400 unreadable body, 413 too
 * large, 503 when the events could not be stored (the sender should retry).
 */
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../../schema/errors.js';
import { sendJson, type Route } from '../../shared/http.js';
import type { CallEventPipeline } from '../events/pipeline.js';
import { parsePayload } from './payload.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyCtiSignature } from './signature.js';

export const CTI_WEBHOOK_PATH = '/webhooks/cti';
/** Largest accepted webhook body. */
export const CTI_MAX_BODY_BYTES = 512 * 1024;

export interface CtiWebhookOptions {
  secrets: readonly string[];
  toleranceSeconds: number;
  pipeline: CallEventPipeline;
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, reason: string, message: string): void {
  sendJson(res, status, { code, reason, message });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

export function ctiWebhookRoute(options: CtiWebhookOptions): Route {
  return async (req, res, body) => {
    if (body.length > CTI_MAX_BODY_BYTES) {
      refuse(res, 413, 'BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE', `The body is larger than ${CTI_MAX_BODY_BYTES} bytes; send fewer events per request.`);
      return;
    }
    const check = verifyCtiSignature({
      secrets: options.secrets,
      timestamp: header(req.headers[TIMESTAMP_HEADER]),
      signature: header(req.headers[SIGNATURE_HEADER]),
      body,
      toleranceSeconds: options.toleranceSeconds,
    });
    if (!check.ok) {
      refuse(res, 401, 'UNAUTHENTICATED', check.reason, check.message);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      refuse(res, 400, 'BAD_USER_INPUT', 'INVALID_JSON', 'The body is not valid JSON.');
      return;
    }
    const payload = parsePayload(json);
    if (!payload) {
      refuse(res, 400, 'BAD_USER_INPUT', 'NOT_A_PAYLOAD', 'Expected an event object, an array of events or { "events": [...] } with at most 1000 events.');
      return;
    }
    let result: { accepted: number; duplicates: number };
    try {
      result = await options.pipeline.accept(payload.events);
    } catch (error) {
      console.error('cti: storing webhook events failed', error);
      refuse(res, 503, 'INTERNAL_SERVER_ERROR', 'STORE_UNAVAILABLE', 'The events could not be stored; retry later.');
      return;
    }
    sendJson(res, 202, { ...result, ignored: payload.ignored });
  };
}
