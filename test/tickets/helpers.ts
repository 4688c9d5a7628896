/**
 * Shared by the tickets tests: a small hand-made fixture and a real server on port 0 over a
 * store (the databases themselves come from `test/support/databases.ts`).
 */
import type { DatabaseConfig } from '../../subgraphs/shared/database.js';
import type { RunningServer } from '../../subgraphs/shared/subgraph-server.js';
import { createTicketsServer } from '../../subgraphs/tickets/server.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { TicketCommentRecord, TicketRecord, TicketsSeed, TicketStatus } from '../../subgraphs/tickets/source/records.js';
import type { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';
import { ALLOWED_TRANSITIONS } from '../../subgraphs/tickets/source/transitions.js';
import { internalHeaders } from '../support/viewers.js';

export const FAR_FUTURE = '2099-01-01T00:00:00.000Z';

let numberSeq = 100000;

export function ticket(overrides: Partial<TicketRecord> & Pick<TicketRecord, 'id' | 'createdAt'>): TicketRecord {
  numberSeq += 1;
  return {
    number: `T-${numberSeq}`,
    subject: `Subject of ${overrides.id}`,
    description: '',
    status: 'OPEN',
    priority: 'NORMAL',
    channel: 'PHONE',
    requesterId: null,
    assigneeId: null,
    relatedCallId: null,
    updatedAt: overrides.createdAt,
    slaDueAt: FAR_FUTURE,
    slaBreached: false,
    firstRespondedAt: null,
    solvedAt: null,
    idempotencyKey: null,
    ...overrides,
  };
}

/** Ids of the customers with two tickets each (for the batching test). */
export const MANY_CUSTOMERS = Array.from({ length: 50 }, (_, i) => `cus_${String(100 + i).padStart(6, '0')}`);

/** The fixture ticket that starts in `from`, one per allowed transition. */
export function transitionTicketId(from: TicketStatus, to: TicketStatus): string {
  return `tkt_tr${from}${to}`;
}

export function buildFixture(): TicketsSeed {
  numberSeq = 100000;
  const tickets: TicketRecord[] = [
    // cus_000001: five tickets; t3 and t4 share a timestamp (ties broken by id, descending).
    ticket({ id: 'tkt_000001', requesterId: 'cus_000001', status: 'CLOSED', createdAt: '2025-01-01T10:00:00.000Z', firstRespondedAt: '2025-01-01T10:30:00.000Z', solvedAt: '2025-01-02T10:00:00.000Z', slaDueAt: null }),
    ticket({ id: 'tkt_000002', requesterId: 'cus_000001', status: 'SOLVED', createdAt: '2025-01-02T10:00:00.000Z', solvedAt: '2025-01-03T10:00:00.000Z', slaDueAt: null, slaBreached: true }),
    ticket({ id: 'tkt_000003', requesterId: 'cus_000001', status: 'OPEN', createdAt: '2025-01-03T10:00:00.000Z', relatedCallId: 'call_0000001', assigneeId: 'agt_001' }),
    ticket({ id: 'tkt_000004', requesterId: 'cus_000001', status: 'NEW', createdAt: '2025-01-03T10:00:00.000Z', relatedCallId: 'call_0000001' }),
    ticket({ id: 'tkt_000005', requesterId: 'cus_000001', status: 'OPEN', createdAt: '2025-01-04T10:00:00.000Z', relatedCallId: 'call_0000002' }),
    // cus_000002: one open ticket whose SLA target passed after it was seeded.
    ticket({ id: 'tkt_000006', requesterId: 'cus_000002', status: 'PENDING', priority: 'URGENT', createdAt: '2025-02-01T10:00:00.000Z', slaDueAt: '2025-02-01T11:00:00.000Z' }),
    // No requester.
    ticket({ id: 'tkt_000007', status: 'NEW', createdAt: '2025-02-02T10:00:00.000Z' }),
  ];
  const comments: TicketCommentRecord[] = [
    { id: 'tcm_000003', ticketId: 'tkt_000001', author: 'agt_001', body: 'Solved it.', public: true, createdAt: '2025-01-02T09:00:00.000Z' },
    { id: 'tcm_000001', ticketId: 'tkt_000001', author: 'cus_000001', body: 'My line is down.', public: true, createdAt: '2025-01-01T10:00:00.000Z' },
    { id: 'tcm_000002', ticketId: 'tkt_000001', author: 'agt_001', body: 'Checking the exchange.', public: false, createdAt: '2025-01-01T10:30:00.000Z' },
  ];
  for (const [from, targets] of Object.entries(ALLOWED_TRANSITIONS) as [TicketStatus, readonly TicketStatus[]][]) {
    for (const to of targets) {
      const solved = from === 'SOLVED' || from === 'CLOSED';
      tickets.push(
        ticket({
          id: transitionTicketId(from, to),
          requesterId: 'cus_000009',
          status: from,
          createdAt: '2025-03-01T10:00:00.000Z',
          solvedAt: solved ? '2025-03-01T12:00:00.000Z' : null,
          slaDueAt: solved ? null : FAR_FUTURE,
        }),
      );
    }
  }
  tickets.push(ticket({ id: 'tkt_closed', requesterId: 'cus_000009', status: 'CLOSED', createdAt: '2025-03-01T10:00:00.000Z', solvedAt: '2025-03-01T12:00:00.000Z', slaDueAt: null }));
  MANY_CUSTOMERS.forEach((customerId, i) => {
    for (const n of [1, 2]) {
      const id = `tkt_m${i}x${n}`;
      tickets.push(ticket({ id, requesterId: customerId, createdAt: `2025-04-01T10:0${n}:00.000Z` }));
      comments.push({ id: `tcm_m${i}x${n}`, ticketId: id, author: 'agt_002', body: 'On it.', public: true, createdAt: `2025-04-01T11:0${n}:00.000Z` });
    }
  });
  return { tickets, comments };
}

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  store: SqlTicketStore;
  server: RunningServer;
  fixture: TicketsSeed;
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Statements the store executed while `run` ran. */
  countStatements(run: () => Promise<unknown>): Promise<number>;
  ticketRows(): Promise<number>;
  close(): Promise<void>;
}

export async function startHarness(config: DatabaseConfig): Promise<Harness> {
  const store = await openEmbeddedTicketsSource(config);
  const fixture = buildFixture();
  await store.loadSeed(fixture);
  const server = await createTicketsServer({ source: store, port: 0 });
  return {
    store,
    server,
    fixture,
    async gql(query, variables = {}) {
      const response = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await internalHeaders()) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async countStatements(run) {
      let count = 0;
      const stop = store.database.onStatement(() => {
        count += 1;
      });
      try {
        await run();
      } finally {
        stop();
      }
      return count;
    },
    async ticketRows() {
      const row = await store.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await server.close();
      await store.close();
    },
  };
}
