/**
 * The reconciliation report through the gateway over real servers: calls are played through
 * the CTI webhook and delivered by the call-log outbox, then agreement is broken on purpose in
 * each system's own store (a lost call log, a duplicate call log, a deleted callback ticket);
 * the report lists each with its reason, and the agreement rate is the hand-computed one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Kysely } from 'kysely';
import { startStack, type Stack } from '../support/stack.js';
import { callEvents, freshNumber, giveNumber, postEvents, settledRows } from '../outbox/harness.js';
import type { SqlCrmStore } from '../../subgraphs/crm/source/embedded/store.js';
import type { CrmTables } from '../../subgraphs/crm/source/embedded/tables.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';

interface Difference {
  callId: string;
  reason: string;
  customerId: string | null;
  activityIds: string[];
  ticketNumbers: string[];
}
interface Report {
  callsEnded: number;
  expectedCallLogs: number;
  agreeing: number | null;
  agreementRate: number | null;
  differences: Difference[] | null;
}

const REPORT = `query($from: DateTime!, $to: DateTime!) { reconciliationReport(from: $from, to: $to) {
  callsEnded expectedCallLogs agreeing agreementRate differences { callId reason customerId activityIds ticketNumbers } } }`;

describe('reconciliation report', () => {
  let stack: Stack;
  let crmDb: Kysely<CrmTables>;
  const from = new Date(Date.now() - 10 * 60_000).toISOString();
  const to = () => new Date(Date.now() + 60_000).toISOString();
  const calls: Record<string, { callId: string; customerId: string | null }> = {};

  beforeAll(async () => {
    stack = await startStack({ customers: 40, callLog: { dispatcher: { pollIntervalMs: 50, retryBaseMs: 50, retryMaxMs: 400 }, callbackQueues: ['q_support'] } });
    crmDb = (stack.crm.store as unknown as SqlCrmStore).database.db as unknown as Kysely<CrmTables>;
    const customers = (await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 10) { nodes { id } } }')).data!.customers.nodes.map((n) => n.id);
    const agentId = (await stack.query<{ agents: { id: string }[] }>('{ agents { id } }')).data!.agents[0]!.id;
    // Five calls from known customers (each expected to have a log), one from an unknown number.
    const plan: [string, 'ANSWERED' | 'MISSED', string | null][] = [
      ['agrees', 'ANSWERED', customers[0]!],
      ['lostLog', 'ANSWERED', customers[1]!],
      ['duplicateLog', 'ANSWERED', customers[2]!],
      ['deletedTicket', 'MISSED', customers[3]!],
      ['agreesWithTicket', 'MISSED', customers[4]!],
      ['unknown', 'ANSWERED', null],
    ];
    for (const [name, ending, customerId] of plan) {
      const number = freshNumber();
      if (customerId) await giveNumber(stack, [customerId], number);
      const call = callEvents(number, ending, agentId);
      await postEvents(stack, call.events);
      calls[name] = { callId: call.callId, customerId };
    }
    for (const { callId } of Object.values(calls)) await settledRows(stack, callId);

    // Break agreement on purpose, in each system's own store.
    await crmDb.deleteFrom('activities').where('type', '=', 'CALL_LOG').where('call_id', '=', calls.lostLog!.callId).execute();
    const original = await crmDb.selectFrom('activities').selectAll().where('call_id', '=', calls.duplicateLog!.callId).executeTakeFirstOrThrow();
    // One log per (customer, call) is enforced by the store: the duplicate lands on another timeline.
    await crmDb.insertInto('activities').values({ ...original, id: `act_dup_${randomUUID().slice(0, 8)}`, customer_id: customers[9]! }).execute();
    const ticketsDb = (stack.tickets.source as SqlTicketStore).database.db;
    const ticket = await ticketsDb.selectFrom('tickets').select('id').where('idempotency_key', '=', `callback:${calls.deletedTicket!.callId}`).executeTakeFirstOrThrow();
    await ticketsDb.deleteFrom('ticket_comments').where('ticket_id', '=', ticket.id).execute();
    await ticketsDb.deleteFrom('tickets').where('id', '=', ticket.id).execute();
  });
  afterAll(() => stack?.close());

  test('lists each broken call with its reason and ids, and the agreement rate', async () => {
    const result = await stack.query<{ reconciliationReport: Report }>(REPORT, { from, to: to() });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const report = result.data!.reconciliationReport;
    assert.equal(report.callsEnded, 6);
    assert.equal(report.expectedCallLogs, 5, 'the unknown caller is not expected to have a log');
    assert.equal(report.agreeing, 2);
    assert.equal(report.agreementRate, 2 / 5);
    const byReason = (reason: string) => report.differences!.filter((d) => d.reason === reason);
    assert.deepEqual(
      report.differences!.map((d) => [d.callId, d.reason]).sort(),
      [
        [calls.lostLog!.callId, 'MISSING_CALL_LOG'],
        [calls.duplicateLog!.callId, 'DUPLICATE_CALL_LOG'],
        [calls.deletedTicket!.callId, 'MISSING_CALLBACK_TICKET'],
        [calls.unknown!.callId, 'CUSTOMER_UNKNOWN'],
      ].sort(),
    );
    assert.equal(byReason('MISSING_CALL_LOG')[0]!.customerId, calls.lostLog!.customerId);
    assert.deepEqual(byReason('MISSING_CALL_LOG')[0]!.activityIds, []);
    assert.equal(byReason('DUPLICATE_CALL_LOG')[0]!.activityIds.length, 2);
    assert.equal(byReason('MISSING_CALLBACK_TICKET')[0]!.customerId, calls.deletedTicket!.customerId);
    assert.deepEqual(byReason('MISSING_CALLBACK_TICKET')[0]!.ticketNumbers, []);
    assert.equal(byReason('CUSTOMER_UNKNOWN')[0]!.customerId, null);
  });

  test('over the embedded stores nothing is synced: no copy to reconcile, and a bad range is refused', async () => {
    const COPIES = `query ($from: DateTime!, $to: DateTime!) {
      crmCopyReconciliation(from: $from, to: $to) { system agreementRate }
      ticketCopyReconciliation(from: $from, to: $to) { system agreementRate }
    }`;
    const result = await stack.query<{ crmCopyReconciliation: unknown[]; ticketCopyReconciliation: unknown[] }>(COPIES, { from, to: to() });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data, { crmCopyReconciliation: [], ticketCopyReconciliation: [] });
    const backwards = await stack.query(COPIES, { from: to(), to: from });
    assert.deepEqual(backwards.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort(), [
      ['crmCopyReconciliation', 'BAD_USER_INPUT'],
      ['ticketCopyReconciliation', 'BAD_USER_INPUT'],
    ]);
    const supervisor = await stack.queryAs('supervisor', COPIES, { from, to: to() });
    assert.deepEqual(supervisor.errors?.map((e) => e.extensions?.code), ['FORBIDDEN', 'FORBIDDEN'], JSON.stringify(supervisor.errors));
  });

  test('admins only: a supervisor and a privacy officer are refused', async () => {
    for (const role of ['supervisor', 'privacy-officer'] as const) {
      const result = await stack.queryAs(role, REPORT, { from, to: to() });
      assert.equal(result.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(result.errors));
      assert.equal(result.data?.reconciliationReport ?? null, null);
    }
  });

  test('with the CRM down the call counts stay and the comparison is null with an error naming the CRM at its path', async () => {
    await stack.crm.server.close();
    try {
      const result = await stack.query<{ reconciliationReport: Report }>(REPORT, { from, to: to() });
      const report = result.data!.reconciliationReport;
      assert.equal(report.callsEnded, 6);
      assert.equal(report.expectedCallLogs, 5);
      assert.equal(report.differences, null);
      assert.equal(report.agreementRate, null);
      const error = result.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(['reconciliationReport', 'differences']));
      assert.ok(error, JSON.stringify(result.errors));
      assert.equal(error.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
      assert.match(error.message, /crm/);
    } finally {
      await stack.restartCrm();
    }
  });
});
