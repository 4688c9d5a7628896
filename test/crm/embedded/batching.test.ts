import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { activityCount, customerId, orderCount, startCrm, type RunningCrm } from '../fixture.js';

const ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Customer {
        id displayName emails phones { e164 } company { name }
        owner { id team }
        orders(first: 2) { totalCount nodes { id placedAt } pageInfo { hasNextPage } }
        activities(first: 5) { totalCount nodes { __typename id } }
      }
    }
  }
`;

interface Entity {
  id: string;
  owner: { id: string; team: string } | null;
  orders: { totalCount: number; nodes: { id: string; placedAt: string }[]; pageInfo: { hasNextPage: boolean } };
  activities: { totalCount: number; nodes: { __typename: string; id: string }[] };
}

/**
 * customers + phones + emails (3) + owners (1) + orders (1) + activities (1), however many
 * customers the gateway asks for.
 */
const STATEMENTS_PER_REQUEST = 6;

describe('CRM batching', () => {
  let crm: RunningCrm;
  beforeAll(async () => {
    crm = await startCrm();
  });
  afterAll(async () => {
    await crm.close();
  });

  async function fetchEntities(numbers: number[]) {
    const representations = numbers.map((n) => ({ __typename: 'Customer', id: customerId(n) }));
    const { result, statements } = await crm.countStatements(() => crm.query<{ _entities: (Entity | null)[] }>(ENTITIES, { r: representations }));
    assert.equal(result.errors, undefined);
    return { entities: result.data!._entities, statements };
  }

  test('_entities for 5 and for 50 customers with orders and activities run the same constant number of statements', async () => {
    const five = await fetchEntities([1, 2, 3, 4, 5]);
    const fiftyNumbers = Array.from({ length: 50 }, (_, i) => i + 1);
    const fifty = await fetchEntities(fiftyNumbers);
    assert.equal(five.statements, STATEMENTS_PER_REQUEST);
    assert.equal(fifty.statements, STATEMENTS_PER_REQUEST);

    assert.equal(fifty.entities.length, 50);
    fifty.entities.forEach((entity, i) => {
      const n = fiftyNumbers[i]!;
      assert.equal(entity?.id, customerId(n));
      assert.equal(entity?.owner?.id, n % 2 === 0 ? 'own_02' : 'own_01');
      assert.equal(entity?.orders.totalCount, orderCount(n), entity?.id);
      assert.equal(entity?.orders.nodes.length, Math.min(2, orderCount(n)), entity?.id);
      assert.equal(entity?.orders.pageInfo.hasNextPage, orderCount(n) > 2, entity?.id);
      assert.equal(entity?.activities.totalCount, activityCount(n), entity?.id);
      assert.equal(entity?.activities.nodes.length, Math.min(5, activityCount(n)), entity?.id);
      // Each customer's own rows, newest first.
      assert.ok(entity?.orders.nodes.every((o) => o.id.startsWith(`ord_${String(n).padStart(6, '0')}_`)));
      const placed = entity!.orders.nodes.map((o) => o.placedAt);
      assert.deepEqual(placed, [...placed].sort().reverse());
    });
  });

  test('an unknown customer reference is null without an error, and costs no extra statement', async () => {
    const { entities, statements } = await fetchEntities([1, 999_999, 2]);
    assert.deepEqual(entities.map((e) => e?.id ?? null), ['cus_000001', null, 'cus_000002']);
    assert.equal(statements, STATEMENTS_PER_REQUEST);
  });
});
