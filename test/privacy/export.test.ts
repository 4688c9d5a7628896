/**
 * `exportCustomerData` through the gateway over the seeded data set: the document holds every
 * record the three systems and the audit trail hold about the customer (checked against the
 * stores directly), with a manifest of its sources; the signed download link serves it until
 * it expires and refuses an altered one; a large document is only downloadable; a system that
 * is down is `UNAVAILABLE` in the manifest; only a privacy officer (or admin) may export.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { startStack, type Stack } from '../support/stack.js';
import { heldRecords, richCustomer } from './stores.js';

const EXPORT = /* GraphQL */ `
  mutation Export($id: ID!) {
    exportCustomerData(customerId: $id) { id customerId complete bytes document downloadUrl expiresAt manifest { source status records kinds error } }
  }
`;

interface ExportResult {
  id: string;
  customerId: string;
  complete: boolean;
  bytes: number;
  document: string | null;
  downloadUrl: string;
  expiresAt: string;
  manifest: { source: string; status: string; records: number; kinds: string[]; error: string | null }[];
}
interface ExportDocument {
  format: string;
  customerId: string;
  generatedBy: string;
  complete: boolean;
  manifest: { source: string; records: number }[];
  sources: Record<string, { kind: string; id: string; data: Record<string, unknown> }[]>;
}

