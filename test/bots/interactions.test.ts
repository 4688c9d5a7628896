/**
 * `Customer.interactions`: calls (call center), tickets (ticket system) and conversations
 * (CRM) in one newest-first list with cursor pagination, merged in the CRM from the keys the
 * other two give it through the gateway's plan. Checked against each system's own list.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { interactionPage } from '../../subgraphs/crm/resolvers/customer-engagement.js';

interface Entry {
  kind: 'CALL' | 'TICKET' | 'CONVERSATION';
  at: string;
  id: string;
}

const RANK = { CONVERSATION: 0, TICKET: 1, CALL: 2 } as const;
const newestFirst = (a: Entry, b: Entry) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.kind !== b.kind ? RANK[a.kind] - RANK[b.kind] : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const PAGE = /* GraphQL */ `
  query Timeline($id: ID!, $first: Int, $after: String) {
    customer(id: $id) {
      interactions(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { kind at call { id startedAt } ticket { id createdAt } conversation { id startedAt channel } }
      }
    }
  }
`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { kind: Entry['kind']; at: string; call: { id: string; startedAt: string } | null; ticket: { id: string; createdAt: string } | null; conversation: { id: string; startedAt: string } | null }[];
}

describe('the customer timeline across the three systems', () => {
  let stack: Stack;
  let customerId: string;
  let expected: Entry[];

  beforeAll(async () => {
    stack = await startStack({ customers: 150 });
    // A customer with calls, tickets and conversations.
    const list = await stack.query<{ customers: { nodes: { id: string; calls: { nodes: { id: string; startedAt: string }[] }; tickets: { nodes: { id: string; createdAt: string }[] }; conversations: { nodes: { id: string; startedAt: string }[] } }[] } }>(
      '{ customers(first: 40) { nodes { id calls(first: 40) { nodes { id startedAt } } tickets(first: 40) { nodes { id createdAt } } conversations(first: 10) { nodes { id startedAt } } } } }',
    );
    assert.equal(list.errors, undefined, JSON.stringify(list.errors));
    const rich = list.data!.customers.nodes.find((c) => c.calls.nodes.length >= 2 && c.calls.nodes.length < 40 && c.tickets.nodes.length >= 1 && c.tickets.nodes.length < 40 && c.conversations.nodes.length >= 1);
    assert.ok(rich, 'a seeded customer with calls, tickets and conversations');
    customerId = rich.id;
    expected = [
      ...rich.calls.nodes.map((c) => ({ kind: 'CALL' as const, id: c.id, at: c.startedAt })),
      ...rich.tickets.nodes.map((t) => ({ kind: 'TICKET' as const, id: t.id, at: t.createdAt })),
      ...rich.conversations.nodes.map((c) => ({ kind: 'CONVERSATION' as const, id: c.id, at: c.startedAt })),
    ].sort(newestFirst);
  }, 120_000);
  afterAll(() => stack?.close());

  test('pages of 2 interleave calls, tickets and conversations newest first, each once', async () => {
    const seen: Entry[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 200; pages++) {
      const result: { errors?: unknown; data?: { customer: { interactions: Page } } | null } = await stack.query<{ customer: { interactions: Page } }>(PAGE, { id: customerId, first: 2, after });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      const page: Page = result.data!.customer.interactions;
      assert.equal(page.totalCount, expected.length);
      for (const node of page.nodes) {
        const target = node.call ?? node.ticket ?? node.conversation;
        assert.ok(target, `${node.kind} resolved by its own system`);
        assert.equal([node.call, node.ticket, node.conversation].filter(Boolean).length, 1);
        const at = node.call?.startedAt ?? node.ticket?.createdAt ?? node.conversation!.startedAt;
        assert.equal(node.at, at);
        seen.push({ kind: node.kind, id: target.id, at: node.at });
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(seen, expected);
    const kinds = new Set(seen.map((e) => e.kind));
    assert.deepEqual([...kinds].sort(), ['CALL', 'CONVERSATION', 'TICKET']);
  });

  test('a new conversation comes first; a cursor handed out before it still continues where it was', async () => {
    const before = await stack.query<{ customer: { interactions: Page } }>(PAGE, { id: customerId, first: 3 });
    const cursor = before.data!.customer.interactions.pageInfo.endCursor;
    const started = await stack.query<{ startConversation: { id: string } }>(
      'mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }',
      { input: { idempotencyKey: `timeline-${customerId}`, channel: 'EMAIL', customerId, messages: [{ id: 'e1', from: 'CUSTOMER', text: 'Invoice please' }] } },
    );
    const first = await stack.query<{ customer: { interactions: Page } }>(PAGE, { id: customerId, first: 1 });
    assert.equal(first.data!.customer.interactions.nodes[0]!.conversation?.id, started.data!.startConversation.id);
    const next = await stack.query<{ customer: { interactions: Page } }>(PAGE, { id: customerId, first: 2, after: cursor });
    const ids = next.data!.customer.interactions.nodes.map((n) => (n.call ?? n.ticket ?? n.conversation)!.id);
    assert.deepEqual(ids, expected.slice(3, 5).map((e) => e.id));
  });

  test('a forged cursor or a page over 100 is refused', async () => {
    const forged = await stack.query(PAGE, { id: customerId, first: 2, after: 'eyJ4IjoxfQ.AAAA' });
    assert.equal(forged.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const big = await stack.query(PAGE, { id: customerId, first: 101 });
    assert.equal(big.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('an agent of another team gets no timeline for the customer (record-level rule)', async () => {
    const owner = await stack.query<{ customer: { owner: { team: string } | null } }>('query($id: ID!) { customer(id: $id) { owner { team } } }', { id: customerId });
    const team = owner.data!.customer.owner?.team === 'team-bj' ? 'team-sh' : 'team-bj';
    const result = await stack.queryAs<{ customer: { interactions: Page | null } }>('agent', PAGE, { id: customerId, first: 2 }, { team });
    assert.equal(result.data!.customer.interactions, null);
    assert.equal(result.errors?.[0]?.extensions?.reason, 'RECORD_RESTRICTED');
  });

  test('at the same instant: conversation, then ticket, then call, then id descending', () => {
    const at = '2026-11-01T00:00:00.000Z';
    const items: Entry[] = [
      { kind: 'CALL', id: 'c1', at },
      { kind: 'TICKET', id: 't1', at },
      { kind: 'CONVERSATION', id: 'v1', at },
      { kind: 'CALL', id: 'c2', at },
      { kind: 'TICKET', id: 't0', at: '2026-10-31T00:00:00.000Z' },
    ];
    const one = interactionPage(items, 2, null);
    assert.deepEqual(one.nodes.map((n) => n.id), ['v1', 't1']);
    const two = interactionPage(items, 2, one.pageInfo.endCursor);
    assert.deepEqual(two.nodes.map((n) => n.id), ['c2', 'c1']);
    const three = interactionPage(items, 2, two.pageInfo.endCursor);
    assert.deepEqual(three.nodes.map((n) => n.id), ['t0']);
    assert.equal(three.pageInfo.hasNextPage, false);
  });
});
