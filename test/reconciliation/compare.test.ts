/**
 * The reasons the stack test cannot easily provoke (a row still pending, a refused row, a
 * shared number, a call loaded before the outbox existed), on the comparison rule itself.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { compare, countCalls, type CallPart } from '../../gateway/reconciliation/compare.js';

const row = (status: string, outcome: string | null, customerId: string | null = 'cus_1') => ({ status, outcome, customerId, resultRef: null });

describe('reconciliation rule', () => {
  test('pending, rejected, ambiguous and row-less calls get their reasons; the rate counts expected calls only', () => {
    const calls: CallPart[] = [
      { callId: 'c_pending', callLog: row('PENDING', null, null), callback: null },
      { callId: 'c_rejected', callLog: row('FAILED', 'REJECTED'), callback: null },
      { callId: 'c_shared', callLog: row('DONE', 'AMBIGUOUS', null), callback: null },
      { callId: 'c_callback_pending', callLog: row('DONE', 'LOGGED'), callback: row('PENDING', null) },
      { callId: 'c_no_consent', callLog: row('DONE', 'LOGGED'), callback: row('DONE', 'NO_CONSENT') },
      { callId: 'c_seeded_one_log', callLog: null, callback: null },
      { callId: 'c_seeded_no_log', callLog: null, callback: null },
    ];
    const activities = new Map([
      ['c_callback_pending', ['act_1']],
      ['c_no_consent', ['act_2']],
      ['c_seeded_one_log', ['act_3']],
    ]);
    const result = compare(calls, activities, new Map());
    assert.deepEqual(
      result.differences.map((d) => [d.callId, d.reason]),
      [
        ['c_pending', 'OUTBOX_PENDING'],
        ['c_rejected', 'REJECTED'],
        ['c_shared', 'AMBIGUOUS'],
        ['c_callback_pending', 'OUTBOX_PENDING'],
        ['c_seeded_no_log', 'OUTBOX_PENDING'],
      ],
    );
    assert.deepEqual(countCalls(calls), { callsEnded: 7, expectedCallLogs: 6 });
    assert.equal(result.agreeing, 2, 'c_no_consent and c_seeded_one_log');
    assert.equal(result.agreementRate, 2 / 6);
  });

  test('nothing expected is full agreement', () => {
    assert.equal(compare([], new Map(), new Map()).agreementRate, 1);
  });
});
