/**
 * Sends one delivery: POST of the stored JSON body with the Standard Webhooks headers
 * (https://www.standardwebhooks.com, `webhook-id`, `webhook-timestamp` in seconds,
 * `webhook-signature` = `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under each of the
 * endpoint's `whsec_` secrets, space-separated — two during a secret rotation; signed by the
 * `standardwebhooks` package). A 2xx answer is success; anything else, a redirect, a timeout,
 * a refused connection or a destination the address policy refuses (checked on the address
 * the connection uses, `subgraphs/shared/address-policy.ts`) is a failure with its reason.
 * Never throws.
 */
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Agent, fetch } from 'undici';
import { guardedLookup, refusalOf, type AddressPolicy } from '../../subgraphs/shared/address-policy.js';

export interface SendResult {
  ok: boolean;
  /** The receiver's HTTP status; null when it did not answer. */
  statusCode: number | null;
  /** Why it failed (null on success). */
  error: string | null;
}

/** The headers of one attempt, signed for `now` under each of `secrets` (a new timestamp and signature per attempt). */
export function signedHeaders(secrets: readonly string[], id: string, body: string, now: Date): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Switchboard-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(id, now, body)).join(' '),
  };
}

/** Sends deliveries within an address policy, over one connection pool. */
export class WebhookSender {
  private readonly agent: Agent;

  constructor(
    private readonly policy: AddressPolicy,
    private readonly timeoutMs: number,
  ) {
    // Every name is resolved through the policy, so no connection reaches a refused address.
    this.agent = new Agent({ connect: { lookup: guardedLookup(policy) } });
  }

  /** POSTs `body` to `url` signed with `secrets`; resolves with the outcome, never rejects. */
  async send(url: string, secrets: readonly string[], id: string, body: string, now = new Date()): Promise<SendResult> {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    // A literal address is never looked up: check it here.
    const refusal = isIP(host) !== 0 ? refusalOf(host, this.policy) : null;
    if (refusal) return { ok: false, statusCode: null, error: `destination refused: ${refusal}` };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: signedHeaders(secrets, id, body, now),
        body,
        // A redirect is a failure: the registered URL is the one we sign for (and checked).
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        dispatcher: this.agent,
      });
      // The answer's body is not needed; dropping it frees the connection.
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, error: null };
      return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      const err = error as Error & { cause?: { code?: string; message?: string } };
      if (err.cause?.code === 'EDESTINATIONREFUSED') return { ok: false, statusCode: null, error: `destination refused: ${err.cause.message}` };
      const reason = err.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : (err.cause?.code ?? err.cause?.message ?? err.message);
      return { ok: false, statusCode: null, error: reason };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
