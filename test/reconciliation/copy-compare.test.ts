/**
 * The rules of a synced copy's reconciliation (`subgraphs/shared/sync/reconcile.ts`,
 * docs/reporting.md "Synced copies") on hand-made records: each reason, lag told from loss by
 * the last complete pass, the rate over the records of either side, and the range checks.
 * The adapters' own listing runs against real RT (test/tickets/rt-sync.test.ts) and HubSpot's
 * contract (test/crm/hubspot-sync-job.test.ts, hubspot-sync.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { comparable, compareCopy, type CopyRecord } from '../../subgraphs/shared/sync/reconcile.js';
import { instantRange } from '../../subgraphs/shared/reporting/time-range.js';

const record = (id: string, changedAt: string | null, fields: Record<string, string | null>): CopyRecord => ({ id, changedAt, fields });

describe('synced copy reconciliation rules', () => {
  const pass = '2026-11-30T12:00:00.000Z';
  const source = [
    record('t1', '2026-11-30T10:00:00.000Z', { status: 'OPEN', priority: 'HIGH' }),
    record('t2', '2026-11-30T10:00:00.000Z', { status: 'OPEN', priority: 'HIGH' }),
    record('t3', '2026-11-30T11:00:00.000Z', { status: 'SOLVED', priority: 'LOW' }),
    record('t4', '2026-11-30T12:00:00.000Z', { status: 'SOLVED', priority: 'LOW' }),
    record('t5', '2026-11-30T13:00:00.000Z', { status: 'OPEN', priority: null }),
    record('t6', '2026-11-30T09:00:00.000Z', { status: 'OPEN', priority: 'NORMAL' }),
  ];
  const copy = [
    record('t1', '2026-11-30T10:00:00.000Z', { status: 'OPEN', priority: 'HIGH' }),
    // t2: lost. t3: a change the copy missed; t4: changed at the pass's start (lag).
    record('t3', '2026-11-30T09:00:00.000Z', { status: 'OPEN', priority: 'LOW' }),
    record('t4', '2026-11-30T09:00:00.000Z', { status: 'OPEN', priority: 'NORMAL' }),
    // t5: created after the pass, not copied yet (missing, pending). t6: agrees, a null field on one side only.
    record('t6', '2026-11-30T09:00:00.000Z', { status: 'OPEN', priority: 'NORMAL', extra: null }),
    record('t9', '2026-11-29T09:00:00.000Z', { status: 'OPEN', priority: 'LOW' }),
  ];

  it('lists each difference with its reason, fields and whether the next pass should close it', () => {
    const result = compareCopy(source, copy, pass);
    assert.deepEqual(
      result.differences.map((d) => [d.recordId, d.reason, d.fields, d.pending]),
      [
        ['t2', 'MISSING_IN_COPY', [], false],
        ['t3', 'FIELDS_DIFFER', ['status'], false],
        ['t4', 'FIELDS_DIFFER', ['status', 'priority'], true],
        ['t5', 'MISSING_IN_COPY', [], true],
        ['t9', 'NOT_IN_SOURCE', [], null],
      ],
    );
    const t3 = result.differences.find((d) => d.recordId === 't3')!;
    assert.deepEqual([t3.sourceChangedAt, t3.copyChangedAt], ['2026-11-30T11:00:00.000Z', '2026-11-30T09:00:00.000Z']);
    // Records on either side: t1-t6 and t9 = 7; agreeing: t1 and t6.
    assert.deepEqual([result.sourceRecords, result.copyRecords, result.agreeing, result.pendingDifferences], [6, 5, 2, 2]);
    assert.equal(result.agreementRate, 2 / 7);
  });

  it('before any complete pass every difference is lag', () => {
    const result = compareCopy(source, copy, null);
    assert.deepEqual(
      result.differences.filter((d) => d.reason !== 'NOT_IN_SOURCE').map((d) => d.pending),
      [true, true, true, true],
    );
    assert.equal(result.pendingDifferences, 4);
  });

  it('agreement is 1 when both sides are empty, and when they are equal', () => {
    assert.deepEqual(compareCopy([], [], pass), { sourceRecords: 0, copyRecords: 0, agreeing: 0, agreementRate: 1, pendingDifferences: 0, differences: [] });
    const equal = compareCopy(source, source, pass);
    assert.deepEqual([equal.agreeing, equal.agreementRate, equal.differences], [6, 1, []]);
  });

  it('compares values as text, empty and missing alike', () => {
    assert.deepEqual([comparable(null), comparable(undefined), comparable(''), comparable('x'), comparable({ name: 'Acme' }), comparable(['a'])], [null, null, null, 'x', '{"name":"Acme"}', '["a"]']);
  });

  it('refuses a range that is not from before to, with BAD_USER_INPUT', () => {
    assert.deepEqual(instantRange('2026-11-30T00:00:00+08:00', '2026-12-01T00:00:00Z'), { from: '2026-11-29T16:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    for (const [from, to] of [
      ['2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'],
      ['2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z'],
      ['yesterday', '2026-12-01T00:00:00Z'],
    ]) {
      assert.throws(() => instantRange(from, to), (error: { extensions?: { code?: string } }) => error.extensions?.code === 'BAD_USER_INPUT');
    }
  });
});
