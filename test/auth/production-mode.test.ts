/**
 * Production mode (`NODE_ENV=production`): introspection is off unless enabled, errors carry
 * no stack traces, and CSRF prevention refuses simple cross-site requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

describe('production mode', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ customers: 5, gatewayEnv: { NODE_ENV: 'production' } });
  });
  after(() => stack.close());

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

  test('a GET without a preflight-forcing header is refused (CSRF prevention)', async () => {
    const url = `${stack.gateway.graphqlUrl}?query=${encodeURIComponent('{ queues { id } }')}`;
    const response = await fetch(url, { headers: { authorization: await bearer('admin') } });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /CSRF/i);
  });
});
