/**
 * Sends one delivery: POST of the stored JSON body with the Standard Webhooks headers
 * (https://www.standardwebhooks.com, `webhook-id`, `webhook-timestamp` in seconds,
 * `webhook-signature` = `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the
 * endpoint's `whsec_` secret; signed by the `standardwebhooks` package). A 2xx answer is
 * success; anything else, a redirect, a timeout or a refused connection is a failure with
 * its reason. Never throws.
 */
import { Webhook } from 'standardwebhooks';

export interface SendResult {
  ok: boolean;
  /** The receiver's HTTP status; null when it did not answer. */
  statusCode: number | null;
  /** Why it failed (null on success). */
  error: string | null;
}

/** The headers of one attempt, signed for `now` (a new timestamp and signature per attempt). */
export function signedHeaders(secret: string, id: string, body: string, now: Date): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Switchboard-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, now, body),
  };
}

export async function sendDelivery(url: string, secret: string, id: string, body: string, timeoutMs: number, now = new Date()): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: signedHeaders(secret, id, body, now),
      body,
      // A redirect is a failure: the registered URL is the one we sign for.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not needed; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, error: null };
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    const reason = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.cause?.message ?? err.message);
    return { ok: false, statusCode: null, error: reason };
  }
}
