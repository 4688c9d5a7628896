/**
 * The tickets subgraph's behaviour over HTTP, defined once and run against each database
 * (`sqlite.test.ts`, `postgres.test.ts`).
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { DatabaseConfig } from '../../subgraphs/shared/database.js';
import type { TicketStatus } from '../../subgraphs/tickets/source/records.js';
import { ALLOWED_TRANSITIONS } from '../../subgraphs/tickets/source/transitions.js';
import { MANY_CUSTOMERS, startHarness, transitionTicketId, type GraphQLResponse, type Harness } from './helpers.js';

const CUSTOMER_TICKETS = /* GraphQL */ `
  query ($reps: [_Any!]!, $status: [TicketStatus!], $first: Int, $after: String) {
    _entities(representations: $reps) {
      ... on Customer {
        id
        tickets(status: $status, first: $first, after: $after) {
          totalCount
          nodes { id status }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`;

interface CustomerTickets {
  id: string;
  tickets: { totalCount: number; nodes: { id: string; status: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
}

const CREATE = /* GraphQL */ `
  mutation ($input: CreateTicketInput!) {
    createTicket(input: $input) { id number subject description status priority channel createdAt slaDueAt slaBreached requester { id } assignee { id } relatedCall { id } }
  }
`;

const CHANGE = /* GraphQL */ `
  mutation ($id: ID!, $status: TicketStatus!) {
    changeTicketStatus(id: $id, status: $status) { id status solvedAt updatedAt slaDueAt resolutionSeconds }
  }
`;

function customers(ids: string[]) {
  return ids.map((id) => ({ __typename: 'Customer', id }));
}

function entities<T>(response: GraphQLResponse): T[] {
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return (response.data?._entities ?? []) as T[];
}

function errorCode(response: GraphQLResponse): unknown {
  return response.errors?.[0]?.extensions?.code;
}

export function ticketsSuite(name: string, open: () => Promise<{ config: DatabaseConfig; cleanup(): Promise<void> }>): void {
  describe(`tickets subgraph (${name})`, () => {
    let h: Harness;
    let cleanup: () => Promise<void> = async () => undefined;

    beforeAll(async () => {
      const opened = await open();
      cleanup = opened.cleanup;
      h = await startHarness(opened.config);
    });

    afterAll(async () => {
      await h?.close();
      await cleanup();
    });

    describe('Customer.tickets', () => {
      it('lists each customer’s tickets newest first, with totals, filtered by status', async () => {
        const all = entities<CustomerTickets>(await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000001', 'cus_000002', 'cus_999999']) }));
        assert.deepEqual(
          all.map((c) => [c.id, c.tickets?.totalCount, c.tickets?.nodes.map((n) => n.id)]),
          [
            ['cus_000001', 5, ['tkt_000005', 'tkt_000004', 'tkt_000003', 'tkt_000002', 'tkt_000001']],
            ['cus_000002', 1, ['tkt_000006']],
            ['cus_999999', 0, []],
          ],
        );

        const open = entities<CustomerTickets>(await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000001', 'cus_000002']), status: ['NEW', 'OPEN'] }));
        assert.deepEqual(open[0]?.tickets?.nodes, [
          { id: 'tkt_000005', status: 'OPEN' },
          { id: 'tkt_000004', status: 'NEW' },
          { id: 'tkt_000003', status: 'OPEN' },
        ]);
        assert.equal(open[0]?.tickets?.totalCount, 3);
        assert.equal(open[1]?.tickets?.totalCount, 0);

        const closed = entities<CustomerTickets>(await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000001']), status: ['SOLVED', 'CLOSED'], first: 1 }));
        assert.equal(closed[0]?.tickets?.totalCount, 2);
        assert.deepEqual(closed[0]?.tickets?.nodes.map((n) => n.id), ['tkt_000002']);
        assert.equal(closed[0]?.tickets?.pageInfo.hasNextPage, true);
      });

      it('pages with cursors, ties broken by id, totals on every page', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        const pages: boolean[] = [];
        for (let i = 0; i < 5; i += 1) {
          const response: GraphQLResponse = await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000001']), first: 2, after: cursor });
          const [customer] = entities<CustomerTickets>(response);
          assert.equal(customer?.tickets?.totalCount, 5);
          seen.push(...(customer?.tickets?.nodes.map((n) => n.id) ?? []));
          pages.push(customer?.tickets?.pageInfo.hasNextPage ?? false);
          cursor = customer?.tickets?.pageInfo.endCursor ?? null;
          if (!customer?.tickets?.pageInfo.hasNextPage) break;
        }
        assert.deepEqual(seen, ['tkt_000005', 'tkt_000004', 'tkt_000003', 'tkt_000002', 'tkt_000001']);
        assert.deepEqual(pages, [true, true, false]);

        // Past the last ticket: an empty page that still knows the total.
        const [end] = entities<CustomerTickets>(await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000001']), first: 2, after: cursor }));
        assert.deepEqual(end?.tickets, { totalCount: 5, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });

        const [none] = entities<CustomerTickets>(await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000001']), first: 0 }));
        assert.deepEqual(none?.tickets, { totalCount: 5, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
      });

      it('refuses first: 100000 and malformed cursors with BAD_USER_INPUT', async () => {
        for (const variables of [{ first: 100000 }, { first: -1 }, { after: 'not-a-cursor' }, { after: Buffer.from('["Other.list","x","y"]').toString('base64url') }]) {
          const response = await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000001']), ...variables });
          assert.equal(errorCode(response), 'BAD_USER_INPUT', JSON.stringify(variables));
          assert.deepEqual(response.errors?.[0]?.path, ['_entities', 0, 'tickets']);
          assert.deepEqual((response.data?._entities as CustomerTickets[])[0], { id: 'cus_000001', tickets: null });
        }
      });

      it('costs the same number of statements for 5 and for 50 customers', async () => {
        const query = /* GraphQL */ `
          query ($reps: [_Any!]!) {
            _entities(representations: $reps) {
              ... on Customer { id tickets(first: 5) { totalCount nodes { id number requester { id } assignee { id } relatedCall { id } comments { id body } } } }
            }
          }
        `;
        let five: CustomerTickets[] = [];
        let fifty: CustomerTickets[] = [];
        const fiveCount = await h.countStatements(async () => {
          five = entities(await h.gql(query, { reps: customers(MANY_CUSTOMERS.slice(0, 5)) }));
        });
        const fiftyCount = await h.countStatements(async () => {
          fifty = entities(await h.gql(query, { reps: customers(MANY_CUSTOMERS) }));
        });
        assert.equal(five.length, 5);
        assert.equal(fifty.length, 50);
        assert.ok(fifty.every((c) => c.tickets?.totalCount === 2 && c.tickets.nodes.length === 2));
        // One statement for all pages of tickets, one for all their comments.
        assert.equal(fiveCount, 2);
        assert.equal(fiftyCount, 2);
      });
    });

    describe('queries', () => {
      it('returns a ticket by id and by number with its references, comments and derived fields', async () => {
        const query = /* GraphQL */ `
          query ($id: ID!, $number: String!) {
            ticket(id: $id) {
              id number status requester { id } assignee { id } relatedCall { id }
              firstResponseSeconds resolutionSeconds slaDueAt slaBreached
              comments { id author body public createdAt }
              firstComment: comments(first: 1) { id }
            }
            ticketByNumber(number: $number) { id }
          }
        `;
        const response = await h.gql(query, { id: 'tkt_000001', number: 'T-100003' });
        assert.equal(response.errors, undefined, JSON.stringify(response.errors));
        const ticket = response.data?.ticket as Record<string, unknown>;
        assert.equal(ticket.number, 'T-100001');
        assert.equal(ticket.status, 'CLOSED');
        assert.deepEqual(ticket.requester, { id: 'cus_000001' });
        assert.equal(ticket.assignee, null);
        assert.equal(ticket.relatedCall, null);
        assert.equal(ticket.firstResponseSeconds, 1800);
        assert.equal(ticket.resolutionSeconds, 86400);
        assert.equal(ticket.slaDueAt, null);
        assert.equal(ticket.slaBreached, false);
        assert.deepEqual((ticket.comments as { id: string }[]).map((c) => c.id), ['tcm_000001', 'tcm_000002', 'tcm_000003']);
        assert.deepEqual(ticket.firstComment, [{ id: 'tcm_000001' }]);
        assert.deepEqual(response.data?.ticketByNumber, { id: 'tkt_000003' });

        const refs = await h.gql(`{ ticket(id: "tkt_000003") { assignee { id } relatedCall { id } } }`);
        assert.deepEqual(refs.data?.ticket, { assignee: { id: 'agt_001' }, relatedCall: { id: 'call_0000001' } });
      });

      it('reports a seeded SLA target that has fallen due since as breached', async () => {
        const response = await h.gql(`{ ticket(id: "tkt_000006") { slaDueAt slaBreached } }`);
        assert.deepEqual(response.data?.ticket, { slaDueAt: '2025-02-01T11:00:00.000Z', slaBreached: true });
      });

      it('gives null and NOT_FOUND for unknown ids and numbers; unknown entity references are null without error', async () => {
        const byId = await h.gql(`{ ticket(id: "tkt_nope") { id } }`);
        assert.equal(byId.data?.ticket, null);
        assert.equal(errorCode(byId), 'NOT_FOUND');
        const byNumber = await h.gql(`{ ticketByNumber(number: "T-999999") { id } }`);
        assert.equal(byNumber.data?.ticketByNumber, null);
        assert.equal(errorCode(byNumber), 'NOT_FOUND');
        const refs = await h.gql(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Ticket { id number } } }`, {
          reps: [{ __typename: 'Ticket', id: 'tkt_000002' }, { __typename: 'Ticket', id: 'tkt_nope' }],
        });
        assert.equal(refs.errors, undefined);
        assert.deepEqual(refs.data?._entities, [{ id: 'tkt_000002', number: 'T-100002' }, null]);
      });

      it('refuses comments(first: 101) with BAD_USER_INPUT', async () => {
        const response = await h.gql(`{ ticket(id: "tkt_000001") { comments(first: 101) { id } } }`);
        assert.equal(errorCode(response), 'BAD_USER_INPUT');
      });

      it('lists each call’s tickets newest first', async () => {
        const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Call { id tickets { id number } } } }`;
        let result: { id: string; tickets: { id: string }[] }[] = [];
        const count = await h.countStatements(async () => {
          result = entities(await h.gql(query, { reps: ['call_0000001', 'call_0000002', 'call_0000404'].map((id) => ({ __typename: 'Call', id })) }));
        });
        assert.deepEqual(
          result.map((c) => [c.id, c.tickets.map((t) => t.id)]),
          [
            ['call_0000001', ['tkt_000004', 'tkt_000003']],
            ['call_0000002', ['tkt_000005']],
            ['call_0000404', []],
          ],
        );
        assert.equal(count, 1);
      });
    });

    describe('createTicket', () => {
      const input = {
        idempotencyKey: 'create-once',
        requesterId: 'cus_000042',
        subject: '  Router keeps rebooting  ',
        description: 'Since Monday.',
        priority: 'HIGH',
        channel: 'EMAIL',
        assigneeId: 'agt_007',
        relatedCallId: 'call_0000042',
      };

      it('creates one ticket for one idempotency key, however often it is sent', async () => {
        const rowsBefore = await h.ticketRows();
        const first = await h.gql(CREATE, { input });
        assert.equal(first.errors, undefined, JSON.stringify(first.errors));
        const created = first.data?.createTicket as Record<string, unknown>;
        assert.match(String(created.id), /^tkt_[0-9a-f]{32}$/);
        const seededMax = Math.max(...h.fixture.tickets.map((t) => Number(t.number.slice(2))));
        assert.equal(created.number, `T-${seededMax + 1}`);
        assert.equal(created.subject, 'Router keeps rebooting');
        assert.equal(created.status, 'NEW');
        assert.equal(created.priority, 'HIGH');
        assert.equal(created.channel, 'EMAIL');
        assert.deepEqual([created.requester, created.assignee, created.relatedCall], [{ id: 'cus_000042' }, { id: 'agt_007' }, { id: 'call_0000042' }]);
        // HIGH: first reply within 4 hours.
        assert.equal(Date.parse(String(created.slaDueAt)) - Date.parse(String(created.createdAt)), 4 * 3_600_000);
        assert.equal(created.slaBreached, false);

        const again = await h.gql(CREATE, { input: { ...input, subject: 'Router keeps rebooting' } });
        assert.equal(again.errors, undefined, JSON.stringify(again.errors));
        assert.deepEqual(again.data?.createTicket, created);
        assert.equal(await h.ticketRows(), rowsBefore + 1);

        const listed = entities<CustomerTickets>(await h.gql(CUSTOMER_TICKETS, { reps: customers(['cus_000042']) }));
        assert.deepEqual(listed[0]?.tickets?.nodes.map((n) => n.id), [created.id]);
      });

      it('refuses the same key with different input with CONFLICT', async () => {
        const rowsBefore = await h.ticketRows();
        const response = await h.gql(CREATE, { input: { ...input, priority: 'LOW' } });
        assert.equal(errorCode(response), 'CONFLICT');
        assert.deepEqual(response.data, { createTicket: null });
        assert.equal(await h.ticketRows(), rowsBefore);
      });

      it('creates one ticket for concurrent requests with one key, and distinct numbers for distinct keys', async () => {
        const rowsBefore = await h.ticketRows();
        const same = await Promise.all(Array.from({ length: 8 }, () => h.gql(CREATE, { input: { ...input, idempotencyKey: 'concurrent' } })));
        const ids = new Set(same.map((r) => (r.data?.createTicket as { id: string } | undefined)?.id));
        assert.equal(ids.size, 1, JSON.stringify(same.map((r) => r.errors)));
        assert.ok(!ids.has(undefined));
        assert.equal(await h.ticketRows(), rowsBefore + 1);

        const distinct = await Promise.all(Array.from({ length: 8 }, (_, i) => h.gql(CREATE, { input: { ...input, idempotencyKey: `distinct-${i}` } })));
        const numbers = distinct.map((r) => (r.data?.createTicket as { number: string } | undefined)?.number);
        assert.equal(new Set(numbers).size, 8, JSON.stringify(distinct.map((r) => r.errors)));
        assert.equal(await h.ticketRows(), rowsBefore + 9);
      });

      it('refuses invalid input with BAD_USER_INPUT and writes nothing', async () => {
        const rowsBefore = await h.ticketRows();
        const invalid: Record<string, unknown>[] = [
          { idempotencyKey: '' },
          { idempotencyKey: 'k'.repeat(129) },
          { subject: '   ' },
          { subject: 's'.repeat(201) },
          { description: 'd'.repeat(10_001) },
          { requesterId: 'ord_000001' },
          { requesterId: '' },
          { assigneeId: 'cus_000001' },
          { relatedCallId: 'tkt_000001' },
        ];
        for (const change of invalid) {
          const response = await h.gql(CREATE, { input: { ...input, idempotencyKey: `invalid-${Object.keys(change)[0]}`, ...change } });
          assert.equal(errorCode(response), 'BAD_USER_INPUT', JSON.stringify(change));
          const problems = response.errors?.[0]?.extensions?.problems as { field: string }[];
          assert.deepEqual(problems.map((p) => p.field), [`input.${Object.keys(change)[0]}`]);
        }
        assert.equal(await h.ticketRows(), rowsBefore);
        // Limits are inclusive.
        const edge = await h.gql(CREATE, { input: { ...input, idempotencyKey: 'k'.repeat(128), subject: 's'.repeat(200), description: 'd'.repeat(10_000) } });
        assert.equal(edge.errors, undefined, JSON.stringify(edge.errors));
        assert.equal(await h.ticketRows(), rowsBefore + 1);
      });
    });

    describe('changeTicketStatus', () => {
      it('allows every transition of the workflow', async () => {
        const pairs = (Object.entries(ALLOWED_TRANSITIONS) as [TicketStatus, readonly TicketStatus[]][]).flatMap(([from, targets]) => targets.map((to) => [from, to] as const));
        assert.equal(pairs.length, 15);
        for (const [from, to] of pairs) {
          const response = await h.gql(CHANGE, { id: transitionTicketId(from, to), status: to });
          assert.equal(response.errors, undefined, `${from} → ${to}: ${JSON.stringify(response.errors)}`);
          const changed = response.data?.changeTicketStatus as { status: string; solvedAt: string | null; updatedAt: string; slaDueAt: string | null; resolutionSeconds: number | null };
          assert.equal(changed.status, to);
          assert.ok(changed.updatedAt > '2025-03-01T10:00:00.000Z');
          if (to === 'SOLVED') {
            assert.equal(changed.solvedAt, changed.updatedAt, `${from} → ${to}`);
            assert.equal(changed.slaDueAt, null);
            assert.ok((changed.resolutionSeconds ?? 0) > 0);
          } else if (to === 'CLOSED') {
            assert.equal(changed.solvedAt, '2025-03-01T12:00:00.000Z');
          } else {
            assert.equal(changed.solvedAt, null, `${from} → ${to}`);
            assert.equal(changed.resolutionSeconds, null);
            // Reopened or still open: the first-reply target is next (none given yet).
            assert.equal(changed.slaDueAt, '2025-03-02T10:00:00.000Z', `${from} → ${to}`);
          }
        }
      });

      it('refuses other moves with BAD_USER_INPUT naming them and changes nothing', async () => {
        const cases: [string, TicketStatus, TicketStatus][] = [
          ['tkt_000004', 'NEW', 'CLOSED'],
          ['tkt_000004', 'NEW', 'NEW'],
          ['tkt_000003', 'OPEN', 'NEW'],
          ['tkt_000002', 'SOLVED', 'PENDING'],
          ['tkt_closed', 'CLOSED', 'OPEN'],
        ];
        for (const [id, from, to] of cases) {
          const before = await h.gql(`query ($id: ID!) { ticket(id: $id) { status updatedAt solvedAt } }`, { id });
          const statements = await h.countStatements(async () => {
            const response = await h.gql(CHANGE, { id, status: to });
            assert.equal(errorCode(response), 'BAD_USER_INPUT', `${from} → ${to}`);
            const error = response.errors?.[0];
            assert.ok(error?.message.includes(`from ${from} to ${to}`), error?.message);
            assert.deepEqual(error?.extensions?.allowed, [...ALLOWED_TRANSITIONS[from]]);
          });
          assert.equal(statements, 1, 'only the read, no write');
          const afterwards = await h.gql(`query ($id: ID!) { ticket(id: $id) { status updatedAt solvedAt } }`, { id });
          assert.deepEqual(afterwards.data, before.data);
          assert.equal((afterwards.data?.ticket as { status: string }).status, from);
        }
      });

      it('gives NOT_FOUND for an unknown ticket', async () => {
        const response = await h.gql(CHANGE, { id: 'tkt_nope', status: 'OPEN' });
        assert.equal(errorCode(response), 'NOT_FOUND');
      });
    });
  });
}
