/**
 * Vendor-specific details the shared suite does not cover: Tencent's answer and its pushes
 * that carry no call state, Genesys notifications without an EventBridge envelope, Twilio
 * callbacks missing what the mapping needs, a Twilio signature for another URL, and an
 * unanswered Twilio call.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CUSTOMER, HOTLINE, SECRET, getCall, postDelivery, startHarness, type Harness } from './harness.js';
import { tencentTcccFixture } from './fixtures/tencent-tccc.js';
import { ACCOUNT_SID, sid, signTwilio, twilioTime } from './fixtures/twilio-voice.js';
import { form, json } from './fixtures/vendor-fixture.js';

let harness: Harness;
const base = Date.now() - 15 * 60_000;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const seed = () => randomUUID().replace(/-/g, '').slice(0, 12);
const basic = (secret: string) => ({ Authorization: `Basic ${Buffer.from(`tccc:${secret}`).toString('base64')}` });

describe('Tencent Cloud Contact Center', () => {
  it('answers ErrCode 0 (so TCCC stops re-pushing) and ignores recording pushes', async () => {
    const { deliveries } = tencentTcccFixture.answeredCall(seed(), base);
    const cdr = await postDelivery(harness, deliveries[0]!, basic(SECRET));
    assert.equal(cdr.status, 202);
    assert.equal(cdr.body.ErrCode, 0);
    const sessionId = `e97be0ab-${seed()}`;
    const recording = {
      contentType: 'application/json;charset=utf8',
      body: JSON.stringify({ SdkAppId: 1400000001, RecordId: '1608130650', SessionId: sessionId, Timestamp: Math.floor(base / 1000), EndpointUser: '13800138000', RecordURL: 'https://example.com/r.mp3' }),
      query: 'action=record&version=1',
    };
    const answer = await postDelivery(harness, recording, basic(SECRET));
    assert.equal(answer.status, 202);
    assert.equal(answer.body.accepted, 0);
    assert.equal(answer.body.ignored?.unknownTypes, 1);
    assert.equal(await getCall(harness, sessionId), null);
  });

  it('records an unanswered call the caller hung up as ABANDONED', async () => {
    const sessionId = `abandon-${seed()}`;
    const at = (seconds: number) => Math.floor(base / 1000) + seconds;
    const cdr = { SdkAppId: 1400000001, SessionId: sessionId, Caller: '13800138000', Callee: '4008123456', Direction: 0, StartTimestamp: at(0), QueuedTimestamp: at(3), AcceptTimestamp: 0, EndedTimestamp: at(45), HungUpSide: 'user', EndStatusString: 'userHangup' };
    const answer = await postDelivery(harness, { ...json(cdr), query: 'action=cdr&version=1' }, basic(SECRET));
    assert.equal(answer.status, 202);
    await harness.server.callEvents.idle();
    const call = await getCall(harness, sessionId);
    assert.equal(call?.disposition, 'ABANDONED');
    assert.equal(call?.waitSeconds, 45);
    assert.equal(call?.from, CUSTOMER);
  });
});

describe('Genesys Cloud', () => {
  it('accepts a bare notification { topicName, eventBody } and ignores kinds without call state', async () => {
    const conversationId = `9e0f-${seed()}`;
    const notification = (kind: string, seconds: number, body: Record<string, unknown> = {}) => ({
      topicName: `v2.detail.events.conversation.${conversationId}.${kind}`,
      version: '2',
      eventBody: { eventTime: base + seconds * 1000, conversationId, mediaType: 'VOICE', direction: 'INBOUND', ani: `tel:${CUSTOMER}`, dnis: `tel:${HOTLINE}`, ...body },
      metadata: { CorrelationId: randomUUID() },
    });
    const answer = await postDelivery(harness, json([notification('customer.start', 0), notification('attributes', 1, { attributes: { a: 'b' } })]), { 'X-Switchboard-Api-Key': SECRET });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    assert.equal(answer.body.accepted, 1);
    assert.equal(answer.body.ignored?.unknownTypes, 1);
    await harness.server.callEvents.idle();
    assert.equal((await getCall(harness, conversationId))?.state, 'RINGING');
  });
});

describe('Twilio', () => {
  const url = () => harness.webhookUrl;

  it('refuses (422) a callback without the Timestamp a status callback carries, naming it', async () => {
    const delivery = form({ AccountSid: ACCOUNT_SID, CallSid: sid('CA', seed(), 1), CallStatus: 'ringing', Direction: 'inbound', From: CUSTOMER, To: HOTLINE });
    const answer = await postDelivery(harness, delivery, signTwilio(delivery, url(), SECRET));
    assert.equal(answer.status, 422);
    assert.equal(answer.body.reason, 'INVALID_EVENT');
    assert.match(answer.body.message ?? '', /Timestamp/);
  });

  it('refuses a signature computed for another URL', async () => {
    const callSid = sid('CA', seed(), 2);
    const delivery = form({ AccountSid: ACCOUNT_SID, CallSid: callSid, CallStatus: 'ringing', Direction: 'inbound', From: CUSTOMER, To: HOTLINE, Timestamp: twilioTime(base, 0) });
    const answer = await postDelivery(harness, delivery, signTwilio(delivery, 'https://elsewhere.example.com/webhooks/cti', SECRET));
    assert.equal(answer.status, 401);
    assert.equal(answer.body.reason, 'BAD_SIGNATURE');
    assert.equal(await getCall(harness, callSid), null);
  });

  it('ends an inbound call nobody answered without an agent as ABANDONED, and a busy outbound call with its status', async () => {
    const inbound = sid('CA', seed(), 3);
    const outbound = sid('CA', seed(), 4);
    const send = async (params: Record<string, string>) => {
      const delivery = form({ AccountSid: ACCOUNT_SID, ...params });
      const answer = await postDelivery(harness, delivery, signTwilio(delivery, url(), SECRET));
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
    };
    await send({ CallSid: inbound, CallStatus: 'ringing', Direction: 'inbound', From: CUSTOMER, To: HOTLINE, Timestamp: twilioTime(base, 0), SequenceNumber: '0' });
    await send({ CallSid: inbound, CallStatus: 'completed', Direction: 'inbound', From: CUSTOMER, To: HOTLINE, Timestamp: twilioTime(base, 30), SequenceNumber: '1' });
    await send({ CallSid: outbound, CallStatus: 'initiated', Direction: 'outbound-api', From: HOTLINE, To: CUSTOMER, Timestamp: twilioTime(base, 0), SequenceNumber: '0' });
    await send({ CallSid: outbound, CallStatus: 'busy', Direction: 'outbound-api', From: HOTLINE, To: CUSTOMER, Timestamp: twilioTime(base, 4), SequenceNumber: '1' });
    await harness.server.callEvents.idle();
    const [a, b] = await Promise.all([getCall(harness, inbound), getCall(harness, outbound)]);
    assert.equal(a?.state, 'ENDED');
    assert.equal(a?.disposition, 'ABANDONED');
    assert.equal(b?.state, 'ENDED');
    assert.equal(b?.direction, 'OUTBOUND');
    assert.equal(b?.to, CUSTOMER);
    assert.equal(b?.answeredAt, null);
  });
});
