/**
 * The one kind of in-process cache for anything keyed by client input (operation text,
 * operation shape, viewer): an LRU bounded by bytes (`lru-cache` with `maxSize` +
 * `sizeCalculation`), so a stream of distinct operations evicts old entries instead of
 * growing the heap. Entry counts alone do not bound memory: one 5 KB operation parses to
 * about 300 KB of heap. Used by the gateway and every subgraph; sizes are configured per
 * cache in MiB (README, "Configuration").
 *
 * Sizes are estimates of the heap an entry keeps alive (Node 20, graphql-js 16), measured
 * with `bench/memory/` (bench/README.md); an entry estimated above the whole budget is not
 * cached at all.
 */
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Heap bytes a parsed document keeps alive per character of its source text: the AST, its
 * `loc` objects and the token list they reference (a 5,097-character operation parses to
 * 294,898 bytes of heap: 57.9 per character).
 */
export const DOCUMENT_BYTES_PER_SOURCE_CHAR = 60;
/** Heap bytes per character of a value's JSON (objects, arrays, strings as UTF-16, per-object headers). */
export const OBJECT_BYTES_PER_JSON_CHAR = 4;
/** What one cache entry costs besides its value: the LRU's slots, the key string, the map entry. */
export const ENTRY_OVERHEAD_BYTES = 200;

/** A byte-bounded LRU cache (string keys). `get` refreshes recency; an expired entry is a miss. */
export type BoundedCache<V extends NonNullable<unknown>> = LRUCache<string, V>;

export interface BoundedCacheOptions<V> {
  /** The budget in bytes (sum of `sizeOf` over the entries); at least 1. */
  maxBytes: number;
  /** Estimated heap bytes the entry keeps alive (see `documentBytes`, `objectBytes`). */
  sizeOf(value: V, key: string): number;
  /** Entries expire this many milliseconds after they are set (none when absent). */
  ttlMs?: number;
}

/** A new byte-bounded LRU cache. */
export function boundedCache<V extends NonNullable<unknown>>(options: BoundedCacheOptions<V>): BoundedCache<V> {
  const maxSize = Math.max(1, Math.floor(options.maxBytes));
  return new LRUCache<string, V>({
    maxSize,
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(options.sizeOf(value, key) + key.length * 2 + ENTRY_OVERHEAD_BYTES)),
    ...(options.ttlMs !== undefined ? { ttl: Math.max(1, options.ttlMs) } : {}),
  });
}

/** Bytes from a size in MiB (configuration is in MiB). */
export function mib(size: number): number {
  return Math.round(size * 1024 * 1024);
}

/**
 * Estimated heap bytes of a parsed document: its source length times
 * `DOCUMENT_BYTES_PER_SOURCE_CHAR`. A document derived from another (a rewritten operation
 * sharing its nodes) keeps the original's source and tokens alive, so it counts the same.
 * Without location information (`noLocation`), its printed JSON is used instead.
 */
export function documentBytes(document: DocumentNode): number {
  const source = document.loc?.source.body ?? document.definitions.find((d) => d.loc)?.loc?.source.body;
  return source !== undefined ? source.length * DOCUMENT_BYTES_PER_SOURCE_CHAR : objectBytes(document);
}

/** Estimated heap bytes of a plain value (a query plan, a result shape): its JSON length times `OBJECT_BYTES_PER_JSON_CHAR`. */
export function objectBytes(value: unknown): number {
  if (typeof value === 'string') return value.length * 2;
  try {
    return (JSON.stringify(value)?.length ?? 1) * OBJECT_BYTES_PER_JSON_CHAR;
  } catch {
    return 1;
  }
}

/**
 * The Apollo `KeyValueCache` interface over a bounded cache, for the caches Apollo Server
 * and `@apollo/gateway` take (`documentStore`, `queryPlannerConfig.cache`). A `ttl` given by
 * the caller (seconds) is honoured; `clear()` empties it.
 */
export function asKeyValueCache<V extends NonNullable<unknown>>(cache: BoundedCache<V>) {
  return {
    get: (key: string): Promise<V | undefined> => Promise.resolve(cache.get(key)),
    set: (key: string, value: V, options?: { ttl?: number | null }): Promise<void> => {
      cache.set(key, value, options?.ttl ? { ttl: options.ttl * 1000 } : undefined);
      return Promise.resolve();
    },
    delete: (key: string): Promise<boolean> => Promise.resolve(cache.delete(key)),
    /** Empties it (`@apollo/gateway` clears its plans when the supergraph changes). */
    clear: (): void => cache.clear(),
  };
}
