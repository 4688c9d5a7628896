/**
 * Batching, recorded as dataloader's tests do: a list of customers with their calls and
 * tickets costs one request per subgraph per plan step, and each subgraph runs the same
 * number of SQL statements for 5 customers as for 50.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

const LIST = /* GraphQL */ `
  query CustomerList($first: Int!) {
    customers(first: $first) {
      nodes {
        id displayName tier
        calls(first: 5) { totalCount nodes { id startedAt disposition agent { name team } queue { name } } }
        tickets(first: 3) { totalCount nodes { number subject status priority assignee { name } } }
      }
    }
  }
`;

interface Counts {
  requests: Record<string, number>;
  statements: Record<string, number>;
}

describe('batching', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 200 });
  });
  afterAll(() => stack.close());

  async function measure(first: number): Promise<Counts & { customers: number; calls: number }> {
    const names = ['crm', 'callcenter', 'tickets'] as const;
    const requestsBefore = Object.fromEntries(names.map((n) => [n, stack.gateway.subgraphs.get(n)!.requestCount]));
    const statementsBefore = Object.fromEntries(names.map((n) => [n, stack[n].store!.database.statementCount]));
    const { data, errors } = await stack.query<{ customers: { nodes: { calls: { nodes: unknown[] } }[] } }>(LIST, { first });
    assert.equal(errors, undefined);
    return {
      customers: data!.customers.nodes.length,
      calls: data!.customers.nodes.reduce((sum, c) => sum + c.calls.nodes.length, 0),
      requests: Object.fromEntries(names.map((n) => [n, stack.gateway.subgraphs.get(n)!.requestCount - requestsBefore[n]!])),
      statements: Object.fromEntries(names.map((n) => [n, stack[n].store!.database.statementCount - statementsBefore[n]!])),
    };
  }

  test('50 customers with calls and tickets: one fetch per subgraph per plan step', async () => {
    const fifty = await measure(50);
    assert.equal(fifty.customers, 50);
    assert.ok(fifty.calls > 50, 'the customers have calls to show');
    // Plan: customers from the CRM; then calls (call center) and tickets (tickets) in parallel,
    // each with the CRM's phone numbers or ids as keys; then agents' names for the tickets' assignees.
    assert.deepEqual(fifty.requests, { crm: 1, callcenter: 2, tickets: 1 });
  });

  test('the SQL statement count does not grow with the number of customers', async () => {
    const five = await measure(5);
    const fifty = await measure(50);
    assert.equal(five.customers, 5);
    assert.deepEqual(fifty.requests, five.requests);
    assert.deepEqual(fifty.statements, five.statements);
    for (const [name, count] of Object.entries(fifty.statements)) assert.ok(count <= 5, `${name} ran ${count} statements`);
  });
});
