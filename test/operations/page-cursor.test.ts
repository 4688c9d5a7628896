/**
 * A page's end cursor is signed when it is read, once, and is the cursor that continues the
 * list; a page nobody asks the cursor of signs nothing (a list of 50 customers has 150 nested
 * pages whose cursors the gateway does not ask for).
 */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { decodeCursor, toPage, type CursorPosition } from '../../subgraphs/shared/pagination.js';

const rows = [
  { id: 'ord_3', at: '2026-11-03T00:00:00.000Z' },
  { id: 'ord_2', at: '2026-11-02T00:00:00.000Z' },
  { id: 'ord_1', at: '2026-11-01T00:00:00.000Z' },
];

test('the end cursor is signed on first read only, and names the last row shown', () => {
  const asked: string[] = [];
  const positionOf = (row: (typeof rows)[number]): CursorPosition => {
    asked.push(row.id);
    return { key: row.at, id: row.id };
  };
  const page = toPage('orders', rows, 2, 3, positionOf);
  assert.deepEqual(page.nodes.map((r) => r.id), ['ord_3', 'ord_2']);
  assert.equal(page.pageInfo.hasNextPage, true);
  assert.deepEqual(asked, [], 'nothing signed before the cursor is read');
  const cursor = page.pageInfo.endCursor;
  assert.equal(page.pageInfo.endCursor, cursor);
  assert.deepEqual(asked, ['ord_2'], 'signed once, for the last row on the page');
  assert.deepEqual(decodeCursor('orders', cursor!), { key: '2026-11-02T00:00:00.000Z', id: 'ord_2' });
});

test('an empty page has no end cursor', () => {
  const page = toPage('orders', [], 10, 0, () => assert.fail('no row to position'));
  assert.equal(page.pageInfo.endCursor, null);
  assert.equal(page.pageInfo.hasNextPage, false);
});
