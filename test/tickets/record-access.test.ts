/**
 * The record-level rule in the ticket system: `Customer.tickets` refuses a customer whose
 * representation carries the CRM's verdict `recordAccess: MINIMAL` (and, for an agent or
 * supervisor, one without a verdict: the rule fails closed).
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Viewer } from '../../schema/viewer.js';
import { startHarness, type GraphQLResponse, type Harness } from './helpers.js';
import { tempSqlite, type TempDatabase } from '../support/databases.js';
import { internalHeaders, viewer } from '../support/viewers.js';

const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Customer { id tickets(first: 2) { totalCount } } }
  }`;

type Entity = { id: string; tickets: { totalCount: number } | null };

const customer = (recordAccess?: 'FULL' | 'MINIMAL') => ({ __typename: 'Customer', id: 'cus_000001', ...(recordAccess ? { recordAccess } : {}) });

let database: TempDatabase;
let harness: Harness;

async function post(who: Viewer, representation: object): Promise<GraphQLResponse> {
  const response = await fetch(harness.server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await internalHeaders(who)) },
    body: JSON.stringify({ query: QUERY, variables: { representations: [representation] } }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as GraphQLResponse;
}

const entity = (body: GraphQLResponse) => (body.data?._entities as Entity[] | undefined)?.[0];

function assertRestricted(body: GraphQLResponse) {
  assert.equal(entity(body)?.id, 'cus_000001');
  assert.equal(entity(body)?.tickets, null);
  assert.equal(body.errors?.length, 1);
  const [error] = body.errors!;
  assert.deepEqual(error?.path, ['_entities', 0, 'tickets']);
  assert.equal(error?.extensions?.code, 'FORBIDDEN');
  assert.equal(error?.extensions?.reason, 'RECORD_RESTRICTED');
  assert.match(error?.message ?? '', /Customer\.tickets of customer cus_000001: the customer belongs to another team/);
}

beforeAll(async () => {
  database = await tempSqlite('tickets');
  harness = await startHarness(database.config);
});

afterAll(async () => {
  await harness?.close();
  await database?.cleanup();
});

describe('Customer tickets and the record-level rule', () => {
  it('a MINIMAL customer gets no tickets: null and FORBIDDEN / RECORD_RESTRICTED', async () => {
    assertRestricted(await post(viewer('agent'), customer('MINIMAL')));
    assertRestricted(await post(viewer('supervisor'), customer('MINIMAL')));
  });

  it('a FULL customer gets its tickets', async () => {
    const body = await post(viewer('agent'), customer('FULL'));
    assert.equal(body.errors, undefined);
    assert.equal(entity(body)?.tickets?.totalCount, 5);
  });

  it('without a verdict an agent is refused; roles without a record restriction are not', async () => {
    assertRestricted(await post(viewer('agent'), customer()));
    const admin = await post(viewer('admin'), customer());
    assert.equal(admin.errors, undefined);
    assert.equal(entity(admin)?.tickets?.totalCount, 5);
  });
});
