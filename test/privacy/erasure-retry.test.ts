/**
 * An erasure left unfinished (the ticket system unreachable through a real TCP proxy) is
 * finished by the gateway's retry on its own once the system is back, without anyone asking
 * again; `erasureRequests` shows the steps as they progress.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { startStack, type Stack } from '../support/stack.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { callEvents, eventually, freshNumber, giveNumber, postEvents } from '../outbox/harness.js';

const REQUESTS = 'query ($id: ID!) { erasureRequests(customerId: $id) { status reason requestedBy steps { system status attempts } } }';

interface Request { status: string; reason: string; requestedBy: string; steps: { system: string; status: string; attempts: number }[] }

describe('resuming an unfinished erasure', () => {
  let stack: Stack;
  let proxy: TcpProxy;

  beforeAll(async () => {
    proxy = await startTcpProxy();
    stack = await startStack({ customers: 30, subgraphUrls: { tickets: `${proxy.url}/graphql` }, gatewayEnv: { SWITCHBOARD_ERASURE_RETRY_SECONDS: '1' } });
    proxy.target = stack.tickets.server.url;
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  it('is finished by the retry once the failing system answers again', async () => {
    const id = 'cus_000003';
    proxy.pause();
    const first = await stack.queryAs<{ eraseCustomer: Request }>('privacy-officer', 'mutation ($id: ID!) { eraseCustomer(customerId: $id, reason: "DSR-9") { status } }', { id });
    assert.equal(first.data!.eraseCustomer.status, 'FAILED', JSON.stringify(first.errors));
    const failed = await stack.queryAs<{ erasureRequests: Request[] }>('privacy-officer', REQUESTS, { id });
    assert.deepEqual(failed.data!.erasureRequests[0]!.steps.map((s) => [s.system, s.status]), [['callcenter', 'DONE'], ['tickets', 'FAILED'], ['crm', 'PENDING']]);

    proxy.resume();
    const done = await eventually('the retry to finish the erasure', async () => {
      const read = await stack.query<{ erasureRequests: Request[] }>(REQUESTS, { id });
      const request = read.data!.erasureRequests[0]!;
      return request.status === 'COMPLETED' ? request : undefined;
    });
    assert.deepEqual([done.reason, done.requestedBy], ['DSR-9', 'privacy-officer-1']);
    assert.ok(done.steps.every((s) => s.status === 'DONE'));
    assert.ok(done.steps[1]!.attempts >= 2);
    const customer = await stack.query<{ customer: { displayName: string; erasedAt: string | null } }>('query ($id: ID!) { customer(id: $id) { displayName erasedAt } }', { id });
    assert.equal(customer.data!.customer.displayName, 'Erased customer');
    assert.ok(customer.data!.customer.erasedAt);
  });

  it('refuses an empty reason and an unknown customer, writing nothing', async () => {
    const empty = await stack.queryAs('privacy-officer', 'mutation { eraseCustomer(customerId: "cus_000004", reason: " ") { status } }');
    assert.equal(empty.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const unknown = await stack.queryAs('privacy-officer', 'mutation { eraseCustomer(customerId: "cus_nobody", reason: "DSR-10") { status } }');
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const requests = await stack.query<{ a: unknown[]; b: unknown[] }>('{ a: erasureRequests(customerId: "cus_000004") { status } b: erasureRequests(customerId: "cus_nobody") { status } }');
    assert.deepEqual(requests.data, { a: [], b: [] });
    const agent = await stack.queryAs('agent', 'mutation { eraseCustomer(customerId: "cus_000004", reason: "DSR-11") { status } }');
    assert.equal(agent.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it("leaves a number another customer shares, and that number's calls, alone", async () => {
    const [erased, other] = ['cus_000005', 'cus_000006'];
    const shared = freshNumber();
    await giveNumber(stack, [erased, other], shared);
    const agentId = (await stack.query<{ agents: { id: string }[] }>('{ agents { id } }')).data!.agents[0]!.id;
    const call = callEvents(shared, 'ANSWERED', agentId);
    await postEvents(stack, call.events);
    const exported = await stack.queryAs<{ exportCustomerData: { document: string } }>('privacy-officer', 'mutation { exportCustomerData(customerId: "cus_000005") { document } }');
    assert.ok(!exported.data!.exportCustomerData.document.includes(call.callId), 'a shared number does not tell whose call it was');
    const result = await stack.queryAs<{ eraseCustomer: { status: string } }>('privacy-officer', 'mutation { eraseCustomer(customerId: "cus_000005", reason: "DSR-12") { status } }');
    assert.equal(result.data!.eraseCustomer.status, 'COMPLETED', JSON.stringify(result.errors));
    const after = await stack.query<{ call: { from: string }; identifyCaller: { status: string; candidates: { id: string }[] } }>(
      'query ($id: ID!, $p: String!) { call(id: $id) { from } identifyCaller(phone: $p) { status candidates { id } } }',
      { id: call.callId, p: shared },
    );
    assert.equal(after.data!.call.from, shared);
    assert.deepEqual(after.data!.identifyCaller, { status: 'SINGLE', candidates: [{ id: other }] });
  });
});
