/**
 * The record-level rule in the CRM subgraph (docs/authorization.md, "Record-level access"),
 * called directly with the internal token of each kind of caller. In the fixture, own_01
 * (team-bj) owns the odd customers and own_02 (team-sh) the even ones.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { crmFixture, SHARED_NUMBER, startCrm, type GraphQLResult, type RunningCrm } from './fixture.js';
import { internalHeaders, viewer } from '../support/viewers.js';

const EVERY_FIELD = /* GraphQL */ `
  query ($id: ID!) {
    customer(id: $id) {
      id displayName tier status phones { e164 } lastContactAt recordAccess
      emails nationalId company { name } tags owner { id team } createdAt updatedAt
      orders(first: 1) { totalCount }
      activities(first: 1) { totalCount }
      statusHistory(first: 1) { totalCount }
    }
  }
`;

const MINIMAL_FIELDS = ['id', 'displayName', 'tier', 'status', 'phones', 'lastContactAt', 'recordAccess'];
const RESTRICTED_FIELDS = ['emails', 'nationalId', 'company', 'tags', 'owner', 'createdAt', 'updatedAt', 'orders', 'activities', 'statusHistory'];

type Customer = Record<string, unknown> & { id: string; recordAccess: string };

const LANDLINE_OF_CUS_1 = '+861065529988';

