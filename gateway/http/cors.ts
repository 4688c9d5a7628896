/**
 * Cross-origin access to the gateway from browser pages served elsewhere (Fetch standard,
 * "CORS protocol"). One allowlist of origins (`SWITCHBOARD_CORS_ORIGINS`) serves HTTP and the
 * WebSocket upgrade alike:
 * - a request without `Origin` (curl, servers, other services) is not a browser's: allowed;
 * - a request whose `Origin` is the gateway's own host (the development IDE) is same-origin: allowed;
 * - any other `Origin` must be in the list exactly (`scheme://host[:port]`), else the request
 *   is refused with HTTP 403 and nothing runs.
 * Preflights (`OPTIONS` with `Access-Control-Request-Method`) are answered here with 204 and the
 * methods and headers a GraphQL client sends; every response carries `Vary: Origin`. No
 * credentials mode: tokens travel in `Authorization` / `X-API-Key`, never in cookies.
 * Apollo Server's CSRF prevention stays on behind this (it refuses "simple" requests).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../subgraphs/shared/http.js';

/** Methods a cross-origin page may use. */
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'OPTIONS'] as const;
/** Request headers a cross-origin page may send (lower case). */
export const CORS_ALLOWED_HEADERS = ['authorization', 'x-api-key', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;
/** How long (seconds) a browser may cache a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * Reads an allowlist: comma-separated origins, each `http(s)://host[:port]` without a path.
 * Throws naming the first malformed entry (a configuration error stops the process).
 */
export function parseOrigins(value: string, variable = 'SWITCHBOARD_CORS_ORIGINS'): string[] {
  const origins: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim()).filter((e) => e.length > 0)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`${variable}: ${JSON.stringify(entry)} is not an origin (expected scheme://host[:port]).`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.replace(/\/$/, '')) {
      throw new Error(`${variable}: ${JSON.stringify(entry)} is not an origin (expected scheme://host[:port], no path).`);
    }
    origins.push(url.origin);
  }
  return origins;
}

export type OriginVerdict = 'none' | 'same-origin' | 'allowed' | 'refused';

export class CorsPolicy {
  private readonly allowed: ReadonlySet<string>;

  /** `origins`: the allowlist as read by `parseOrigins` (empty: only same-origin and non-browser clients). */
  constructor(origins: readonly string[]) {
    this.allowed = new Set(origins);
  }

  /** What `origin` (the request's `Origin` header) is for a request that reached `host` (its `Host` header). */
  judge(origin: string | undefined, host: string | undefined): OriginVerdict {
    if (origin === undefined || origin === '') return 'none';
    if (this.allowed.has(origin)) return 'allowed';
    try {
      if (host && new URL(origin).host === host) return 'same-origin';
    } catch {
      // "null" (sandboxed frames, file: pages) and garbage: not an allowed origin.
    }
    return 'refused';
  }

  /**
   * Applies the policy to one HTTP request. Returns true when it answered the request itself
   * (a preflight, or a refusal); false when the request goes on, with the CORS response
   * headers already set on `res`.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = header(req.headers.origin);
    const verdict = this.judge(origin, header(req.headers.host));
    res.setHeader('Vary', 'Origin');
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (verdict === 'refused') {
      sendJson(res, 403, {
        errors: [
          {
            message: `Origin ${JSON.stringify(origin)} may not call this gateway; allowed origins are set in SWITCHBOARD_CORS_ORIGINS.`,
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return true;
    }
    if (verdict === 'allowed') res.setHeader('Access-Control-Allow-Origin', origin!);
    if (preflight || req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS.join(', '));
      res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS.join(', '));
      res.setHeader('Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS));
      res.setHeader('Allow', CORS_ALLOWED_METHODS.join(', '));
      res.writeHead(204);
      res.end();
      return true;
    }
    return false;
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
