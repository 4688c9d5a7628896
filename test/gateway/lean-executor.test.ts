/**
 * The gateway executes query plans with its own executor (gateway/execution/): the operation
 * and its result shaper prepared once per query text. Its contract is to answer exactly as
 * `@apollo/gateway`'s executor does. Outside production a request with the
 * `Apollo-Query-Plan-Experimental` header is served by Apollo's executor (which then adds the
 * plan under `extensions.__queryPlanExperimental`; a counter on Apollo's `executeQueryPlan`
 * proves which executor served each request), so the same gateway, subgraphs and data
 * answer each request both ways here, side by side: the unified view, the 50-customer list,
 * aliases, fragments, `@skip`/`@include`, introspection beside data, and the ticket system
 * failing in several ways (partial data, errors with their paths). Stack traces (development
 * mode only) name each executor's own source lines and are left out of the comparison.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { CUSTOMER_VIEW } from '../../schema/operations/index.js';
import { CUSTOMER_LIST } from '../../bench/gateway/workloads.js';
import { startFaultySubgraph, type FaultMode, type FaultySubgraph } from '../support/faulty-subgraph.js';
import { startStack, type GraphQLResponse, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

const APOLLO = { 'Apollo-Query-Plan-Experimental': '1' };

/**
 * Counts the calls of Apollo's `executeQueryPlan`, which `ApolloGateway`'s own executor looks
 * up on its module's exports at each call: proof of which executor served a request.
 */
const apolloModule = createRequire(import.meta.url)('@apollo/gateway/dist/executeQueryPlan.js') as { executeQueryPlan: (...args: unknown[]) => unknown };
let apolloExecutions = 0;
const original = apolloModule.executeQueryPlan;
apolloModule.executeQueryPlan = (...args: unknown[]) => {
  apolloExecutions += 1;
  return original(...args);
};

const SHAPES = /* GraphQL */ `
  query Shapes($withTier: Boolean!, $skipPhones: Boolean = false, $first: Int = 2) {
    kind: __typename
    __type(name: "Customer") { name }
    list: customers(first: $first) {
      totalCount
      nodes {
        __typename
        customerId: id
        tier @include(if: $withTier)
        phones @skip(if: $skipPhones) { e164 }
        ... on Customer { displayName tickets(first: 1) { nodes { subject } } }
        ...Calls
      }
    }
  }
  fragment Calls on Customer { calls(first: 2) { totalCount nodes { direction agent { name } } } }
`;

describe('the gateway executor answers as @apollo/gateway executor', () => {
  let stack: Stack;
  let tickets: FaultySubgraph;
  let admin: Record<string, string>;
  let phone: string;

  beforeAll(async () => {
    tickets = await startFaultySubgraph();
    stack = await startStack({
      customers: 40,
      subgraphTimeoutMs: 1500,
      subgraphUrls: { tickets: tickets.url },
      // Each failure is provoked on purpose; an open breaker would answer the second request differently.
      gatewayEnv: { SWITCHBOARD_BREAKER_FAILURE_PERCENT: '100' },
    });
    tickets.upstream = stack.tickets.server.graphqlUrl;
    admin = { authorization: await bearer('admin') };
    const page = await stack.query<{ customers: { nodes: { phones: { e164: string }[] }[] } }>('{ customers(first: 40) { nodes { phones { e164 } } } }');
    phone = page.data!.customers.nodes.find((node) => node.phones.length > 0)!.phones[0]!.e164;
  });
  afterAll(async () => {
    await stack?.close();
    await tickets?.close();
    apolloModule.executeQueryPlan = original;
  });

  /** The request answered by the gateway's executor and by Apollo's; returns both, the plan extension dropped. */
  async function bothWays(query: string, variables?: Record<string, unknown>) {
    const before = apolloExecutions;
    const ours = await stack.query(query, variables, admin);
    assert.equal(apolloExecutions, before, "the gateway's executor served the first request");
    const apollo = await stack.query(query, variables, { ...admin, ...APOLLO });
    assert.equal(apolloExecutions, before + 1, "Apollo's executor served the second");
    const apolloBody = apollo as GraphQLResponse<unknown> & { extensions?: Record<string, unknown> };
    assert.ok(apolloBody.extensions?.__queryPlanExperimental, 'Apollo executor served the second request');
    assert.equal((ours as { extensions?: Record<string, unknown> }).extensions?.__queryPlanExperimental, undefined, 'the gateway executor served the first');
    delete apolloBody.extensions?.__queryPlanExperimental;
    if (apolloBody.extensions && Object.keys(apolloBody.extensions).length === 0) delete apolloBody.extensions;
    for (const error of [...(ours.errors ?? []), ...(apolloBody.errors ?? [])]) delete error.extensions?.stacktrace;
    return { ours, apollo: apolloBody };
  }

  const cases: [string, () => string, () => Record<string, unknown> | undefined][] = [
    ['the unified customer view', () => CUSTOMER_VIEW, () => ({ phone })],
    ['the 50-customer list', () => CUSTOMER_LIST, () => ({ after: null })],
    ['aliases, fragments, @skip/@include, __typename and introspection', () => SHAPES, () => ({ withTier: true })],
    ['the same with other variables', () => SHAPES, () => ({ withTier: false, skipPhones: true, first: 5 })],
  ];

  for (const [name, query, variables] of cases) {
    test(`${name}: same status, data and errors`, async () => {
      const { ours, apollo } = await bothWays(query(), variables());
      assert.deepEqual(ours, apollo);
      assert.ok(ours.data, 'the case returns data');
    });
  }

  test('an introspection field that fails: the same error', async () => {
    // Valid (a nullable variable with a default may fill a non-null argument), yet null at run time.
    const { ours, apollo } = await bothWays('query Type($name: String = "Customer") { __type(name: $name) { name } }', { name: null });
    assert.deepEqual(ours, apollo);
    assert.match(ours.errors?.[0]?.message ?? '', /should not have failed but got/);
  });

  for (const mode of ['graphql-500', 'wrong-entities', 'not-graphql'] satisfies FaultMode[]) {
    test(`ticket system ${mode}: the same partial data and errors with their paths`, async () => {
      await tickets.setMode(mode);
      try {
        for (const [query, variables] of [
          [CUSTOMER_LIST, { after: null }],
          [SHAPES, { withTier: true }],
        ] as const) {
          const { ours, apollo } = await bothWays(query, variables);
          assert.deepEqual(ours, apollo);
          assert.ok((ours.errors ?? []).length > 0, 'the failure shows as errors');
          assert.ok(ours.data, 'the other systems still answer');
        }
      } finally {
        await tickets.setMode('pass');
      }
    });
  }
});
