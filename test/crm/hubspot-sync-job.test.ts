/**
 * The HubSpot contact sync's own rules, with a scripted source in place of HubSpot (the
 * contract tests against HubSpot's published schemas are hubspot-sync.test.ts): a pass that
 * fails after some pages resumes from the last committed page with every contact once; the
 * fields Switchboard owns (tags, national id) survive HubSpot's later writes; failures and lag
 * show in the sync's status and metrics; the copy's reconciliation with HubSpot finds a lost
 * contact, a change the sync missed, a contact gone from HubSpot, and tells lag from loss.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { registry } from '../../subgraphs/shared/observability/metrics.js';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import type { SqlCrmStore } from '../../subgraphs/crm/source/embedded/store.js';
import { hubSpotMappingSchema } from '../../subgraphs/crm/source/hubspot/mapping.js';
import type { HubSpotCrmSource } from '../../subgraphs/crm/source/hubspot/store.js';
import { HubSpotContactSync } from '../../subgraphs/crm/source/hubspot/sync.js';
import type { CustomerRecord } from '../../subgraphs/crm/source/records.js';

const CONTACTS = 25;
const PAGE = 4;

function contact(n: number, modifiedMinute: number, displayName = `Contact ${n}`): { customer: CustomerRecord; modifiedAt: string } {
  const modifiedAt = new Date(Date.UTC(2026, 10, 1, 0, modifiedMinute, n % 60)).toISOString();
  return {
    modifiedAt,
    customer: {
      id: String(700 + n),
      displayName,
      tier: 'GOLD',
      status: 'ACTIVE',
      phones: [{ raw: `+86 137 1000 ${String(n).padStart(4, '0')}`, e164: `+8613710000${String(n).padStart(3, '0')}`, extension: null, type: 'MOBILE' }],
      emails: [`c${n}@example.com`],
      company: null,
      tags: [],
      ownerId: null,
      nationalId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: modifiedAt,
      lastContactAt: null,
    },
  };
}

/** HubSpot's search by lastmodifieddate, scripted: GTE `sinceMs`, oldest first, `limit` a page; fails on request number `failAt`. */
class ScriptedHubSpot {
  contacts = Array.from({ length: CONTACTS }, (_, n) => contact(n, 0));
  requests = 0;
  failAt = -1;
  readonly mapping = hubSpotMappingSchema.parse({});

  async contactsChangedSince(sinceMs: number, after: string, limit: number) {
    this.requests += 1;
    if (this.requests === this.failAt) throw new Error('HubSpot answered 503: scripted outage');
    const matching = this.contacts.filter((c) => Date.parse(c.modifiedAt) >= sinceMs).sort((a, b) => (a.modifiedAt === b.modifiedAt ? Number(a.customer.id) - Number(b.customer.id) : a.modifiedAt < b.modifiedAt ? -1 : 1));
    const offset = Number(after);
    const page = matching.slice(offset, offset + limit);
    return { changes: structuredClone(page), next: offset + limit < matching.length ? String(offset + limit) : null };
  }

  /** HubSpot's search by createdate in [fromMs, toMs), by id; `total` counts every match (`totalOverride` stands for a bigger HubSpot). */
  totalOverride: number | null = null;
  async contactsCreatedBetween(fromMs: number, toMs: number, cap: number) {
    const matching = this.contacts.filter((c) => Date.parse(c.customer.createdAt) >= fromMs && Date.parse(c.customer.createdAt) < toMs).sort((a, b) => Number(a.customer.id) - Number(b.customer.id));
    return { total: this.totalOverride ?? matching.length, contacts: structuredClone(matching.slice(0, cap)) };
  }
}

