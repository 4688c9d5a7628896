/**
 * Every rule that inspects an operation reads it as GraphQL executes it, through one walker
 * (gateway/operation/): `@skip`/`@include` decided with the request's variables, fragments
 * (inline and named, nested, spread many times) resolved, and the work bounded whatever the
 * spelling: a token limit, a selection limit, and walks that visit each fragment once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { Supergraph } from '@apollo/federation-internals';
import { parse, type GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { readSecurityRules } from '../../gateway/authz/security-rules.js';
import { operationCost } from '../../gateway/demand/operation-cost.js';
import { expandedSelections } from '../../gateway/operation/limits.js';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

function apiSchema(): GraphQLSchema {
  const sdl = readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8');
  return Supergraph.build(readSecurityRules(sdl).executableSdl).apiSchema().toGraphQLJSSchema();
}

/** `levels` fragments, each spreading the previous one twice: 2^levels copies of F0 once expanded. */
function doublingFragments(levels: number, spread = (name: string) => `...${name} ...${name}`): string {
  let fragments = 'fragment F0 on Customer { id displayName }\n';
  for (let i = 1; i <= levels; i++) fragments += `fragment F${i} on Customer { ${spread(`F${i - 1}`)} }\n`;
  return fragments;
}

describe('the operation walker, without a server', () => {
  const schema = apiSchema();

  test('cost and depth are computed once per fragment: 40 levels of doubling by alias answer at once', () => {
    // Each level selects the previous fragment under two aliases: 2^40 copies once expanded.
    const path = (alias: string, inner: string) => `${alias}: calls(first: 1) { nodes { caller { candidates { ...${inner} } } } }`;
    let fragments = 'fragment A0 on Customer { id }\n';
    for (let i = 1; i <= 40; i++) fragments += `fragment A${i} on Customer { ${path('a', `A${i - 1}`)} ${path('b', `A${i - 1}`)} }\n`;
    const { cost, depth } = operationCost(schema, parse(`query { customer(id: "c") { ...A40 } }\n${fragments}`), null, {});
    assert.ok(cost > 2 ** 40 && Number.isFinite(cost), `cost ${cost}`);
    assert.equal(depth, 1 + 4 * 40 + 1);
    const doubled = parse(`query { customers(first: 1) { nodes { ...F60 } } }\n${doublingFragments(60)}`);
    assert.equal(operationCost(schema, doubled, null, {}).cost, 1 + 1 * (1 + 2), 'a fragment spread twice at one level runs once');
  });

  test('fragments whose type conditions cannot match the same object count as the costliest one, not their sum', () => {
    const cost = (selection: string) => operationCost(schema, parse(`{ customer(id: "c") { activities(first: 10) { nodes { ${selection} } } } }`), null, {}).cost;
    const note = cost('... on NoteActivity { body }');
    const call = cost('... on CallLogActivity { durationSeconds disposition agentId }');
    const both = cost('... on NoteActivity { body } ... on CallLogActivity { durationSeconds disposition agentId }');
    assert.equal(both, Math.max(note, call));
    const neither = cost('__typename');
    assert.ok(both < note + call - neither, `${both} vs ${note} + ${call} - ${neither}`);
  });

  test("a connection's page multiplies its nodes, not its totalCount or pageInfo", () => {
    const cost = (selection: string) => operationCost(schema, parse(`{ customers(first: 50) { ${selection} } }`), null, {}).cost;
    assert.equal(cost('totalCount'), 1 + 1);
    assert.equal(cost('totalCount pageInfo { hasNextPage endCursor }'), 1 + 1 + (1 + 2));
    assert.equal(cost('nodes { id }'), 1 + (1 + 50 * 1));
    assert.equal(cost('totalCount nodes { id calls(first: 5) { totalCount nodes { id } } }'), 1 + 1 + (1 + 50 * (1 + (1 + 1 + (1 + 5 * 1)))));
  });

  test('skipped and excluded selections cost nothing; included ones count', () => {
    const query = 'query($v: Boolean!) { customers(first: 50) { nodes { id calls(first: 20) @include(if: $v) { nodes { id } } } } }';
    const document = parse(query);
    const off = operationCost(schema, document, null, { v: false }).cost;
    const on = operationCost(schema, document, null, { v: true }).cost;
    assert.ok(on > off * 10, `${on} vs ${off}`);
  });

  test('a page of 0 still counts what it selects once', () => {
    const zero = operationCost(schema, parse(`query { customers(first: 0) { nodes { ...F30 } } }\n${doublingFragments(30, (n) => `a: recordAccess { __typename } ...${n}`)}`), null, {});
    assert.ok(zero.cost >= 3, `cost ${zero.cost}`);
  });

  test('the selection count expands every spread where it stands, once per fragment', () => {
    const counts = expandedSelections(parse(`query Q { customers { nodes { ...F30 } } }\n${doublingFragments(30)}`));
    // customers, nodes, the spread of F30, then 2 spreads per level and F0's two fields.
    assert.equal(counts.get('Q'), 3 + (2 ** 31 - 2) + 2 ** 30 * 2);
  });
});

