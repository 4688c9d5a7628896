/**
 * The incremental HubSpot contact sync: killed (SIGKILL) in the middle of a run, it resumes
 * from its cursor with nothing lost and nothing duplicated; later runs copy only what changed;
 * its lag and error count are readable. HubSpot is the contract server on HubSpot's published
 * OpenAPI documents.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import type { SqlCrmStore } from '../../subgraphs/crm/source/embedded/store.js';
import { HubSpotContactSync } from '../../subgraphs/crm/source/hubspot/sync.js';
import { startContractServer, type ContractServer } from '../support/hubspot/contract-server.js';
import { specSkipReason } from '../support/hubspot/spec.js';
import { skipNote } from '../support/skip.js';
import { hubSpotSource, loadPortDataset } from './port/hubspot-harness.js';
import { CUSTOMERS } from './port/dataset.js';

const skip = specSkipReason();
const EXTRA = 230;
const TOTAL = CUSTOMERS + EXTRA;

describe.skipIf(skip !== null)(skipNote('HubSpot incremental sync', skip), () => {
  let server: ContractServer;
  let dir: string;
  let file: string;
  let target: SqlCrmStore;
  const countRows = async (table: 'customers' | 'customer_phones') => Number((await target.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    server = await startContractServer();
    loadPortDataset(server);
    for (let n = 0; n < EXTRA; n += 1) {
      const modified = new Date(Date.UTC(2026, 10, 1, 0, 0, n)).toISOString();
      server.addContact(String(700_000 + n), { firstname: `Synced ${n}`, mobilephone: `+86 137 1${String(n).padStart(3, '0')} 0000`, lastmodifieddate: modified }, '2026-01-01T00:00:00.000Z');
    }
    dir = mkdtempSync(join(tmpdir(), 'switchboard-hubspot-sync-'));
    file = join(dir, 'crm-sync.sqlite');
    target = await openEmbeddedCrmStore({ driver: 'sqlite', file });
  });
  afterAll(async () => {
    await target?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('killed mid-run, it resumes from its cursor: every contact copied once, none lost', async () => {
    server.delayMs = 150;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crm/support/run-hubspot-sync.ts', server.url, server.token, file, '20'], { stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const sync = await HubSpotContactSync.open(hubSpotSource(server), target, { driver: 'sqlite', file }, { pageSize: 20 });
    // Kill it once it has committed a few pages, well before the end.
    for (let waited = 0; (await sync.status()).cursor === null || (await countRows('customers')) < 60; waited += 50) {
      assert.ok(waited < 45_000, 'the child sync committed pages');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    assert.equal(await exited, null, 'killed, not finished');
    const copiedBeforeKill = await countRows('customers');
    assert.ok(copiedBeforeKill >= 60 && copiedBeforeKill < TOTAL, `killed mid-run after ${copiedBeforeKill}`);

    server.delayMs = 0;
    const resumedFrom = (await sync.status()).cursor;
    const requestsBefore = server.log.length;
    const written = await sync.runOnce();
    // Resumed from the cursor: only the rest (and the page at the cursor again), not everything.
    assert.ok(written <= TOTAL - copiedBeforeKill + 20, `wrote ${written} after resuming from ${resumedFrom}`);
    assert.equal(await countRows('customers'), TOTAL);
    assert.equal(await countRows('customer_phones'), TOTAL, 'one phone each, none twice');
    const [shared] = await target.customersByPhoneNumbers(['+861065529988']);
    assert.deepEqual(shared!.map((c) => c.id), ['102', '103']);
    assert.ok(server.log.length - requestsBefore < TOTAL / 20 + 5);
    assert.deepEqual(server.violations, []);
  });

  test('a later run copies only what changed; HubSpot wins; lag and errors are readable', async () => {
    const source = hubSpotSource(server);
    const sync = await HubSpotContactSync.open(source, target, { driver: 'sqlite', file }, { pageSize: 20 });
    await source.updateContact('105', { phones: [{ number: '136 0013 6000', type: 'MOBILE' }] });
    const written = await sync.runOnce();
    assert.ok(written >= 1 && written <= 2, `copied ${written} (the change, and the contact at the cursor)`);
    const [copy] = await target.customersByIds(['105']);
    assert.deepEqual(copy!.phones.map((p) => p.e164), ['+8613600136000']);
    assert.equal(await countRows('customers'), TOTAL);
    const healthy = await sync.status();
    assert.ok(healthy.lagSeconds !== null && healthy.lagSeconds < 60, `lag ${healthy.lagSeconds}s`);
    server.failNext(503, 1);
    const failing = await HubSpotContactSync.open(hubSpotSource(server, { value: server.token }, 0), target, { driver: 'sqlite', file });
    await assert.rejects(failing.runOnce());
    const after = await sync.status();
    assert.equal(after.errors, 1);
    assert.match(after.lastError ?? '', /HubSpot answered 503|503/);
    assert.equal(after.cursor, healthy.cursor, 'a failed run moves nothing');
    assert.deepEqual(server.violations, []);
  });

  test('the copy’s reconciliation asks HubSpot as its contract says and finds a contact the copy lost', async () => {
    const sync = await HubSpotContactSync.open(hubSpotSource(server), target, { driver: 'sqlite', file }, { pageSize: 20 });
    await sync.runOnce();
    const range = ['2025-12-31T00:00:00.000Z', '2026-01-02T00:00:00.000Z'] as const;
    const agreeing = await sync.runner.reconcile(...range);
    assert.deepEqual([agreeing.sourceRecords, agreeing.copyRecords, agreeing.agreementRate, agreeing.differences], [EXTRA, EXTRA, 1, []]);
    // One contact lost from the copy: found, and not lag (HubSpot last changed it before the last pass).
    await target.database.db.deleteFrom('customer_phones').where('customer_id', '=', '700003').execute();
    await target.database.db.deleteFrom('customers').where('id', '=', '700003').execute();
    const lost = await sync.runner.reconcile(...range);
    assert.deepEqual(lost.differences.map((d) => [d.recordId, d.reason, d.pending]), [['700003', 'MISSING_IN_COPY', false]]);
    assert.equal(lost.agreementRate, (EXTRA - 1) / EXTRA);
    assert.deepEqual(server.violations, []);
  });
});
