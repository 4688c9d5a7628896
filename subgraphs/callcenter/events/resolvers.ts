/**
 * Resolvers of the live call-event fields: `Query.activeCalls`, `Query.callEventsSince`,
 * `Subscription.callEvents` (served over graphql-ws by this subgraph). They close over the
 * event runtime rather than the request context, and are merged into the subgraph's
 * resolvers by `server.ts`.
 */
import { badUserInput } from '../../../schema/errors.js';
import { SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_CLOSE_REASON } from '../../shared/pubsub/bounded-queue.js';
import type { CallEvent, QueryResolvers, SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import type { CallCenterContext } from '../context.js';
import { createLoaders } from '../loaders.js';
import type { CallRecord } from '../source/records.js';
import { decodeEventCursor, encodeEventCursor } from './cursor.js';
import { silenceCutoff } from './call-expiry.js';
import { liveCallScope } from './live-call-scope.js';
import type { CallEventHub } from './hub.js';
import type { CallEventMessage } from './message.js';
import type { CallEventStore } from './store.js';

export const MAX_CATCH_UP_EVENTS = 500;

/** A connection's close function, registered by the WebSocket context (see `connectionContexts`). */
export type CloseConnection = (code: number, reason: string) => void;
const closers = new WeakMap<object, CloseConnection>();

/** Marks `context` as belonging to a WebSocket connection that `close` ends (used for slow consumers). */
export function attachConnectionCloser<T extends object>(context: T, close: CloseConnection): T {
  closers.set(context, close);
  return context;
}

type CallEventModel = Omit<CallEvent, 'call'> & { call: CallRecord };

export interface CallEventResolverOptions {
  store: CallEventStore;
  hub: CallEventHub;
  catchUpWindowMs: number;
  /** A call silent this long is not active any more, even before the sweep ended it (`call-expiry.ts`). */
  callSilenceMs: number;
}

export function callEventResolvers(options: CallEventResolverOptions): { Query: QueryResolvers; Subscription: SubscriptionResolvers } {
  const { store, hub } = options;
  return {
    Query: {
      async activeCalls(_parent, { agentId, queueId }, { loaders, viewer, source }) {
        const { agentIds } = await liveCallScope(viewer, agentId, source);
        const calls = await store.activeCalls({ agentId, queueId, agentIds, heardSince: silenceCutoff(options.callSilenceMs) });
        for (const call of calls) loaders.call.prime(call.id, call);
        return calls;
      },
      async callEventsSince(_parent, { after, agentId, queueId, types, first }, { loaders, viewer, source }) {
        const { agentIds } = await liveCallScope(viewer, agentId, source);
        const size = first ?? 100;
        if (!Number.isInteger(size) || size < 0 || size > MAX_CATCH_UP_EVENTS) {
          throw badUserInput(`\`first\` must be between 0 and ${MAX_CATCH_UP_EVENTS}, got ${size}.`, { argumentName: 'first' });
        }
        const position = decodeEventCursor(after);
        const windowStart = Date.now() - options.catchUpWindowMs;
        if (Date.parse(position.appliedAt) < windowStart) {
          throw badUserInput(
            `The cursor is older than the ${Math.round(options.catchUpWindowMs / 60_000)}-minute catch-up window; reload activeCalls and subscribe again.`,
            { argumentName: 'after', windowMinutes: options.catchUpWindowMs / 60_000 },
          );
        }
        const rows = await store.eventsSince(position, { agentId, queueId, types, agentIds }, size + 1);
        const page = rows.slice(0, size);
        const calls = await loaders.call.loadMany(page.map((row) => row.callId));
        const nodes: CallEventModel[] = [];
        page.forEach((row, i) => {
          const call = calls[i];
          if (call && !(call instanceof Error)) {
            nodes.push({ id: row.id, type: row.type, at: row.at, cursor: encodeEventCursor(row.position), call });
          }
        });
        const last = page[page.length - 1];
        return {
          nodes,
          pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeEventCursor(last.position) : null },
        };
      },
    },
    Subscription: {
      callEvents: {
        // The team of a supervisor is read when the subscription starts.
        subscribe: async (_parent, { agentId, queueId, types }, context: CallCenterContext) => {
          const { agentIds } = await liveCallScope(context.viewer, agentId, context.source);
          const close = closers.get(context);
          return hub.subscribe({ agentId, queueId, types, agentIds }, () => close?.(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_CLOSE_REASON));
        },
        // Each event is its own execution: fresh loaders, so agents and queues are current.
        resolve: (message: CallEventMessage, _args: unknown, context: CallCenterContext) => {
          context.loaders = createLoaders(context.source);
          context.loaders.call.prime(message.call.id, message.call);
          const event: CallEventModel = { id: message.id, type: message.type, at: message.at, cursor: message.cursor, call: message.call };
          return event;
        },
      },
    },
  };
}
