/**
 * Who may assign a ticket to whom (subgraphs/tickets/assignment.ts), through the gateway:
 * agents themselves or nobody, supervisors agents of their team, admins anyone; a refused
 * assignment writes nothing. And a caller's own write grants them no read rights: a ticket
 * an agent assigns to themselves for another team's customer leaves that customer MINIMAL,
 * while one their supervisor assigns them opens it (the related-customers rule).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id assignedBy assignee { id } } }`;
const ACCESS = `query($id: ID!) { customer(id: $id) { recordAccess tags } }`;
const ASSIGNED = `query($agentId: ID!) { assignedTickets(assigneeId: $agentId, first: 100) { totalCount } }`;

describe('ticket assignment', () => {
  let stack: Stack;
  let own: { id: string; team: string };
  let teammate: { id: string; team: string };
  let stranger: { id: string; team: string };
  let foreignCustomer: string;

  beforeAll(async () => {
    // Related customers are looked up afresh for every request, so a grant would show at once.
    stack = await startStack({ customers: 60, gatewayEnv: { SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS: '1' } });
    const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
    own = agents.find((a) => a.team === 'team-bj')!;
    teammate = agents.find((a) => a.team === own.team && a.id !== own.id)!;
    stranger = agents.find((a) => a.team !== own.team)!;
    const customers = (await stack.query<{ customers: { nodes: { id: string; owner: { team: string } | null }[] } }>('{ customers(first: 60) { nodes { id owner { team } } } }')).data!.customers.nodes;
    foreignCustomer = customers.find((c) => c.owner !== null && c.owner.team !== own.team)!.id;
    assert.ok(own && teammate && stranger && foreignCustomer);
  });
  afterAll(() => stack.close());

  const input = (assigneeId: string | null) => ({ input: { idempotencyKey: randomUUID(), requesterId: foreignCustomer, subject: 'Callback', assigneeId } });
  const agentToken = (agent: { id: string; team: string }) => bearer('agent', { sub: `user-${agent.id}`, agentId: agent.id, team: agent.team });
  const count = async (agentId: string) => (await stack.query<{ assignedTickets: { totalCount: number } }>(ASSIGNED, { agentId })).data!.assignedTickets.totalCount;
  const accessOf = async (authorization: string) => (await stack.query<{ customer: { recordAccess: string } }>(ACCESS, { id: foreignCustomer }, { authorization })).data!.customer.recordAccess;

  test('an agent assigns to themselves or nobody; another agent is FORBIDDEN and nothing is written', async () => {
    const authorization = await agentToken(own);
    const before = await count(teammate.id);
    const refused = await stack.query(CREATE, input(teammate.id), { authorization });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(refused.errors![0]!.message, /themselves only/);
    assert.equal(await count(teammate.id), before, 'no ticket was written');
    const unassigned = await stack.query<{ createTicket: { assignee: unknown; assignedBy: unknown } }>(CREATE, input(null), { authorization });
    assert.equal(unassigned.errors, undefined);
    assert.deepEqual(unassigned.data!.createTicket, { ...unassigned.data!.createTicket, assignee: null, assignedBy: null });
  });

  test("an agent's own assignment does not open another team's customer to them", async () => {
    const authorization = await agentToken(own);
    assert.equal(await accessOf(authorization), 'MINIMAL');
    const created = await stack.query<{ createTicket: { assignee: { id: string }; assignedBy: string } }>(CREATE, input(own.id), { authorization });
    assert.equal(created.errors, undefined);
    assert.equal(created.data!.createTicket.assignee.id, own.id);
    assert.equal(created.data!.createTicket.assignedBy, `user-${own.id}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await accessOf(authorization), 'MINIMAL', 'still MINIMAL: a self-assigned ticket grants nothing');
  });

  test('a supervisor assigns within their team only; the assignee then serves that customer', async () => {
    const authorization = await bearer('supervisor', { sub: 'sup-bj', team: own.team });
    const before = await count(stranger.id);
    const refused = await stack.query(CREATE, input(stranger.id), { authorization });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(refused.errors![0]!.message, /agents of their team/);
    assert.equal(await count(stranger.id), before);

    const teammateToken = await agentToken(teammate);
    assert.equal(await accessOf(teammateToken), 'MINIMAL');
    const created = await stack.query<{ createTicket: { assignedBy: string } }>(CREATE, input(teammate.id), { authorization });
    assert.equal(created.errors, undefined);
    assert.equal(created.data!.createTicket.assignedBy, 'sup-bj');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await accessOf(teammateToken), 'FULL', 'assigned by their supervisor: the teammate serves this customer now');
  });

  test('an admin assigns anyone', async () => {
    const created = await stack.query<{ createTicket: { assignee: { id: string } } }>(CREATE, input(stranger.id));
    assert.equal(created.errors, undefined);
    assert.equal(created.data!.createTicket.assignee.id, stranger.id);
  });
});