describe('the operation walker, through the gateway', () => {
  let stack: Stack;
  let customerId: string;
  let agent: { id: string; team: string };
  let otherAgent: { id: string };
  const clients: Client[] = [];

  beforeAll(async () => {
    stack = await startStack({ customers: 30, gatewayEnv: { SWITCHBOARD_MAX_TOKENS: '2000' } });
    customerId = (await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }')).data!.customers.nodes[0]!.id;
    const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
    agent = agents[0]!;
    otherAgent = agents.find((a) => a.id !== agent.id)!;
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await stack?.close();
  });

  test('21 fragments each spreading the previous twice are refused at validation, and /health still answers', async () => {
    const query = `query Bomb { customers(first: 1) { nodes { ...F21 } } }\n${doublingFragments(21)}`;
    assert.ok(query.length < 1500);
    const health = fetch(`${stack.gateway.url}/health`).then((r) => r.status);
    const response = await stack.query(query);
    assert.equal(response.status, 400);
    assert.equal(response.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(response.errors![0]!.message, /expands to \d+ selections.*limit is 5000/);
    assert.equal(await health, 200);
  });

  test('a document over the token limit is refused before it is parsed further', async () => {
    const response = await stack.query(`{ ${'__typename '.repeat(2500)} }`);
    assert.equal(response.status, 400);
    assert.equal(response.errors?.[0]?.extensions?.code, 'GRAPHQL_PARSE_FAILED');
    assert.match(response.errors![0]!.message, /2000 tokens/);
  });

  test('a forbidden field excluded by @include/@skip with the request variables is not refused; included, it is', async () => {
    const spellings = [
      'query($v: Boolean!) { customers(first: 2) { nodes { id lifetimeValue @include(if: $v) } } }',
      'query($v: Boolean!) { customers(first: 2) { nodes { id ... @include(if: $v) { lifetimeValue } } } }',
      'query($v: Boolean!) { customers(first: 2) { nodes { id ...Money @include(if: $v) } } } fragment Money on Customer { lifetimeValue }',
      'query($v: Boolean!) { customers(first: 2) { nodes { id lifetimeValue @skip(if: $v) } } }',
    ];
    for (const [index, query] of spellings.entries()) {
      const skip = index === 3;
      const excluded = await stack.queryAs<{ customers: { nodes: Record<string, unknown>[] } }>('agent', query, { v: skip });
      assert.equal(excluded.errors, undefined, query);
      assert.equal(excluded.data!.customers.nodes.length, 2);
      assert.ok(excluded.data!.customers.nodes.every((n) => !('lifetimeValue' in n)), query);
      const included = await stack.queryAs<{ customers: { nodes: Record<string, unknown>[] } }>('agent', query, { v: !skip });
      assert.deepEqual(
        included.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]),
        [['FORBIDDEN', 'customers.nodes.lifetimeValue']],
        query,
      );
      assert.ok(included.data!.customers.nodes.every((n) => n.lifetimeValue === null && typeof n.id === 'string'), query);
    }
  });

  test('a named fragment spread under two narrower type conditions keeps its fields for both types', async () => {
    await stack.query('mutation($id: ID!) { addCustomerNote(input: { customerId: $id, body: "walker note" }) { id } }', { id: customerId });
    await stack.query('mutation($id: ID!) { logCall(input: { customerId: $id, callId: "walker-call-1", at: "2026-10-31T10:00:00Z", durationSeconds: 60, disposition: "ANSWERED" }) { id } }', {
      id: customerId,
    });
    // nationalId is a sensitive read, so the gateway rewrites this operation (inlining its fragments) before planning.
    const query = `query($id: ID!) { customer(id: $id) { nationalId activities(first: 20) { nodes { __typename ... on NoteActivity { ...Seen body } ... on CallLogActivity { ...Seen durationSeconds } } } } }
      fragment Seen on Activity { id at }`;
    const result = await stack.query<{ customer: { activities: { nodes: { __typename: string; id?: string; at?: string }[] } } }>(query, { id: customerId });
    assert.equal(result.errors, undefined);
    const nodes = result.data!.customer.activities.nodes;
    assert.deepEqual([...new Set(nodes.map((n) => n.__typename))].sort(), ['CallLogActivity', 'NoteActivity']);
    assert.ok(nodes.every((n) => typeof n.id === 'string' && typeof n.at === 'string'), JSON.stringify(nodes));
  });

  test('a mutation spelled inside fragments is audited with its field and customer', async () => {
    const query = `mutation Wrapped($id: ID!) { ...Write }
      fragment Write on Mutation { ... on Mutation { addCustomerNote(input: { customerId: $id, body: "wrapped" }) { id } } }`;
    const written = await stack.query(query, { id: customerId });
    assert.equal(written.errors, undefined);
    const events = await stack.query<{ auditEvents: { nodes: { operationName: string; kind: string; fields: string[]; customerIds: string[] }[] } }>(
      '{ auditEvents(filter: { kind: MUTATION }, first: 50) { nodes { operationName kind fields customerIds } } }',
    );
    const event = events.data!.auditEvents.nodes.find((e) => e.operationName === 'Wrapped');
    assert.ok(event, JSON.stringify(events));
    assert.deepEqual(event.fields, ['Mutation.addCustomerNote']);
    assert.deepEqual(event.customerIds, [customerId]);
  });

  /** Subscribes over the gateway's WebSocket and resolves with the first result or error. */
  async function firstResult(authorization: string, query: string, variables: Record<string, unknown>): Promise<{ errors?: { extensions?: Record<string, unknown> }[] }> {
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization } });
    clients.push(client);
    return new Promise((resolve) => {
      setTimeout(() => resolve({}), 3000); // no refusal: the subscription started
      client.subscribe(
        { query, variables },
        {
          next: (value) => resolve(value as never),
          error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ extensions: { code: String(error) } }] }),
          complete: () => resolve({}),
        },
      );
    });
  }

  test('a subscription root field inside an inline or a named fragment meets the call-event access rule', async () => {
    const authorization = await bearer('agent', { agentId: agent.id, team: agent.team });
    const spellings = [
      'subscription { ... on Subscription { callEvents { type call { id } } } }',
      'subscription { ...Events } fragment Events on Subscription { callEvents { type call { id } } }',
      'subscription($a: ID) { ...Events } fragment Events on Subscription { ... on Subscription { callEvents(agentId: $a) { type call { id } } } }',
    ];
    for (const query of spellings) {
      const result = await firstResult(authorization, query, query.includes('$a') ? { a: otherAgent.id } : {});
      assert.equal(result.errors?.[0]?.extensions?.code, 'FORBIDDEN', query);
    }
  });
});
