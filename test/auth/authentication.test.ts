/**
 * Authentication at the gateway: every missing, expired, forged or misaddressed credential
 * is refused with HTTP 401 and `UNAUTHENTICATED`, with a message saying what is wrong; the
 * production path (JWKS, RS256/ES256, keys rotating without a restart) and service-account
 * API keys work; a subgraph called directly refuses anyone but the gateway.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { postGraphQL, startStack, type Stack } from '../support/stack.js';
import { internalHeaders } from '../support/viewers.js';

const QUERY = '{ customers(first: 1) { totalCount } }';
const DEV_SECRET = new TextEncoder().encode(process.env.SWITCHBOARD_JWT_SECRET!);

function devToken(claims: Record<string, unknown> = { role: 'agent' }) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('agent-7').setIssuer('switchboard-dev').setAudience('switchboard').setIssuedAt();
}

async function expectRefused(stack: Stack, headers: Record<string, string>, message: RegExp) {
  const response = await stack.query(QUERY, undefined, headers);
  assert.equal(response.status, 401);
  assert.equal(response.data ?? null, null);
  assert.equal(response.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  assert.match(response.errors![0]!.message, message);
}

describe('authentication with the development secret', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 5 });
  });
  afterAll(() => stack.close());

  test('a valid token is accepted', async () => {
    const token = await devToken().setExpirationTime('5m').sign(DEV_SECRET);
    const response = await stack.query(QUERY, undefined, { authorization: `Bearer ${token}` });
    assert.equal(response.status, 200);
    assert.equal(response.errors, undefined);
  });

  test('a missing token', () => expectRefused(stack, {}, /Authentication required/));
  test('a malformed header', () => expectRefused(stack, { authorization: 'Basic dXNlcjpwYXNz' }, /Bearer/));
  test('garbage instead of a token', () => expectRefused(stack, { authorization: 'Bearer not.a.jwt' }, /malformed/));

  test('an expired token', async () => {
    const token = await devToken().setExpirationTime(Math.floor(Date.now() / 1000) - 120).sign(DEV_SECRET);
    await expectRefused(stack, { authorization: `Bearer ${token}` }, /expired/);
  });

  test('a token expired within the clock-skew allowance is still accepted', async () => {
    const token = await devToken().setExpirationTime(Math.floor(Date.now() / 1000) - 5).sign(DEV_SECRET);
    const response = await stack.query(QUERY, undefined, { authorization: `Bearer ${token}` });
    assert.equal(response.status, 200);
  });

  test('a token not valid yet', async () => {
    const token = await devToken().setNotBefore(Math.floor(Date.now() / 1000) + 600).setExpirationTime('1h').sign(DEV_SECRET);
    await expectRefused(stack, { authorization: `Bearer ${token}` }, /not valid yet/);
  });

  test('a forged token (signed with another secret)', async () => {
    const token = await devToken().setExpirationTime('5m').sign(new TextEncoder().encode('someone-elses-secret-0123456789abcdef'));
    await expectRefused(stack, { authorization: `Bearer ${token}` }, /signature/);
  });

  test('a token for another audience', async () => {
    const token = await devToken().setAudience('another-api').setExpirationTime('5m').sign(DEV_SECRET);
    await expectRefused(stack, { authorization: `Bearer ${token}` }, /audience/);
  });

  test('a token from another issuer', async () => {
    const token = await devToken().setIssuer('https://evil.example').setExpirationTime('5m').sign(DEV_SECRET);
    await expectRefused(stack, { authorization: `Bearer ${token}` }, /issuer/);
  });

  test('an unsigned token (alg: none)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', role: 'admin', iss: 'switchboard-dev', aud: 'switchboard', exp: now + 300 })}.`;
    await expectRefused(stack, { authorization: `Bearer ${token}` }, /algorithm|malformed/);
  });

  test('a token without a known role', async () => {
    const token = await devToken({ role: 'superuser' }).setExpirationTime('5m').sign(DEV_SECRET);
    await expectRefused(stack, { authorization: `Bearer ${token}` }, /role/);
  });

  test('`npm run token` prints a token the gateway accepts, with the role it was asked for', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'gateway/auth/token-cli.ts', '--role', 'finance', '--sub', 'fin-1'], { env: process.env });
    const token = stdout.trim();
    const allowed = await stack.query<{ customers: { totalCount: number } }>(QUERY, undefined, { authorization: `Bearer ${token}` });
    assert.equal(allowed.status, 200);
    assert.ok(allowed.data!.customers.totalCount > 0);
    const refused = await stack.query('{ queues { id } }', undefined, { authorization: `Bearer ${token}` });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'finance has no calls:read');
  });

  test('service-account API keys: accepted with their own scopes, refused once revoked', async () => {
    const { key, apiKey } = await stack.gateway.store.createApiKey('call-log-archiver', ['calls:read']);
    assert.match(key, /^sbk_/);
    const calls = await stack.query<{ queues: { id: string }[] }>('{ queues { id } }', undefined, { 'x-api-key': key });
    assert.equal(calls.status, 200);
    assert.ok(calls.data!.queues.length > 0);
    const customers = await stack.query(QUERY, undefined, { authorization: `ApiKey ${key}` });
    assert.equal(customers.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'the key has no customers:read');
    await expectRefused(stack, { 'x-api-key': `${key.slice(0, -4)}AAAA` }, /unknown or revoked/);
    assert.equal(await stack.gateway.store.revokeApiKey(apiKey.id), true);
    await expectRefused(stack, { 'x-api-key': key }, /unknown or revoked/);
  });

  test('API keys are stored hashed, never as given', async () => {
    const { key } = await stack.gateway.store.createApiKey('bot', ['tickets:read']);
    const rows = await stack.gateway.store.database.db.selectFrom('api_keys').selectAll().execute();
    for (const row of rows) assert.ok(!JSON.stringify(row).includes(key.split('_')[2]!));
  });

  test('a subgraph called directly without the gateway internal token gets 401; its health check stays open', async () => {
    for (const subgraph of [stack.crm, stack.callcenter, stack.tickets]) {
      const anonymous = await postGraphQL(subgraph.server.graphqlUrl, '{ __typename }');
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      const userToken = await devToken({ role: 'admin' }).setExpirationTime('5m').sign(DEV_SECRET);
      const withUserToken = await postGraphQL(subgraph.server.graphqlUrl, '{ __typename }', undefined, { authorization: `Bearer ${userToken}` });
      assert.equal(withUserToken.status, 401, 'a user token is not an internal token');
      const internal = await postGraphQL(subgraph.server.graphqlUrl, '{ __typename }', undefined, await internalHeaders());
      assert.equal(internal.status, 200);
      const health = await fetch(`${subgraph.server.url}/health`);
      assert.equal(health.status, 200);
    }
  });
});

describe('authentication against a JWKS (production mode)', () => {
  let stack: Stack;
  let jwksServer: Server;
  let keys: JWK[] = [];
  const issuer = 'https://idp.example.test/';

  beforeAll(async () => {
    jwksServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    stack = await startStack({
      customers: 5,
      // No cooldown between key-set fetches, so a rotation is visible at once.
      gatewayEnv: { SWITCHBOARD_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, SWITCHBOARD_JWT_ISSUER: issuer, SWITCHBOARD_JWKS_COOLDOWN_MS: '0' },
    });
  });
  afterAll(async () => {
    await stack.close();
    jwksServer.closeAllConnections();
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
  });

  async function keyPair(alg: 'RS256' | 'ES256', kid: string) {
    const pair = await generateKeyPair(alg, { extractable: true });
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
    return { ...pair, publicJwk };
  }

  function sign(privateKey: Parameters<SignJWT['sign']>[0], alg: string, kid: string) {
    return new SignJWT({ role: 'agent' }).setProtectedHeader({ alg, kid }).setSubject('agent-9').setIssuer(issuer).setAudience('switchboard').setIssuedAt().setExpirationTime('5m').sign(privateKey);
  }

  test('RS256 and ES256 tokens are verified with the key their kid names', async () => {
    const rsa = await keyPair('RS256', 'rsa-1');
    const ec = await keyPair('ES256', 'ec-1');
    keys = [rsa.publicJwk, ec.publicJwk];
    for (const token of [await sign(rsa.privateKey, 'RS256', 'rsa-1'), await sign(ec.privateKey, 'ES256', 'ec-1')]) {
      const response = await stack.query(QUERY, undefined, { authorization: `Bearer ${token}` });
      assert.equal(response.status, 200);
      assert.equal(response.errors, undefined);
    }
  });

  test('a rotated key is picked up without a restart; an unknown kid is refused', async () => {
    const next = await keyPair('RS256', 'rsa-2');
    const unknown = await sign(next.privateKey, 'RS256', 'rsa-2');
    await expectRefused(stack, { authorization: `Bearer ${unknown}` }, /unknown key/);
    keys = [...keys, next.publicJwk];
    const accepted = await stack.query(QUERY, undefined, { authorization: `Bearer ${unknown}` });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.errors, undefined);
  });

  test('HS256 tokens are refused in JWKS mode (no algorithm confusion), even signed with the public key', async () => {
    const rsa = await keyPair('RS256', 'rsa-3');
    keys = [...keys, rsa.publicJwk];
    const confused = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-3' })
      .setSubject('mallory')
      .setIssuer(issuer)
      .setAudience('switchboard')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(rsa.publicJwk)));
    await expectRefused(stack, { authorization: `Bearer ${confused}` }, /algorithm/);
  });
});