describe('exporting a customer’s data', () => {
  let stack: Stack;
  let customerId: string;

  beforeAll(async () => {
    stack = await startStack({ gatewayEnv: { SWITCHBOARD_EXPORT_INLINE_BYTES: '1000000', SWITCHBOARD_EXPORT_LINK_TTL_SECONDS: '60' } });
    customerId = await richCustomer(stack);
    await stack.query('query ($id: ID!) { customer(id: $id) { nationalId } }', { id: customerId });
    await stack.queryAs('agent', 'mutation ($id: ID!) { recordConsent(input: { customerId: $id, purpose: RECORDING, status: WITHDRAWN, source: "phone call" }) { status } }', { id: customerId });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the audit batcher writes asynchronously
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('holds every record the systems hold about the customer, by kind, with a manifest', async () => {
    const result = await stack.queryAs<{ exportCustomerData: ExportResult }>('privacy-officer', EXPORT, { id: customerId });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const exported = result.data!.exportCustomerData;
    assert.equal(exported.complete, true);
    const document = JSON.parse(exported.document!) as ExportDocument;
    assert.equal(document.format, 'switchboard.customer-data-export/1');
    assert.equal(document.generatedBy, 'privacy-officer-1');
    assert.equal(exported.bytes, Buffer.byteLength(exported.document!, 'utf8'));

    const held = await heldRecords(stack, customerId);
    const inDocument: Record<string, string[]> = {};
    for (const record of Object.values(document.sources).flat()) (inDocument[record.kind] ??= []).push(record.id);
    for (const kind of Object.keys(held)) inDocument[kind] = (inDocument[kind] ?? []).sort();
    // The audit trail records this export too, once it has answered: not in its own document.
    const exportEvents = new Set(
      ((await stack.gateway.store.database.db.selectFrom('audit_events').select(['id', 'fields']).execute()) as { id: string; fields: string }[])
        .filter((event) => event.fields.includes('Mutation.exportCustomerData'))
        .map((event) => event.id),
    );
    held['audit.event'] = held['audit.event']!.filter((id) => !exportEvents.has(id));
    assert.deepEqual(inDocument, held);
    assert.ok(held['callcenter.call']!.length > 0 && held['tickets.comment']!.length > 0 && held['crm.order']!.length > 0 && held['audit.event']!.length > 0);

    assert.deepEqual(
      exported.manifest.map((m) => [m.source, m.status, m.records]),
      ['crm', 'callcenter', 'tickets', 'audit'].map((source) => [source, 'COMPLETE', document.sources[source]!.length]),
    );
    const crm = exported.manifest.find((m) => m.source === 'crm')!;
    assert.ok(crm.kinds.includes('crm.customer:1'));
  });

  it('has the full customer record: the national ID unmasked, numbers, consent', async () => {
    const result = await stack.queryAs<{ exportCustomerData: ExportResult }>('privacy-officer', EXPORT, { id: customerId });
    const document = JSON.parse(result.data!.exportCustomerData.document!) as ExportDocument;
    const seen = await stack.query<{ customer: { nationalId: string; phones: { e164: string }[] } }>('query ($id: ID!) { customer(id: $id) { nationalId phones { e164 } } }', { id: customerId });
    const customer = document.sources.crm!.find((r) => r.kind === 'crm.customer')!;
    assert.equal(customer.data.nationalId, seen.data!.customer.nationalId);
    assert.deepEqual(
      document.sources.crm!.filter((r) => r.kind === 'crm.phone').map((r) => r.data.e164),
      seen.data!.customer.phones.map((p) => p.e164),
    );
    const consent = document.sources.crm!.find((r) => r.kind === 'crm.consent')!;
    assert.deepEqual([consent.data.purpose, consent.data.status, consent.data.source, consent.data.recordedBy], ['RECORDING', 'WITHDRAWN', 'phone call', 'agent-1']);
  });

  it('serves the document through its signed link until it expires, and refuses an altered link', async () => {
    const result = await stack.queryAs<{ exportCustomerData: ExportResult }>('privacy-officer', EXPORT, { id: customerId });
    const exported = result.data!.exportCustomerData;
    const download = await fetch(exported.downloadUrl);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(await download.text(), exported.document);

    const url = new URL(exported.downloadUrl);
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    assert.equal((await fetch(later)).status, 403, 'a longer life is a different signature');
    const other = new URL(url);
    other.searchParams.set('id', '00000000-0000-0000-0000-000000000000');
    assert.equal((await fetch(other)).status, 403);
    assert.ok(Date.parse(exported.expiresAt) - Date.now() <= 60_000);
  });

  it('refuses the export to roles without privacy:manage', async () => {
    for (const role of ['agent', 'supervisor', 'finance', 'analyst'] as const) {
      const result = await stack.queryAs(role, EXPORT, { id: customerId });
      assert.equal(result.data?.exportCustomerData ?? null, null, role);
      assert.equal(result.errors?.[0]?.extensions?.code, 'FORBIDDEN', role);
    }
  });

  it('is NOT_FOUND for an unknown customer', async () => {
    const result = await stack.queryAs('privacy-officer', EXPORT, { id: 'cus_nobody' });
    assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('lists a system that is down as UNAVAILABLE and the export as incomplete', async () => {
    await stack.tickets.server.close();
    const result = await stack.queryAs<{ exportCustomerData: ExportResult }>('privacy-officer', EXPORT, { id: customerId });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const exported = result.data!.exportCustomerData;
    assert.equal(exported.complete, false);
    const tickets = exported.manifest.find((m) => m.source === 'tickets')!;
    assert.equal(tickets.status, 'UNAVAILABLE');
    assert.match(tickets.error ?? '', /tickets: not reachable/);
    assert.equal(exported.manifest.find((m) => m.source === 'callcenter')!.status, 'COMPLETE');
  });
});

describe('a large export', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ customers: 50, gatewayEnv: { SWITCHBOARD_EXPORT_INLINE_BYTES: '100', SWITCHBOARD_EXPORT_LINK_TTL_SECONDS: '1' } });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('is only downloadable, and not after its link expired', async () => {
    const ids = await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }');
    const result = await stack.queryAs<{ exportCustomerData: ExportResult }>('privacy-officer', EXPORT, { id: ids.data!.customers.nodes[0]!.id });
    const exported = result.data!.exportCustomerData;
    assert.equal(exported.document, null);
    assert.ok(exported.bytes > 100);
    const download = await fetch(exported.downloadUrl);
    assert.equal(download.status, 200);
    assert.equal(Buffer.byteLength(await download.text(), 'utf8'), exported.bytes);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await fetch(exported.downloadUrl)).status, 410);
  });
});
