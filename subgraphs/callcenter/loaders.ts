/**
 * Per-request DataLoaders: every entity lookup and every customer's call list goes
 * through one of these, so a request for N parents costs one statement per loader.
 */
import DataLoader from 'dataloader';
import type { Page, PageArgs } from '../shared/pagination.js';
import type { CallCenterSource } from './source/port.js';
import type { AgentRecord, CallRecord, QueueRecord } from './source/records.js';

/** Largest batch per statement (keeps `IN (…)` and VALUES lists bounded). */
const MAX_BATCH = 500;

/** A customer's numbers: E.164, deduplicated and sorted, so equal sets share a key. */
export type NumberSet = readonly string[];

export interface CallCenterLoaders {
  call: DataLoader<string, CallRecord | null>;
  agent: DataLoader<string, AgentRecord | null>;
  queue: DataLoader<string, QueueRecord | null>;
  /** The loader of customers' call pages for one (first, after); all customers asking the same share a statement. */
  customerCalls(page: PageArgs): DataLoader<NumberSet, Page<CallRecord>, string>;
  lastCall: DataLoader<NumberSet, CallRecord | null, string>;
}

const numberSetKey = (numbers: NumberSet) => numbers.join(',');

export function createLoaders(source: CallCenterSource): CallCenterLoaders {
  const call = new DataLoader<string, CallRecord | null>((ids) => source.callsByIds(ids), { maxBatchSize: MAX_BATCH });
  const agent = new DataLoader<string, AgentRecord | null>((ids) => source.agentsByIds(ids), { maxBatchSize: MAX_BATCH });
  const queue = new DataLoader<string, QueueRecord | null>((ids) => source.queuesByIds(ids), { maxBatchSize: MAX_BATCH });
  const primeCalls = (calls: readonly (CallRecord | null)[]) => {
    for (const record of calls) if (record) call.prime(record.id, record);
  };

  const pageLoaders = new Map<string, DataLoader<NumberSet, Page<CallRecord>, string>>();
  const customerCalls = (page: PageArgs) => {
    const key = JSON.stringify([page.first, page.after?.key ?? null, page.after?.id ?? null]);
    let loader = pageLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<NumberSet, Page<CallRecord>, string>(
        async (numberSets) => {
          const pages = await source.callsByCustomerNumbers(numberSets, page);
          for (const p of pages) primeCalls(p.nodes);
          return pages;
        },
        { cacheKeyFn: numberSetKey, maxBatchSize: MAX_BATCH },
      );
      pageLoaders.set(key, loader);
    }
    return loader;
  };

  const lastCall = new DataLoader<NumberSet, CallRecord | null, string>(
    async (numberSets) => {
      const calls = await source.lastCallByCustomerNumbers(numberSets);
      primeCalls(calls);
      return calls;
    },
    { cacheKeyFn: numberSetKey, maxBatchSize: MAX_BATCH },
  );

  return { call, agent, queue, customerCalls, lastCall };
}
