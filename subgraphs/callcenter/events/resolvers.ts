/**
 * Resolvers of the live call-event fields: `Query.activeCalls`, `Query.callEventsSince`,
 * `Subscription.callEvents` (served over graphql-ws by this subgraph). They close over the
 * event runtime rather than the request context, and are merged into the subgraph's
 * resolvers by `server.ts`.
 */
import { badUserInput } from '../../../schema/errors.js';
import { SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_CLOSE_REASON } from '../../shared/pubsub/bounded-queue.js';
import type { EventTraceHolder } from '../../shared/subgraph-server.js';
import type { CallEvent, QueryResolvers, SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import type { CallCenterContext } from '../context.js';
import { createLoaders } from '../loaders.js';
import type { CallRecord } from '../source/records.js';
import { decodeEventCursor, encodeEventCursor, START_OF_STREAM, type StreamPosition } from './cursor.js';
import { silenceCutoff } from './call-expiry.js';
import { liveCallScope } from './live-call-scope.js';
import type { CallEventHub } from './hub.js';
import type { CallEventFilter, CallEventMessage, StreamMessage } from './message.js';
import type { HandoffRecord } from '../handoffs/records.js';
import type { CallEventStore, StoredEvent } from './store.js';

export const MAX_CATCH_UP_EVENTS = 500;
/** The most events `callEvents(after:)` replays before going live; more is a `BAD_USER_INPUT` (use `callEventsSince`). */
export const MAX_REPLAYED_EVENTS = 5_000;

/**
 * The catch-up window rule, for `callEventsSince` and `callEvents(after:)` alike: replaying
 * after a cursor is refused when the first event to replay was applied before the window
 * (the client missed more than the window holds). A cursor older than the window with
 * nothing after it (a quiet agent) is fine: nothing was missed.
 */
function checkReplayWindow(first: StoredEvent | undefined, windowMs: number): void {
  if (first && Date.parse(first.position.appliedAt) < Date.now() - windowMs) {
    throw badUserInput(
      `The cursor is older than the ${Math.round(windowMs / 60_000)}-minute catch-up window and events were missed since; reload activeCalls and subscribe again.`,
      { argumentName: 'after', windowMinutes: windowMs / 60_000 },
    );
  }
}

/** A stream of `replay` first, then `live` without the events `replay` already had. */
function replayThenLive(replay: readonly StreamMessage[], live: AsyncIterableIterator<StreamMessage>): AsyncIterableIterator<StreamMessage> {
  const replayed = new Set(replay.map((message) => message.id));
  let index = 0;
  const iterator: AsyncIterableIterator<StreamMessage> = {
    async next() {
      if (index < replay.length) return { value: replay[index++]!, done: false };
      for (;;) {
        const result = await live.next();
        if (result.done || !replayed.has(result.value.id)) return result;
      }
    },
    return: () => live.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** A connection's close function, registered by the WebSocket context (see `connectionContexts`). */
export type CloseConnection = (code: number, reason: string) => void;
const closers = new WeakMap<object, CloseConnection>();

/** Marks `context` as belonging to a WebSocket connection that `close` ends (used for slow consumers). */
export function attachConnectionCloser<T extends object>(context: T, close: CloseConnection): T {
  closers.set(context, close);
  return context;
}

type CallEventModel = Omit<CallEvent, 'call' | 'handoff'> & { call: CallRecord | null; handoff: HandoffRecord | null };

export interface CallEventResolverOptions {
  store: CallEventStore;
  hub: CallEventHub;
  catchUpWindowMs: number;
  /** A call silent this long is not active any more, even before the sweep ended it (`call-expiry.ts`). */
  callSilenceMs: number;
}

export function callEventResolvers(options: CallEventResolverOptions): { Query: QueryResolvers; Subscription: SubscriptionResolvers } {
  const { store, hub } = options;

  /** The stored events after `position` matching `filter`, as messages with their calls as they are now. */
  async function replay(position: StreamPosition, filter: CallEventFilter, context: CallCenterContext): Promise<CallEventMessage[]> {
    const rows: StoredEvent[] = [];
    for (let from = position; ; ) {
      const page = await store.eventsSince(from, filter, MAX_CATCH_UP_EVENTS);
      if (rows.length === 0) checkReplayWindow(page[0], options.catchUpWindowMs);
      rows.push(...page);
      if (rows.length > MAX_REPLAYED_EVENTS) {
        throw badUserInput(`More than ${MAX_REPLAYED_EVENTS} events to replay after this cursor; catch up with callEventsSince, then subscribe again.`, { argumentName: 'after' });
      }
      if (page.length < MAX_CATCH_UP_EVENTS) break;
      from = page[page.length - 1]!.position;
    }
    const calls = await createLoaders(context.source).call.loadMany(rows.map((row) => row.callId));
    const messages: CallEventMessage[] = [];
    rows.forEach((row, i) => {
      const call = calls[i];
      if (call && !(call instanceof Error)) {
        messages.push({ id: row.id, type: row.type, at: row.at, cursor: encodeEventCursor(row.position), agentId: null, queueId: null, call });
      }
    });
    return messages;
  }

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
        const rows = await store.eventsSince(position, { agentId, queueId, types, agentIds }, size + 1);
        checkReplayWindow(rows[0], options.catchUpWindowMs);
        const page = rows.slice(0, size);
        const calls = await loaders.call.loadMany(page.map((row) => row.callId));
        const nodes: CallEventModel[] = [];
        page.forEach((row, i) => {
          const call = calls[i];
          if (call && !(call instanceof Error)) {
            nodes.push({ id: row.id, type: row.type, at: row.at, cursor: encodeEventCursor(row.position), call, handoff: null });
          }
        });
        const last = page[page.length - 1];
        return {
          nodes,
          pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeEventCursor(last.position) : null },
        };
      },
      async callEventsCursor() {
        return encodeEventCursor((await store.latestPosition()) ?? START_OF_STREAM);
      },
    },
    Subscription: {
      callEvents: {
        // The team of a supervisor is read when the subscription starts.
        subscribe: async (_parent, { agentId, queueId, types, after }, context: CallCenterContext) => {
          const { agentIds } = await liveCallScope(context.viewer, agentId, context.source);
          const close = closers.get(context);
          const filter: CallEventFilter = { agentId, queueId, types, agentIds };
          const position = after == null ? null : decodeEventCursor(after);
          // Live first, so nothing applied while the replay is read falls between the two.
          const live = hub.subscribe(filter, () => close?.(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_CLOSE_REASON));
          if (!position) return live;
          try {
            return replayThenLive(await replay(position, filter, context), live);
          } catch (error) {
            await live.return?.();
            throw error;
          }
        },
        // Each event is its own execution: fresh loaders, so agents and queues are current.
        resolve: (message: StreamMessage, _args: unknown, context: CallCenterContext) => {
          context.loaders = createLoaders(context.source);
          if (message.call !== null) context.loaders.call.prime(message.call.id, message.call);
          // Sent on with this event's result as `extensions.trace` (shared/subgraph-server.ts).
          (context as EventTraceHolder).eventTrace = 'trace' in message ? message.trace : undefined;
          const event: CallEventModel = { id: message.id, type: message.type, at: message.at, cursor: message.cursor, call: message.call, handoff: message.call === null ? message.handoff : null };
          return event;
        },
      },
    },
  };
}
