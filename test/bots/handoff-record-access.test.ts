/**
 * The record-level rule and bot hand-offs (docs/authorization.md): an agent serving a
 * customer of another team through a hand-off sees that customer in full while the hand-off
 * is offered to them and after they accepted it; other agents still see the minimal record.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { postGraphQL, startStack, type Stack } from '../support/stack.js';

describe('hand-offs in the record-level rule', () => {
  let stack: Stack;
  let bot: <T>(query: string, variables?: Record<string, unknown>) => ReturnType<typeof postGraphQL<T>>;

  beforeAll(async () => {
    stack = await startStack({ customers: 120, gatewayEnv: { SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS: '0' } });
    const { key } = await stack.gateway.store.createApiKey('handoff-bot', ['conversations:write', 'handoffs:write']);
    bot = (query, variables) => postGraphQL(stack.gateway.graphqlUrl, query, variables, { 'x-api-key': key });
  });
  afterAll(() => stack?.close());

  test('the agent a hand-off is offered to, then accepted by, sees its customer in full; another agent does not', async () => {
    const seeded = await stack.query<{ agents: { id: string; team: string; presence: string }[]; customers: { nodes: { id: string; owner: { team: string } | null }[] } }>(
      '{ agents { id team presence } customers(first: 100) { nodes { id owner { team } } } }',
    );
    // The routing rule: the AVAILABLE agent with the smallest id gets the hand-off.
    const target = seeded.data!.agents.filter((a) => a.presence === 'AVAILABLE').sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const other = seeded.data!.agents.find((a) => a.team === target.team && a.id !== target.id)!;
    const customer = seeded.data!.customers.nodes.find((c) => c.owner && c.owner.team !== target.team)!;
    assert.ok(target && other && customer, 'an available agent, a colleague and a customer of another team');
    const access = async (agent: { id: string; team: string }) => {
      const result = await stack.queryAs<{ customer: { recordAccess: string } }>('agent', 'query($id: ID!) { customer(id: $id) { recordAccess } }', { id: customer.id }, { agentId: agent.id, team: agent.team });
      return result.data!.customer.recordAccess;
    };
    assert.equal(await access(target), 'MINIMAL', 'another team’s customer, before any hand-off');

    const started = await bot<{ startConversation: { id: string } }>('mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }', {
      input: { idempotencyKey: `ra-${randomUUID()}`, channel: 'APP', customerId: customer.id, messages: [{ id: 'm1', from: 'CUSTOMER', text: 'My order never came.' }] },
    });
    const requested = await bot<{ requestHandoff: { id: string } }>('mutation($input: RequestHandoffInput!) { requestHandoff(input: $input) { id } }', {
      input: { idempotencyKey: `ra-${randomUUID()}`, skill: 'after-sales', reason: 'Missing order', conversationId: started.data!.startConversation.id, customerId: customer.id },
    });
    assert.equal(requested.errors, undefined, JSON.stringify(requested.errors));
    const id = requested.data!.requestHandoff.id;
    const routed = await stack.query<{ handoff: { offeredTo: { id: string } | null } }>('query($id: ID!) { handoff(id: $id) { offeredTo { id } } }', { id });
    assert.equal(routed.data!.handoff.offeredTo?.id, target.id);

    assert.equal(await access(target), 'FULL', 'offered to them: they serve this customer');
    assert.equal(await access(other), 'MINIMAL', 'a colleague it was not offered to');
    const accepted = await stack.queryAs<{ acceptHandoff: { status: string } }>('agent', 'mutation($id: ID!) { acceptHandoff(id: $id) { status } }', { id }, { agentId: target.id, team: target.team });
    assert.equal(accepted.data!.acceptHandoff.status, 'ACCEPTED');
    assert.equal(await access(target), 'FULL', 'accepted: still serving');
    assert.equal(await access(other), 'MINIMAL');

    // The lookup is the agent's own: asking for a colleague's hand-offs is refused.
    const snooping = await stack.queryAs('agent', 'query($agentId: ID!) { handoffCustomers(agentId: $agentId) }', { agentId: target.id }, { agentId: other.id, team: other.team });
    assert.equal(snooping.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const own = await stack.queryAs<{ handoffCustomers: string[] }>('agent', 'query($agentId: ID!) { handoffCustomers(agentId: $agentId) }', { agentId: target.id }, { agentId: target.id, team: target.team });
    assert.deepEqual(own.data!.handoffCustomers, [customer.id]);
  });
});
