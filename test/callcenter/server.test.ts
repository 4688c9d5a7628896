/**
 * The call-center subgraph over HTTP, as the gateway talks to it: root fields, entity
 * fetches (`_entities`) for Customer, Call, Agent and Queue, errors, and batching.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import type { RunningServer } from '../../subgraphs/shared/subgraph-server.js';
import { createCallCenterServer } from '../../subgraphs/callcenter/server.js';
import { A1, A2, A_CALLS_NEWEST_FIRST, B1, C1, bulkNumber, fixture, openSqliteStore, type OpenedStore } from './fixture.js';
import { internalHeaders } from '../support/viewers.js';

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

let opened: OpenedStore;
let server: RunningServer;

async function post(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await internalHeaders()) },
    body: JSON.stringify({ query, variables }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as GraphQLResponse;
}

/** Posts and counts the SQL statements the request ran. */
async function postCounting(query: string, variables: Record<string, unknown> = {}) {
  let statements = 0;
  const stop = opened.store.database.onStatement(() => (statements += 1));
  try {
    const body = await post(query, variables);
    return { body, statements };
  } finally {
    stop();
  }
}

const customer = (id: string, ...numbers: string[]) => ({ __typename: 'Customer', id, phones: numbers.map((e164) => ({ e164 })) });

const CUSTOMER_CALLS = /* GraphQL */ `
  query ($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Customer {
        id
        calls(first: $first, after: $after) {
          totalCount
          nodes { id startedAt agent { name } queue { name } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`;

