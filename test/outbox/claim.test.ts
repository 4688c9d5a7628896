/**
 * The outbox store on both dialects: one row per (kind, call) however often a call is
 * queued, the callback rule, and claims — two dispatchers claiming at the same time never
 * hold the same row, a lease that ran out can be taken over, and a dispatcher that lost its
 * lease cannot complete the row.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { SqlOutboxStore } from '../../subgraphs/callcenter/outbox/sql-outbox-store.js';
import { retryDelayMs } from '../../subgraphs/shared/outbox/backoff.js';
import type { OutboxTables } from '../../subgraphs/callcenter/outbox/tables.js';
import type { CtiTables } from '../../subgraphs/callcenter/events/tables.js';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import type { CallRecord } from '../../subgraphs/callcenter/source/records.js';
import type { SqlCallCenterStore } from '../../subgraphs/callcenter/source/sql-store.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { skipNote } from '../support/skip.js';

const RULE = { dispositions: ['MISSED', 'ABANDONED'], queues: ['q_support'] };
const CALLS = 60;

function endedCall(i: number, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id: `call_claim${i}`,
    direction: 'INBOUND',
    from: `+86138000${String(10_000 + i)}`,
    to: '+864008123456',
    customerNumber: `+86138000${String(10_000 + i)}`,
    state: 'ENDED',
    queueId: 'q_support',
    agentId: 'agt_001',
    parentCallId: null,
    startedAt: '2026-11-01T09:00:00.000Z',
    answeredAt: '2026-11-01T09:00:10.000Z',
    endedAt: '2026-11-01T09:05:10.000Z',
    waitSeconds: 10,
    talkSeconds: 280,
    holdSeconds: 20,
    wrapUpSeconds: 30,
    disposition: 'ANSWERED',
    recordingRef: `rec_${i}`,
    recordingSeconds: 300,
    ...overrides,
  };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`call-log outbox store (${dialect})`, async () => {
    const skip = dialect === 'postgres' && !(await postgresReachable()) ? POSTGRES_SKIP_REASON : false;
    let temp: TempDatabase;
    let source: SqlCallCenterStore;
    let outbox: SqlOutboxStore;

    beforeAll(async () => {
      if (skip) return;
      temp = dialect === 'sqlite' ? await tempSqlite('outbox') : await tempPostgresSchema('outbox');
      source = await openCallCenterSource(temp.config);
      const calls = Array.from({ length: CALLS }, (_, i) => endedCall(i));
      calls.push(
        endedCall(1000, { disposition: 'MISSED', answeredAt: null, talkSeconds: 0, holdSeconds: 0 }),
        endedCall(1001, { disposition: 'MISSED', answeredAt: null, queueId: 'q_sales' }),
        endedCall(1002, { disposition: 'ABANDONED', direction: 'OUTBOUND' }),
        endedCall(1003, { customerNumber: null, from: null }),
        endedCall(1004, { state: 'CONNECTED', endedAt: null, disposition: null }),
      );
      await source.loadSeed({ agents: [], queues: [], calls });
      outbox = new SqlOutboxStore(source.database);
    });
    afterAll(async () => {
      if (skip) return;
      await source.close();
      await temp.cleanup();
    });

    test.skipIf(skip)(skipNote('queueing a call twice leaves one row per kind; the rule decides the callbacks', skip), async () => {
      const ids = Array.from({ length: CALLS }, (_, i) => `call_claim${i}`).concat(['call_claim1000', 'call_claim1001', 'call_claim1002', 'call_claim1003', 'call_claim1004']);
      const now = new Date().toISOString();
      const [first, second] = await Promise.all([outbox.recordEndedCalls(ids, RULE, now), outbox.recordEndedCalls(ids, RULE, now)]);
      assert.equal(first + second, CALLS + 3 + 1, 'a log for each ended call with a number, one callback');
      assert.equal(await outbox.recordEndedCalls(ids, RULE, now), 0);
      assert.deepEqual((await outbox.rowsOfCall('call_claim1000')).map((r) => r.kind), ['CALLBACK_TICKET', 'CALL_LOG']);
      assert.deepEqual((await outbox.rowsOfCall('call_claim1001')).map((r) => r.kind), ['CALL_LOG'], 'queue outside the rule');
      assert.deepEqual((await outbox.rowsOfCall('call_claim1002')).map((r) => r.kind), ['CALL_LOG'], 'outbound: no callback');
      assert.deepEqual(await outbox.rowsOfCall('call_claim1003'), [], 'no customer-side number');
      assert.deepEqual(await outbox.rowsOfCall('call_claim1004'), [], 'still going on');
      const [log] = await outbox.rowsOfCall('call_claim0');
      assert.deepEqual(
        { duration: log!.payload.durationSeconds, at: log!.payload.endedAt, recording: log!.payload.recordingRef },
        { duration: 300, at: '2026-11-01T09:05:10.000Z', recording: 'rec_0' },
      );
    });

    test.skipIf(skip)(skipNote('two dispatchers claiming at once never hold the same row', skip), async () => {
      const now = new Date().toISOString();
      const lease = new Date(Date.now() + 60_000).toISOString();
      const claimedBy = new Map<string, string>();
      const claimer = async (owner: string) => {
        for (;;) {
          const rows = await outbox.claim(owner, now, lease, 7);
          if (rows.length === 0) return;
          for (const row of rows) {
            assert.equal(claimedBy.get(row.id), undefined, `${row.id} claimed twice`);
            claimedBy.set(row.id, owner);
          }
        }
      };
      await Promise.all([claimer('a'), claimer('b'), claimer('c')]);
      assert.equal(claimedBy.size, CALLS + 4);
      assert.deepEqual(await outbox.claim('d', now, lease, 100), [], 'nothing left while the leases hold');
    });

    test.skipIf(skip)(skipNote('an expired lease is taken over; the old holder can no longer complete the row', skip), async () => {
      const later = new Date(Date.now() + 120_000).toISOString();
      const [row] = (await outbox.claim('e', later, new Date(Date.now() + 180_000).toISOString(), 100)).filter((r) => r.callId === 'call_claim0');
      assert.ok(row, 'leases from the previous test ran out by `later`');
      // 'a' is not the holder any more ('e' is), whoever had it before.
      await outbox.complete(row.id, 'a', { outcome: 'LOGGED', customerId: 'cus_x', resultRef: 'act_x' }, later);
      assert.equal((await outbox.rowsOfCall('call_claim0'))[0]!.status, 'PENDING');
      await outbox.retryLater(row.id, 'e', 'CRM down', later, later);
      const counts = await outbox.counts();
      assert.equal(counts.retrying, 1);
      assert.equal(counts.lastError, 'CRM down');
      await outbox.complete(row.id, 'e', { outcome: 'LOGGED', customerId: 'cus_x', resultRef: 'act_x' }, later);
      assert.equal((await outbox.rowsOfCall('call_claim0'))[0]!.status, 'PENDING', 'retryLater released the lease: e no longer holds it');
      const [again] = (await outbox.claim('f', later, new Date(Date.now() + 180_000).toISOString(), 100)).filter((r) => r.callId === 'call_claim0');
      await outbox.complete(again!.id, 'f', { outcome: 'LOGGED', customerId: 'cus_x', resultRef: 'act_x' }, later);
      const [done] = await outbox.rowsOfCall('call_claim0');
      assert.deepEqual([done!.status, done!.outcome, done!.resultRef, done!.attempts], ['DONE', 'LOGGED', 'act_x', 1]);
      assert.equal((await outbox.counts()).lastError, null, 'a done row has no pending error');
    });

    test.skipIf(skip)(skipNote('the reconciliation sweep finds ended calls with recently applied events and no row', skip), async () => {
      const db = source.database.db.withTables<CtiTables>().withTables<OutboxTables>();
      await db.deleteFrom('call_log_outbox').where('call_id', 'in', ['call_claim50', 'call_claim51']).execute();
      const event = (id: string, callId: string, appliedAt: string) => ({
        id, call_id: callId, parent_call_id: null, type: 'ENDED' as const, at: '2026-11-01T09:05:10.000Z', sequence: null, from_number: null, to_number: null,
        direction: null, queue_id: null, agent_id: null, disconnect_reason: null, source: 'internal' as const, raw: '{}', received_at: appliedAt, applied_at: appliedAt,
      });
      const now = new Date().toISOString();
      await db.insertInto('cti_events').values([event('evt_r1', 'call_claim50', now), event('evt_r2', 'call_claim51', '2020-01-01T00:00:00.000Z')]).execute();
      const since = new Date(Date.now() - 3_600_000).toISOString();
      assert.deepEqual(await outbox.endedCallsWithoutRows(since, 100), ['call_claim50'], 'only calls with events in the window');
      assert.equal(await outbox.recordEndedCalls(['call_claim50'], RULE, now), 1);
      assert.deepEqual(await outbox.endedCallsWithoutRows(since, 100), []);
    });
  });
}

test('retry delays grow exponentially with jitter, up to the cap', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 300_000, () => 0)), [500, 1000, 2000, 4000]);
  assert.deepEqual([1, 2, 3].map((n) => retryDelayMs(n, 1000, 300_000, () => 1)), [1000, 2000, 4000]);
  assert.equal(retryDelayMs(40, 1000, 300_000, () => 1), 300_000);
  assert.equal(retryDelayMs(40, 1000, 300_000, () => 0), 150_000);
});
