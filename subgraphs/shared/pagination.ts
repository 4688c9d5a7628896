/**
 * Cursor pagination shared by every connection field. Cursors are opaque to clients:
 * base64url of the sort position of the last row on the page. A cursor from one list is
 * refused by another (`kind`), and anything malformed is a `BAD_USER_INPUT` error.
 */
import { badUserInput } from '../../schema/errors.js';

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

export function encodeCursor(kind: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([kind, position.key, position.id])).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
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
 * tells whether there is a next page).
 */
export function toPage<T>(kind: string, rows: T[], first: number, totalCount: number, positionOf: (row: T) => CursorPosition): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last === undefined ? null : encodeCursor(kind, positionOf(last)),
    },
  };
}
