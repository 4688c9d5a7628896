/**
 * Demand control: operations above the cost or depth limit are refused before anything
 * runs, with the estimate and the limit in the error; a trusted persisted operation may go
 * higher, and only its exact text.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

const HEAVY = `query Heavy { customers(first: 100) { nodes { id calls(first: 100) { nodes { id agent { name } } } tickets(first: 100) { nodes { number } } } } }`;
/** ticket → relatedCall → tickets → relatedCall → … : 16 levels. */
const DEEP = `query Deep($id: ID!) { ticket(id: $id) { ${'relatedCall { tickets { '.repeat(7)}id${' } }'.repeat(7)} } }`;

describe('demand control', () => {
  let stack: Stack;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-persisted-'));
    const manifest = join(dir, 'persisted-operations.json');
    writeFileSync(manifest, JSON.stringify({ operations: [{ client: 'supervisor-dashboard', query: HEAVY, maxCost: 2_000_000 }] }));
    stack = await startStack({ customers: 30, gatewayEnv: { SWITCHBOARD_MAX_COST: '20000', SWITCHBOARD_MAX_DEPTH: '12', SWITCHBOARD_PERSISTED_OPERATIONS: manifest } });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function subgraphRequests(): number {
    return [...stack.gateway.subgraphs.values()].reduce((sum, client) => sum + client.requestCount, 0);
  }

  test('an ordinary unified view is well within the limit', async () => {
    const { errors } = await stack.query('{ customers(first: 20) { nodes { id calls(first: 5) { nodes { id agent { name } } } tickets(first: 3) { totalCount } } } }');
    assert.equal(errors, undefined);
  });

  test('an operation above the cost limit is refused with its cost and the limit, and nothing runs', async () => {
    const before = subgraphRequests();
    const variant = HEAVY.replace('query Heavy', 'query HeavyAdHoc');
    const { data, errors } = await stack.query(variant);
    assert.equal(data ?? null, null);
    assert.equal(errors?.[0]?.extensions?.code, 'COST_ESTIMATED_TOO_EXPENSIVE');
    const { cost, maxCost } = errors![0]!.extensions as { cost: number; maxCost: number };
    assert.equal(maxCost, 20000);
    assert.ok(cost > 20000);
    assert.match(errors![0]!.message, new RegExp(`${cost}.*20000`));
    assert.equal(subgraphRequests(), before);
  });

  test('page sizes from variables count', async () => {
    const query = 'query($n: Int) { customers(first: $n) { nodes { calls(first: $n) { nodes { agent { name } } } } } }';
    assert.equal((await stack.query(query, { n: 5 })).errors, undefined);
    assert.equal((await stack.query(query, { n: 100 })).errors?.[0]?.extensions?.code, 'COST_ESTIMATED_TOO_EXPENSIVE');
  });

  test('an operation nested deeper than the limit is refused', async () => {
    const { errors } = await stack.query(DEEP, { id: 'tkt_000001' });
    assert.equal(errors?.[0]?.extensions?.code, 'MAX_DEPTH_EXCEEDED');
    assert.match(errors![0]!.message, /limit is 12/);
  });

  test("a trusted client's persisted operation may cost more, but only its exact text", async () => {
    const trusted = await stack.query<{ customers: { nodes: unknown[] } }>(HEAVY);
    assert.equal(trusted.errors, undefined);
    assert.ok(trusted.data!.customers.nodes.length > 0);
    const edited = await stack.query(HEAVY.replace('nodes { number }', 'nodes { number subject }'));
    assert.equal(edited.errors?.[0]?.extensions?.code, 'COST_ESTIMATED_TOO_EXPENSIVE');
  });
});
