/**
 * The gateway shapes responses with an operation's compiled shaper
 * (gateway/execution/result-shaper.ts) instead of `@apollo/gateway`'s `computeResponse`; its
 * contract is to answer exactly as `computeResponse` does. Both run here side by side on the
 * same operations and inputs (hand-written cases for each rule, then many generated inputs
 * with nulls, missing fields, wrong `__typename`s and invalid leaf values) and must agree on
 * the data (key order included) and on every error's message, path and code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { buildSchema, operationFromDocument, type Operation } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { parse, type GraphQLError } from 'graphql';
import { compileResultShaper } from '../../gateway/execution/result-shaper.js';

const schema = buildSchema(`
  type Query {
    customer(id: ID!): Customer
    customers: [Customer!]!
    search(text: String): [SearchHit]
    node(id: ID!): Node
    count: Int!
  }
  interface Node { id: ID! }
  enum Tier { GOLD SILVER }
  type Customer implements Node {
    id: ID!
    name: String
    tier: Tier!
    phones: [Phone!]
    tickets(first: Int): [Ticket]
    score: Float
  }
  type Phone { e164: String! kind: String }
  type Ticket implements Node { id: ID! subject: String! open: Boolean }
  union SearchHit = Customer | Ticket
`);

function shapeBoth(query: string, input: Record<string, unknown> | null, variables?: Record<string, unknown>) {
  const operation: Operation = operationFromDocument(schema, parse(query), { validate: false });
  const introspection = () => 'introspected';
  let apollo: unknown;
  let ours: unknown;
  try {
    apollo = summary(computeResponse({ operation, variables, input: clone(input), introspectionHandling: introspection }));
  } catch (error) {
    apollo = { threw: (error as Error).message };
  }
  try {
    ours = summary(compileResultShaper(operation).shape(clone(input), variables, introspection));
  } catch (error) {
    ours = { threw: (error as Error).message };
  }
  return { apollo, ours };
}

function clone<T>(value: T): T {
  return value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** JSON of the data (key order kept) and the errors' message, path and code. */
function summary({ data, errors }: { data: unknown; errors: GraphQLError[] }) {
  return {
    data: JSON.stringify(data),
    errors: errors.map((error) => ({ message: error.message, path: error.path, code: error.extensions?.code })),
  };
}

function assertSame(query: string, input: Record<string, unknown> | null, variables?: Record<string, unknown>) {
  const { apollo, ours } = shapeBoth(query, input, variables);
  assert.deepEqual(ours, apollo);
  return ours as { data: string; errors: { message: string; path?: readonly (string | number)[]; code?: unknown }[] };
}

const customer = {
  __typename: 'Customer',
  id: 'c1',
  name: 'Ada',
  tier: 'GOLD',
  phones: [{ e164: '+4930123', kind: 'mobile', extra: 'dropped' }],
  tickets: [{ __typename: 'Ticket', id: 't1', subject: 'Broken', open: true }, null],
  score: 1.5,
  keyOnly: 'dropped',
};

