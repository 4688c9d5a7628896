/**
 * Cursor pagination shared by every connection field (and the call-event stream). Cursors
 * are opaque to clients and signed: base64url of the list's kind and the sort position of the
 * last row on the page, a dot, and an HMAC-SHA256 tag (128 bits) over both with a key derived
 * from `SWITCHBOARD_INTERNAL_SECRET` (the same on every instance). A cursor from one list is
 * refused by another (`kind`); anything malformed, forged or altered is a `BAD_USER_INPUT`
 * error. Rotating the internal secret invalidates the cursors handed out before.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { badUserInput } from '../../schema/errors.js';
import { secret } from './secrets.js';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first: number;
  /** The decoded position after which the page starts, or null for the first page. */
  after: CursorPosition | null;
}

/** Sort position: the sort key of the row (usually a timestamp) and its id as tie-breaker. */
export interface CursorPosition {
  key: string;
  id: string;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Bytes of the HMAC tag kept in a cursor. */
const TAG_BYTES = 16;
let cursorKey: { secret: string; key: Buffer } | null = null;

/** The cursor-signing key: HMAC of a fixed label under the internal secret (so it is never the secret itself). */
function signingKey(): Buffer {
  const internal = secret('SWITCHBOARD_INTERNAL_SECRET');
  if (cursorKey?.secret !== internal) {
    cursorKey = { secret: internal, key: createHmac('sha256', internal).update('switchboard cursor signing v1').digest() };
  }
  return cursorKey.key;
}

function tag(payload: string): Buffer {
  return createHmac('sha256', signingKey()).update(payload).digest().subarray(0, TAG_BYTES);
}

/** A signed cursor for `position` in the list `kind`. */
export function encodeCursor(kind: string, position: CursorPosition): string {
  const payload = Buffer.from(JSON.stringify([kind, position.key, position.id])).toString('base64url');
  return `${payload}.${tag(payload).toString('base64url')}`;
}

/** The payload of a cursor whose tag verifies, or null. */
function verifiedPayload(cursor: string): string | null {
  const dot = cursor.indexOf('.');
  if (dot <= 0) return null;
  const payload = cursor.slice(0, dot);
  const given = Buffer.from(cursor.slice(dot + 1), 'base64url');
  const expected = tag(payload);
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}

/**
 * The position a cursor of list `kind` names. `BAD_USER_INPUT` (argument `after`) when the
 * cursor is malformed, of another list, or its signature does not verify (forged or altered).
 */
export function decodeCursor(kind: string, cursor: string): CursorPosition {
  const payload = verifiedPayload(cursor);
  if (payload === null) {
    throw badUserInput(`The cursor ${JSON.stringify(cursor)} is not a cursor of this list: it was not issued by this server (malformed, altered or forged).`, { argumentName: 'after' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== kind ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string'
  ) {
    throw badUserInput(`The cursor ${JSON.stringify(cursor)} is not a cursor of this list.`, { argumentName: 'after' });
  }
  return { key: parsed[1], id: parsed[2] };
}

/** Validates `first` and decodes `after`; the one place page arguments are checked. */
export function pageArgs(kind: string, first: number | null | undefined, after: string | null | undefined, defaultFirst = 10): PageArgs {
  const size = first ?? defaultFirst;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${size}.`, { argumentName: 'first' });
  }
  return { first: size, after: after == null ? null : decodeCursor(kind, after) };
}

/**
 * Builds a page from up to `first + 1` rows fetched in sort order (the extra row only
 * tells whether there is a next page). `pageInfo.endCursor` is signed when it is first read
 * (then kept): a list of customers with their nested pages asks for few cursors, and an
 * HMAC per page (about 10 µs) on every nested page was work nobody asked for.
 */
export function toPage<T>(kind: string, rows: T[], first: number, totalCount: number, positionOf: (row: T) => CursorPosition): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  let endCursor: string | null | undefined;
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      get endCursor() {
        endCursor ??= last === undefined ? null : encodeCursor(kind, positionOf(last));
        return endCursor;
      },
    },
  };
}
