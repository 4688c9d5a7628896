/** `Query.callLogOutbox`: the outbox's backlog and lag (merged into the subgraph's resolvers by `server.ts`). */
import type { OutboxStatus, QueryResolvers } from '../__generated__/resolvers-types.js';
import type { SqlOutboxStore } from './sql-outbox-store.js';

export function outboxResolvers(store: SqlOutboxStore, dispatcherRunning: () => boolean): { Query: QueryResolvers } {
  return {
    Query: {
      callLogOutbox: async (): Promise<OutboxStatus> => {
        const counts = await store.counts();
        return {
          pending: counts.pending,
          retrying: counts.retrying,
          failed: counts.failed,
          done: counts.done,
          oldestPendingAgeSeconds: counts.oldestPendingAt === null ? null : Math.max(0, Math.floor((Date.now() - Date.parse(counts.oldestPendingAt)) / 1000)),
          lastError: counts.lastError,
          lastErrorAt: counts.lastErrorAt,
          dispatcherRunning: dispatcherRunning(),
        };
      },
    },
  };
}