describe('the compiled result shaper answers as @apollo/gateway computeResponse', () => {
  test('fields in the order asked, aliases, __typename filled, fields the plan added dropped', () => {
    const result = assertSame(
      `{ customer(id: "c1") { who: name __typename id kind: __typename phones { e164 } tickets { subject __typename } } count }`,
      { customer: { ...customer, who: 'Ada' }, count: 3 },
    );
    assert.equal(
      result.data,
      '{"customer":{"who":"Ada","__typename":"Customer","id":"c1","kind":"Customer","phones":[{"e164":"+4930123"}],"tickets":[{"subject":"Broken","__typename":"Ticket"},null]},"count":3}',
    );
  });

  test('a null in a non-null field becomes null up to the nearest nullable parent, each null reported once', () => {
    const result = assertSame(`{ customer(id: "c1") { id phones { e164 } tier } }`, { customer: { ...customer, tier: null, phones: [{ e164: null }] } });
    assert.equal(result.data, '{"customer":null}');
    assert.deepEqual(
      result.errors.map((error) => [error.message, error.path]),
      [['Cannot return null for non-nullable field Phone.e164.', ['customer', 'phones', 0, 'e164']], ['Cannot return null for non-nullable field Customer.tier.', ['customer', 'tier']]],
    );
    assertSame(`{ customers { id } count }`, { customers: [{ id: 'a' }, { id: null }], count: 1 });
    assertSame(`{ count }`, { count: null });
  });

  test('invalid leaf values and unknown __typenames are nulled with INVALID_GRAPHQL errors', () => {
    const result = assertSame(`{ customer(id: "c1") { tier score name tickets { id } } }`, {
      customer: { ...customer, score: 'high', name: 7, tickets: [{ __typename: 'Nope', id: 't' }] },
    });
    assert.equal(result.data, '{"customer":{"tier":"GOLD","score":null,"name":null,"tickets":[null]}}');
    assert.equal(result.errors.length, 3);
    assert.ok(result.errors.every((error) => error.code === 'INVALID_GRAPHQL'));
  });

  test('@skip and @include, literal and by variable, with defaults', () => {
    const query = `query Q($withName: Boolean = true, $noTier: Boolean!) { customer(id: "c1") { id name @include(if: $withName) tier @skip(if: $noTier) phones @skip(if: false) { e164 } score @include(if: false) } }`;
    assertSame(query, { customer }, { noTier: true });
    assertSame(query, { customer }, { withName: false, noTier: false });
    const missing = shapeBoth(query, { customer }, {});
    assert.deepEqual(missing.ours, missing.apollo);
    assert.ok('threw' in (missing.ours as object));
  });

  test('fragments on interfaces and unions by __typename, and a field selected twice merged', () => {
    const query = `
      query { node(id: "x") { id ... on Customer { name phones { e164 } } ...T }
              search(text: "a") { __typename ... on Customer { id tier } ... on Ticket { id subject } ... on Node { id } }
              customer(id: "c1") { phones { e164 } phones { kind } ... on Customer { tickets { id } tickets { subject } } } }
      fragment T on Ticket { subject open }`;
    assertSame(query, {
      node: customer,
      search: [customer, { __typename: 'Ticket', id: 't2', subject: 'S', open: null }, null, { __typename: 'Phone', e164: 'x' }],
      customer,
    });
    assertSame(query, { node: { __typename: 'Ticket', id: 't9', subject: 'X', open: false }, search: null, customer: null });
  });

  test('documents that skipped validation and inputs no JSON can carry: @include without if:, undefined in a list', () => {
    assertSame(`{ count @include customer(id: "c1") @skip { id } }`, { count: 1, customer });
    for (const input of [() => ({ customers: [{ id: 'a' }, undefined] }), () => ({ customers: new Array(2) }), () => ({ search: [customer, undefined] })]) {
      const operation = operationFromDocument(schema, parse(`{ customers { id } search { __typename } }`), { validate: false });
      const outcome = (run: () => { data: unknown; errors: GraphQLError[] }) => {
        try {
          return summary(run());
        } catch (error) {
          return { threw: (error as Error).message };
        }
      };
      const apollo = outcome(() => computeResponse({ operation, variables: {}, input: input() as Record<string, unknown>, introspectionHandling: () => null }));
      const ours = outcome(() => compileResultShaper(operation).shape(input() as Record<string, unknown>, {}, () => null));
      assert.deepEqual(ours, apollo);
    }
  });

  test('introspection fields are answered by the handler; a missing input is returned as is', () => {
    assertSame(`{ __schema { queryType { name } } count }`, { count: 1 });
    assertSame(`{ count }`, null);
  });

  test('generated inputs: nulls, missing fields, wrong types and typenames, in every position', () => {
    const query = `
      query G($skip: Boolean!) {
        customers { id tier name @skip(if: $skip) phones { e164 kind } tickets(first: 2) { id subject open } }
        customer(id: "c") { ... on Node { id } ...C }
        search { __typename ... on Customer { tier } ... on Ticket { subject } }
        count
      }
      fragment C on Customer { name score phones { e164 } }`;
    let random = 42;
    const next = () => ((random = (random * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(values: T[]): T => values[Math.floor(next() * values.length)]!;
    const leaf = (good: unknown) => pick([good, good, good, null, undefined, 12, -3, 1.5, 1e21, 'x', '', true, false, { nested: 1 }, [1]]);
    const phone = () => pick([{ e164: leaf('+1555'), kind: leaf('home') }, null]);
    const ticket = () => pick([{ __typename: pick(['Ticket', 'Ticket', 'Customer', 'Nope', undefined]), id: leaf('t'), subject: leaf('s'), open: leaf(true) }, null]);
    const person = () => ({
      __typename: pick(['Customer', 'Customer', 'Ticket', 'Nope', undefined]),
      id: leaf('c'),
      tier: leaf(pick(['GOLD', 'SILVER', 'BRONZE'])),
      name: leaf('n'),
      score: leaf(2.5),
      phones: pick([[phone(), phone()], [], null, undefined]),
      tickets: pick([[ticket(), ticket(), ticket()], null]),
    });
    for (let i = 0; i < 600; i++) {
      const input = {
        customers: pick([[person(), person()], [person()], [], null]),
        customer: pick([person(), null, undefined]),
        search: pick([[person(), ticket()], null]),
        count: leaf(5),
      };
      const { apollo, ours } = shapeBoth(query, input as Record<string, unknown>, { skip: next() < 0.5 });
      assert.deepEqual(ours, apollo, `input ${i}: ${JSON.stringify(input)}`);
    }
  });
});
