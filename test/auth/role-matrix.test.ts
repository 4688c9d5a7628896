/**
 * The documented role × field table (docs/authorization.md), proven through the gateway
 * against the real subgraphs: each cell is `allowed` (the real value), `masked` (a masked
 * value) or `removed` (`null` plus a FORBIDDEN error with the field's path, and the field
 * never sent to its subgraph).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Scope } from '../../schema/access.js';
import { startStack, type GraphQLResponse, type Stack } from '../support/stack.js';
import { bearer, type TestRole } from '../support/viewers.js';

type Cell = 'allowed' | 'masked' | 'removed';
type Field = 'displayName' | 'emails' | 'nationalId' | 'lifetimeValue' | 'orderTotal' | 'calls' | 'recording' | 'tickets';

// The table, written out by hand: it must match docs/authorization.md.
const TABLE: Record<TestRole | 'service', Record<Field, Cell>> = {
  agent: { displayName: 'allowed', emails: 'masked', nationalId: 'masked', lifetimeValue: 'removed', orderTotal: 'removed', calls: 'allowed', recording: 'removed', tickets: 'allowed' },
  supervisor: { displayName: 'allowed', emails: 'masked', nationalId: 'masked', lifetimeValue: 'removed', orderTotal: 'removed', calls: 'allowed', recording: 'allowed', tickets: 'allowed' },
  finance: { displayName: 'allowed', emails: 'masked', nationalId: 'masked', lifetimeValue: 'allowed', orderTotal: 'allowed', calls: 'removed', recording: 'removed', tickets: 'removed' },
  analyst: { displayName: 'removed', emails: 'removed', nationalId: 'removed', lifetimeValue: 'removed', orderTotal: 'removed', calls: 'removed', recording: 'removed', tickets: 'removed' },
  admin: { displayName: 'allowed', emails: 'allowed', nationalId: 'allowed', lifetimeValue: 'allowed', orderTotal: 'allowed', calls: 'allowed', recording: 'allowed', tickets: 'allowed' },
  // A service account whose key holds customers:read and calls:read (a call-log archiver, say).
  service: { displayName: 'allowed', emails: 'masked', nationalId: 'masked', lifetimeValue: 'removed', orderTotal: 'removed', calls: 'allowed', recording: 'removed', tickets: 'removed' },
};
const SERVICE_SCOPES: Scope[] = ['customers:read', 'calls:read'];

const VIEW = /* GraphQL */ `
  query Matrix($id: ID!) {
    customer(id: $id) {
      displayName emails nationalId lifetimeValue
      orders(first: 5) { nodes { number total } }
      calls(first: 20) { nodes { id recording { ref } } }
      tickets(first: 5) { totalCount }
    }
  }
`;
interface View {
  customer: {
    displayName: string | null;
    emails: string[] | null;
    nationalId: string | null;
    lifetimeValue: string | null;
    orders: { nodes: { number: string; total: string | null }[] } | null;
    calls: { nodes: { id: string; recording: { ref: string } | null }[] } | null;
    tickets: { totalCount: number } | null;
  } | null;
}

