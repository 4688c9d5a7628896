/**
 * The four workloads of the gateway benchmark: their operations, and for each a generator of
 * request bodies that walks through real seeded inputs (phone numbers, list pages, customers,
 * tickets). Used by the load process (load.ts) and by the response check (compare.ts).
 */

import { CUSTOMER_VIEW } from '../../schema/operations/index.js';

export const WORKLOADS = ['view-varied', 'view-hot', 'list-50', 'mutations'] as const;
export type Workload = (typeof WORKLOADS)[number];

export const WORKLOAD_TITLES: Record<Workload, string> = {
  'view-varied': 'unified customer view, a different number each request',
  'view-hot': 'unified customer view, one hot number',
  'list-50': '50-customer list with calls and tickets',
  mutations: 'mutation mix (createTicket, changeTicketStatus, addCustomerNote)',
};

/** The unified customer view, exactly as in issue 2 and the README (one copy: schema/operations/). */
export { CUSTOMER_VIEW };

export const CUSTOMER_LIST = `query CustomerList($after: String) {
  customers(first: 50, after: $after) {
    totalCount
    nodes {
      id displayName tier
      phones { e164 type }
      openTickets: tickets(status: [NEW, OPEN, PENDING], first: 5) { totalCount nodes { number subject priority slaDueAt } }
      calls(first: 5) { nodes { startedAt direction state talkSeconds agent { name } } }
    }
  }
}`;

export const CREATE_TICKET = `mutation CreateTicket($input: CreateTicketInput!) {
  createTicket(input: $input) { id number subject status priority channel requester { id displayName } }
}`;

export const CHANGE_TICKET_STATUS = `mutation ChangeTicketStatus($id: ID!, $status: TicketStatus!) {
  changeTicketStatus(id: $id, status: $status) { id status }
}`;

export const ADD_CUSTOMER_NOTE = `mutation AddCustomerNote($input: AddCustomerNoteInput!) {
  addCustomerNote(input: $input) { id type author body }
}`;

/** Tickets the mutation mix moves around the cycle OPEN → PENDING → HOLD → OPEN (each an allowed transition). */
export type CycledStatus = 'OPEN' | 'PENDING' | 'HOLD';
export const NEXT_STATUS: Record<CycledStatus, CycledStatus> = { OPEN: 'PENDING', PENDING: 'HOLD', HOLD: 'OPEN' };

/** Real seeded inputs, collected once per run (dataset.ts). */
export interface BenchInputs {
  /** One number per customer, spelled as the CRM stores it (mixed formats). */
  phones: string[];
  /** The one number of the hot workload (identifies exactly one customer with calls and tickets). */
  hotPhone: string;
  /** `after` values of 50-customer pages (`null`: the first page). */
  listCursors: (string | null)[];
  customerIds: string[];
  /** Tickets in a cycled status at the start of the run. */
  tickets: { id: string; status: CycledStatus }[];
}

export interface RequestBody {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

/** What a mutation body needs to learn from its response (the ticket whose status it moved). */
export interface BodyWithTicket extends RequestBody {
  ticketId?: string;
}

/** Current ticket statuses, kept across load processes in a state file (see load.ts). */
export type TicketStates = Record<string, CycledStatus | 'UNKNOWN'>;

/**
 * Request bodies for a workload, one after the other. `start` shifts where the walk through
 * the inputs begins; `keyPrefix` makes idempotency keys unique per run and gateway.
 */
export function bodySource(workload: Workload, inputs: BenchInputs, options: { start: number; keyPrefix: string; tickets: TicketStates }): () => BodyWithTicket {
  let n = options.start;
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error(`no inputs for workload ${workload}`);
    return list[n % list.length]!;
  };
  switch (workload) {
    case 'view-varied':
      return () => {
        n += 1;
        return { operationName: 'CustomerView', query: CUSTOMER_VIEW, variables: { phone: pick(inputs.phones) } };
      };
    case 'view-hot':
      return () => ({ operationName: 'CustomerView', query: CUSTOMER_VIEW, variables: { phone: inputs.hotPhone } });
    case 'list-50':
      return () => {
        n += 1;
        return { operationName: 'CustomerList', query: CUSTOMER_LIST, variables: { after: pick(inputs.listCursors) } };
      };
    case 'mutations': {
      let ticketIndex = options.start;
      const nextTicket = (): { id: string; status: CycledStatus } | null => {
        for (let tries = 0; tries < inputs.tickets.length; tries += 1) {
          const ticket = inputs.tickets[ticketIndex % inputs.tickets.length]!;
          ticketIndex += 1;
          const status = options.tickets[ticket.id] ?? ticket.status;
          if (status !== 'UNKNOWN') return { id: ticket.id, status };
        }
        return null;
      };
      return () => {
        n += 1;
        const customerId = pick(inputs.customerIds);
        const kind = n % 3;
        if (kind === 1) {
          const ticket = nextTicket();
          if (ticket) {
            return {
              operationName: 'ChangeTicketStatus',
              query: CHANGE_TICKET_STATUS,
              variables: { id: ticket.id, status: NEXT_STATUS[ticket.status] },
              ticketId: ticket.id,
            };
          }
        }
        if (kind === 2) {
          return { operationName: 'AddCustomerNote', query: ADD_CUSTOMER_NOTE, variables: { input: { customerId, body: `Benchmark note ${options.keyPrefix}-${n}` } } };
        }
        return {
          operationName: 'CreateTicket',
          query: CREATE_TICKET,
          variables: { input: { idempotencyKey: `${options.keyPrefix}-${n}`, requesterId: customerId, subject: `Benchmark ticket ${n}`, priority: 'NORMAL', channel: 'PHONE' } },
        };
      };
    }
  }
}
