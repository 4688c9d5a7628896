/**
 * The console's GraphQL operations and the shapes of their results. The screen-pop
 * subscription is the README's `ScreenPop` (schema/operations/screen-pop.graphql) with what
 * the console needs on top: each event's `id` and `cursor` (catch-up), the caller's number,
 * candidate ids and tags, and the hand-offs bots pass to the agent; the customer card is
 * loaded by `PopCustomer` once a candidate is known, so a MULTIPLE caller costs nothing until
 * the agent chooses.
 */
import { gql, type TypedDocumentNode } from '@apollo/client';

type Vars = Record<string, unknown>;

export const POP_CALL = gql`
  fragment PopCall on Call {
    id from state startedAt direction
    queue { id name }
    agent { id }
    caller {
      phone status
      candidates { id displayName tier tags lastContactAt }
    }
  }
`;

/** A bot's hand-off as the desk shows it: who, why, the conversation so far (docs/bots.md). */
export const POP_HANDOFF = gql`
  fragment PopHandoff on Handoff {
    id status reason intent skill createdAt expiresAt
    queue { id name }
    offeredTo { id }
    acceptedBy { id }
    rtcRoom { provider channel }
    customer { id displayName tier }
    conversation { id channel summary messages { id from at text } }
  }
`;

/** The desk's live stream: its calls, and the hand-offs offered to its agent (types `HANDOFF_*`). */
export const SCREEN_POP: TypedDocumentNode<{ callEvents: CallEventData }, Vars> = gql`
  subscription ConsoleScreenPop($agentId: ID!) {
    callEvents(agentId: $agentId, types: [OFFERED, ANSWERED, TRANSFERRED, ENDED, ABANDONED, WRAP_UP_DONE, HANDOFF_OFFERED, HANDOFF_ACCEPTED, HANDOFF_DECLINED, HANDOFF_EXPIRED]) {
      id type at cursor
      call { ...PopCall }
      handoff { ...PopHandoff }
    }
  }
  ${POP_CALL}
  ${POP_HANDOFF}
`;

/** Hand-offs still open (hand-off events are not replayed after a reconnect: this is the catch-up). */
export const PENDING_HANDOFFS: TypedDocumentNode<{ pendingHandoffs: HandoffData[] | null }, Vars> = gql`
  query ConsolePendingHandoffs {
    pendingHandoffs { ...PopHandoff }
  }
  ${POP_HANDOFF}
`;

export const ACCEPT_HANDOFF: TypedDocumentNode<{ acceptHandoff: HandoffData }, Vars> = gql`
  mutation ConsoleAcceptHandoff($id: ID!) {
    acceptHandoff(id: $id) { ...PopHandoff }
  }
  ${POP_HANDOFF}
`;

export const DECLINE_HANDOFF: TypedDocumentNode<{ declineHandoff: HandoffData }, Vars> = gql`
  mutation ConsoleDeclineHandoff($id: ID!) {
    declineHandoff(id: $id) { ...PopHandoff }
  }
  ${POP_HANDOFF}
`;

export const ACTIVE_CALLS: TypedDocumentNode<{ activeCalls: PopCallData[] }, Vars> = gql`
  query ConsoleActiveCalls($agentId: ID!) {
    activeCalls(agentId: $agentId) { ...PopCall }
  }
  ${POP_CALL}
`;

