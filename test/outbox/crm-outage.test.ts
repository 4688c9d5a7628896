/**
 * Exactly-once call logging across a CRM outage: with the CRM down the call's log waits in
 * the outbox (backlog and lag visible through `callLogOutbox`, retried with backoff), and once
 * a CRM is back on the same port over the same store the call is on the timeline once.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { callEvents, callLogsOf, eventually, freshNumber, giveNumber, outboxStatus, postEvents, settledRows } from './harness.js';

describe('call logging across a CRM outage', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ customers: 30, callLog: { dispatcher: { pollIntervalMs: 50, retryBaseMs: 50, retryMaxMs: 300 } } });
  });
  afterAll(() => stack.close());

  test('the call waits in the outbox while the CRM is down and is logged exactly once when it is back', async () => {
    const customerId = (await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }')).data!.customers.nodes[0]!.id;
    const agentId = (await stack.query<{ agents: { id: string }[] }>('{ agents { id } }')).data!.agents[0]!.id;
    const number = freshNumber();
    await giveNumber(stack, [customerId], number);
    assert.equal((await outboxStatus(stack)).pending, 0);

    await stack.crm.server.close();
    const call = callEvents(number, 'ANSWERED', agentId);
    await postEvents(stack, call.events);

    const failing = await eventually('the delivery to have failed at least twice', async () => {
      const [row] = await stack.callcenter.server.outbox.store.rowsOfCall(call.callId);
      return row && row.attempts >= 2 ? row : undefined;
    });
    assert.equal(failing.status, 'PENDING');
    const during = await outboxStatus(stack);
    assert.equal(during.pending, 1);
    assert.equal(during.retrying, 1);
    assert.match(during.lastError ?? '', /SUBGRAPH_UNAVAILABLE \(crm\)/);
    assert.ok(during.lastErrorAt);
    // The lag grows while the CRM stays down.
    const lagging = await eventually('the lag to reach a second', async () => {
      const current = await outboxStatus(stack);
      return (current.oldestPendingAgeSeconds ?? 0) >= 1 ? current : undefined;
    });
    assert.notEqual(during.oldestPendingAgeSeconds, null);
    assert.ok(lagging.oldestPendingAgeSeconds! >= during.oldestPendingAgeSeconds!);
    assert.equal(lagging.pending, 1);

    await stack.restartCrm();
    const [row] = await settledRows(stack, call.callId);
    assert.equal(row!.outcome, 'LOGGED');
    assert.ok(row!.attempts >= 2, 'it took retries');
    const logs = await callLogsOf(stack, customerId, call.callId);
    assert.equal(logs.length, 1, 'exactly one call log after the retries');
    assert.equal(logs[0]!.author, 'service:call-log');

    const after = await outboxStatus(stack);
    assert.equal(after.pending, 0);
    assert.equal(after.oldestPendingAgeSeconds, null);
    assert.equal(after.lastError, null);
    assert.ok(after.done >= 1);

    const audit = await stack.query<{ auditEvents: { nodes: { operationName: string; outcome: string }[] } }>(
      'query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { nodes { operationName outcome } } }',
      { f: { subject: 'service:call-log', kind: 'MUTATION', customerId } },
    );
    assert.deepEqual(audit.data!.auditEvents.nodes.map((e) => [e.operationName, e.outcome]), [['CallLogLogCall', 'OK']]);
  });
});