interface CallsPage {
  totalCount: number;
  nodes: { id: string; startedAt: string; agent: { name: string } | null; queue: { name: string } | null }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type CustomerEntity = { id: string; calls: CallsPage | null };

const entities = <T>(body: GraphQLResponse) => (body.data?._entities ?? []) as T[];

beforeAll(async () => {
  opened = await openSqliteStore();
  await opened.store.loadSeed(fixture);
  server = await createCallCenterServer({ source: opened.store, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await opened?.dispose();
});

describe('Customer.calls through _entities', () => {
  it('returns calls from all of a customer’s numbers, newest first, with the total', async () => {
    const body = await post(CUSTOMER_CALLS, { representations: [customer('cus_000001', A1, A2), customer('cus_000002', B1), customer('cus_000003', C1)] });
    assert.equal(body.errors, undefined);
    const [a, b, c] = entities<CustomerEntity>(body);
    assert.equal(a?.id, 'cus_000001');
    assert.deepEqual(a?.calls?.nodes.map((n) => n.id), A_CALLS_NEWEST_FIRST);
    assert.equal(a?.calls?.totalCount, 6);
    assert.deepEqual(a?.calls?.nodes[0], { id: 'call_0000006', startedAt: '2026-11-04T12:00:00.000Z', agent: { name: 'Chen Yu' }, queue: { name: 'Sales' } });
    assert.deepEqual(a?.calls?.nodes.find((n) => n.id === 'call_0000002')?.agent, { name: 'Bo Wang' });
    assert.equal(a?.calls?.nodes.find((n) => n.id === 'call_0000002')?.queue, null);
    assert.deepEqual(b?.calls?.nodes.map((n) => n.id), ['call_0000009', 'call_0000007']);
    assert.deepEqual(c?.calls, { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('only finds calls of the numbers the representation carries', async () => {
    const body = await post(CUSTOMER_CALLS, { representations: [customer('cus_000001', A2), customer('cus_000004')] });
    const [onlyA2, noPhones] = entities<CustomerEntity>(body);
    assert.deepEqual(onlyA2?.calls?.nodes.map((n) => n.id), ['call_0000006', 'call_0000005', 'call_0000002']);
    assert.equal(noPhones?.calls?.totalCount, 0);
  });

  it('matches numbers the CRM spelled differently', async () => {
    const body = await post(CUSTOMER_CALLS, { representations: [customer('cus_000002', '+86 137 0000 0049')] });
    assert.equal(entities<CustomerEntity>(body)[0]?.calls?.totalCount, 2);
  });

  it('pages with cursors until the end', async () => {
    const representations = [customer('cus_000001', A1, A2)];
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const body = await post(CUSTOMER_CALLS, { representations, first: 4, after });
      assert.equal(body.errors, undefined);
      const calls = entities<CustomerEntity>(body)[0]?.calls;
      assert.ok(calls);
      assert.equal(calls.totalCount, 6);
      seen.push(...calls.nodes.map((n) => n.id));
      pages += 1;
      if (!calls.pageInfo.hasNextPage) break;
      after = calls.pageInfo.endCursor;
    }
    assert.equal(pages, 2);
    assert.deepEqual(seen, A_CALLS_NEWEST_FIRST);
  });

  it('refuses first: 100000 and a malformed cursor with BAD_USER_INPUT', async () => {
    const representations = [customer('cus_000001', A1)];
    for (const variables of [{ first: 100000 }, { first: -1 }, { after: 'not-a-cursor' }]) {
      const body = await post(CUSTOMER_CALLS, { representations, ...variables });
      assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(variables));
      assert.deepEqual(body.errors?.[0]?.path, ['_entities', 0, 'calls']);
      assert.equal(entities<CustomerEntity>(body)[0]?.calls, null);
    }
  });

  it('gives each customer its last call', async () => {
    const body = await post(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { lastCall { id state disposition } } } }`,
      { representations: [customer('cus_000001', A1, A2), customer('cus_000002', B1), customer('cus_000003', C1)] },
    );
    assert.equal(body.errors, undefined);
    assert.deepEqual(entities(body), [
      { lastCall: { id: 'call_0000006', state: 'ENDED', disposition: 'MISSED' } },
      { lastCall: { id: 'call_0000009', state: 'CONNECTED', disposition: null } },
      { lastCall: null },
    ]);
  });
});

describe('batching', () => {
  const bulk = (n: number) => Array.from({ length: n }, (_, i) => customer(`cus_${String(100 + i).padStart(6, '0')}`, bulkNumber(i)));

  for (const n of [5, 50]) {
    it(`runs 3 statements for ${n} customers' calls with agents and queues`, async () => {
      const { body, statements } = await postCounting(CUSTOMER_CALLS, { representations: bulk(n), first: 10 });
      assert.equal(body.errors, undefined);
      const customers = entities<CustomerEntity>(body);
      assert.equal(customers.length, n);
      for (const c of customers) {
        assert.equal(c.calls?.totalCount, 3);
        assert.ok(c.calls?.nodes.every((node) => node.agent?.name && node.queue?.name));
      }
      // One for all customers' calls, one for their agents, one for their queues.
      assert.equal(statements, 3);
    });
  }

  it('runs one statement for calls and lastCall of 50 customers each, plus one for agents', async () => {
    const { body, statements } = await postCounting(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Customer { lastCall { id agent { id } } calls(first: 2) { totalCount } } } }`,
      { representations: bulk(50) },
    );
    assert.equal(body.errors, undefined);
    assert.equal(entities(body).length, 50);
    assert.equal(statements, 3);
  });

  it('resolves Call, Agent and Queue references in one statement per type; unknown ids are null', async () => {
    const { body, statements } = await postCounting(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Call { id to }
        ... on Agent { id name team presence }
        ... on Queue { id name } } }`,
      {
        representations: [
          { __typename: 'Call', id: 'call_0000001' },
          { __typename: 'Agent', id: 'agt_002' },
          { __typename: 'Call', id: 'call_0404040' },
          { __typename: 'Queue', id: 'q_support' },
          { __typename: 'Call', id: 'call_0000007' },
          { __typename: 'Agent', id: 'agt_404' },
        ],
      },
    );
    assert.equal(body.errors, undefined);
    assert.deepEqual(entities(body), [
      { id: 'call_0000001', to: '+862112345678' },
      { id: 'agt_002', name: 'Bo Wang', team: 'team-sh', presence: 'BUSY' },
      null,
      { id: 'q_support', name: 'Support' },
      { id: 'call_0000007', to: '+862112345678' },
      null,
    ]);
    assert.equal(statements, 3);
  });
});

describe('root fields and Call fields', () => {
  it('answers an unknown call or agent with null and NOT_FOUND', async () => {
    const body = await post(`{ call(id: "call_9999999") { id } }`);
    assert.deepEqual(body.data, { call: null });
    assert.equal(body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.deepEqual(body.errors?.[0]?.path, ['call']);
    const agent = await post(`{ agent(id: "agt_999") { id } }`);
    assert.deepEqual(agent.data, { agent: null });
    assert.equal(agent.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('gives a transferred leg its parent call, and a call its recording and caller', async () => {
    const body = await post(`{
      leg: call(id: "call_0000004") { id holdSeconds parentCall { id disposition agent { name } parentCall { id } } caller { phone } recording { ref } }
      first: call(id: "call_0000001") { direction from to waitSeconds talkSeconds wrapUpSeconds answeredAt endedAt
        recording { ref durationSeconds } caller { phone } parentCall { id } }
      outbound: call(id: "call_0000002") { direction from to caller { phone } }
      withheld: call(id: "call_0000008") { from caller { phone } }
    }`);
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data, {
      leg: {
        id: 'call_0000004',
        holdSeconds: 30,
        parentCall: { id: 'call_0000003', disposition: 'TRANSFERRED', agent: { name: 'Ada Li' }, parentCall: null },
        caller: { phone: A1 },
        recording: null,
      },
      first: {
        direction: 'INBOUND', from: A1, to: '+862112345678', waitSeconds: 12, talkSeconds: 120, wrapUpSeconds: 30,
        answeredAt: '2026-11-01T09:00:12.000Z', endedAt: '2026-11-01T09:02:12.000Z',
        recording: { ref: 'rec/2026/11/01/call_0000001.wav', durationSeconds: 120 }, caller: { phone: A1 }, parentCall: null,
      },
      outbound: { direction: 'OUTBOUND', from: '+862112345678', to: A2, caller: { phone: A2 } },
      withheld: { from: null, caller: null },
    });
  });

  it('lists agents, by team, and queues', async () => {
    const body = await post(`{ all: agents { id } bj: agents(team: "team-bj") { id name } queues { id name } }`);
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data, {
      all: [{ id: 'agt_001' }, { id: 'agt_002' }, { id: 'agt_003' }],
      bj: [{ id: 'agt_001', name: 'Ada Li' }, { id: 'agt_003', name: 'Chen Yu' }],
      queues: [{ id: 'q_sales', name: 'Sales' }, { id: 'q_support', name: 'Support' }],
    });
  });
});
