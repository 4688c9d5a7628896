/**
 * The one reading of an HTTP request target (RFC 9112 §3.2) that every server here uses for
 * both its access decision and its routing: `parseRequestTarget` is called once per request
 * (and per WebSocket upgrade), and everything after it looks only at the result.
 *
 * Accepted:
 * - origin-form `/path?query` (what clients send);
 * - absolute-form `http://host[:port]/path?query` (what proxies send) when its authority is
 *   the request's `Host` (another host is refused: this server is no proxy).
 *
 * Refused (`ok: false`, answered with HTTP 400), rather than guessed at:
 * - asterisk-form `*`, authority-form `host:port`, a fragment, an empty target;
 * - a path that is not canonical: `//` (empty segment), `.` or `..` segments, a backslash,
 *   any percent-encoding (`%2Fgraphql`, `%67raphql`: no route here has a reserved or
 *   non-ASCII character, so an encoded path is only ever a way around a check), control
 *   characters.
 *
 * A well-formed path that names no route (`/graphql/`, `/GraphQL`) is read as it is: it
 * matches no route and gets the server's default (401 without credentials, else 404).
 */
import type { IncomingMessage } from 'node:http';

export interface RequestTarget {
  /** The canonical path, for example `/graphql`: what routes are matched and access decided on. */
  path: string;
  /** The query string with its `?`, or `''`. */
  search: string;
}

export type RequestTargetReading = ({ ok: true } & RequestTarget) | { ok: false; reason: string };

/** One path segment: unreserved characters and the sub-delimiters RFC 3986 allows, no `%`. */
const SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;

function refuse(reason: string): RequestTargetReading {
  return { ok: false, reason };
}

/** Checks that `path` is canonical (see the module comment); the reason when it is not. */
function pathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'the path must start with "/"';
  if (path === '/') return null;
  if (path.includes('%')) return 'percent-encoded paths are not accepted';
  if (path.includes('\\')) return 'backslashes are not accepted in the path';
  const segments = path.slice(1).split('/');
  for (const [index, segment] of segments.entries()) {
    // A trailing slash leaves an empty last segment: well-formed, it simply names no route.
    if (segment === '' && index === segments.length - 1) continue;
    if (segment === '') return 'empty path segments ("//") are not accepted';
    if (segment === '.' || segment === '..') return 'dot segments are not accepted';
    if (!SEGMENT.test(segment)) return 'the path contains characters that are not accepted';
  }
  return null;
}

function splitQuery(target: string): { path: string; search: string } {
  const index = target.indexOf('?');
  return index === -1 ? { path: target, search: '' } : { path: target.slice(0, index), search: target.slice(index) };
}

/**
 * Reads the request target of `req` (`req.url` as the client sent it, `req.headers.host`).
 * Never throws; a refusal carries a reason for the client.
 */
export function parseRequestTarget(req: Pick<IncomingMessage, 'url' | 'headers'>): RequestTargetReading {
  const raw = req.url ?? '';
  if (raw === '') return refuse('the request target is empty');
  if (raw.includes('#')) return refuse('a request target carries no fragment');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(raw)) return refuse('the request target contains control characters or spaces');
  let origin: string;
  if (raw.startsWith('/')) {
    origin = raw;
  } else if (/^https?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return refuse('the absolute-form request target is not a valid URL');
    }
    if (url.username || url.password) return refuse('the request target carries credentials');
    const host = (Array.isArray(req.headers.host) ? req.headers.host[0] : req.headers.host)?.toLowerCase();
    if (!host || host !== url.host.toLowerCase()) return refuse(`the request names another host (${url.host}) than this server's Host header`);
    // The path exactly as sent (new URL() would resolve dots and re-encode), so it is checked like an origin-form one.
    const afterAuthority = raw.slice(raw.indexOf('//') + 2);
    const slash = afterAuthority.search(/[/?]/);
    origin = slash === -1 ? '/' : afterAuthority.slice(slash);
    if (origin.startsWith('?')) origin = `/${origin}`;
  } else if (raw === '*') {
    return refuse('asterisk-form (OPTIONS *) is not served');
  } else {
    return refuse('only origin-form ("/graphql") and absolute-form request targets are served');
  }
  const { path, search } = splitQuery(origin);
  const problem = pathProblem(path);
  if (problem) return refuse(problem);
  return { ok: true, path, search };
}
