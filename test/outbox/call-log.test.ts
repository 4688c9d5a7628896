/**
 * Call logging and callback tickets through the graph: a call that ends is written to the
 * caller's CRM timeline exactly once (even when the webhook comes twice or a late event
 * follows), a missed or abandoned call from a known customer becomes one callback ticket
 * (in the queues the rule names), unknown and shared numbers are never guessed, and all of
 * it goes through the gateway as the `call-log` service account: authorized and audited.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, CALL_LOG_SCOPES, type Stack } from '../support/stack.js';
import { callEvents, callLogsOf, eventually, freshNumber, giveNumber, outboxStatus, postEvents, settledRows } from './harness.js';

interface Ticket {
  number: string;
  subject: string;
  status: string;
  channel: string;
  requester: { id: string } | null;
  assignee?: unknown;
}

describe('call logging and callback tickets', () => {
  let stack: Stack;
  let customers: string[];
  let agentId: string;

  beforeAll(async () => {
    stack = await startStack({
      customers: 60,
      callLog: { dispatcher: { pollIntervalMs: 50, retryBaseMs: 50, retryMaxMs: 400 }, callbackQueues: ['q_support', 'q_sales'] },
    });
    const list = await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 10) { nodes { id } } }');
    customers = list.data!.customers.nodes.map((node) => node.id);
    agentId = (await stack.query<{ agents: { id: string }[] }>('{ agents { id } }')).data!.agents[0]!.id;
  });
  afterAll(() => stack.close());

  async function ticketsOfCall(callId: string): Promise<Ticket[]> {
    const result = await stack.query<{ call: { tickets: Ticket[] } }>(
      'query($id: ID!) { call(id: $id) { tickets { number subject status channel requester { id } } } }',
      { id: callId },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return result.data!.call.tickets;
  }

  test('an answered call from a known customer is on their timeline once, even when the webhook comes twice', async () => {
    const number = freshNumber();
    const customerId = customers[0]!;
    await giveNumber(stack, [customerId], number);
    const call = callEvents(number, 'ANSWERED', agentId);
    await postEvents(stack, call.events);
    await postEvents(stack, call.events); // the sender retries the whole delivery
    const rows = await settledRows(stack, call.callId);
    assert.deepEqual(rows.map((row) => [row.kind, row.status, row.outcome]), [['CALL_LOG', 'DONE', 'LOGGED']], 'an answered call gets no callback');

    const logs = await callLogsOf(stack, customerId, call.callId);
    assert.equal(logs.length, 1);
    assert.equal(logs[0]!.disposition, 'ANSWERED');
    assert.equal(logs[0]!.durationSeconds, 60, 'talk time: answered at 12 s, ended at 72 s');
    assert.equal(logs[0]!.agentId, agentId);
    assert.equal(logs[0]!.author, 'service:call-log');
    assert.equal(rows[0]!.resultRef, logs[0]!.id);
    assert.deepEqual(await ticketsOfCall(call.callId), []);

    // The matched customer and their tier are written back to the call: the customer's call
    // summary and the per-tier report count it (from the roll-ups).
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString(), timeZone: 'UTC' };
    const report = await stack.query<{ customer: { tier: string; callSummary: { total: number } }; callMetricsByTier: { tier: string | null; offered: number }[] }>(
      'query($id: ID!, $range: TimeRangeInput!) { customer(id: $id) { tier callSummary(range: $range) { total } } callMetricsByTier(range: $range) { tier offered } }',
      { id: customerId, range },
    );
    assert.equal(report.errors, undefined, JSON.stringify(report.errors));
    assert.equal(report.data!.customer.callSummary.total, 1);
    const tierRow = report.data!.callMetricsByTier.find((row) => row.tier === report.data!.customer.tier);
    assert.ok(tierRow && tierRow.offered >= 1, JSON.stringify(report.data!.callMetricsByTier));

    // A late duplicate ENDED with a new event id changes nothing either.
    await postEvents(stack, [{ ...call.events[2]!, id: `evt_${randomUUID()}` }]);
    assert.equal((await stack.callcenter.server.outbox.store.rowsOfCall(call.callId)).length, 1);
    assert.equal((await callLogsOf(stack, customerId, call.callId)).length, 1);
  });

  test('logCall is idempotent by call id: the same call again returns the activity already written', async () => {
    const customerId = customers[1]!;
    const input = { customerId, callId: `call_manual_${randomUUID().slice(0, 8)}`, at: '2026-11-01T10:00:00Z', durationSeconds: 30, disposition: 'ANSWERED' };
    const mutation = 'mutation($input: LogCallInput!) { logCall(input: $input) { id callId durationSeconds } }';
    const first = await stack.query<{ logCall: { id: string } }>(mutation, { input });
    const second = await stack.query<{ logCall: { id: string; durationSeconds: number } }>(mutation, { input: { ...input, durationSeconds: 99 } });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.equal(second.data!.logCall.id, first.data!.logCall.id);
    assert.equal(second.data!.logCall.durationSeconds, 30, 'the first values are kept');
    assert.equal((await callLogsOf(stack, customerId, input.callId)).length, 1);
  });

  test('a missed call from a known customer becomes exactly one callback ticket, assigned to the agent it rang at', async () => {
    const number = freshNumber();
    const customerId = customers[2]!;
    await giveNumber(stack, [customerId], number);
    const call = callEvents(number, 'MISSED', agentId);
    await postEvents(stack, call.events);
    await postEvents(stack, call.events.map((event) => ({ ...event, id: `evt_${randomUUID()}` }))); // the same events again, under new ids
    const rows = await settledRows(stack, call.callId);
    assert.deepEqual(rows.map((row) => [row.kind, row.outcome]), [['CALLBACK_TICKET', 'TICKET_CREATED'], ['CALL_LOG', 'LOGGED']]);

    const tickets = await ticketsOfCall(call.callId);
    assert.equal(tickets.length, 1);
    assert.equal(tickets[0]!.requester?.id, customerId);
    assert.equal(tickets[0]!.channel, 'PHONE');
    assert.equal(tickets[0]!.status, 'NEW');
    assert.match(tickets[0]!.subject, /missed call/);
    const assigned = await stack.query<{ assignedTickets: { nodes: { number: string }[] } }>(
      'query($a: ID!) { assignedTickets(assigneeId: $a, first: 100) { nodes { number } } }',
      { a: agentId },
    );
    assert.ok(assigned.data!.assignedTickets.nodes.some((t) => t.number === tickets[0]!.number), "in the agent's work queue");
    const logs = await callLogsOf(stack, customerId, call.callId);
    assert.deepEqual(logs.map((log) => [log.disposition, log.durationSeconds]), [['MISSED', 0]]);
  });

  test('an abandoned call gets a callback ticket; a missed call in a queue outside the rule does not', async () => {
    const number = freshNumber();
    const customerId = customers[3]!;
    await giveNumber(stack, [customerId], number);
    // A vendor-style call id (like Amazon Connect's or the simulator's), which the ticket system does not take as a link.
    const abandoned = callEvents(number, 'ABANDONED', agentId, 'q_sales', `sim_call_${randomUUID()}`);
    const elsewhere = callEvents(number, 'MISSED', agentId, 'q_billing');
    await postEvents(stack, [...abandoned.events, ...elsewhere.events]);
    assert.deepEqual((await settledRows(stack, abandoned.callId)).map((row) => [row.kind, row.outcome]), [['CALLBACK_TICKET', 'TICKET_CREATED'], ['CALL_LOG', 'LOGGED']]);
    assert.deepEqual((await settledRows(stack, elsewhere.callId)).map((row) => row.kind), ['CALL_LOG']);
    const result = await stack.query<{ customer: { tickets: { nodes: { subject: string; description: string }[] } } }>(
      'query($id: ID!) { customer(id: $id) { tickets(first: 50) { nodes { subject description } } } }',
      { id: customerId },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const callbacks = result.data!.customer.tickets.nodes.filter((t) => t.subject.startsWith('Call back'));
    assert.equal(callbacks.length, 1, 'one callback, for the abandoned call only');
    assert.match(callbacks[0]!.subject, /abandoned call/);
    assert.ok(callbacks[0]!.description.includes(abandoned.callId));
    assert.deepEqual(await ticketsOfCall(elsewhere.callId), []);
  });

  test('an unknown number is not logged anywhere (NO_CUSTOMER); a number several customers share is not guessed (AMBIGUOUS)', async () => {
    const unknown = freshNumber();
    const shared = freshNumber();
    await giveNumber(stack, [customers[4]!, customers[5]!], shared);
    const fromUnknown = callEvents(unknown, 'MISSED', agentId);
    const fromShared = callEvents(shared, 'ANSWERED', agentId);
    await postEvents(stack, [...fromUnknown.events, ...fromShared.events]);
    const unknownRows = await settledRows(stack, fromUnknown.callId);
    assert.deepEqual(unknownRows.map((row) => [row.kind, row.status, row.outcome, row.customerId]), [
      ['CALLBACK_TICKET', 'DONE', 'NO_CUSTOMER', null],
      ['CALL_LOG', 'DONE', 'NO_CUSTOMER', null],
    ]);
    assert.deepEqual(await ticketsOfCall(fromUnknown.callId), []);
    const sharedRows = await settledRows(stack, fromShared.callId);
    assert.deepEqual(sharedRows.map((row) => [row.status, row.outcome]), [['DONE', 'AMBIGUOUS']]);
    for (const customerId of [customers[4]!, customers[5]!]) assert.deepEqual(await callLogsOf(stack, customerId, fromShared.callId), []);
  });

  test("the service account's writes are in the audit trail as MUTATION events", async () => {
    const number = freshNumber();
    const customerId = customers[6]!;
    await giveNumber(stack, [customerId], number);
    const call = callEvents(number, 'MISSED', agentId);
    await postEvents(stack, call.events);
    await settledRows(stack, call.callId);
    const result = await stack.query<{ auditEvents: { nodes: { subject: string; role: string; operationName: string; fields: string[]; customerIds: string[]; outcome: string }[] } }>(
      'query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 100) { nodes { subject role operationName fields customerIds outcome } } }',
      { filter: { subject: 'service:call-log', kind: 'MUTATION', customerId } },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const events = result.data!.auditEvents.nodes;
    const byOperation = new Map(events.map((event) => [event.operationName, event]));
    assert.deepEqual([...byOperation.keys()].sort(), ['CallLogCreateCallbackTicket', 'CallLogLogCall']);
    assert.deepEqual(byOperation.get('CallLogLogCall')!.fields, ['Mutation.logCall']);
    assert.deepEqual(byOperation.get('CallLogCreateCallbackTicket')!.fields, ['Mutation.createTicket']);
    for (const event of events) {
      assert.equal(event.role, 'service');
      assert.equal(event.outcome, 'OK');
      assert.deepEqual(event.customerIds, [customerId]);
    }
  });

  test('the service account obeys authorization: without customers:write nothing is logged, the row waits with the error', async () => {
    const { key } = await stack.gateway.store.createApiKey('call-log-readonly', CALL_LOG_SCOPES.filter((scope) => scope !== 'customers:write'));
    const outbox = stack.callcenter.server.outbox;
    await outbox.startDispatcher({ gatewayUrl: stack.gateway.graphqlUrl, apiKey: key, pollIntervalMs: 50, retryBaseMs: 50, retryMaxMs: 400 });
    const number = freshNumber();
    const customerId = customers[7]!;
    await giveNumber(stack, [customerId], number);
    const call = callEvents(number, 'ANSWERED', agentId);
    try {
      await postEvents(stack, call.events);
      const status = await eventually('the refused delivery to show in the outbox', async () => {
        const current = await outboxStatus(stack);
        return current.retrying > 0 ? current : undefined;
      });
      assert.match(status.lastError ?? '', /FORBIDDEN/);
      assert.ok(status.pending >= 1);
      assert.deepEqual(await callLogsOf(stack, customerId, call.callId), []);
    } finally {
      const { key: full } = await stack.gateway.store.createApiKey('call-log', CALL_LOG_SCOPES);
      await outbox.startDispatcher({ gatewayUrl: stack.gateway.graphqlUrl, apiKey: full, pollIntervalMs: 50, retryBaseMs: 50, retryMaxMs: 400 });
    }
    // With the right key the waiting row goes through (backoff ≤ 400 ms in this test).
    await settledRows(stack, call.callId);
    assert.equal((await callLogsOf(stack, customerId, call.callId)).length, 1);
    const status = await outboxStatus(stack);
    assert.equal(status.pending, 0);
    assert.equal(status.lastError, null);
    assert.equal(status.dispatcherRunning, true);
  });
});