describe('HubSpot contact sync (scripted source)', () => {
  let dir: string;
  let file: string;
  let target: SqlCrmStore;
  const hubspot = new ScriptedHubSpot();
  let sync: HubSpotContactSync;
  const count = async () => Number((await target.database.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-hubspot-job-'));
    file = join(dir, 'crm.sqlite');
    target = await openEmbeddedCrmStore({ driver: 'sqlite', file });
    sync = await HubSpotContactSync.open(hubspot as unknown as HubSpotCrmSource, target, { driver: 'sqlite', file }, { pageSize: PAGE });
  });
  afterAll(async () => {
    await sync?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a pass failing after three pages keeps them; the next resumes from the cursor, every contact once', async () => {
    hubspot.failAt = 4;
    await assert.rejects(sync.runOnce(), /scripted outage/);
    assert.equal(await count(), 3 * PAGE, 'three pages committed');
    const failed = await sync.status();
    assert.deepEqual([failed.errors, failed.lagSeconds], [1, null], 'counted; no complete pass yet');
    assert.equal(failed.cursor, hubspot.contacts[3 * PAGE - 1]!.modifiedAt);
    hubspot.failAt = -1;
    const written = await sync.runOnce();
    // From the cursor (GTE): the contacts at or after it, the last committed one again included.
    assert.equal(written, CONTACTS - 3 * PAGE + 1);
    assert.equal(await count(), CONTACTS);
    assert.equal(Number((await target.database.db.selectFrom('customer_phones').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), CONTACTS, 'one phone each, none twice');
    const healthy = await sync.status();
    assert.ok(healthy.lagSeconds !== null && healthy.lagSeconds < 60);
    const metrics = await registry.metrics();
    assert.match(metrics, /switchboard_sync_errors_total\{service="crm",sync="hubspot-contacts"\} 1/);
    assert.match(metrics, /switchboard_sync_lag_seconds\{service="crm",sync="hubspot-contacts"\} \d/);
  });

  it('HubSpot wins its fields, Switchboard keeps its tags and national id, whichever wrote last', async () => {
    // Switchboard's own fields on a copied contact (as an embedded store's writes would set them).
    const [copied] = await target.customersByIds(['705']);
    await target.upsertCustomers([{ ...copied!, tags: ['vip'], nationalId: '110101199003070011', displayName: 'Edited locally' }]);
    // Later, HubSpot changes the contact: its name and number.
    hubspot.contacts[5] = contact(5, 30, 'Renamed in HubSpot');
    hubspot.contacts[5].customer.phones = [{ raw: '136 0013 6000', e164: '+8613600136000', extension: null, type: 'MOBILE' }];
    await sync.runOnce();
    const [after] = await target.customersByIds(['705']);
    assert.deepEqual([after!.displayName, after!.phones.map((p) => p.e164), after!.tags, after!.nationalId], ['Renamed in HubSpot', ['+8613600136000'], ['vip'], '110101199003070011']);
  });
});

describe('HubSpot contact copy reconciliation (scripted source)', () => {
  let dir: string;
  let file: string;
  let target: SqlCrmStore;
  const hubspot = new ScriptedHubSpot();
  let sync: HubSpotContactSync;
  // Every scripted contact was created on 2026-01-01.
  const reconcile = () => sync.runner.reconcile('2025-12-31T00:00:00.000Z', '2026-01-02T00:00:00.000Z');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-hubspot-reconcile-'));
    file = join(dir, 'crm.sqlite');
    target = await openEmbeddedCrmStore({ driver: 'sqlite', file });
    sync = await HubSpotContactSync.open(hubspot as unknown as HubSpotCrmSource, target, { driver: 'sqlite', file }, { pageSize: 10 });
  });
  afterAll(async () => {
    await sync?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('before any pass every contact is missing from the copy, as lag', async () => {
    const report = await reconcile();
    assert.deepEqual([report.system, report.sync, report.syncedThrough, report.sourceRecords, report.copyRecords, report.agreeing, report.agreementRate], ['hubspot', 'hubspot-contacts', null, CONTACTS, 0, 0, 0]);
    assert.ok(report.differences.every((d) => d.reason === 'MISSING_IN_COPY' && d.pending === true));
    assert.equal(report.pendingDifferences, CONTACTS);
  });

  it('after a pass the copy agrees; breaking it on purpose, each break is found with its reason', async () => {
    await sync.runOnce();
    const synced = await reconcile();
    assert.deepEqual([synced.sourceRecords, synced.copyRecords, synced.agreeing, synced.agreementRate, synced.differences], [CONTACTS, CONTACTS, CONTACTS, 1, []]);
    assert.ok(synced.syncedThrough !== null && Date.now() - Date.parse(synced.syncedThrough) < 60_000);

    // A contact lost from the copy.
    await target.database.db.deleteFrom('customer_phones').where('customer_id', '=', '710').execute();
    await target.database.db.deleteFrom('customers').where('id', '=', '710').execute();
    // A change HubSpot dates before the last pass (its search index lagged): the sync missed it.
    hubspot.contacts[11]!.customer.tier = 'PLATINUM';
    // A change made now: the next pass brings it.
    hubspot.contacts[12] = contact(12, 0);
    hubspot.contacts[12].modifiedAt = new Date(Date.now() + 1000).toISOString();
    hubspot.contacts[12].customer.phones = [{ raw: '136 0013 6012', e164: '+8613600136012', extension: null, type: 'MOBILE' }];
    // A contact deleted in HubSpot.
    hubspot.contacts.splice(13, 1);
    // Switchboard's own field changed in the copy: not HubSpot's to agree with.
    const [own] = await target.customersByIds(['714']);
    await target.upsertCustomers([{ ...own!, tags: ['vip'] }]);

    const broken = await reconcile();
    assert.deepEqual(
      broken.differences.map((d) => [d.recordId, d.reason, d.fields, d.pending]),
      [
        ['710', 'MISSING_IN_COPY', [], false],
        ['711', 'FIELDS_DIFFER', ['tier'], false],
        ['712', 'FIELDS_DIFFER', ['phones'], true],
        ['713', 'NOT_IN_SOURCE', [], null],
      ],
    );
    // 25 contacts on either side, 21 agreeing.
    assert.deepEqual([broken.sourceRecords, broken.copyRecords, broken.agreeing, broken.agreementRate, broken.pendingDifferences], [CONTACTS - 1, CONTACTS - 1, 21, 21 / 25, 1]);

    // The next pass closes the lag; what the incremental sync cannot see stays listed.
    await sync.runOnce();
    const after = await reconcile();
    assert.deepEqual(
      after.differences.map((d) => [d.recordId, d.reason]),
      [
        ['710', 'MISSING_IN_COPY'],
        ['711', 'FIELDS_DIFFER'],
        ['713', 'NOT_IN_SOURCE'],
      ],
    );
    assert.equal(after.pendingDifferences, 0);
  });

  it('refuses a range holding more contacts than one report compares, with BAD_USER_INPUT', async () => {
    hubspot.totalOverride = 10_001;
    try {
      await assert.rejects(reconcile(), (error: { extensions?: { code?: string }; message: string }) => error.extensions?.code === 'BAD_USER_INPUT' && /shorter ranges/.test(error.message));
    } finally {
      hubspot.totalOverride = null;
    }
  });
});
