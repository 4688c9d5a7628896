/**
 * `Query.callLogOutbox`: the outbox's backlog and lag; `Query.reconciliationCalls`: the call
 * center's part of the reconciliation report (merged into the subgraph's resolvers by `server.ts`).
 */
import type { OutboxStatus, QueryResolvers } from '../__generated__/resolvers-types.js';
import { instantRange } from '../../shared/reporting/time-range.js';
import type { SqlOutboxStore } from './sql-outbox-store.js';

/** The most calls one reconciliation reads. */
export const RECONCILIATION_MAX_CALLS = 10_000;

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
      reconciliationCalls: async (_parent, { from, to }) => {
        const range = instantRange(from, to);
        return store.reconciliationCalls(range.from, range.to, RECONCILIATION_MAX_CALLS);
      },
    },
  };
}