describe('CRM record-level access', () => {
  let crm: RunningCrm;
  beforeAll(async () => {
    const fixture = crmFixture();
    // A customer without an account owner belongs to no team.
    fixture.customers.find((c) => c.id === 'cus_000007')!.ownerId = null;
    crm = await startCrm(fixture);
  });
  afterAll(async () => {
    await crm?.close();
  });

  async function customerAs(who: Parameters<typeof internalHeaders>[0], id: string): Promise<GraphQLResult<{ customer: Customer }>> {
    return crm.query<{ customer: Customer }>(EVERY_FIELD, { id }, await internalHeaders(who));
  }

  function assertFull(result: GraphQLResult<{ customer: Customer }>) {
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const customer = result.data!.customer;
    assert.equal(customer.recordAccess, 'FULL');
    for (const field of ['emails', 'tags', 'createdAt', 'updatedAt', 'orders', 'activities', 'statusHistory']) assert.notEqual(customer[field], null, field);
  }

  function assertMinimal(result: GraphQLResult<{ customer: Customer }>, id: string) {
    const customer = result.data!.customer;
    assert.equal(customer.id, id);
    assert.equal(customer.recordAccess, 'MINIMAL');
    assert.ok(typeof customer.displayName === 'string' && typeof customer.tier === 'string' && customer.status === 'ACTIVE');
    assert.ok(Array.isArray(customer.phones) && customer.phones.length > 0, 'phones stay: needed to serve a caller');
    for (const field of RESTRICTED_FIELDS) assert.equal(customer[field], null, field);
    const errors = result.errors ?? [];
    assert.deepEqual(errors.map((e) => e.path?.[1]).sort(), [...RESTRICTED_FIELDS].sort());
    for (const error of errors) {
      assert.equal(error.extensions?.code, 'FORBIDDEN');
      assert.equal(error.extensions?.reason, 'RECORD_RESTRICTED');
      const field = String(error.path?.[1]);
      assert.ok(error.message.includes(`Customer.${field}`), error.message);
      assert.match(error.message, /belongs to another team/);
    }
    assert.ok(!errors.some((e) => MINIMAL_FIELDS.includes(String(e.path?.[1]))));
  }

  test('an agent sees customers of their own team in full', async () => {
    assertFull(await customerAs(viewer('agent', { team: 'team-bj' }), 'cus_000001'));
  });

  test('an agent sees a customer of another team with the minimal fields only', async () => {
    assertMinimal(await customerAs(viewer('agent', { team: 'team-bj' }), 'cus_000002'), 'cus_000002');
    assertMinimal(await customerAs(viewer('agent', { team: 'team-sh' }), 'cus_000001'), 'cus_000001');
  });

  test('a customer without an owner, or an agent without a team, is MINIMAL', async () => {
    assertMinimal(await customerAs(viewer('agent', { team: 'team-bj' }), 'cus_000007'), 'cus_000007');
    assertMinimal(await customerAs(viewer('agent', { team: null }), 'cus_000001'), 'cus_000001');
  });

  test('a customer of another team on one of the agent’s open tickets is FULL', async () => {
    const agent = viewer('agent', { team: 'team-bj', related: { customerIds: ['cus_000002'], phoneNumbers: [] } });
    assertFull(await customerAs(agent, 'cus_000002'));
    assertMinimal(await customerAs(agent, 'cus_000004'), 'cus_000004');
  });

  test('a caller on the agent’s active call is FULL, by any of the customer’s numbers', async () => {
    const agent = viewer('agent', { team: 'team-sh', related: { customerIds: [], phoneNumbers: [LANDLINE_OF_CUS_1] } });
    assertFull(await customerAs(agent, 'cus_000001'));
    assertMinimal(await customerAs(agent, 'cus_000003'), 'cus_000003');
  });

  test('a supervisor sees their team in full and other teams minimal', async () => {
    assertFull(await customerAs(viewer('supervisor', { team: 'team-bj' }), 'cus_000003'));
    assertMinimal(await customerAs(viewer('supervisor', { team: 'team-bj' }), 'cus_000002'), 'cus_000002');
  });

  test('admin and finance are not limited by team (their scopes limit them)', async () => {
    assertFull(await customerAs(viewer('admin', { team: null }), 'cus_000002'));
    const finance = await crm.query<{ customer: Customer }>(
      `query { customer(id: "cus_000002") { recordAccess emails tags lifetimeValue orders(first: 1) { totalCount } } }`,
      {},
      await internalHeaders(viewer('finance', { team: 'team-bj' })),
    );
    assert.equal(finance.errors, undefined, JSON.stringify(finance.errors));
    assert.equal(finance.data?.customer.recordAccess, 'FULL');
    assert.deepEqual(finance.data?.customer.emails, ['l***@example.cn'], 'masked by scope, not by record');
    assert.equal(typeof finance.data?.customer.lifetimeValue, 'string');
  });

  test('in a list, a restricted customer nulls only its own fields', async () => {
    const { data, errors } = await crm.query<{ customers: { nodes: { id: string; recordAccess: string; tags: string[] | null }[] } }>(
      `{ customers(first: 6) { nodes { id recordAccess tags } } }`,
      {},
      await internalHeaders(viewer('agent', { team: 'team-bj' })),
    );
    const nodes = data!.customers.nodes;
    assert.equal(nodes.length, 6);
    for (const node of nodes) {
      const odd = Number(node.id.slice(-1)) % 2 === 1;
      assert.equal(node.recordAccess, odd ? 'FULL' : 'MINIMAL', node.id);
      assert.equal(node.tags === null, !odd, node.id);
    }
    assert.equal(errors?.length, 3);
    assert.ok(errors!.every((e) => e.extensions?.reason === 'RECORD_RESTRICTED' && e.path?.[3] === 'tags'));
  });

  test('caller identification lists every holder of a number, each with its own access', async () => {
    const { data } = await crm.query<{ identifyCaller: { status: string; candidates: { id: string; displayName: string; recordAccess: string; company: unknown }[] } }>(
      `query ($phone: String!) { identifyCaller(phone: $phone) { status candidates { id displayName recordAccess } } }`,
      { phone: SHARED_NUMBER },
      await internalHeaders(viewer('agent', { team: 'team-bj' })),
    );
    assert.equal(data?.identifyCaller.status, 'MULTIPLE');
    assert.deepEqual(
      data?.identifyCaller.candidates.map((c) => [c.id, c.recordAccess]),
      [
        ['cus_000002', 'MINIMAL'],
        ['cus_000003', 'FULL'],
      ],
    );
  });

  test('entity fetches carry the verdict the other subgraphs @require', async () => {
    const { data, errors } = await crm.query<{ _entities: { id: string; recordAccess: string; phones: { e164: string }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id recordAccess phones { e164 } } } }`,
      { r: [{ __typename: 'Customer', id: 'cus_000001' }, { __typename: 'Customer', id: 'cus_000002' }] },
      await internalHeaders(viewer('agent', { team: 'team-bj' })),
    );
    assert.equal(errors, undefined);
    assert.deepEqual(data?._entities.map((c) => [c.id, c.recordAccess]), [
      ['cus_000001', 'FULL'],
      ['cus_000002', 'MINIMAL'],
    ]);
    assert.deepEqual(data?._entities[1]?.phones, [{ e164: SHARED_NUMBER }]);
  });
});
