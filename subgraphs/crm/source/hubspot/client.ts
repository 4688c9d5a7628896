/**
 * HubSpot's HTTP API as the adapter uses it: bearer token (a private app's access token, from
 * the environment or a file re-read whenever it changes, so a rotated token is taken without
 * a restart; a 401 re-reads it once), a timeout per request, and 429 / 5xx retried after
 * `Retry-After` seconds (or an exponential backoff without one), at most `maxRetries` times.
 * Failures are GraphQL errors: 404 → `NOT_FOUND`, 400 → `BAD_USER_INPUT`, anything else after
 * the retries → `SUBGRAPH_UNAVAILABLE` with `extensions.reason` (`HUBSPOT_RATE_LIMITED`,
 * `HUBSPOT_UNAUTHORIZED`, `HUBSPOT_UNAVAILABLE`).
 */
import { readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { switchboardError } from '../../../../schema/errors.js';
import { loggerFor } from '../../../shared/observability/logger.js';

const log = loggerFor('crm-hubspot');
/** Longest `Retry-After` honoured, in seconds; a longer one fails the request at once. */
const MAX_RETRY_AFTER_SECONDS = 30;

export interface HubSpotClientOptions {
  baseUrl: string;
  token: { value: string } | { file: string };
  maxRetries: number;
  timeoutMs: number;
}

/** A failed HubSpot call, before it becomes a GraphQL error: the HTTP status and HubSpot's message. */
export class HubSpotError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class HubSpotClient {
  private fileToken: { mtimeMs: number; value: string } | null = null;
  /** Requests sent (retries included), for tests and the troubleshooting guide. */
  requests = 0;

  constructor(private readonly options: HubSpotClientOptions) {}

  private token(forceReread = false): string {
    const source = this.options.token;
    if ('value' in source) return source.value;
    const mtimeMs = statSync(source.file).mtimeMs;
    if (forceReread || !this.fileToken || this.fileToken.mtimeMs !== mtimeMs) {
      const value = readFileSync(source.file, 'utf8').trim();
      if (value === '') throw switchboardError('SUBGRAPH_UNAVAILABLE', `CRM_HUBSPOT_TOKEN_FILE ${source.file} is empty.`, { reason: 'HUBSPOT_UNAUTHORIZED' });
      this.fileToken = { mtimeMs, value };
    }
    return this.fileToken.value;
  }

  /** Sends one request (JSON in, JSON out); `query` values that are arrays are sent comma-separated. */
  async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, query: Record<string, string | number | string[]> = {}): Promise<T> {
    const url = new URL(this.options.baseUrl + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    let reread = false;
    for (let attempt = 0; ; attempt += 1) {
      this.requests += 1;
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: { authorization: `Bearer ${this.token(reread)}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        if (attempt < this.options.maxRetries) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw unavailable(`HubSpot did not answer ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`, 'HUBSPOT_UNAVAILABLE');
      }
      if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
      const text = await response.text();
      const message = hubSpotMessage(text) ?? `HTTP ${response.status}`;
      if (response.status === 401 && !reread && 'file' in this.options.token) {
        // A rotated token: read the file again and retry once.
        reread = true;
        continue;
      }
      if ((response.status === 429 || response.status >= 500) && attempt < this.options.maxRetries) {
        const retryAfter = Number(response.headers.get('retry-after'));
        const waitMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) * 1000 : backoffMs(attempt);
        log.warn({ status: response.status, path, waitMs }, 'HubSpot asked to retry');
        await sleep(waitMs);
        continue;
      }
      throw new HubSpotError(response.status, message);
    }
  }
}

const backoffMs = (attempt: number): number => Math.min(250 * 2 ** attempt, 8000);

function hubSpotMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : null;
  } catch {
    return text.trim() === '' ? null : text.slice(0, 200);
  }
}

function unavailable(message: string, reason: string) {
  return switchboardError('SUBGRAPH_UNAVAILABLE', message, { reason });
}

/** The GraphQL error for a `HubSpotError` (404 and 400 only when the caller has not handled them). */
export function asGraphQLError(error: unknown): unknown {
  if (!(error instanceof HubSpotError)) return error;
  if (error.status === 429) return unavailable(`HubSpot's rate limit is used up: ${error.message}`, 'HUBSPOT_RATE_LIMITED');
  if (error.status === 401 || error.status === 403) return unavailable(`HubSpot refused the access token: ${error.message}`, 'HUBSPOT_UNAUTHORIZED');
  if (error.status === 400) return switchboardError('BAD_USER_INPUT', `HubSpot refused the input: ${error.message}`);
  return unavailable(`HubSpot answered ${error.status}: ${error.message}`, 'HUBSPOT_UNAVAILABLE');
}
