/**
 * An erasure left unfinished (the ticket system unreachable through a real TCP proxy) is
 * finished by the gateway's retry on its own once the system is back, without anyone asking
 * again; `erasureRequests` shows the steps as they progress.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { startStack, type Stack } from '../support/stack.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { eventually } from '../outbox/harness.js';

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
});
