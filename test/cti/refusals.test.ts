/**
 * What the webhook refuses, and how: payloads in no supported format and events it cannot
 * use are 4xx naming what was not understood (never a 202 that accepts nothing), counted in
 * `switchboard_cti_webhook_rejections_total{reason}`; media types, credentials, body size;
 * and what it accepts that it used to refuse (a UTF-8 byte-order mark).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { rejectionCount } from '../../subgraphs/callcenter/cti/metrics.js';
import { CUSTOMER, SECRET, event, getCall, newCallId, postDelivery, postWebhook, startHarness, type Harness } from './harness.js';
import { connectEnvelope } from './fixtures/amazon-connect.js';

let harness: Harness;
const base = Date.now() - 10 * 60_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('payloads the endpoint does not understand', () => {
  it('answers 422 UNSUPPORTED_FORMAT naming the item, and counts it', async () => {
    const before = await rejectionCount('UNSUPPORTED_FORMAT');
    const response = await postWebhook(harness.webhookUrl, { event: 'CHANNEL_ANSWER', uuid: 'a1b2', caller_id_number: CUSTOMER });
    assert.equal(response.status, 422);
    assert.equal(response.body.code, 'BAD_USER_INPUT');
    assert.equal(response.body.reason, 'UNSUPPORTED_FORMAT');
    assert.match(response.body.message ?? '', /event, uuid, caller_id_number/);
    assert.match(response.body.message ?? '', /Amazon Connect contact event/);
    assert.equal(await rejectionCount('UNSUPPORTED_FORMAT'), before + 1);
    assert.match(await (await fetch(`${harness.server.url}/metrics`)).text(), /switchboard_cti_webhook_rejections_total\{reason="UNSUPPORTED_FORMAT"\} \d+/);
  });

  it('names the detail-type of an EventBridge event that is not a contact event', async () => {
    const agentEvent = { ...connectEnvelope('e1', { eventType: 'STATE_CHANGE' }, new Date(base).toISOString()), 'detail-type': 'Amazon Connect Agent Event' };
    const response = await postWebhook(harness.webhookUrl, agentEvent);
    assert.equal(response.status, 422);
    assert.match(response.body.message ?? '', /"Amazon Connect Agent Event"/);
  });

  it('refuses a mixed request whole: nothing of it is stored', async () => {
    const callId = newCallId();
    const response = await postWebhook(harness.webhookUrl, [event(callId, 'OFFERED', base, 0, { from: CUSTOMER }), { hello: 'world' }]);
    assert.equal(response.status, 422);
    assert.match(response.body.message ?? '', /Item 1 with keys hello/);
    await harness.server.callEvents.idle();
    assert.equal(await getCall(harness, callId), null);
  });

  it('answers 415 for a media type it does not read, and counts it', async () => {
    const before = await rejectionCount('UNSUPPORTED_MEDIA_TYPE');
    const body = '<call id="1"/>';
    const response = await postDelivery(harness, { contentType: 'text/xml', body }, ctiSignatureHeaders(SECRET, body));
    assert.equal(response.status, 415);
    assert.equal(response.body.reason, 'UNSUPPORTED_MEDIA_TYPE');
    assert.match(response.body.message ?? '', /text\/xml/);
    assert.equal(await rejectionCount('UNSUPPORTED_MEDIA_TYPE'), before + 1);
  });
});

describe('credentials', () => {
  it('answers 401 MISSING_SIGNATURE naming the accepted headers', async () => {
    const response = await postWebhook(harness.webhookUrl, event(newCallId(), 'OFFERED', base, 0), { headers: {} });
    assert.equal(response.status, 401);
    assert.equal(response.body.reason, 'MISSING_SIGNATURE');
    assert.match(response.body.message ?? '', /X-Twilio-Signature|x-twilio-signature/i);
  });

  it('refuses internal events sent with a static API key (they must be signed)', async () => {
    const callId = newCallId();
    const response = await postWebhook(harness.webhookUrl, event(callId, 'OFFERED', base, 0), { headers: { 'X-Switchboard-Api-Key': SECRET } });
    assert.equal(response.status, 401);
    assert.equal(response.body.reason, 'SCHEME_NOT_ACCEPTED');
    assert.equal(await getCall(harness, callId), null);
  });
});

describe('body', () => {
  it('accepts JSON that starts with a UTF-8 byte-order mark', async () => {
    const callId = newCallId();
    const raw = `\uFEFF${JSON.stringify(event(callId, 'OFFERED', base, 0, { from: CUSTOMER }))}`;
    const response = await postWebhook(harness.webhookUrl, null, { raw });
    assert.equal(response.status, 202, JSON.stringify(response.body));
    await harness.server.callEvents.idle();
    assert.equal((await getCall(harness, callId))?.from, CUSTOMER);
  });

  it('answers a body over 1 MB with the documented 413 shape', async () => {
    const raw = JSON.stringify({ events: [], padding: 'x'.repeat(1_100_000) });
    const response = await postWebhook(harness.webhookUrl, null, { raw });
    assert.equal(response.status, 413);
    assert.equal(response.body.code, 'BAD_USER_INPUT');
    assert.equal(response.body.reason, 'PAYLOAD_TOO_LARGE');
    assert.match(response.body.message ?? '', /larger than/);
  });

  it('says what is wrong with JSON it cannot read', async () => {
    const response = await postWebhook(harness.webhookUrl, null, { raw: '{"events": [' });
    assert.equal(response.status, 400);
    assert.equal(response.body.reason, 'INVALID_JSON');
  });
});
