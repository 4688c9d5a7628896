/**
 * Per-request DataLoaders keyed by a report's time range: every customer asking for the
 * same summary over the same range in one request is answered by one batched query.
 */
import DataLoader from 'dataloader';
import type { TimeRangeArgument } from './time-range.js';

const loadersByRequest = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/** The loader of `kind` over `range` for this request (`context`), created on first use. */
export function rangeLoader<V>(
  context: object,
  kind: string,
  range: TimeRangeArgument,
  batch: (ids: readonly string[]) => Promise<readonly V[]>,
): DataLoader<string, V> {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(context, loaders);
  }
  const key = JSON.stringify([kind, range.from, range.to, range.timeZone]);
  let loader = loaders.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch, { maxBatchSize: 500 });
    loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}
