/**
 * Rate limits per caller (gateway/rate-limit.ts): a user or API key over its operations
 * budget, or over its estimated-cost budget, gets HTTP 429 with `Retry-After` and
 * `RATE_LIMITED` (nothing ran), while other callers go on; over WebSocket a subscription
 * counts against the same budget and is refused with `RATE_LIMITED`; the rejections are
 * counted in `/metrics`. With `REDIS_URL`, two gateways share one budget per caller (skips, saying so,
 * when no Redis answers at REDIS_TEST_URL); with Redis unreachable the gateway still serves
 * and still limits, in memory.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';
import { skipNote } from '../support/skip.js';
import { REDIS_SKIP_REASON, REDIS_URL, redisReachable } from '../support/redis.js';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, query: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

const asUser = async (sub: string) => ({ authorization: await bearer('admin', { sub }) });

const CHEAP = '{ __typename }';
/** About 40 × 3 in estimated cost: one fits a budget of 200, two do not. */
// Costs 1 + (1 + 40 × 3) = 122: one fits the budget of 200, two do not.
const COSTLY = '{ customers(first: 40) { nodes { id displayName tier } } }';

function assertLimited(answer: Answer, budget: 'operations' | 'cost'): void {
  assert.equal(answer.status, 429);
  const retryAfter = Number(answer.retryAfter);
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After in whole seconds within the window, got ${answer.retryAfter}`);
  assert.equal(answer.body.data, undefined, 'nothing ran');
  assert.equal(answer.body.errors?.length, 1);
  const error = answer.body.errors![0]!;
  assert.equal(error.extensions?.code, 'RATE_LIMITED');
  assert.equal(error.extensions?.budget, budget);
  assert.equal(error.extensions?.retryAfterSeconds, retryAfter);
  assert.equal(error.extensions?.http, undefined, 'no transport detail in the body');
  assert.match(error.message, /Retry after \d+ s/);
}

describe('rate limits per caller (in memory)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      customers: 50,
      gatewayEnv: { SWITCHBOARD_RATE_LIMIT_OPERATIONS: '3', SWITCHBOARD_RATE_LIMIT_COST: '200', SWITCHBOARD_RATE_LIMIT_WINDOW_SECONDS: '60' },
    });
  });
  afterAll(() => stack?.close());

  test('a user over the operations budget gets 429 with Retry-After and RATE_LIMITED; another user and an API key are unaffected', async () => {
    const limited = await asUser('rate-count-1');
    for (let i = 0; i < 3; i++) assert.equal((await post(stack.gateway.graphqlUrl, CHEAP, limited)).status, 200, `operation ${i + 1} of 3 passes`);
    assertLimited(await post(stack.gateway.graphqlUrl, CHEAP, limited), 'operations');

    const other = await post(stack.gateway.graphqlUrl, CHEAP, await asUser('rate-count-2'));
    assert.equal(other.status, 200);
    assert.deepEqual(other.body.data, { __typename: 'Query' });
    const { key } = await stack.gateway.store.createApiKey('rate-reporting', ['customers:read']);
    const service = await post(stack.gateway.graphqlUrl, CHEAP, { 'x-api-key': key });
    assert.equal(service.status, 200);
  });

  test('an API key over its cost budget gets 429 with RATE_LIMITED (budget cost) while it has operations left; a user is unaffected', async () => {
    const { key } = await stack.gateway.store.createApiKey('rate-costly', ['customers:read']);
    const first = await post(stack.gateway.graphqlUrl, COSTLY, { 'x-api-key': key });
    assert.equal(first.status, 200);
    assert.equal((first.body.data as { customers: { nodes: unknown[] } }).customers.nodes.length, 40);
    assertLimited(await post(stack.gateway.graphqlUrl, COSTLY, { 'x-api-key': key }), 'cost');
    // The same key still has operations left for something cheap enough.
    const user = await post(stack.gateway.graphqlUrl, COSTLY, await asUser('rate-cost-2'));
    assert.equal(user.status, 200);
  });

  test('over WebSocket, queries and subscriptions count against the caller\'s one budget; a subscription over it is refused with RATE_LIMITED', async () => {
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: await asUser('rate-ws-1') });
    type Outcome = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
    const run = (query: string) =>
      new Promise<Outcome>((resolve) => {
        let last: Outcome = {};
        client.subscribe<unknown>(
          { query },
          {
            next: (result) => (last = result as Outcome),
            error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
            complete: () => resolve(last),
          },
        );
      });
    try {
      for (let i = 0; i < 3; i++) assert.deepEqual(await run(CHEAP), { data: { __typename: 'Query' } });
      const subscription = await run('subscription { callEvents { type } }');
      assert.equal(subscription.errors?.[0]?.extensions?.code, 'RATE_LIMITED', 'a subscription is refused when it would start');
      assert.equal(subscription.errors?.[0]?.extensions?.budget, 'operations');
      assert.ok(Number(subscription.errors?.[0]?.extensions?.retryAfterSeconds) >= 1);
      assert.equal(subscription.errors?.[0]?.extensions?.http, undefined);
      // One budget per caller, whatever the transport.
      assertLimited(await post(stack.gateway.graphqlUrl, CHEAP, await asUser('rate-ws-1')), 'operations');
    } finally {
      await client.dispose();
    }
  });

  test('rejections are counted in /metrics by budget and caller kind', async () => {
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    assert.match(text, /switchboard_rate_limit_rejections_total\{service="gateway",budget="operations",caller="user"\} [1-9]/);
    assert.match(text, /switchboard_rate_limit_rejections_total\{service="gateway",budget="cost",caller="service"\} [1-9]/);
  });
});



const SKIP = (await redisReachable()) ? false : REDIS_SKIP_REASON;

describe('rate limits shared through Redis', () => {
  let stack: Stack;
  const gateways: RunningGateway[] = [];
  const dirs: string[] = [];

  /** Another gateway over the stack's subgraphs, with its own store, counting in `redisUrl`. */
  async function gatewayWith(redisUrl: string): Promise<RunningGateway> {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-rate-'));
    dirs.push(dir);
    const gateway = await startGateway({
      ...gatewayConfig({ ...process.env, SWITCHBOARD_DATA_DIR: dir, REDIS_URL: redisUrl, SWITCHBOARD_RATE_LIMIT_OPERATIONS: '3', SWITCHBOARD_RATE_LIMIT_COST: '0' }),
      port: 0,
      subgraphUrls: { crm: stack.crm.server.graphqlUrl, callcenter: stack.callcenter.server.graphqlUrl, tickets: stack.tickets.server.graphqlUrl },
    });
    gateways.push(gateway);
    return gateway;
  }

  beforeAll(async () => {
    stack = await startStack({ customers: 5 });
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await stack?.close();
  });

  test.skipIf(SKIP)(skipNote('two gateways count one budget per caller', SKIP), async () => {
    const [a, b] = [await gatewayWith(REDIS_URL), await gatewayWith(REDIS_URL)];
    // A subject of its own: the counters in Redis outlive this run.
    const caller = await asUser(`rate-shared-${randomUUID()}`);
    assert.equal((await post(a!.graphqlUrl, CHEAP, caller)).status, 200);
    assert.equal((await post(b!.graphqlUrl, CHEAP, caller)).status, 200);
    assert.equal((await post(a!.graphqlUrl, CHEAP, caller)).status, 200);
    assertLimited(await post(b!.graphqlUrl, CHEAP, caller), 'operations');
    assertLimited(await post(a!.graphqlUrl, CHEAP, caller), 'operations');
    assert.equal((await post(b!.graphqlUrl, CHEAP, await asUser(`rate-shared-${randomUUID()}`))).status, 200, 'another caller is unaffected');
  });

  test('with Redis unreachable the gateway still answers, and still limits in memory', async () => {
    const gateway = await gatewayWith('redis://127.0.0.1:1');
    const caller = await asUser('rate-no-redis');
    for (let i = 0; i < 3; i++) {
      const answer = await post(gateway.graphqlUrl, CHEAP, caller);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body.data, { __typename: 'Query' });
    }
    assertLimited(await post(gateway.graphqlUrl, CHEAP, caller), 'operations');
    const text = await (await fetch(`${gateway.url}/metrics`)).text();
    assert.match(text, /switchboard_rate_limit_store_fallbacks_total\{service="gateway"\} [1-9]/);
  });
});
