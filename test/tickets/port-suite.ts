/**
 * The behaviour of the ticket port (`subgraphs/tickets/source/port.ts`), defined once and run
 * against every adapter: the embedded store on SQLite (`port-sqlite.test.ts`) and PostgreSQL
 * (`port-postgres.test.ts`), and Request Tracker 5 (`port-rt.test.ts`). Everything goes
 * through the port only; the one thing an adapter supplies besides is how a person adds a
 * comment in that system (the port has no method for it). Each run uses its own customer and
 * call ids, so it can share a store with other data.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { pageArgs } from '../../subgraphs/shared/pagination.js';
import { ASSIGNED_TICKETS_CURSOR, CUSTOMER_TICKETS_CURSOR, type CreateTicketInput, type TicketsSource } from '../../subgraphs/tickets/source/port.js';
import type { TicketRecord, TicketStatus } from '../../subgraphs/tickets/source/records.js';

export interface PortAdapter {
  source: TicketsSource;
  /** Adds a comment to a ticket the way the system's own users do. */
  addComment(ticketId: string, body: string, isPublic: boolean): Promise<void>;
  close(): Promise<void>;
}

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphQLError, `a GraphQLError, got ${String(error)}`);
    assert.equal(error.extensions.code, code, error.message);
    if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

export function ticketsPortSuite(name: string, open: () => Promise<PortAdapter>): void {
  describe(`ticket port (${name})`, () => {
    let adapter: PortAdapter;
    let source: TicketsSource;
    const run = randomUUID().replaceAll('-', '').slice(0, 10);
    const customer = (n: number) => `cus_port${run}x${n}`;
    const call = (n: number) => `call_port_${run}_${n}`;
    let sequence = 0;
    const input = (overrides: Partial<CreateTicketInput> = {}): CreateTicketInput => {
      sequence += 1;
      return { idempotencyKey: `port-${run}-${sequence}`, requesterId: customer(1), subject: `Ticket ${sequence}`, description: `Described ${sequence}.`, priority: 'NORMAL', channel: 'PHONE', ...overrides };
    };
    const page = (first?: number, after?: string | null) => pageArgs(CUSTOMER_TICKETS_CURSOR, first, after);
    const totalOf = async (customerId: string) => (await source.ticketsByRequesterIds([customerId], null, page(0)))[0]!.totalCount;
    /** Created one after another, so "newest first" is the reverse of this order. */
    const created: TicketRecord[] = [];

    beforeAll(async () => {
      adapter = await open();
      source = adapter.source;
      for (const [n, overrides] of [
        [1, { relatedCallId: call(1), priority: 'HIGH', channel: 'EMAIL' }],
        [1, { relatedCallId: call(1) }],
        [1, { relatedCallId: call(2), priority: 'URGENT' }],
        [1, {}],
        [2, { priority: 'LOW' }],
      ] as const) {
        created.push(await source.createTicket(input({ requesterId: customer(n), ...overrides })));
        await sleep(5);
      }
    }, 120_000);
    afterAll(async () => {
      await adapter?.close();
    });

    it('creates tickets as asked: NEW, the given fields, an SLA target from the priority', () => {
      const [first] = created;
      assert.equal(first!.status, 'NEW');
      assert.equal(first!.subject, 'Ticket 1');
      assert.equal(first!.description, 'Described 1.');
      assert.equal(first!.priority, 'HIGH');
      assert.equal(first!.channel, 'EMAIL');
      assert.equal(first!.requesterId, customer(1));
      assert.equal(first!.relatedCallId, call(1));
      assert.equal(first!.solvedAt, null);
      // HIGH: first reply within 4 hours.
      assert.equal(Date.parse(first!.slaDueAt!) - Date.parse(first!.createdAt), 4 * 3_600_000);
      assert.equal(new Set(created.map((t) => t.id)).size, 5);
      assert.equal(new Set(created.map((t) => t.number)).size, 5);
    });

    it('finds tickets by id and by number, in key order, null for unknown keys', async () => {
      const [a, b] = created;
      assert.deepEqual(
        (await source.ticketsByIds([b!.id, 'tkt_nope', a!.id])).map((t) => t?.number ?? null),
        [b!.number, null, a!.number],
      );
      assert.deepEqual(
        (await source.ticketsByNumbers([a!.number, 'T-999999999', 'nonsense', b!.number])).map((t) => t?.id ?? null),
        [a!.id, null, null, b!.id],
      );
      const [again] = await source.ticketsByIds([a!.id]);
      const fields = ['id', 'number', 'subject', 'description', 'status', 'priority', 'channel', 'requesterId', 'relatedCallId', 'createdAt', 'slaDueAt', 'idempotencyKey'] as const;
      const pick = (t: TicketRecord) => Object.fromEntries(fields.map((f) => [f, t[f]]));
      assert.deepEqual(pick(again!), pick(a!), 'read back as created');
    });

    it('identifies none, one or many tickets per requester, newest first, with totals and a status filter', async () => {
      const pages = await source.ticketsByRequesterIds([customer(1), customer(9), customer(2)], null, page(10));
      assert.deepEqual(
        pages.map((p) => [p.totalCount, p.nodes.map((t) => t.id)]),
        [
          [4, created.slice(0, 4).reverse().map((t) => t.id)],
          [0, []],
          [1, [created[4]!.id]],
        ],
      );
      const [onlyNew] = await source.ticketsByRequesterIds([customer(2)], ['NEW'], page(10));
      assert.equal(onlyNew!.totalCount, 1);
      const [solved] = await source.ticketsByRequesterIds([customer(2)], ['SOLVED', 'CLOSED'], page(10));
      assert.deepEqual([solved!.totalCount, solved!.nodes], [0, []]);
    });

    it('pages with cursors: no ticket twice or lost, totals on every page', async () => {
      const seen: string[] = [];
      const more: boolean[] = [];
      let after: string | null = null;
      for (let i = 0; i < 4; i += 1) {
        const [p] = await source.ticketsByRequesterIds([customer(1)], null, page(3, after));
        assert.equal(p!.totalCount, 4);
        seen.push(...p!.nodes.map((t) => t.id));
        more.push(p!.pageInfo.hasNextPage);
        after = p!.pageInfo.endCursor;
        if (!p!.pageInfo.hasNextPage) break;
      }
      assert.deepEqual(seen, created.slice(0, 4).reverse().map((t) => t.id));
      assert.deepEqual(more, [true, false]);
      const [end] = await source.ticketsByRequesterIds([customer(1)], null, page(3, after));
      assert.deepEqual(end, { totalCount: 4, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
      const [none] = await source.ticketsByRequesterIds([customer(1)], null, page(0));
      assert.deepEqual(none, { totalCount: 4, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
    });

    it('lists each related call’s tickets newest first, [] for a call without any', async () => {
      const lists = await source.ticketsByRelatedCallIds([call(2), call(404), call(1)]);
      assert.deepEqual(
        lists.map((list) => list.map((t) => t.id)),
        [[created[2]!.id], [], [created[1]!.id, created[0]!.id]],
      );
    });

    it('returns the same ticket for a repeated idempotency key, however often and however concurrently it is sent', async () => {
      const before = await totalOf(customer(3));
      const request = input({ requesterId: customer(3), subject: '  Padded subject  ' });
      const first = await source.createTicket(request);
      assert.equal(first.subject, 'Padded subject');
      const again = await source.createTicket({ ...request, subject: 'Padded subject' });
      assert.equal(again.id, first.id);
      assert.equal(again.number, first.number);
      const concurrent = await Promise.all(Array.from({ length: 4 }, () => source.createTicket({ ...request, idempotencyKey: `${request.idempotencyKey}-c` })));
      assert.equal(new Set(concurrent.map((t) => t.id)).size, 1);
      assert.equal(await totalOf(customer(3)), before + 2);
    });

    it('refuses a reused idempotency key with other input (CONFLICT) and writes nothing', async () => {
      const request = input({ requesterId: customer(4) });
      await source.createTicket(request);
      await rejectsWith(source.createTicket({ ...request, priority: 'URGENT' }), 'CONFLICT', /already used/);
      assert.equal(await totalOf(customer(4)), 1);
    });

    it('refuses invalid input (BAD_USER_INPUT naming the field) and writes nothing', async () => {
      for (const change of [{ idempotencyKey: '' }, { subject: '  ' }, { requesterId: 'ord_1' }, { relatedCallId: 'tkt_000001' }, { description: 'd'.repeat(10_001) }]) {
        const error = await rejectsWith(source.createTicket(input({ requesterId: customer(5), ...change })), 'BAD_USER_INPUT');
        assert.deepEqual((error.extensions.problems as { field: string }[]).map((p) => p.field), [`input.${Object.keys(change)[0]}`]);
      }
      assert.equal(await totalOf(customer(5)), 0);
    });

    it('moves a ticket along the workflow: SOLVED sets solvedAt, reopening clears it, CLOSED keeps it', async () => {
      const ticket = await source.createTicket(input({ requesterId: customer(6) }));
      const steps: TicketStatus[] = ['OPEN', 'PENDING', 'SOLVED', 'OPEN', 'SOLVED', 'CLOSED'];
      let solvedAt: string | null = null;
      for (const status of steps) {
        const moved = await source.changeStatus(ticket.id, status);
        assert.equal(moved.status, status);
        if (status === 'SOLVED') {
          assert.ok(moved.solvedAt !== null, 'solvedAt set');
          assert.equal(moved.slaDueAt, null);
          solvedAt = moved.solvedAt;
        } else if (status === 'CLOSED') {
          assert.equal(moved.solvedAt, solvedAt);
        } else {
          assert.equal(moved.solvedAt, null, `${status} clears solvedAt`);
        }
        const [read] = await source.ticketsByIds([ticket.id]);
        assert.equal(read!.status, status);
      }
    });

    it('refuses moves the workflow forbids (BAD_USER_INPUT naming them) and unknown tickets (NOT_FOUND), changing nothing', async () => {
      const ticket = await source.createTicket(input({ requesterId: customer(7) }));
      const error = await rejectsWith(source.changeStatus(ticket.id, 'CLOSED'), 'BAD_USER_INPUT', /from NEW to CLOSED/);
      assert.deepEqual(error.extensions.allowed, ['OPEN', 'PENDING', 'HOLD', 'SOLVED']);
      await rejectsWith(source.changeStatus(ticket.id, 'NEW'), 'BAD_USER_INPUT');
      assert.equal((await source.ticketsByIds([ticket.id]))[0]!.status, 'NEW');
      await source.changeStatus(ticket.id, 'SOLVED');
      await source.changeStatus(ticket.id, 'CLOSED');
      await rejectsWith(source.changeStatus(ticket.id, 'OPEN'), 'BAD_USER_INPUT', /CLOSED is final/);
      assert.equal((await source.ticketsByIds([ticket.id]))[0]!.status, 'CLOSED');
      await rejectsWith(source.changeStatus('tkt_nope', 'OPEN'), 'NOT_FOUND');
    });

    it('lists comments oldest first, public or internal, at most `first` per ticket', async () => {
      const [a, b] = [created[3]!, created[4]!];
      await adapter.addComment(a.id, 'Customer called again.', false);
      await sleep(1100);
      await adapter.addComment(a.id, 'We are on it.', true);
      const [forA, forB, unknown] = await source.commentsByTicketIds([a.id, b.id, 'tkt_nope'], 10);
      assert.deepEqual(
        forA!.map((c) => [c.ticketId, c.body, c.public]),
        [
          [a.id, 'Customer called again.', false],
          [a.id, 'We are on it.', true],
        ],
      );
      assert.ok(forA![0]!.createdAt <= forA![1]!.createdAt);
      assert.deepEqual([forB, unknown], [[], []]);
      assert.deepEqual((await source.commentsByTicketIds([a.id], 1))[0]!.map((c) => c.body), ['Customer called again.']);
      assert.deepEqual(await source.commentsByTicketIds([a.id], 0), [[]]);
    });

    it('gives an empty page of assigned tickets for an agent who has none', async () => {
      const assigned = await source.ticketsByAssignee(`agt_port${run}`, null, pageArgs(ASSIGNED_TICKETS_CURSOR, 5, null));
      assert.deepEqual(assigned, { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('answers its readiness probe', async () => {
      await source.ping();
    });
  });
}
