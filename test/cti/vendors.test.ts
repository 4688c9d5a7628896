/**
 * The one behavioural suite, run against every vendor adapter through the real webhook
 * endpoint and the real call-center store: an answered inbound call as the vendor sends it
 * gives the right call (caller, called number, state, disposition, agent); the same in
 * other delivery orders; delivered twice it is applied once; a bad signature stores nothing.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { OLD_SECRET, SECRET, getCall, postDelivery, startHarness, type CallView, type Harness } from './harness.js';
import { VENDOR_FIXTURES } from './fixtures/index.js';
import type { Delivery, ExpectedCall, VendorFixture } from './fixtures/vendor-fixture.js';

let harness: Harness;
const base = Date.now() - 30 * 60_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const seed = () => randomUUID().replace(/-/g, '').slice(0, 12);

function urlOf(delivery: Delivery): string {
  return delivery.query ? `${harness.webhookUrl}?${delivery.query}` : harness.webhookUrl;
}

async function send(fixture: VendorFixture, delivery: Delivery, secret = SECRET) {
  return postDelivery(harness, delivery, fixture.sign(delivery, urlOf(delivery), secret));
}

/** Delivers one by one in `order`, expecting 202 each time, then waits until everything is applied. */
async function deliverInOrder(fixture: VendorFixture, deliveries: Delivery[], order: number[]) {
  const answers = [];
  for (const index of order) {
    const answer = await send(fixture, deliveries[index]!);
    assert.equal(answer.status, 202, `${fixture.name} delivery ${index}: ${JSON.stringify(answer.body)}`);
    answers.push(answer);
  }
  await harness.server.callEvents.idle();
  return answers;
}

function view(call: CallView | null) {
  return call && { from: call.from, to: call.to, state: call.state, disposition: call.disposition, agentId: call.agent?.id ?? null };
}

const expectedView = (expected: ExpectedCall) => ({
  from: expected.from,
  to: expected.to,
  state: expected.state,
  disposition: expected.disposition,
  agentId: expected.agentId,
});

/** Orders to try for n deliveries: as sent, reversed, and two interleavings (all of them when n ≤ 3). */
function orders(n: number): number[][] {
  const identity = [...Array(n).keys()];
  if (n <= 1) return [identity];
  const reversed = [...identity].reverse();
  const evensFirst = [...identity.filter((i) => i % 2 === 0), ...identity.filter((i) => i % 2 === 1)];
  const lastFirst = [n - 1, ...identity.slice(0, n - 1)];
  const unique = new Map([identity, reversed, evensFirst.reverse(), lastFirst].map((order) => [order.join(','), order]));
  return [...unique.values()];
}

for (const fixture of VENDOR_FIXTURES) {
  describe(`vendor adapter: ${fixture.name}`, () => {
    it('maps an answered inbound call to the caller, the called number, the agent and the end state', async () => {
      const { deliveries, expected } = fixture.answeredCall(seed(), base);
      const answers = await deliverInOrder(fixture, deliveries, [...deliveries.keys()]);
      assert.ok(answers.reduce((sum, answer) => sum + (answer.body.accepted ?? 0), 0) >= 3, 'at least offered, answered and ended were accepted');
      const call = await getCall(harness, expected.callId);
      assert.deepEqual(view(call), expectedView(expected));
      assert.equal(call?.agent?.presence, 'AVAILABLE', 'the agent is free again once the call is over');
    });

    it('gives the same call whatever the delivery order', async () => {
      const probe = fixture.answeredCall(seed(), base);
      for (const order of orders(probe.deliveries.length)) {
        const { deliveries, expected } = fixture.answeredCall(seed(), base);
        await deliverInOrder(fixture, deliveries, order);
        assert.deepEqual(view(await getCall(harness, expected.callId)), expectedView(expected), `order ${order.join(',')}`);
      }
    });

    it('applies a delivery repeated (a retry) once', async () => {
      const { deliveries, expected } = fixture.answeredCall(seed(), base);
      await deliverInOrder(fixture, deliveries, [...deliveries.keys()]);
      const before = await getCall(harness, expected.callId);
      const repeated = await deliverInOrder(fixture, deliveries, [...deliveries.keys()]);
      for (const answer of repeated) assert.equal(answer.body.accepted, 0);
      assert.ok(repeated.some((answer) => (answer.body.duplicates ?? 0) > 0));
      assert.deepEqual(await getCall(harness, expected.callId), before);
    });

    it('accepts the previous secret during a rotation', async () => {
      const { deliveries, expected } = fixture.answeredCall(seed(), base);
      const answer = await send(fixture, deliveries[0]!, OLD_SECRET);
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
      await harness.server.callEvents.idle();
      assert.notEqual(await getCall(harness, expected.callId), null);
    });

    it('refuses a bad signature with 401 and stores nothing', async () => {
      const { deliveries, expected } = fixture.answeredCall(seed(), base);
      for (const delivery of deliveries) {
        const answer = await send(fixture, delivery, 'not-the-secret');
        assert.equal(answer.status, 401);
        assert.equal(answer.body.code, 'UNAUTHENTICATED');
        assert.equal(answer.body.reason, 'BAD_SIGNATURE');
      }
      // Signed correctly but the body changed afterwards.
      const original = deliveries[0]!;
      const tampered = { ...original, body: original.contentType.includes('form') ? `${original.body}&Tampered=1` : `${original.body} ` };
      const signed = fixture.sign(deliveries[0]!, urlOf(deliveries[0]!), SECRET);
      const answer = await postDelivery(harness, tampered, signed);
      if (fixture.name === 'Amazon Connect' || fixture.name === 'Genesys Cloud' || fixture.name === 'Tencent Cloud Contact Center') {
        // A static key or Basic password does not sign the body (the vendor offers nothing else): TLS protects it.
        assert.equal(answer.status, 202);
      } else {
        assert.equal(answer.status, 401);
      }
      await harness.server.callEvents.idle();
      const stored = await getCall(harness, expected.callId);
      if (answer.status === 401) assert.equal(stored, null);
    });
  });
}
