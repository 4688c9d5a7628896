/**
 * End to end through the gateway: a caller whose number the phone system sends as a SIP
 * header, a `tel:` URI with an extension, full-width digits or wrapped in bidi marks is
 * identified as the seeded customer it belongs to (the screen-pop data); a JSON number is
 * refused and counted, never silently taken for a withheld caller.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from 'vitest';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { startStack, type Stack } from '../support/stack.js';

interface CallView {
  from: string | null;
  caller: { phone: string; status: string; candidates: { id: string }[] } | null;
}

let stack: Stack;
/** A seeded customer who alone has this number, and how it was typed into the CRM. */
let customer: { id: string; e164: string; raw: string };

beforeAll(async () => {
  stack = await startStack({ customers: 40 });
  const list = await stack.query<{ customers: { nodes: { id: string; phones: { e164: string; raw: string }[] }[] } }>(
    '{ customers(first: 100) { nodes { id phones { e164 raw } } } }',
  );
  search: for (const node of list.data!.customers.nodes) {
    for (const phone of node.phones.filter((p) => p.e164.startsWith('+86'))) {
      const found = await stack.query<{ identifyCaller: { status: string } }>('query ($p: String!) { identifyCaller(phone: $p) { status } }', { p: phone.e164 });
      if (found.data?.identifyCaller.status === 'SINGLE') {
        customer = { id: node.id, ...phone };
        break search;
      }
    }
  }
  assert.ok(customer, 'a seeded customer with a China number of their own');
});
afterAll(() => stack?.close());

async function post(events: unknown[]): Promise<{ status: number; body: { accepted?: number; ignored?: Record<string, number> } }> {
  const body = JSON.stringify({ events });
  const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
    body,
  });
  await stack.callcenter.server.callEvents.idle();
  return { status: response.status, body: (await response.json()) as { accepted?: number; ignored?: Record<string, number> } };
}

const offered = (from: unknown) => ({
  id: `evt_${randomUUID()}`,
  callId: `call_phone_${randomUUID().slice(0, 8)}`,
  type: 'OFFERED',
  at: new Date(Date.now() - 30_000).toISOString(),
  from,
  to: '+864008123456',
  queueId: 'q_support',
});

const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

test('every spelling a phone system sends finds the customer through the gateway', async () => {
  const spellings = [
    customer.raw,
    `"Caller" <sip:${customer.e164}@pbx.example.com>;tag=a6c85cf`,
    `sip:${customer.e164}@pbx.example.com;user=phone`,
    `tel:${customer.e164};ext=8001`,
    `\u202A${customer.e164}\u202C`,
    fullWidth(customer.e164),
  ];
  const events = spellings.map(offered);
  const response = await post(events);
  assert.equal(response.status, 202);
  assert.equal(response.body.ignored?.invalidNumbers, 0);
  for (const [i, event] of events.entries()) {
    const result = await stack.query<{ call: CallView }>('query ($id: ID!) { call(id: $id) { from caller { phone status candidates { id } } } }', { id: event.callId });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data?.call, { from: customer.e164, caller: { phone: customer.e164, status: 'SINGLE', candidates: [{ id: customer.id }] } }, JSON.stringify(spellings[i]));
  }
});

test('a JSON number is refused and counted; a withheld caller is null and not counted', async () => {
  const digits = offered(Number(customer.e164.slice(1)));
  const withheld = offered('"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1');
  const response = await post([digits, withheld]);
  assert.equal(response.status, 202);
  assert.equal(response.body.accepted, 2);
  assert.equal(response.body.ignored?.invalidNumbers, 1);
  for (const event of [digits, withheld]) {
    const result = await stack.query<{ call: CallView }>('query ($id: ID!) { call(id: $id) { from caller { phone } } }', { id: event.callId });
    assert.deepEqual(result.data?.call, { from: null, caller: null });
  }
});
