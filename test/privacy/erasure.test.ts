/**
 * A data subject's erasure across the three systems, end to end through the gateway: the
 * customer has calls with recordings, tickets with comments, orders, consent and an audit
 * history. The erasure is cut after its first system (the ticket system unreachable through a
 * real TCP proxy), is `FAILED` with the call center done, then resumed; afterwards nothing
 * personal remains in any system (checked through the gateway and in the stores), the reports
 * count as before, the caller's old number identifies nobody, and the audit trail says who
 * erased whom and why. Asking again changes nothing.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { startStack, TEST_ANCHOR, type Stack } from '../support/stack.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { heldRecords, richCustomer, storeDb } from './stores.js';

const DAY = 86_400_000;
const RANGE = { from: new Date(Date.parse(TEST_ANCHOR) - 400 * DAY).toISOString(), to: new Date(Date.parse(TEST_ANCHOR) + DAY).toISOString(), timeZone: 'UTC' };
const RANGE_366 = { ...RANGE, from: new Date(Date.parse(RANGE.to) - 366 * DAY).toISOString() };

const REPORTS = /* GraphQL */ `
  query Reports($range: TimeRangeInput!) {
    callCenterMetrics(range: $range, groupBy: QUEUE) {
      totals { offered answered abandoned answerRate serviceLevel averageHandleTime firstContactResolutionRate }
      groups { key offered answered abandoned }
    }
    ticketMetrics(range: $range, groupBy: PRIORITY) { totals { created solved backlog slaBreachRate } groups { key created solved } }
    callMetricsByTier(range: $range) { tier offered answered }
    ticketMetricsByTier(range: $range) { tier created slaBreached }
    topContactingCustomers(range: $range, first: 100) { contacts calls customer { id } }
  }
`;

const EXPORT = /* GraphQL */ `
  mutation Export($id: ID!) {
    exportCustomerData(customerId: $id) { id customerId complete bytes document downloadUrl expiresAt manifest { source status records kinds error } }
  }
`;

const ERASE = /* GraphQL */ `
  mutation Erase($id: ID!, $reason: String!) {
    eraseCustomer(customerId: $id, reason: $reason) {
      id customerId reason requestedBy status completedAt
      steps { system status attempts erased recordingsFlagged lastError doneAt }
    }
  }
`;

const CUSTOMER = /* GraphQL */ `
  query Customer($id: ID!) {
    customer(id: $id) {
      id displayName tier emails nationalId tags erasedAt
      phones { e164 raw extension }
      company { name industry }
      consents { purpose status source }
      status statusHistory(first: 10) { nodes { from to reason } }
      orders(first: 100) { totalCount nodes { id number status shipment { carrier trackingNumber } } }
      activities(first: 100) {
        totalCount
        nodes { id type ... on NoteActivity { body } ... on CallLogActivity { recordingRef } ... on ChatTranscriptActivity { messages { from text } } }
      }
      tickets(first: 100) { totalCount nodes { id subject description comments(first: 100) { body } } }
      calls(first: 100) { totalCount }
    }
  }
`;

interface Step { system: string; status: string; attempts: number; erased: number | null; recordingsFlagged: number | null; lastError: string | null }
interface Erasure { id: string; customerId: string; reason: string; requestedBy: string; status: string; completedAt: string | null; steps: Step[] }
interface ExportResult { id: string; complete: boolean; document: string | null; downloadUrl: string; manifest: { source: string; status: string; records: number; kinds: string[] }[] }
interface ExportDocument { sources: Record<string, { kind: string; id: string; data: Record<string, unknown> }[]> }

/** Every string in the export that is personal: names, numbers, emails, ID, free texts, recording refs. */
function personalValues(document: ExportDocument): string[] {
  const values = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 4) values.add(value);
  };
  for (const record of Object.values(document.sources).flat()) {
    const d = record.data;
    if (record.kind === 'crm.customer') [d.displayName, d.nationalId, (d.company as { name?: string } | null)?.name].forEach(add);
    if (record.kind === 'crm.phone') [d.e164, d.raw].forEach(add);
    if (record.kind === 'crm.email') add(d.email);
    if (record.kind === 'crm.order') add(d.shipmentTrackingNumber);
    if (record.kind === 'crm.status_change') add(d.reason);
    if (record.kind === 'crm.activity') {
      [d.body, d.recordingRef].forEach(add);
      for (const message of (d.messages as { text: string }[] | null) ?? []) add(message.text);
    }
    if (record.kind === 'callcenter.call') [d.fromNumber, d.toNumber, d.customerNumber, d.recordingRef].forEach(add);
    if (record.kind === 'tickets.ticket') [d.subject, d.description].forEach(add);
    if (record.kind === 'tickets.comment') add(d.body);
  }
  // Numbers of the call center's own lines are not the customer's.
  return [...values].filter((value) => value !== '[erased]');
}

