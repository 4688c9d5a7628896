/**
 * Retention over a real stack: a dry run reports what is past each kind's period and removes
 * nothing; the run removes exactly that (call events deleted, recording references moved to
 * the recording store's deletion list, audit entries and expired exports deleted), counts it in
 * `switchboard_retention_removed_total`, and leaves the reports' counts as they were. Periods
 * come from the environment; 0 keeps a kind forever.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { startStack, TEST_ANCHOR, type Stack } from '../support/stack.js';
import { storeDb } from './stores.js';
import { retentionPeriods, runRetention } from '../../subgraphs/shared/privacy/retention.js';
import { callCenterRetentionTasks } from '../../subgraphs/callcenter/privacy/retention.js';
import type { CallCenterPrivacyTables } from '../../subgraphs/callcenter/privacy/tables.js';
import { gatewayRetentionTasks } from '../../gateway/privacy/retention.js';
import type { PrivacyTables } from '../../gateway/privacy/tables.js';
import { registry } from '../../subgraphs/shared/observability/metrics.js';

const DAY = 86_400_000;
const RANGE = { from: new Date(Date.parse(TEST_ANCHOR) - 90 * DAY).toISOString(), to: TEST_ANCHOR, timeZone: 'UTC' };
const OFFERED = 'query ($range: TimeRangeInput!) { callCenterMetrics(range: $range) { totals { offered answered abandoned } } }';

async function removedMetric(service: string, kind: string): Promise<number> {
  const metric = await registry.getSingleMetric('switchboard_retention_removed_total')!.get();
  return metric.values.find((v) => v.labels.service === service && v.labels.kind === kind)?.value ?? 0;
}

describe('retention', () => {
  let stack: Stack;
  let calls: Kysely<CallCenterPrivacyTables>;

  beforeAll(async () => {
    stack = await startStack({ customers: 100 });
    calls = storeDb(stack, 'callcenter') as Kysely<CallCenterPrivacyTables>;
    // CTI events as the webhook stores them: two old, one recent.
    const event = (id: string, receivedAt: string) => ({
      id, call_id: 'call_0000001', parent_call_id: null, type: 'OFFERED', at: receivedAt, sequence: null, from_number: '+8613800138000', to_number: '+862161002000',
      direction: 'INBOUND', queue_id: null, agent_id: null, disconnect_reason: null, source: 'internal', raw: '{}', received_at: receivedAt, applied_at: receivedAt,
    });
    await calls.insertInto('cti_events').values([event('ev-old-1', '2026-06-01T00:00:00.000Z'), event('ev-old-2', '2026-07-01T00:00:00.000Z'), event('ev-new', '2026-10-30T00:00:00.000Z')] as never).execute();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('reads periods from the environment, 0 keeping a kind forever, and refuses nonsense', () => {
    assert.deepEqual(retentionPeriods({}), { CALL_EVENTS: 90, RECORDINGS: 180, AUDIT_ENTRIES: 730, CONVERSATIONS: 365 });
    assert.equal(retentionPeriods({ SWITCHBOARD_RETENTION_RECORDINGS_DAYS: '0' }).RECORDINGS, 0);
    assert.throws(() => retentionPeriods({ SWITCHBOARD_RETENTION_AUDIT_DAYS: '-1' }), /SWITCHBOARD_RETENTION_AUDIT_DAYS/);
  });

  it('reports in a dry run, then removes exactly that, counting it, with the reports unchanged', async () => {
    const now = new Date(TEST_ANCHOR);
    const periods = { ...retentionPeriods({}), CALL_EVENTS: 90, RECORDINGS: 15 };
    const cutoff = new Date(now.getTime() - 15 * DAY).toISOString();
    const recorded = (await calls.selectFrom('calls').select(['id', 'recording_ref']).where('recording_ref', 'is not', null).where('started_at', '<', cutoff).execute()).map((c) => c.recording_ref!).sort();
    const kept = await calls.selectFrom('calls').select('id').where('recording_ref', 'is not', null).where('started_at', '>=', cutoff).execute();
    assert.ok(recorded.length > 0 && kept.length > 0);
    const reportsBefore = (await stack.queryAs('supervisor', OFFERED, { range: RANGE })).data;
    const tasks = callCenterRetentionTasks(calls, periods);

    const dry = await runRetention('callcenter', tasks, { dryRun: true, now });
    assert.deepEqual(dry.lines.map((l) => [l.kind, l.count]), [['CALL_EVENTS', 2], ['RECORDINGS', recorded.length]]);
    assert.equal((await calls.selectFrom('cti_events').select('id').execute()).length, 3, 'a dry run removes nothing');

    const metricBefore = await removedMetric('callcenter', 'RECORDINGS');
    const run = await runRetention('callcenter', tasks, { dryRun: false, now });
    assert.deepEqual(run.lines.map((l) => [l.kind, l.count]), [['CALL_EVENTS', 2], ['RECORDINGS', recorded.length]]);
    assert.deepEqual((await calls.selectFrom('cti_events').select('id').execute()).map((e) => e.id), ['ev-new']);
    const flagged = await calls.selectFrom('recording_deletions').select(['ref', 'reason', 'status']).orderBy('ref').execute();
    assert.deepEqual(flagged.map((f) => f.ref), recorded);
    assert.ok(flagged.every((f) => f.reason === 'RETENTION' && f.status === 'PENDING'));
    assert.equal((await calls.selectFrom('calls').select('id').where('recording_ref', 'is not', null).execute()).length, kept.length);
    assert.equal((await removedMetric('callcenter', 'RECORDINGS')) - metricBefore, recorded.length);

    const again = await runRetention('callcenter', tasks, { dryRun: true, now });
    assert.deepEqual(again.lines.map((l) => l.count), [0, 0]);
    assert.deepEqual((await stack.queryAs('supervisor', OFFERED, { range: RANGE })).data, reportsBefore);
  });

  it('keeps a kind with period 0', async () => {
    const tasks = callCenterRetentionTasks(calls, { ...retentionPeriods({}), CALL_EVENTS: 0, RECORDINGS: 0 });
    const run = await runRetention('callcenter', tasks, { dryRun: false, now: new Date('2030-01-01T00:00:00Z') });
    assert.deepEqual(run.lines.map((l) => [l.kind, l.cutoff, l.count]), [['CALL_EVENTS', null, 0], ['RECORDINGS', null, 0]]);
    assert.equal((await calls.selectFrom('cti_events').select('id').execute()).length, 1);
  });

  it('removes audit entries past their period and exports whose link expired', async () => {
    await stack.query('mutation ($id: ID!) { exportCustomerData(customerId: $id) { id } }', { id: 'cus_000001' });
    await stack.query('query { customer(id: "cus_000001") { nationalId } }');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the audit batcher writes asynchronously
    const db = stack.gateway.store.database.db as unknown as Kysely<PrivacyTables>;
    const audit = (await db.selectFrom('audit_events').select('id').execute()).length;
    assert.ok(audit >= 2);
    const tasks = gatewayRetentionTasks(db, { ...retentionPeriods({}), AUDIT_ENTRIES: 1 });
    const today = await runRetention('gateway', tasks, { dryRun: true });
    assert.deepEqual(today.lines.map((l) => [l.kind, l.count]), [['AUDIT_ENTRIES', 0], ['EXPORTS', 0]]);
    const later = await runRetention('gateway', tasks, { dryRun: false, now: new Date(Date.now() + 2 * DAY) });
    assert.deepEqual(later.lines.map((l) => [l.kind, l.count]), [['AUDIT_ENTRIES', audit], ['EXPORTS', 1]]);
    const left = await stack.query<{ auditEvents: { totalCount: number } }>('{ auditEvents(filter: { customerId: "cus_000001" }) { totalCount } }');
    assert.equal(left.data!.auditEvents.totalCount, 0);
    assert.equal((await db.selectFrom('audit_event_customers').select('event_id').execute()).length, 0);
  });
});
