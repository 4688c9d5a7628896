/**
 * Records created at run time (notes, status changes, tickets, leads, change events, bot
 * hand-offs, audit events, webhook endpoints) get ids that sort in creation order
 * (subgraphs/shared/time-ordered-id.ts), so lists paged by time and then id keep two
 * records of the same millisecond in the order they were made.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { timeOrderedId } from '../../subgraphs/shared/time-ordered-id.js';

describe('time-ordered ids', () => {
  test('many in one millisecond: unique, each greater than the one before, prefix and 32 hex digits', () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 5000 }, () => timeOrderedId('csc', now));
    for (const id of ids) assert.match(id, /^csc_[0-9a-f]{32}$/);
    for (let i = 1; i < ids.length; i += 1) assert.ok(ids[i]! > ids[i - 1]!, `${ids[i]} after ${ids[i - 1]}`);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids[0]!.slice(4, 16), now.toString(16).padStart(12, '0'), 'the time comes first');
  });

  test('a clock that steps back does not make an id sort before an earlier one', () => {
    const later = timeOrderedId('act', Date.now() + 120_000);
    const afterStepBack = timeOrderedId('act', Date.now());
    assert.ok(afterStepBack > later);
  });

  test('more than 65,536 ids in one millisecond go on increasing', () => {
    const now = Date.now() + 180_000;
    let previous = timeOrderedId('tkt', now);
    for (let i = 0; i < 70_000; i += 1) {
      const id = timeOrderedId('tkt', now);
      assert.ok(id > previous);
      previous = id;
    }
  });
});
