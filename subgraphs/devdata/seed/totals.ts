/**
 * Counting a data set's records chunk by chunk (`npm run seed` prints them).
 */
import type { SeedChunk } from './dataset.js';

/** Records per kind. */
export interface DatasetTotals {
  owners: number;
  customers: number;
  orders: number;
  activities: number;
  agents: number;
  queues: number;
  calls: number;
  tickets: number;
  comments: number;
}

/** All zero. */
export function emptyTotals(): DatasetTotals {
  return { owners: 0, customers: 0, orders: 0, activities: 0, agents: 0, queues: 0, calls: 0, tickets: 0, comments: 0 };
}

/** Adds one chunk's record counts to `totals` (mutates and returns it). */
export function addChunkTotals(totals: DatasetTotals, chunk: SeedChunk): DatasetTotals {
  totals.owners += chunk.crm.owners.length;
  totals.customers += chunk.crm.customers.length;
  totals.orders += chunk.crm.orders.length;
  totals.activities += chunk.crm.activities.length;
  totals.agents += chunk.callcenter.agents.length;
  totals.queues += chunk.callcenter.queues.length;
  totals.calls += chunk.callcenter.calls.length;
  totals.tickets += chunk.tickets.tickets.length;
  totals.comments += chunk.tickets.comments.length;
  return totals;
}
