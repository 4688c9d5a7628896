/**
 * `POST /webhooks/cti` on a real call-center server: signatures (refusals and rotation),
 * body errors, deduplication, ignored types and fields.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { ctiSignatureHeaders, signCtiPayload } from '../../subgraphs/callcenter/cti/signature.js';
import { CUSTOMER, HOTLINE, OLD_SECRET, SECRET, deliver, event, getCall, gql, newCallId, postWebhook, startHarness, type Harness } from './harness.js';

let harness: Harness;
const base = Date.now() - 10 * 60_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const offered = () => event(newCallId(), 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales' });

describe('signature', () => {
  it('refuses a request without the headers', async () => {
    const response = await postWebhook(harness.webhookUrl, offered(), { headers: {} });
    assert.equal(response.status, 401);
    assert.equal(response.body.code, 'UNAUTHENTICATED');
    assert.equal(response.body.reason, 'MISSING_SIGNATURE');
  });

  it('refuses a wrong signature, a signature of another body and an unknown secret', async () => {
    const payload = offered();
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const cases: Record<string, string>[] = [
      { 'X-Switchboard-Timestamp': String(timestamp), 'X-Switchboard-Signature': `v1=${'0'.repeat(64)}` },
      { 'X-Switchboard-Timestamp': String(timestamp), 'X-Switchboard-Signature': signCtiPayload(SECRET, timestamp, `${body} `) },
      ctiSignatureHeaders('not-the-secret', body),
      // Signed for another timestamp than the one sent.
      { 'X-Switchboard-Timestamp': String(timestamp), 'X-Switchboard-Signature': signCtiPayload(SECRET, timestamp - 1, body) },
    ];
    for (const headers of cases) {
      const response = await postWebhook(harness.webhookUrl, payload, { headers, raw: body });
      assert.equal(response.status, 401, JSON.stringify(headers));
      assert.equal(response.body.reason, 'BAD_SIGNATURE');
    }
    assert.equal(await getCall(harness, payload.callId), null);
  });

  it('refuses a correctly signed request more than 5 minutes old (or ahead)', async () => {
    for (const skew of [-6 * 60_000, 6 * 60_000]) {
      const response = await postWebhook(harness.webhookUrl, offered(), { nowMs: Date.now() + skew });
      assert.equal(response.status, 401);
      assert.equal(response.body.reason, 'STALE_TIMESTAMP');
    }
  });

  it('accepts the previous secret during a rotation, and several v1= values', async () => {
    const rotated = await postWebhook(harness.webhookUrl, offered(), { secret: OLD_SECRET });
    assert.equal(rotated.status, 202);
    const payload = offered();
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'X-Switchboard-Timestamp': String(timestamp),
      'X-Switchboard-Signature': `v1=${'ab'.repeat(32)}, ${signCtiPayload(SECRET, timestamp, body)}`,
    };
    const several = await postWebhook(harness.webhookUrl, payload, { headers, raw: body });
    assert.equal(several.status, 202);
    assert.equal(several.body.accepted, 1);
  });
});

describe('body', () => {
  it('answers 400 for a body that is not JSON or not a payload', async () => {
    for (const raw of ['{"events": [', '42']) {
      const response = await postWebhook(harness.webhookUrl, null, { raw });
      assert.equal(response.status, 400, raw);
      assert.equal(response.body.code, 'BAD_USER_INPUT');
    }
  });

  it('answers 413 for a huge body', async () => {
    const raw = JSON.stringify({ events: [], padding: 'x'.repeat(600 * 1024) });
    const response = await postWebhook(harness.webhookUrl, null, { raw });
    assert.equal(response.status, 413);
  });
});

describe('deduplication and ignored content', () => {
  it('applies an event delivered twice (and twice in one request) once', async () => {
    const callId = newCallId();
    const events = [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales' }),
      event(callId, 'ANSWERED', base, 10, { agentId: 'agt_001' }),
      event(callId, 'HELD', base, 40),
      event(callId, 'RESUMED', base, 70),
    ];
    const first = await deliver(harness, [...events, events[2]]);
    assert.equal(first.body.accepted, 4);
    assert.equal(first.body.duplicates, 0);
    const again = await deliver(harness, events);
    assert.equal(again.body.accepted, 0);
    assert.equal(again.body.duplicates, 4);
    await deliver(harness, [event(callId, 'ENDED', base, 130)]);
    const call = await getCall(harness, callId);
    assert.equal(call?.holdSeconds, 30);
    assert.equal(call?.talkSeconds, 90);
    assert.equal(call?.state, 'WRAP_UP');
  });

  it('ignores unknown event types and unknown fields, counting them, and applies the rest', async () => {
    const callId = newCallId();
    const response = await deliver(harness, [
      event(callId, 'OFFERED', base, 0, { from: CUSTOMER, to: HOTLINE, queueId: 'q_sales', colour: 'blue', nested: { a: 1 } }),
      event(callId, 'RECORDING_READY', base, 5),
    ]);
    assert.equal(response.status, 202);
    assert.equal(response.body.accepted, 1);
    assert.deepEqual(response.body.ignored, { unknownTypes: 1, unknownFields: 2, notCalls: 0, invalidNumbers: 0 });
    const call = await getCall(harness, callId);
    assert.equal(call?.state, 'RINGING');
    assert.equal(call?.from, CUSTOMER);
  });

  it('refuses the whole request (422, nothing stored) when one event misses a required field or is not an object', async () => {
    const callId = newCallId();
    const cases: [unknown, RegExp][] = [
      [{ id: 'evt_without_call', type: 'ANSWERED', at: new Date(base).toISOString() }, /Item 1 \(Switchboard internal event\): `callId` is missing/],
      ['not an object', /Item 1 is string, not an event object/],
      [{ id: 'evt_bad_time', callId, type: 'ENDED', at: 'yesterday' }, /`at`/],
    ];
    for (const [bad, message] of cases) {
      const response = await postWebhook(harness.webhookUrl, { events: [event(callId, 'OFFERED', base, 0, { from: CUSTOMER }), bad] });
      assert.equal(response.status, 422);
      assert.equal(response.body.code, 'BAD_USER_INPUT');
      assert.match(response.body.message ?? '', message);
    }
    await harness.server.callEvents.idle();
    assert.equal(await getCall(harness, callId), null);
  });

  it('normalises numbers to E.164 and withheld numbers to null', async () => {
    const spelled = newCallId();
    const withheld = newCallId();
    await deliver(harness, [
      event(spelled, 'OFFERED', base, 0, { from: '138 0013 8000', to: '400-812-3456' }),
      event(withheld, 'OFFERED', base, 0, { from: 'anonymous', to: HOTLINE }),
    ]);
    assert.equal((await getCall(harness, spelled))?.from, CUSTOMER);
    const call = await getCall(harness, withheld);
    assert.equal(call?.from, null);
    const caller = await gql<{ call: { caller: unknown } }>(harness, `query ($id: ID!) { call(id: $id) { caller { phone } } }`, { id: withheld });
    assert.equal(caller.data?.call.caller, null);
  });
});
