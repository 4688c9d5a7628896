/**
 * Which fields a failed fetch names (gateway/failed-fetch.ts), for the shapes of fetch
 * operations the query planner writes: root fields with aliases, `_entities` with inline and
 * named fragments per type, `@skip`/`@include`; and which subgraph answers count as failed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { fieldPathsOf, parsedFetchesSize, unusableResponseReason } from '../../gateway/failed-fetch.js';

describe('the fields of a failed fetch', () => {
  test('root fields by response key, __typename left out, skipped ones too', () => {
    const query = 'query Q($x: Boolean!) { __typename a: ticket(id: "1") { id } ticketByNumber(number: "T") { id } hidden: ticket(id: "2") @include(if: $x) { id } ...More }\nfragment More on Query { assignedTickets(assigneeId: "a") { totalCount } }';
    assert.deepEqual(fieldPathsOf({ query, variables: { x: false } }), [['a'], ['ticketByNumber'], ['assignedTickets']]);
  });

  test('entity fields per representation, by its type', () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      __typename ... on Customer { tickets { totalCount } summary: ticketSummary { created } } ...CallTickets } }
      fragment CallTickets on Call { tickets { id } }`;
    const representations = [{ __typename: 'Customer', id: 'c1' }, { __typename: 'Call', id: 'k1' }, { __typename: 'Customer', id: 'c2' }];
    assert.deepEqual(fieldPathsOf({ query, variables: { representations } }), [
      ['_entities', 0, 'tickets'], ['_entities', 0, 'summary'],
      ['_entities', 1, 'tickets'],
      ['_entities', 2, 'tickets'], ['_entities', 2, 'summary'],
    ]);
  });

  test('an unparseable operation names no field', () => {
    assert.deepEqual(fieldPathsOf({ query: '{ broken' }), []);
  });

  test('answers that cannot stand for the fetch', () => {
    const root = { query: '{ a: ticket(id: "1") { id } b: queues { id } }' };
    const entities = { query: 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { tickets { totalCount } } } }', variables: { representations: [{ __typename: 'Customer', id: 'c1' }] } };
    assert.equal(unusableResponseReason({ data: { a: null, b: [] } }, root, 200), null);
    assert.equal(unusableResponseReason({ data: null, errors: [{ message: 'x', path: ['a'] }] }, root, 200), null, 'null propagation to the root');
    assert.equal(unusableResponseReason({ data: { _entities: [null] } }, entities, 200), null);
    assert.match(unusableResponseReason({ data: { a: null } }, root, 200)!, /without the field "b"/);
    assert.match(unusableResponseReason({ errors: [{ message: 'boom' }] }, root, 500)!, /HTTP 500 \(boom\) without data/);
    assert.match(unusableResponseReason({ data: null, errors: [{ message: 'no token' }] }, root, 401)!, /HTTP 401/);
    assert.match(unusableResponseReason({ data: { _entities: [] } }, entities, 200)!, /0 of the 1 entities/);
    assert.match(unusableResponseReason('ok', root, 200)!, /not a GraphQL response/);
    assert.match(unusableResponseReason({ data: [1] }, root, 200)!, /malformed "data"/);
  });
});

describe('parsed fetch operations', () => {
  test('stay within their bytes however many distinct fetches pass, and an evicted one is read again correctly', () => {
    // Every distinct client operation brings distinct fetch texts (its own aliases): 3,000 of ~2 KB each.
    const fetchText = (i: number) =>
      `query Op${i}__crm__0 { ${Array.from({ length: 40 }, (_, k) => `f${i}_${k}: customer(id: "cus_${k}") { id displayName tier phones { e164 } }`).join(' ')} }`;
    const answer = (i: number) => ({ data: Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`f${i}_${k}`, null])) });
    for (let i = 0; i < 3000; i += 1) assert.equal(unusableResponseReason(answer(i), { query: fetchText(i) }, 200), null);
    const { entries, bytes, maxBytes } = parsedFetchesSize();
    assert.ok(bytes <= maxBytes, `${bytes} bytes kept, budget ${maxBytes}`);
    assert.ok(entries > 0 && entries < 3000, `${entries} entries kept`);
    // The first fetch was evicted long ago: parsed again, a missing field is still found.
    const partial = answer(0);
    delete (partial.data as Record<string, unknown>).f0_7;
    assert.equal(unusableResponseReason(partial, { query: fetchText(0) }, 200), 'an answer without the field "f0_7"');
  });
});