describe('role × field matrix', () => {
  let stack: Stack;
  let customerId: string;
  let truth: NonNullable<View['customer']>;
  let serviceKey: string;

  before(async () => {
    stack = await startStack({ customers: 150 });
    // A customer of the agents' team (team-bj) with everything the table talks about.
    const list = await stack.query<{ customers: { nodes: { id: string; owner: { team: string } | null; nationalId: string | null; emails: string[]; orders: { totalCount: number }; calls: { nodes: { recording: unknown }[] } }[] } }>(
      '{ customers(first: 100) { nodes { id owner { team } nationalId emails orders(first: 1) { totalCount } calls(first: 20) { nodes { recording { ref } } } } } }',
    );
    const candidate = list.data!.customers.nodes.find(
      (c) => c.owner?.team === 'team-bj' && c.nationalId && c.emails.length > 0 && c.orders.totalCount > 0 && c.calls.nodes.some((call) => call.recording),
    );
    assert.ok(candidate, 'the seeded data has a team-bj customer with a national ID, emails, orders and recorded calls');
    customerId = candidate.id;
    truth = (await stack.query<View>(VIEW, { id: customerId })).data!.customer!;
    serviceKey = (await stack.gateway.store.createApiKey('archiver', SERVICE_SCOPES)).key;
  });
  after(() => stack.close());

  function cells(response: GraphQLResponse<View>): Record<Field, Cell> {
    const customer = response.data?.customer ?? null;
    const forbidden = (path: string) => response.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && (e.path ?? []).join('.') === path) ?? false;
    const removedAt = (value: unknown, path: string, rootRemoved = customer === null && forbidden('customer')) => {
      if (rootRemoved) return 'removed' as const;
      assert.equal(value, null, `${path} is null when removed`);
      assert.ok(forbidden(path), `a FORBIDDEN error names ${path}`);
      return 'removed' as const;
    };
    const judge = (value: unknown, real: unknown, path: string, masked?: (v: unknown) => boolean): Cell => {
      if (customer === null || value === null || value === undefined) return removedAt(value ?? null, path);
      if (JSON.stringify(value) === JSON.stringify(real)) return 'allowed';
      assert.ok(masked?.(value), `${path}: ${JSON.stringify(value)} is neither the real value nor masked`);
      return 'masked';
    };
    const recorded = customer?.calls?.nodes.find((c) => truth.calls!.nodes.find((t) => t.id === c.id)?.recording);
    return {
      displayName: judge(customer?.displayName, truth.displayName, 'customer.displayName'),
      emails: judge(customer?.emails, truth.emails, 'customer.emails', (v) => Array.isArray(v) && v.every((e) => /^.\*\*\*@/.test(e as string))),
      nationalId: judge(customer?.nationalId, truth.nationalId, 'customer.nationalId', (v) => /^\d{3}\*+[\dX]{4}$/.test(v as string)),
      lifetimeValue: judge(customer?.lifetimeValue, truth.lifetimeValue, 'customer.lifetimeValue'),
      orderTotal: judge(customer?.orders?.nodes[0]?.total, truth.orders!.nodes[0]!.total, 'customer.orders.nodes.total'),
      calls: judge(customer?.calls && customer.calls.nodes.map((c) => c.id), truth.calls!.nodes.map((c) => c.id), 'customer.calls'),
      recording: customer?.calls ? judge(recorded?.recording, truth.calls!.nodes.find((t) => t.id === recorded?.id)?.recording, 'customer.calls.nodes.recording') : 'removed',
      tickets: judge(customer?.tickets, truth.tickets, 'customer.tickets'),
    };
  }

  for (const role of Object.keys(TABLE) as (TestRole | 'service')[]) {
    test(`${role}: ${Object.entries(TABLE[role]).map(([f, c]) => `${f} ${c}`).join(', ')}`, async () => {
      const headers: Record<string, string> = role === 'service' ? { 'x-api-key': serviceKey } : { authorization: await bearer(role, { team: 'team-bj' }) };
      const callsBefore = stack.gateway.subgraphs.get('callcenter')!.requestCount;
      const response = await stack.query<View>(VIEW, { id: customerId }, headers);
      assert.equal(response.status, 200);
      assert.deepEqual(cells(response), TABLE[role]);
      if (TABLE[role].calls === 'removed') {
        assert.equal(stack.gateway.subgraphs.get('callcenter')!.requestCount, callsBefore, 'a removed field never reaches its subgraph');
      }
    });
  }

  test('record-level rule through the gateway: an agent of another team sees only what serves a caller', async () => {
    const response = await stack.query<View & { customer: { recordAccess: string; tier: string } }>(
      'query($id: ID!) { customer(id: $id) { displayName tier recordAccess emails orders(first: 1) { totalCount } tickets(first: 1) { totalCount } } }',
      { id: customerId },
      { authorization: await bearer('agent', { team: 'team-intl' }) },
    );
    const customer = response.data!.customer as unknown as { displayName: string; recordAccess: string; emails: unknown; orders: unknown; tickets: unknown };
    assert.equal(customer.recordAccess, 'MINIMAL');
    assert.equal(customer.displayName, truth.displayName);
    assert.equal(customer.emails, null);
    assert.equal(customer.orders, null);
    assert.equal(customer.tickets, null, 'the ticket system learns the verdict through @requires');
    for (const field of ['emails', 'orders', 'tickets']) {
      assert.ok(response.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.reason === 'RECORD_RESTRICTED' && (e.path ?? []).join('.') === `customer.${field}`), field);
    }
  });

  test('reports need reports:read: supervisors, analysts and admins get them, agents and finance do not', async () => {
    const report = `{ callCenterMetrics(range: { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z", timeZone: "Asia/Shanghai" }) { totals { offered } } }`;
    for (const [role, allowed] of [['supervisor', true], ['analyst', true], ['admin', true], ['agent', false], ['finance', false]] as const) {
      const { data, errors } = await stack.queryAs<{ callCenterMetrics: { totals: { offered: number } } | null }>(role, report);
      if (allowed) {
        assert.equal(errors, undefined, role);
        assert.ok(data!.callCenterMetrics!.totals.offered > 0, role);
      } else {
        assert.equal(data?.callCenterMetrics ?? null, null, role);
        assert.equal(errors?.[0]?.extensions?.code, 'FORBIDDEN', role);
      }
    }
  });

  test('with SWITCHBOARD_REJECT_UNAUTHORIZED the whole operation is refused instead', async () => {
    const strict = await startStack({ customers: 5, gatewayEnv: { SWITCHBOARD_REJECT_UNAUTHORIZED: 'true' } });
    try {
      const id = (await strict.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }')).data!.customers.nodes[0]!.id;
      const response = await strict.queryAs<View>('agent', VIEW, { id });
      assert.equal(response.data ?? null, null);
      assert.ok(response.errors!.length >= 2);
      assert.ok(response.errors!.every((e) => e.extensions?.code === 'FORBIDDEN'));
      const fine = await strict.queryAs<{ customer: { displayName: string } }>('agent', 'query($id: ID!) { customer(id: $id) { displayName } }', { id });
      assert.equal(fine.errors, undefined);
    } finally {
      await strict.close();
    }
  });
});
