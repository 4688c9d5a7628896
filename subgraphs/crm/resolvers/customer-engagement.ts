/**
 * The Customer fields of the engagement part, merged into `Customer` (and so wrapped by the
 * record-level rule): channel identities, conversations, leads, opportunities, and the merged
 * timeline `interactions` (docs/bots.md, "The timeline").
 */
import { hasScope } from '../../../schema/viewer.js';
import { decodeCursor, encodeCursor, pageArgs } from '../../shared/pagination.js';
import type { CustomerResolvers } from '../__generated__/resolvers-types.js';
import type { CrmContext } from '../context.js';
import { EngagementCursor, MAX_INTERACTION_STAMPS } from '../source/engagement-port.js';
import type { InteractionRecord } from '../source/engagement-records.js';
import type { CustomerRecord } from '../source/records.js';

/** Call and ticket stamps a representation carried (`@requires`), kept beside the loaded record. */
interface Stamps {
  callStamps: { id: string; at: string }[];
  ticketStamps: { id: string; at: string }[];
}
const stamps = new WeakMap<CustomerRecord, Stamps>();

function stampList(value: unknown): { id: string; at: string }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((s): s is { id: string; at: string } => typeof (s as { id?: unknown })?.id === 'string' && typeof (s as { at?: unknown })?.at === 'string')
    .slice(0, MAX_INTERACTION_STAMPS);
}

/** The loaded customer, carrying the stamps of `reference` when it has them (a copy: the cached record stays as it is). */
export function withStamps(customer: CustomerRecord | null, reference: object): CustomerRecord | null {
  if (customer === null || !('callStamps' in reference || 'ticketStamps' in reference)) return customer;
  const copy = { ...customer };
  const ref = reference as { callStamps?: unknown; ticketStamps?: unknown };
  stamps.set(copy, { callStamps: stampList(ref.callStamps), ticketStamps: stampList(ref.ticketStamps) });
  return copy;
}

/** Timeline order: newest first; at the same instant conversation, ticket, call; then id descending. */
const KIND_RANK: Record<InteractionRecord['kind'], number> = { CONVERSATION: 0, TICKET: 1, CALL: 2 };

function compare(a: InteractionRecord, b: InteractionRecord): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const positionId = (item: InteractionRecord) => `${item.kind}:${item.id}`;

/**
 * One page of the merged list: every item strictly after the cursor's item in timeline order.
 * Exported for the unit test of the ordering.
 */
export function interactionPage(items: InteractionRecord[], first: number, after: string | null) {
  const sorted = [...items].sort(compare);
  let start = 0;
  if (after !== null) {
    const position = decodeCursor(EngagementCursor.interactions, after);
    const [kind, ...rest] = position.id.split(':');
    const anchor = { kind: kind as InteractionRecord['kind'], id: rest.join(':'), at: position.key };
    if (!(anchor.kind in KIND_RANK)) return { nodes: [], totalCount: sorted.length, pageInfo: { hasNextPage: false, endCursor: null } };
    start = sorted.findIndex((item) => compare(item, anchor) > 0);
    if (start < 0) start = sorted.length;
  }
  const nodes = sorted.slice(start, start + first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount: sorted.length,
    pageInfo: {
      hasNextPage: start + first < sorted.length,
      endCursor: last ? encodeCursor(EngagementCursor.interactions, { key: last.at, id: positionId(last) }) : null,
    },
  };
}

export const CustomerEngagement: CustomerResolvers = {
  channelIdentities: (customer, _args, { engagementLoaders }) => engagementLoaders.identitiesByCustomer.load(customer.id),
  conversations: (customer, { first, after }, { engagementLoaders }) =>
    engagementLoaders.conversationsByCustomer.load({ customerId: customer.id, page: pageArgs(EngagementCursor.conversations, first, after, 10) }),
  leads: (customer, { first, after }, { engagementLoaders }) =>
    engagementLoaders.leadsByCustomer.load({ customerId: customer.id, page: pageArgs(EngagementCursor.customerLeads, first, after, 10) }),
  opportunities: (customer, _args, { engagementLoaders }) => engagementLoaders.opportunitiesByCustomer.load(customer.id),
  async interactions(customer, { first, after }, context: CrmContext) {
    const page = pageArgs(EngagementCursor.interactions, first, after, 20); // validates `first` and the cursor
    const given = stamps.get(customer) ?? { callStamps: [], ticketStamps: [] };
    const conversations = hasScope(context.viewer, 'conversations:read') ? await context.engagementLoaders.conversationStampsByCustomer.load(customer.id) : [];
    const items: InteractionRecord[] = [
      ...given.callStamps.map((s) => ({ kind: 'CALL' as const, id: s.id, at: new Date(s.at).toISOString() })),
      ...given.ticketStamps.map((s) => ({ kind: 'TICKET' as const, id: s.id, at: new Date(s.at).toISOString() })),
      ...conversations.map((s) => ({ kind: 'CONVERSATION' as const, id: s.id, at: s.at })),
    ];
    return interactionPage(items, page.first, after ?? null);
  },
};

export const Interaction = {
  call: (item: InteractionRecord) => (item.kind === 'CALL' ? { __typename: 'Call' as const, id: item.id } : null),
  ticket: (item: InteractionRecord) => (item.kind === 'TICKET' ? { __typename: 'Ticket' as const, id: item.id } : null),
  conversation: (item: InteractionRecord, _args: unknown, { engagementLoaders }: CrmContext) => (item.kind === 'CONVERSATION' ? engagementLoaders.conversationById.load(item.id) : null),
};
