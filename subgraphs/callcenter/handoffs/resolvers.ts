/**
 * Resolvers of hand-offs: `requestHandoff` (bots, `handoffs:write`), `acceptHandoff` /
 * `declineHandoff` (agents, `handoffs:answer`, as the agent of their token), `handoff`,
 * `pendingHandoffs` and the `Handoff` type. Each change is published as a `HANDOFF_*` event.
 */
import { notFound, switchboardError } from '../../../schema/errors.js';
import type { Viewer } from '../../../schema/viewer.js';
import type { HandoffResolvers, MutationResolvers, QueryResolvers, ResolversTypes } from '../__generated__/resolvers-types.js';
import type { HandoffEventType } from '../events/message.js';
import type { HandoffRecord } from './records.js';
import type { SqlHandoffStore } from './store.js';

export interface HandoffResolverOptions {
  store: SqlHandoffStore;
  publish(type: HandoffEventType, handoff: HandoffRecord, agentId: string | null): Promise<void>;
  timeoutMs: number;
  /** How long an accepted hand-off grants its agent access to its customer, in ms. */
  recordAccessMs: number;
}

/** The agent id a viewer answers hand-offs as: their token's `agent_id`. */
function agentOf(viewer: Viewer): string {
  if (!viewer.agentId) throw switchboardError('FORBIDDEN', 'Your token names no agent (claim "agent_id"), so you cannot answer hand-offs.');
  return viewer.agentId;
}

export function handoffResolvers({ store, publish, timeoutMs, recordAccessMs }: HandoffResolverOptions): { Query: QueryResolvers; Mutation: MutationResolvers; Handoff: HandoffResolvers } {
  /** The hand-off, or NOT_FOUND. */
  async function existing(id: string): Promise<HandoffRecord> {
    const [handoff] = await store.byIds([id]);
    if (!handoff) throw notFound('Handoff', id);
    return handoff;
  }
  return {
    Query: {
      handoff: (_parent, { id }) => existing(id),
      pendingHandoffs: (_parent, { queueId }) => store.pending(queueId ?? null),
      handoffCustomers: (_parent, { agentId }, { viewer }) => {
        if (viewer.role === 'agent' && viewer.agentId !== agentId) {
          throw switchboardError('FORBIDDEN', `Agents ask for their own hand-offs only: pass agentId: "${viewer.agentId ?? ''}".`, { argumentName: 'agentId' });
        }
        return store.customersServedBy(agentId, new Date(Date.now() - recordAccessMs).toISOString());
      },
    },
    Mutation: {
      async requestHandoff(_parent, { input }, { viewer }) {
        const { handoff, created } = await store.request(input, viewer.subject, timeoutMs);
        if (created) await publish('HANDOFF_OFFERED', handoff, handoff.offeredTo);
        return handoff;
      },
      async acceptHandoff(_parent, { id }, { viewer }) {
        await existing(id);
        const agentId = agentOf(viewer);
        const handoff = await store.accept(id, agentId);
        await publish('HANDOFF_ACCEPTED', handoff, agentId);
        return handoff;
      },
      async declineHandoff(_parent, { id }, { viewer }) {
        await existing(id);
        const agentId = agentOf(viewer);
        const handoff = await store.decline(id, agentId);
        await publish('HANDOFF_DECLINED', handoff, agentId);
        // The next agent (if any) gets it as a new offer.
        if (handoff.offeredTo !== null) await publish('HANDOFF_OFFERED', handoff, handoff.offeredTo);
        return handoff;
      },
    },
    Handoff: {
      __resolveReference: async ({ id }) => (await store.byIds([id]))[0] ?? null,
      queue: (handoff, _args, { loaders }) => (handoff.queueId === null ? null : loaders.queue.load(handoff.queueId)),
      offeredTo: (handoff, _args, { loaders }) => (handoff.offeredTo === null ? null : loaders.agent.load(handoff.offeredTo)),
      acceptedBy: (handoff, _args, { loaders }) => (handoff.acceptedBy === null ? null : loaders.agent.load(handoff.acceptedBy)),
      declinedBy: async (handoff, _args, { loaders }) => (await loaders.agent.loadMany(handoff.declinedBy)).filter((a) => a !== null && !(a instanceof Error)) as ResolversTypes['Agent'][],
      customer: (handoff) => (handoff.customerId === null ? null : ({ __typename: 'Customer', id: handoff.customerId } as ResolversTypes['Customer'])),
      conversation: (handoff) => ({ __typename: 'Conversation', id: handoff.conversationId }),
    },
  };
}
