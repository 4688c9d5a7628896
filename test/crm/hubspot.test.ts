/**
 * What the HubSpot adapter does beyond the port suite, against the contract server on
 * HubSpot's published OpenAPI documents: the contract itself refuses what HubSpot would,
 * 429 with Retry-After, retries that run out, a rotated token taken without a restart,
 * paging through search results, contact updates written back normalised.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLError } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, test } from 'vitest';
import { startContractServer, type ContractServer } from '../support/hubspot/contract-server.js';
import { loadSpecs, specSkipReason } from '../support/hubspot/spec.js';
import { OpenApiValidator } from '../support/hubspot/validator.js';
import { skipNote } from '../support/skip.js';
import { hubSpotSource, loadPortDataset } from './port/hubspot-harness.js';
import { SINGLE_NUMBER, id } from './port/dataset.js';

const skip = specSkipReason();
const code = (expected: string, reason?: string) => (error: unknown) => {
  const extensions = (error as GraphQLError).extensions ?? {};
  assert.equal(extensions.code, expected, (error as Error).message);
  if (reason) assert.equal(extensions.reason, reason);
  return true;
};

describe.skipIf(skip !== null)(skipNote('HubSpot adapter', skip), () => {
  let server: ContractServer;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-hubspot-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const start = async () => {
    server = await startContractServer();
    loadPortDataset(server);
    return server;
  };
  afterEach(async () => {
    await server?.close();
  });

  test('the contract server refuses a request and an answer that HubSpot\'s schemas do not allow', async () => {
    await start();
    const response = await fetch(`${server.url}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filterGroups: [], properties: [], limit: 10, after: '0' }),
    });
    assert.equal(response.status, 400);
    assert.match(server.violations.join('\n'), /must have required property 'sorts'/);
    server.violations.length = 0;
    const validator = new OpenApiValidator(loadSpecs());
    const match = validator.match('GET', '/crm/v3/owners')!;
    assert.deepEqual(validator.checkResponse(match, 200, { results: [] }), []);
    assert.match(validator.checkResponse(match, 200, { results: [{ id: '1', archived: false }] }).join('\n'), /must have required property 'type'/);
    assert.match(validator.checkRequest(validator.match('GET', '/crm/v3/owners')!, new URLSearchParams('limit=many'), undefined).join('\n'), /query limit must be integer/);
  });

  test('429 with Retry-After: waits that long, then succeeds', async () => {
    await start();
    const source = hubSpotSource(server);
    server.failNext(429, 1, 1);
    const started = Date.now();
    const [found] = await source.customersByPhoneNumbers([SINGLE_NUMBER]);
    assert.deepEqual(found!.map((c) => c.id), [id(1)]);
    assert.ok(Date.now() - started >= 1000, 'waited for Retry-After: 1');
    assert.deepEqual(server.log.slice(0, 2).map((r) => r.status), [429, 200]);
    assert.deepEqual(server.violations, []);
  });

  test('when the retries run out: SUBGRAPH_UNAVAILABLE naming the rate limit, after maxRetries + 1 requests', async () => {
    await start();
    const source = hubSpotSource(server, { value: server.token }, 2);
    server.failNext(429, 3, 0);
    await assert.rejects(source.customersByIds([id(1)]), code('SUBGRAPH_UNAVAILABLE', 'HUBSPOT_RATE_LIMITED'));
    assert.equal(server.log.length, 3);
    assert.deepEqual(server.violations, []);
  });

  test('a rotated token in the token file is taken without a restart; a refused one is HUBSPOT_UNAUTHORIZED', async () => {
    await start();
    const file = join(dir, 'token');
    writeFileSync(file, `${server.token}\n`);
    const source = hubSpotSource(server, { file });
    assert.equal((await source.customersByIds([id(1)]))[0]?.id, id(1));
    server.token = 'pat-na1-rotated';
    await assert.rejects(source.customersByIds([id(1)]), code('SUBGRAPH_UNAVAILABLE', 'HUBSPOT_UNAUTHORIZED'));
    writeFileSync(file, 'pat-na1-rotated\n');
    assert.equal((await source.customersByIds([id(1)]))[0]?.id, id(1));
    assert.deepEqual(server.violations, []);
  });

  test('identification pages through every search result (205 holders of one number)', async () => {
    await start();
    for (let n = 0; n < 205; n += 1) server.addContact(String(800_000 + n), { firstname: `Shared ${n}`, phone: `+86 10 8888 ${String(n).padStart(4, '0').slice(-4)}`, mobilephone: '+86 137 7777 7777' }, '2026-01-01T00:00:00.000Z');
    const source = hubSpotSource(server);
    const [holders] = await source.customersByPhoneNumbers(['+8613777777777']);
    assert.equal(holders!.length, 205);
    assert.equal(server.log.filter((r) => r.path.endsWith('/search')).length, 2);
    assert.deepEqual(server.violations, []);
  });

  test('a contact update is written back normalised, and identification finds the new number', async () => {
    await start();
    const source = hubSpotSource(server);
    const updated = await source.updateContact(id(5), { phones: [{ number: '１３６ ００１３ ６０００', type: 'MOBILE' }], emails: [' New@Example.com '] });
    assert.deepEqual(updated.phones.map((p) => p.e164), ['+8613600136000']);
    assert.deepEqual(updated.emails, ['new@example.com']);
    assert.equal(server.objects.contacts.get(id(5))!.properties.mobilephone, '+8613600136000');
    const [found] = await source.customersByPhoneNumbers(['+8613600136000']);
    assert.deepEqual(found!.map((c) => c.id), [id(5)]);
    const before = server.log.length;
    await assert.rejects(source.updateContact(id(5), { emails: ['a@example.com', 'b@example.com'] }), code('BAD_USER_INPUT'));
    await assert.rejects(source.updateContact(id(5), { phones: [{ number: '12', type: 'MOBILE' }] }), code('BAD_USER_INPUT'));
    assert.equal(server.log.length, before, 'nothing was sent for refused input');
    await assert.rejects(source.updateContact('424242', { emails: [] }), code('NOT_FOUND'));
    assert.deepEqual(server.violations, []);
  });
});
