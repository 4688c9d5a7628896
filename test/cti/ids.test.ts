/**
 * Vendor ids are kept exactly: ids sent as JSON numbers beyond 2^53 are not rounded, so two
 * calls whose ids differ only past the 16th digit stay two calls with their own callers.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { CUSTOMER, HOTLINE, getCall, postWebhook, startHarness, type Harness } from './harness.js';

let harness: Harness;
const base = Date.now() - 10 * 60_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('numeric ids', () => {
  it('keeps two call ids that differ only past the 16th digit apart', async () => {
    const suffix = String(Date.now() % 1000).padStart(3, '0');
    const first = `9007199254740${suffix}1234561`;
    const second = `9007199254740${suffix}1234562`;
    assert.equal(Number(first), Number(second), 'the two ids round to the same double');
    const at = new Date(base).toISOString();
    // Written by hand: JSON.stringify cannot produce integers this large.
    const raw = `{"events":[
      {"id":${first}0,"callId":${first},"type":"OFFERED","at":"${at}","from":"${CUSTOMER}","to":"${HOTLINE}"},
      {"id":${second}0,"callId":${second},"type":"OFFERED","at":"${at}","from":"+8613900139000","to":"${HOTLINE}"}
    ]}`;
    const response = await postWebhook(harness.webhookUrl, null, { raw });
    assert.equal(response.status, 202);
    assert.equal(response.body.accepted, 2);
    assert.equal(response.body.duplicates, 0);
    await harness.server.callEvents.idle();
    const [a, b] = await Promise.all([getCall(harness, first), getCall(harness, second)]);
    assert.equal(a?.id, first);
    assert.equal(a?.from, CUSTOMER);
    assert.equal(b?.id, second);
    assert.equal(b?.from, '+8613900139000');
  });

  it('leaves `to` null when the event names no called number', async () => {
    const raw = `{"id":"evt_no_to_${Date.now()}","callId":"call_no_to_${Date.now()}","type":"OFFERED","at":"${new Date(base).toISOString()}","from":"${CUSTOMER}"}`;
    const callId = (JSON.parse(raw) as { callId: string }).callId;
    assert.equal((await postWebhook(harness.webhookUrl, null, { raw })).status, 202);
    await harness.server.callEvents.idle();
    const call = await getCall(harness, callId);
    assert.equal(call?.from, CUSTOMER);
    assert.equal(call?.to, null);
  });
});
