/**
 * The record-level rule in the call center: `Customer.calls` / `lastCall` refuse a customer
 * whose representation carries the CRM's verdict `recordAccess: MINIMAL` (and, for an agent
 * or supervisor, one without a verdict: the rule fails closed).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import type { Viewer } from '../../schema/viewer.js';
import { createCallCenterServer } from '../../subgraphs/callcenter/server.js';
import type { RunningServer } from '../../subgraphs/shared/subgraph-server.js';
import { A1, A2, fixture, openSqliteStore, type OpenedStore } from './fixture.js';
import { internalHeaders, viewer } from '../support/viewers.js';

interface GraphQLResponse {
  data?: { _entities: ({ id: string; calls: { totalCount: number } | null; lastCall: { id: string } | null } | null)[] } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Customer { id calls(first: 2) { totalCount } lastCall { id } } }
  }`;

const customer = (recordAccess?: 'FULL' | 'MINIMAL') => ({
  __typename: 'Customer',
  id: 'cus_000001',
  phones: [{ e164: A1 }, { e164: A2 }],
  ...(recordAccess ? { recordAccess } : {}),
});

let opened: OpenedStore;
let server: RunningServer;

async function post(who: Viewer, representation: object): Promise<GraphQLResponse> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await internalHeaders(who)) },
    body: JSON.stringify({ query: QUERY, variables: { representations: [representation] } }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as GraphQLResponse;
}

function assertRestricted(body: GraphQLResponse) {
  const entity = body.data?._entities[0];
  assert.equal(entity?.id, 'cus_000001');
  assert.equal(entity?.calls, null);
  assert.equal(entity?.lastCall, null);
  assert.deepEqual(body.errors?.map((e) => e.path?.[2]).sort(), ['calls', 'lastCall']);
  for (const error of body.errors ?? []) {
    assert.equal(error.extensions?.code, 'FORBIDDEN');
    assert.equal(error.extensions?.reason, 'RECORD_RESTRICTED');
    assert.match(error.message, /Customer\.(calls|lastCall) of customer cus_000001: the customer belongs to another team/);
  }
}

beforeAll(async () => {
  opened = await openSqliteStore();
  await opened.store.loadSeed(fixture);
  server = await createCallCenterServer({ source: opened.store, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await opened?.dispose();
});

describe('Customer calls and the record-level rule', () => {
  it('a MINIMAL customer gets no calls: null and FORBIDDEN / RECORD_RESTRICTED', async () => {
    assertRestricted(await post(viewer('agent'), customer('MINIMAL')));
    assertRestricted(await post(viewer('supervisor'), customer('MINIMAL')));
  });

  it('a FULL customer gets its calls', async () => {
    const body = await post(viewer('agent'), customer('FULL'));
    assert.equal(body.errors, undefined);
    assert.equal(body.data?._entities[0]?.calls?.totalCount, 6);
    assert.equal(body.data?._entities[0]?.lastCall?.id, 'call_0000006');
  });

  it('without a verdict an agent is refused; roles without a record restriction are not', async () => {
    assertRestricted(await post(viewer('agent'), customer()));
    const admin = await post(viewer('admin'), customer());
    assert.equal(admin.errors, undefined);
    assert.equal(admin.data?._entities[0]?.calls?.totalCount, 6);
  });
});