export const EVENTS_SINCE: TypedDocumentNode<{ callEventsSince: { nodes: CallEventData[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }, Vars> = gql`
  query ConsoleEventsSince($after: String!, $agentId: ID!) {
    callEventsSince(after: $after, agentId: $agentId, types: [OFFERED, ANSWERED, TRANSFERRED, ENDED, ABANDONED, WRAP_UP_DONE], first: 200) {
      nodes { id type at cursor call { ...PopCall } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${POP_CALL}
`;

export const POP_CUSTOMER: TypedDocumentNode<{ customer: CustomerData | null }, Vars> = gql`
  query PopCustomer($id: ID!) {
    customer(id: $id) {
      id displayName tier tags emails nationalId lastContactAt recordAccess
      company { name }
      openTickets: tickets(status: [NEW, OPEN, PENDING, HOLD], first: 5) {
        totalCount
        nodes { id number subject status priority slaDueAt slaBreached }
      }
      calls(first: 5) { nodes { id startedAt direction state disposition talkSeconds } }
      orders(first: 3) { nodes { id number status placedAt currency } }
      activities(first: 6) {
        nodes {
          id type at author
          ... on NoteActivity { body }
          ... on CallLogActivity { disposition durationSeconds }
        }
      }
    }
  }
`;

export const SEARCH_CUSTOMERS: TypedDocumentNode<{ customers: { nodes: Candidate[] } }, Vars> = gql`
  query ConsoleSearchCustomers($search: String!) {
    customers(search: $search, first: 8) { nodes { id displayName tier tags } }
  }
`;

export const ADD_NOTE: TypedDocumentNode<{ addCustomerNote: { id: string; at: string; body: string } }, Vars> = gql`
  mutation ConsoleAddNote($customerId: ID!, $body: String!) {
    addCustomerNote(input: { customerId: $customerId, body: $body }) { id at body }
  }
`;

export const CREATE_TICKET: TypedDocumentNode<{ createTicket: { id: string; number: string; status: string } }, Vars> = gql`
  mutation ConsoleCreateTicket($input: CreateTicketInput!) {
    createTicket(input: $input) { id number status }
  }
`;

export const CHANGE_TICKET_STATUS: TypedDocumentNode<{ changeTicketStatus: { id: string; status: string } }, Vars> = gql`
  mutation ConsoleChangeTicketStatus($id: ID!, $status: TicketStatus!) {
    changeTicketStatus(id: $id, status: $status) { id status }
  }
`;

export const WALLBOARD_EVENTS: TypedDocumentNode<{ callEvents: { id: string } }, Vars> = gql`
  subscription ConsoleWallboardEvents {
    callEvents { id type at call { id state } }
  }
`;

export const WALLBOARD: TypedDocumentNode<WallboardData, Vars> = gql`
  query ConsoleWallboard($team: String, $range: TimeRangeInput!) {
    agents(team: $team) { id name presence }
    queues { id name }
    activeCalls { id state startedAt queue { id } agent { id } }
    callCenterMetrics(range: $range, groupBy: HOUR) {
      totals { offered answered abandoned serviceLevel averageSpeedOfAnswer }
      groups { key offered answered abandoned }
    }
  }
`;

export interface Candidate {
  id: string;
  displayName: string;
  tier: string;
  tags: string[] | null;
  lastContactAt: string | null;
}

export interface PopCallData {
  id: string;
  from: string | null;
  state: string;
  startedAt: string;
  direction: string;
  queue: { id: string; name: string } | null;
  agent: { id: string } | null;
  caller: { phone: string; status: 'NONE' | 'SINGLE' | 'MULTIPLE'; candidates: Candidate[] } | null;
}

export interface HandoffData {
  id: string;
  status: 'OFFERED' | 'ACCEPTED' | 'EXPIRED';
  reason: string;
  intent: string | null;
  skill: string | null;
  createdAt: string;
  expiresAt: string;
  queue: { id: string; name: string } | null;
  offeredTo: { id: string } | null;
  acceptedBy: { id: string } | null;
  rtcRoom: { provider: string; channel: string } | null;
  customer: { id: string; displayName: string; tier: string } | null;
  conversation: { id: string; channel: string; summary: string | null; messages: { id: string; from: string; at: string; text: string }[] } | null;
}

/** One event of the desk's stream: a call event (`call` set) or a hand-off event (`handoff` set). */
export interface CallEventData {
  id: string;
  type: string;
  at: string;
  cursor: string;
  call: PopCallData | null;
  handoff?: HandoffData | null;
}

export interface TicketData {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  slaDueAt: string | null;
  slaBreached: boolean;
}

export interface ActivityData {
  id: string;
  type: string;
  at: string;
  author: string;
  body?: string;
  disposition?: string;
  durationSeconds?: number;
}

export interface CustomerData {
  id: string;
  displayName: string;
  tier: string;
  tags: string[] | null;
  emails: string[] | null;
  nationalId: string | null;
  lastContactAt: string | null;
  recordAccess: 'FULL' | 'MINIMAL';
  company: { name: string } | null;
  openTickets: { totalCount: number; nodes: TicketData[] } | null;
  calls: { nodes: { id: string; startedAt: string; direction: string; state: string; disposition: string | null; talkSeconds: number }[] } | null;
  orders: { nodes: { id: string; number: string; status: string; placedAt: string; currency: string }[] } | null;
  activities: { nodes: ActivityData[] } | null;
}

export interface WallboardData {
  agents: { id: string; name: string; presence: string }[] | null;
  queues: { id: string; name: string }[] | null;
  activeCalls: { id: string; state: string; startedAt: string; queue: { id: string } | null; agent: { id: string } | null }[] | null;
  callCenterMetrics: {
    totals: { offered: number; answered: number; abandoned: number; serviceLevel: number | null; averageSpeedOfAnswer: number | null };
    groups: { key: string | null; offered: number; answered: number; abandoned: number }[];
  } | null;
}

/** Allowed ticket status moves (schema/tickets.graphql `TicketStatus`). */
export const TICKET_TRANSITIONS: Record<string, string[]> = {
  NEW: ['OPEN', 'PENDING', 'HOLD', 'SOLVED'],
  OPEN: ['PENDING', 'HOLD', 'SOLVED'],
  PENDING: ['OPEN', 'HOLD', 'SOLVED'],
  HOLD: ['OPEN', 'PENDING', 'SOLVED'],
  SOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};
