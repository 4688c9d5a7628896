import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { CUSTOMER_COUNT, crmFixture, newestFirst, startCrm, type GraphQLResult, type RunningCrm } from './fixture.js';

const CUSTOMERS = /* GraphQL */ `
  query ($search: String, $tier: CustomerTier, $first: Int, $after: String) {
    customers(search: $search, tier: $tier, first: $first, after: $after) {
      totalCount
      nodes { id tier }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Connection {
  totalCount: number;
  nodes: { id: string; tier: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('CRM customers', () => {
  const fixture = crmFixture();
  let crm: RunningCrm;
  beforeAll(async () => {
    crm = await startCrm(fixture);
  });
  afterAll(async () => {
    await crm.close();
  });

  const list = (variables: Record<string, unknown>) => crm.query<{ customers: Connection }>(CUSTOMERS, variables);
  const ids = (result: { data?: { customers: Connection } | null }) => result.data?.customers.nodes.map((n) => n.id);

  test('pages through every customer newest first with cursors', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const { data, errors } = await list({ first: 25, after: cursor });
      assert.equal(errors, undefined);
      const connection = data!.customers;
      assert.equal(connection.totalCount, CUSTOMER_COUNT);
      seen.push(...connection.nodes.map((n) => n.id));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, newestFirst(fixture.customers));
    // Same creation time: the higher id comes first.
    assert.ok(seen.indexOf('cus_000011') < seen.indexOf('cus_000010'));
  });

  test('the default page is 20 and first: 0 gives only the count', async () => {
    assert.equal(ids(await list({}))?.length, 20);
    const { data } = await list({ first: 0 });
    assert.deepEqual(data?.customers, { totalCount: CUSTOMER_COUNT, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  test('filters by tier', async () => {
    const gold = fixture.customers.filter((c) => c.tier === 'GOLD');
    const { data } = await list({ tier: 'GOLD', first: 100 });
    assert.equal(data?.customers.totalCount, gold.length);
    assert.deepEqual(ids({ data }), newestFirst(gold));
    assert.ok(data?.customers.nodes.every((n) => n.tier === 'GOLD'));
  });

  test('searches display name, company and email, case-insensitively', async () => {
    assert.deepEqual(ids(await list({ search: 'zHANG' })), ['cus_000001']);
    assert.deepEqual(ids(await list({ search: 'acme trad' })), ['cus_000001']);
    assert.deepEqual(ids(await list({ search: 'EXAMPLE.CN' })), ['cus_000002']);
    assert.deepEqual(ids(await list({ search: 'Customer 5', first: 100 })), ['cus_000059', 'cus_000058', 'cus_000057', 'cus_000056', 'cus_000055', 'cus_000054', 'cus_000053', 'cus_000052', 'cus_000051', 'cus_000050', 'cus_000005']);
    // LIKE wildcards in the search text are literal characters.
    assert.deepEqual(ids(await list({ search: '%' })), ['cus_000004']);
    assert.deepEqual(ids(await list({ search: '_' })), ['cus_000004']);
    assert.deepEqual(ids(await list({ search: 'nobody at all' })), []);
  });

  test('searches by a phone number written in another format', async () => {
    assert.deepEqual(ids(await list({ search: '+86-138-0013-8000' })), ['cus_000001']);
    assert.deepEqual(ids(await list({ search: '010 65529988' })), ['cus_000001']);
    assert.deepEqual(ids(await list({ search: '8613900139000' })), ['cus_000003', 'cus_000002']);
    const { data } = await list({ search: '8613900139000', tier: 'PLATINUM' });
    assert.deepEqual(data?.customers.nodes, [{ id: 'cus_000002', tier: 'PLATINUM' }]);
  });

  test('first above 100, a negative first and a malformed cursor are BAD_USER_INPUT', async () => {
    for (const variables of [{ first: 100000 }, { first: -1 }, { after: 'not-a-cursor' }, { after: Buffer.from('["orders","x","y"]').toString('base64url') }]) {
      const { data, errors } = await list(variables);
      assert.deepEqual(data, { customers: null }, JSON.stringify(variables));
      assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(variables));
    }
  });

  test('a customer by id, with everything; an unknown id is null with NOT_FOUND', async () => {
    const { data, errors } = await crm.query<{ customer: Record<string, unknown> }>(
      `{ customer(id: "cus_000001") {
          id displayName tier emails tags createdAt updatedAt lastContactAt
          company { name industry } owner { id name team }
          phones { e164 raw type }
        } }`,
    );
    assert.equal(errors, undefined);
    assert.deepEqual(data?.customer, {
      id: 'cus_000001',
      displayName: 'Zhang Wei',
      tier: 'GOLD',
      emails: ['zhang.wei@example.com'],
      tags: ['vip', 'wholesale'],
      createdAt: '2026-01-01T01:00:00.000Z',
      updatedAt: '2026-01-01T01:00:00.000Z',
      lastContactAt: '2026-03-01T08:00:00.000Z',
      company: { name: 'Acme Trading', industry: 'Retail' },
      owner: { id: 'own_01', name: 'Chen Jie', team: 'team-bj' },
      phones: [
        { e164: '+8613800138000', raw: '138 0013 8000', type: 'MOBILE' },
        { e164: '+861065529988', raw: '(010) 6552 9988', type: 'LANDLINE' },
      ],
    });
    const missing = await crm.query(`{ customer(id: "cus_999999") { id } }`);
    assert.equal(missing.data?.customer, null);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.deepEqual(missing.errors?.[0]?.path, ['customer']);
  });

  test('orders and activities page newest first; totals stay whole on later pages', async () => {
    const query = `query ($oa: String, $aa: String, $types: [ActivityType!]) { customer(id: "cus_000001") {
        orders(first: 5, after: $oa) { totalCount nodes { id total currency shipment { carrier status } } pageInfo { hasNextPage endCursor } }
        activities(first: 10, after: $aa, types: $types) { totalCount nodes { __typename id type at
          ... on NoteActivity { body } ... on CallLogActivity { callId durationSeconds disposition }
          ... on ChatTranscriptActivity { messages { from text } } } pageInfo { hasNextPage endCursor } }
      } }`;
    type Result = {
      customer: {
        orders: { totalCount: number; nodes: { id: string; shipment: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        activities: { totalCount: number; nodes: { __typename: string; id: string; type: string; at: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    };
    const orderIds: string[] = [];
    const activityIds: string[] = [];
    let oa: string | null = null;
    let aa: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const response: GraphQLResult<Result> = await crm.query<Result>(query, { oa, aa });
      const { data, errors } = response;
      assert.equal(errors, undefined);
      assert.equal(data?.customer.orders.totalCount, 12);
      assert.equal(data?.customer.activities.totalCount, 25);
      orderIds.push(...data!.customer.orders.nodes.map((n) => n.id));
      activityIds.push(...data!.customer.activities.nodes.map((n) => n.id));
      assert.equal(data?.customer.orders.pageInfo.hasNextPage, i < 2);
      assert.equal(data?.customer.activities.pageInfo.hasNextPage, i < 2);
      oa = data!.customer.orders.pageInfo.endCursor;
      aa = data!.customer.activities.pageInfo.endCursor;
    }
    const expectedOrders = fixture.orders.filter((o) => o.customerId === 'cus_000001').sort((a, b) => (a.placedAt < b.placedAt ? 1 : -1));
    assert.deepEqual(orderIds, expectedOrders.map((o) => o.id));
    const expectedActivities = fixture.activities.filter((a) => a.customerId === 'cus_000001').sort((a, b) => (a.at < b.at ? 1 : -1));
    assert.deepEqual(activityIds, expectedActivities.map((a) => a.id));

    const { data } = await crm.query<Result>(query, { types: ['CALL_LOG'] });
    const calls = data!.customer.activities;
    assert.equal(calls.totalCount, expectedActivities.filter((a) => a.type === 'CALL_LOG').length);
    assert.ok(calls.nodes.every((n) => n.__typename === 'CallLogActivity' && n.type === 'CALL_LOG'));
    assert.deepEqual(calls.nodes[0], { __typename: 'CallLogActivity', id: 'act_000001_22', type: 'CALL_LOG', at: expectedActivities[2]!.at, callId: 'call_0000122', durationSeconds: 82, disposition: 'ANSWERED' });

    const first = await crm.query<Result>(query, {});
    assert.deepEqual(first.data?.customer.activities.nodes.slice(0, 2).map((n) => n.__typename), ['NoteActivity', 'ChatTranscriptActivity']);
    assert.deepEqual(first.data?.customer.orders.nodes[0], { id: 'ord_000001_11', total: '111.50', currency: 'CNY', shipment: null });
  });

  test('a malformed or foreign cursor on a nested list is BAD_USER_INPUT', async () => {
    const { errors } = await crm.query(`{ customer(id: "cus_000001") { orders(after: "@@@") { totalCount } } }`);
    assert.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const page = await crm.query<{ customers: Connection }>(CUSTOMERS, { first: 1 });
    const foreign = await crm.query(`query ($c: String) { customer(id: "cus_000001") { activities(after: $c) { totalCount } } }`, {
      c: page.data?.customers.pageInfo.endCursor,
    });
    assert.equal(foreign.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });
});