describe('erasing a customer across the systems', () => {
  let stack: Stack;
  let proxy: TcpProxy;
  let customerId: string;
  let before: ExportDocument;
  let reportsBefore: unknown;
  let formerCallIds: string[];
  let formerPhones: string[];
  let ownLines: Set<string>;

  beforeAll(async () => {
    proxy = await startTcpProxy();
    stack = await startStack({ subgraphUrls: { tickets: `${proxy.url}/graphql` }, gatewayEnv: { SWITCHBOARD_ERASURE_RETRY_SECONDS: '0' } });
    proxy.target = stack.tickets.server.url;
    customerId = await richCustomer(stack);

    // An audit history and a consent: an admin reads the unmasked ID and writes a note.
    const read = await stack.query('query ($id: ID!) { customer(id: $id) { nationalId emails } }', { id: customerId });
    assert.equal(read.errors, undefined);
    const note = await stack.query('mutation ($id: ID!) { addCustomerNote(input: { customerId: $id, body: "Prefers calls after 18:00, daughter Lin answers" }) { id } }', { id: customerId });
    assert.equal(note.errors, undefined);
    // A status change whose reason says something about the person (erased as text, the change kept for the churn report).
    const status = await stack.query('mutation ($id: ID!) { setCustomerStatus(input: { customerId: $id, status: INACTIVE, reason: "Moved to Chengdu to care for her mother" }) { status } }', { id: customerId });
    assert.equal(status.errors, undefined);
    const consent = await stack.queryAs('agent', 'mutation ($id: ID!) { recordConsent(input: { customerId: $id, purpose: MARKETING, status: GRANTED, source: "phone call" }) { status } }', { id: customerId });
    assert.deepEqual(consent.data, { recordConsent: { status: 'GRANTED' } });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the audit batcher writes asynchronously

    const exported = await stack.queryAs<{ exportCustomerData: ExportResult }>('privacy-officer', EXPORT, { id: customerId });
    assert.equal(exported.errors, undefined, JSON.stringify(exported.errors));
    before = JSON.parse(exported.data!.exportCustomerData.document!) as ExportDocument;
    formerCallIds = before.sources.callcenter!.filter((r) => r.kind === 'callcenter.call').map((r) => r.id);
    formerPhones = before.sources.crm!.filter((r) => r.kind === 'crm.phone').map((r) => String(r.data.e164));
    const agentLines = (await storeDb(stack, 'callcenter').selectFrom('calls').select(['from_number', 'to_number', 'customer_number']).where('id', 'in', formerCallIds).execute()) as {
      from_number: string | null;
      to_number: string;
      customer_number: string | null;
    }[];
    ownLines = new Set(agentLines.flatMap((c) => [c.from_number, c.to_number]).filter((n): n is string => !!n && !agentLines.some((x) => x.customer_number === n)));
    reportsBefore = (await stack.queryAs('supervisor', REPORTS, { range: RANGE_366 })).data;
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  it('has a customer with calls, recordings, tickets, comments, orders and an audit history', () => {
    const kinds = new Set(Object.values(before.sources).flat().map((r) => r.kind));
    for (const kind of ['crm.customer', 'crm.phone', 'crm.email', 'crm.order', 'crm.activity', 'crm.status_change', 'crm.consent', 'callcenter.call', 'tickets.ticket', 'tickets.comment', 'audit.event']) {
      assert.ok(kinds.has(kind), `the export has ${kind}`);
    }
    assert.ok(before.sources.callcenter!.some((r) => r.kind === 'callcenter.call' && r.data.recordingRef));
  });

  it('stops after the first system when the ticket system is unreachable, and says so', async () => {
    proxy.pause();
    proxy.cut();
    const first = await stack.queryAs<{ eraseCustomer: Erasure }>('privacy-officer', ERASE, { id: customerId, reason: 'Data subject request DSR-2026-0042 (PIPL art. 47)' });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const erasure = first.data!.eraseCustomer;
    assert.equal(erasure.status, 'FAILED');
    assert.deepEqual(
      erasure.steps.map((s) => [s.system, s.status]),
      [
        ['callcenter', 'DONE'],
        ['tickets', 'FAILED'],
        ['crm', 'PENDING'],
      ],
    );
    assert.match(erasure.steps[1]!.lastError ?? '', /tickets: not reachable/, JSON.stringify(erasure.steps));
    assert.ok(erasure.steps[0]!.recordingsFlagged! > 0);
    // Halfway: the CRM still knows the customer; the ticket texts are untouched.
    const halfway = await stack.query<{ customer: { displayName: string } }>('query ($id: ID!) { customer(id: $id) { displayName } }', { id: customerId });
    assert.notEqual(halfway.data!.customer.displayName, 'Erased customer');
    const subjects = (await storeDb(stack, 'tickets').selectFrom('tickets').select('subject').where('requester_id', '=', customerId).execute()) as { subject: string }[];
    assert.ok(subjects.some((t) => t.subject !== '[erased]'));
  });

  it('resumes where it stopped and completes; asking again changes nothing', async () => {
    proxy.resume();
    const resumed = await stack.queryAs<{ eraseCustomer: Erasure }>('privacy-officer', ERASE, { id: customerId, reason: 'Data subject request DSR-2026-0042 (PIPL art. 47)' });
    assert.equal(resumed.errors, undefined, JSON.stringify(resumed.errors));
    const erasure = resumed.data!.eraseCustomer;
    assert.equal(erasure.status, 'COMPLETED');
    assert.deepEqual(
      erasure.steps.map((s) => [s.system, s.status, s.attempts]),
      [
        ['callcenter', 'DONE', 1],
        ['tickets', 'DONE', 2],
        ['crm', 'DONE', 1],
      ],
    );
    assert.ok(erasure.steps.every((s) => s.erased! > 0));
    const again = await stack.queryAs<{ eraseCustomer: Erasure }>('privacy-officer', ERASE, { id: customerId, reason: 'asked twice' });
    assert.equal(again.data!.eraseCustomer.id, erasure.id);
    assert.equal(again.data!.eraseCustomer.reason, 'Data subject request DSR-2026-0042 (PIPL art. 47)');
    assert.deepEqual(again.data!.eraseCustomer.steps, erasure.steps);
  });

  it('leaves nothing personal in any system, through the gateway', async () => {
    const personal = personalValues(before).filter((value) => !ownLines.has(value));
    assert.ok(personal.length > 10, `collected ${personal.length} personal values`);
    const seen = await stack.query<{ customer: Record<string, unknown> }>(CUSTOMER, { id: customerId });
    assert.equal(seen.errors, undefined, JSON.stringify(seen.errors));
    const customer = seen.data!.customer as {
      displayName: string; emails: string[]; nationalId: string | null; phones: unknown[]; company: unknown; tags: string[]; consents: unknown[]; erasedAt: string | null;
      orders: { totalCount: number }; activities: { totalCount: number }; tickets: { totalCount: number }; calls: { totalCount: number };
    };
    assert.equal(customer.displayName, 'Erased customer');
    assert.deepEqual([customer.emails, customer.nationalId, customer.phones, customer.company, customer.tags, customer.consents], [[], null, [], null, [], []]);
    assert.ok(customer.erasedAt);
    // The status and its change stay (the churn report counts them); the reason is erased text.
    assert.deepEqual([seen.data!.customer.status, seen.data!.customer.statusHistory], ['INACTIVE', { nodes: [{ from: 'ACTIVE', to: 'INACTIVE', reason: '[erased]' }] }]);
    // What reports count stays: the orders, the timeline entries and the tickets are still there.
    assert.equal(customer.orders.totalCount, before.sources.crm!.filter((r) => r.kind === 'crm.order').length);
    assert.equal(customer.activities.totalCount, before.sources.crm!.filter((r) => r.kind === 'crm.activity').length);
    assert.equal(customer.tickets.totalCount, before.sources.tickets!.filter((r) => r.kind === 'tickets.ticket').length);
    assert.equal(customer.calls.totalCount, 0, 'no number links calls to the customer any more');
    const calls = await stack.query<Record<string, unknown>>(
      `query { ${formerCallIds.map((id, i) => `c${i}: call(id: ${JSON.stringify(id)}) { id from to recording { ref } caller { phone } }`).join(' ')} }`,
    );
    assert.equal(calls.errors, undefined, JSON.stringify(calls.errors));
    const text = JSON.stringify([seen.data, calls.data]);
    for (const value of personal) assert.ok(!text.includes(value), `${JSON.stringify(value)} is gone from the graph`);
    for (const call of Object.values(calls.data!) as { recording: unknown; caller: unknown }[]) assert.deepEqual([call.recording, call.caller], [null, null]);
    // And in the stores themselves: no contact rows, no consent, no call-log deliveries with numbers.
    const held = await heldRecords(stack, customerId);
    assert.deepEqual([held['crm.phone'], held['crm.email'], held['crm.consent'], held['callcenter.callLogDelivery']], [[], [], [], []]);
    const events = (await storeDb(stack, 'callcenter').selectFrom('cti_events').select(['from_number', 'to_number', 'raw']).where('call_id', 'in', formerCallIds).execute()) as {
      from_number: string | null; to_number: string | null; raw: string;
    }[];
    assert.ok(events.every((e) => e.from_number === null && e.to_number === null && e.raw === '{"erased":true}'));
  });

  it('identifies nobody by the erased numbers: a new call starts fresh', async () => {
    for (const phone of formerPhones) {
      const found = await stack.query<{ identifyCaller: { status: string; candidates: { id: string }[] } }>('query ($p: String!) { identifyCaller(phone: $p) { status candidates { id } } }', { p: phone });
      assert.equal(found.data!.identifyCaller.status, 'NONE', phone);
    }
  });

  it('exports, after the erasure, the same records with nothing personal in them', async () => {
    const exported = await stack.queryAs<{ exportCustomerData: ExportResult }>('privacy-officer', EXPORT, { id: customerId });
    const after = JSON.parse(exported.data!.exportCustomerData.document!) as ExportDocument;
    // Recording references stay only on the deletion list the recording store works through.
    const pendingDeletions = after.sources.callcenter!.filter((r) => r.kind === 'callcenter.recordingDeletion');
    assert.ok(pendingDeletions.length > 0 && pendingDeletions.every((r) => r.data.status === 'PENDING'));
    const document = JSON.stringify({ ...after.sources, callcenter: after.sources.callcenter!.filter((r) => r.kind !== 'callcenter.recordingDeletion') });
    const personal = personalValues(before).filter((value) => !ownLines.has(value));
    for (const value of personal) assert.ok(!document.includes(value), `${JSON.stringify(value)} is gone from the export`);
    assert.deepEqual(
      after.sources.callcenter!.filter((r) => r.kind === 'callcenter.call').map((r) => r.id),
      formerCallIds,
    );
  });

  it('flags the recording references for deletion at the recording store', async () => {
    const refs = before.sources.callcenter!.filter((r) => r.kind === 'callcenter.call' && r.data.recordingRef).map((r) => String(r.data.recordingRef)).sort();
    const flagged = (await storeDb(stack, 'callcenter').selectFrom('recording_deletions').select(['ref', 'status', 'reason']).where('call_id', 'in', formerCallIds).orderBy('ref').execute()) as {
      ref: string; status: string; reason: string;
    }[];
    assert.deepEqual(flagged.map((f) => f.ref), refs);
    assert.ok(flagged.every((f) => f.status === 'PENDING' && f.reason === 'ERASURE'));
    const left = (await storeDb(stack, 'crm').selectFrom('activities').select('recording_ref').where('customer_id', '=', customerId).where('recording_ref', 'is not', null).execute()) as unknown[];
    assert.equal(left.length, 0);
  });

  it('keeps the reports counting as before', async () => {
    const after = await stack.queryAs('supervisor', REPORTS, { range: RANGE_366 });
    assert.equal(after.errors, undefined, JSON.stringify(after.errors));
    assert.deepEqual(after.data, reportsBefore);
  });

  it('records in the audit trail who erased whom and why, without the erased values', async () => {
    const audit = await stack.query<{ auditEvents: { nodes: { subject: string; role: string; fields: string[]; customerIds: string[]; outcome: string; erasure: Erasure | null }[] } }>(
      `query ($id: ID!) { auditEvents(filter: { customerId: $id, kind: MUTATION }, first: 100) { nodes { subject role fields customerIds outcome erasure { id customerId reason requestedBy status } } } }`,
      { id: customerId },
    );
    assert.equal(audit.errors, undefined, JSON.stringify(audit.errors));
    const erasures = audit.data!.auditEvents.nodes.filter((e) => e.fields.includes('Mutation.eraseCustomer'));
    assert.equal(erasures.length, 3, 'the failed run, the resumed run and the repeat');
    for (const event of erasures) {
      assert.equal(event.subject, 'privacy-officer-1');
      assert.equal(event.role, 'privacy-officer');
      assert.deepEqual(event.customerIds, [customerId]);
    }
    const first = erasures.at(-1)!; // newest first: the last is the first run
    assert.deepEqual(first.erasure && { ...first.erasure, id: undefined }, {
      id: undefined,
      customerId,
      reason: 'Data subject request DSR-2026-0042 (PIPL art. 47)',
      requestedBy: 'privacy-officer-1',
      status: 'COMPLETED',
    });
    const trail = JSON.stringify(audit.data);
    for (const value of personalValues(before).filter((v) => !ownLines.has(v))) assert.ok(!trail.includes(value));
  });
});
