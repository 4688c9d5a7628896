/**
 * Production mode (`NODE_ENV=production`): introspection is off unless enabled, errors carry
 * no stack traces and no schema detail (no "Did you mean …?" naming fields, arguments,
 * types, enum values or input fields the client did not send), and CSRF prevention refuses
 * simple cross-site requests.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

/** Mistyped operations whose development-mode errors suggest real names, with the name each would reveal. */
const TYPOS: [string, string, Record<string, unknown>, RegExp][] = [
  ['a field', '{ customer(id: "cus_000001") { nationalID } }', {}, /nationalId/],
  ['an argument', '{ customers(frist: 1) { totalCount } }', {}, /"first"/],
  ['an enum literal', '{ customers(tier: GOLDEN) { totalCount } }', {}, /GOLD"/],
  ['a type in a fragment', '{ customer(id: "cus_000001") { ... on Customerr { id } } }', {}, /"Customer"/],
  ['an enum value in a variable', 'query($tier: CustomerTier) { customers(tier: $tier) { totalCount } }', { tier: 'GOLDEN' }, /enum value "GOLD"/],
  [
    'an input field in a variable',
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
    { input: { idempotencyKey: 'typo-1', requesterId: 'cus_000001', subject: 'A typo', descripton: 'x' } },
    /"description"/,
  ],
];

describe('production mode', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 5, gatewayEnv: { NODE_ENV: 'production' } });
  });
  afterAll(() => stack.close());

  test('introspection is off', async () => {
    const { errors } = await stack.query('{ __schema { queryType { name } } }');
    assert.ok(errors?.length);
    assert.match(errors![0]!.message, /introspection/i);
  });

  test('errors carry no stack trace', async () => {
    const { errors } = await stack.query('query($id: ID!) { customer(id: $id) { id } }', { id: 'cus_999999' });
    assert.equal(errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(errors![0]!.extensions!.stacktrace, undefined);
  });

  for (const [what, query, variables, reveals] of TYPOS) {
    test(`mistyped ${what}: an error without suggestions`, async () => {
      const { errors, data } = await stack.query(query, variables);
      assert.ok(errors?.length);
      assert.equal(data ?? null, null);
      for (const error of errors!) {
        assert.doesNotMatch(error.message, /Did you mean/);
        assert.doesNotMatch(error.message, reveals);
      }
    });
  }

  // Each refused request names only what it wrote itself: no type, argument or field name it did not spell.
  const REQUEST_ERRORS: [string, string, Record<string, unknown>, RegExp, RegExp][] = [
    ['an unknown field', '{ customer(id: "cus_000001") { nope } }', {}, /"nope"/, /Customer/],
    ['a missing required argument', '{ customer { displayName } }', {}, /"customer"/, /ID!|"id"/],
    ['a variable of the wrong type', 'query($v: Int) { customer(id: $v) { displayName } }', { v: 1 }, /"\$v"/, /ID!/],
    ['a wrong enum value in a variable', 'query($t: CustomerTier) { customers(tier: $t, first: 1) { totalCount } }', { t: 'NOSUCHTIER' }, /NOSUCHTIER/, /GOLD|SILVER|BRONZE|PLATINUM/],
    ['an unknown input field', 'mutation { addCustomerNote(input: { customerId: "cus_000001", text: "x" }) { id } }', {}, /"text"/, /AddCustomerNoteInput|"body"/],
  ];
  for (const [what, query, variables, echoes, hides] of REQUEST_ERRORS) {
    test(`${what}: the error names what the request wrote and nothing of the schema besides`, async () => {
      const { errors } = await stack.query(query, variables);
      assert.ok(errors?.length, what);
      const messages = errors!.map((e) => e.message).join(' | ');
      assert.match(messages, echoes, messages);
      assert.doesNotMatch(messages, hides, messages);
    });
  }

  test('over WebSocket too, a mistyped field gets an error without suggestions', async () => {
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: await bearer('admin') }, retryAttempts: 0, lazy: true });
    try {
      for (const query of ['subscription { callEvents(agentId: "agt_001") { typ } }', '{ customer(id: "cus_000001") { nationalID } }']) {
        const messages = await new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          client.subscribe(
            { query },
            {
              next: (result) => seen.push(...(result.errors ?? []).map((e) => e.message)),
              error: (error) => resolve([...seen, ...(Array.isArray(error) ? (error as { message: string }[]).map((e) => e.message) : [String(error)])]),
              complete: () => resolve(seen),
            },
          );
        });
        assert.ok(messages.length > 0, query);
        for (const message of messages) assert.doesNotMatch(message, /Did you mean/, query);
      }
    } finally {
      await client.dispose();
    }
  });

  test('a GET without a preflight-forcing header is refused (CSRF prevention)', async () => {
    const url = `${stack.gateway.graphqlUrl}?query=${encodeURIComponent('{ queues { id } }')}`;
    const response = await fetch(url, { headers: { authorization: await bearer('admin') } });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /CSRF/i);
  });
});
