/**
 * The byte-bounded cache every operation-keyed cache uses (subgraphs/shared/bounded-cache.ts):
 * distinct operations past the budget evict the least recently used ones, so the cache's
 * size stays within its bytes whatever the number of entries; and a gateway with a tiny
 * document and plan budget still answers every distinct operation correctly.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { parse } from 'graphql';
import { asKeyValueCache, boundedCache, documentBytes, DOCUMENT_BYTES_PER_SOURCE_CHAR, mib } from '../../subgraphs/shared/bounded-cache.js';
import { distinctOperation } from '../../bench/memory/operations.js';
import { startStack, type Stack } from '../support/stack.js';

describe('bounded cache', () => {
  test('stays within its bytes with ever more distinct operations, evicting the least recently used', () => {
    const cache = boundedCache({ maxBytes: mib(2), sizeOf: documentBytes });
    const first = parse(distinctOperation(0));
    cache.set('op-0', first);
    for (let i = 1; i < 200; i += 1) {
      cache.set(`op-${i}`, parse(distinctOperation(i)));
      cache.get('op-0'); // kept in use: never evicted
      assert.ok(cache.calculatedSize <= mib(2), `${cache.calculatedSize} bytes after ${i + 1} operations`);
    }
    assert.equal(cache.get('op-0'), first);
    assert.equal(cache.has('op-1'), false, 'the least recently used went first');
    assert.ok(cache.size > 1 && cache.size < 200, `${cache.size} entries kept`);
  });

  test('estimates a parsed document from its source length', () => {
    const source = distinctOperation(7);
    assert.equal(documentBytes(parse(source)), source.length * DOCUMENT_BYTES_PER_SOURCE_CHAR);
    assert.ok(documentBytes(parse(source, { noLocation: true })) > source.length, 'without locations: from its JSON');
  });

  test('an entry larger than the whole budget is not kept', () => {
    const cache = boundedCache({ maxBytes: 1000, sizeOf: documentBytes });
    cache.set('big', parse(distinctOperation(1)));
    assert.equal(cache.has('big'), false);
  });

  test('serves Apollo caches: get, set with a ttl in seconds, delete, clear', async () => {
    const cache = boundedCache<string>({ maxBytes: 10_000, sizeOf: (value) => value.length * 2 });
    const store = asKeyValueCache(cache);
    await store.set('a', 'plan a');
    await store.set('b', 'plan b', { ttl: 60 });
    assert.equal(await store.get('a'), 'plan a');
    assert.ok(cache.getRemainingTTL('b') > 59_000 && cache.getRemainingTTL('b') <= 60_000);
    assert.equal(await store.delete('a'), true);
    assert.equal(await store.get('a'), undefined);
    store.clear();
    assert.equal(cache.size, 0);
  });
});

describe('a gateway with tiny document and plan caches', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 20, gatewayEnv: { SWITCHBOARD_DOCUMENT_CACHE_MB: '0.5', SWITCHBOARD_QUERY_PLAN_CACHE_MB: '0.25' } });
  });
  afterAll(() => stack.close());

  test('answers every distinct operation, also ones evicted and sent again', async () => {
    const ids = await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 3) { nodes { id } } }');
    const id = ids.data!.customers.nodes[0]!.id;
    for (const i of [0, 1, 2, 3, 4, 5, 0, 1]) {
      const { status, data, errors } = await stack.query<Record<string, Record<string, unknown> | null>>(distinctOperation(i), { [`id${i}`]: id });
      assert.equal(status, 200);
      assert.equal(errors, undefined, JSON.stringify(errors));
      assert.equal(data![`o${i}b0`]![`o${i}b0id`], id);
      assert.equal(typeof data![`o${i}b13`]![`o${i}b13name`], 'string');
      assert.ok(Array.isArray((data![`o${i}b13`]![`o${i}b13tickets`] as { [key: string]: unknown })[`o${i}b13nodes`]), 'tickets from their subgraph');
    }
  });
});
