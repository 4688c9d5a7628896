/** Amazon Connect contact events (EventBridge envelopes) through the webhook. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { deliver, getCall, startHarness, type Harness } from './harness.js';

let harness: Harness;
const base = Date.now() - 20 * 60_000;
const iso = (seconds: number) => new Date(base + seconds * 1000).toISOString();
const INSTANCE = 'arn:aws:connect:ap-northeast-1:123456789012:instance/7f3c0f5e-1111-2222-3333-444455556666';

/** An EventBridge envelope; `detail` keys as given (the tests mix cases on purpose). */
function envelope(detail: Record<string, unknown>, time: string) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: '123456789012',
    time,
    region: 'ap-northeast-1',
    resources: [INSTANCE],
    detail: { instanceArn: INSTANCE, channel: 'VOICE', ...detail },
  };
}

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('Amazon Connect contact events', () => {
  it('maps a queued, answered, disconnected and completed inbound call', async () => {
    const contactId = randomUUID();
    const agentArn = `${INSTANCE}/agent/0b5b1f1e-aaaa-bbbb-cccc-0123456789ab`;
    const queueArn = `${INSTANCE}/queue/9d9d9d9d-1234-5678-9abc-def012345678`;
    const endpoints = {
      customerEndpoint: { address: '+8613800138000', type: 'TELEPHONE_NUMBER' },
      systemEndpoint: { address: '+864008123456', type: 'TELEPHONE_NUMBER' },
    };
    const common = { contactId, initialContactId: contactId, initiationMethod: 'INBOUND', initiationTimestamp: iso(0), ...endpoints };
    const response = await deliver(harness, [
      // Delivered out of order, with mixed-case keys and an event type we do not use.
      envelope({ ...common, eventType: 'DISCONNECTED', disconnectTimestamp: iso(300), disconnectReason: 'AGENT_DISCONNECT', agentInfo: { agentArn }, queueInfo: { queueArn } }, iso(300)),
      envelope({ EventType: 'QUEUED', ContactId: contactId, InitiationMethod: 'INBOUND', QueueInfo: { QueueArn: queueArn, EnqueueTimestamp: iso(5) }, CustomerEndpoint: endpoints.customerEndpoint, SystemEndpoint: endpoints.systemEndpoint }, iso(5)),
      envelope({ ...common, eventType: 'INITIATED' }, iso(0)),
      envelope({ ...common, eventType: 'CONTACT_DATA_UPDATED', updatedProperties: ['Attributes'] }, iso(6)),
      envelope({ ...common, eventType: 'CONNECTED_TO_AGENT', queueInfo: { queueArn }, agentInfo: { agentArn, connectedToAgentTimestamp: iso(20) } }, iso(20)),
      envelope({ ...common, eventType: 'COMPLETED', agentInfo: { agentArn, afterContactWorkEndTimestamp: iso(360) } }, iso(361)),
    ]);
    assert.equal(response.body.accepted, 5);
    assert.equal(response.body.ignored?.unknownTypes, 1);
    const call = await getCall(harness, contactId);
    assert.equal(call?.state, 'ENDED');
    assert.equal(call?.disposition, 'ANSWERED');
    assert.equal(call?.direction, 'INBOUND');
    assert.equal(call?.from, '+8613800138000');
    assert.equal(call?.to, '+864008123456');
    assert.equal(call?.waitSeconds, 20);
    assert.equal(call?.talkSeconds, 280);
    assert.equal(call?.wrapUpSeconds, 60);
    assert.equal(call?.agent?.id, '0b5b1f1e-aaaa-bbbb-cccc-0123456789ab');
    assert.equal(call?.agent?.presence, 'AVAILABLE');
    assert.equal(call?.queue?.id, '9d9d9d9d-1234-5678-9abc-def012345678');
  });

  it('maps a caller hanging up in the queue to ABANDONED and a transfer to a linked leg', async () => {
    const abandoned = randomUUID();
    const first = randomUUID();
    const second = randomUUID();
    const agentArn = `${INSTANCE}/agent/11111111-2222-3333-4444-555555555555`;
    await deliver(harness, [
      envelope({ eventType: 'INITIATED', contactId: abandoned, initiationMethod: 'INBOUND', initiationTimestamp: iso(0) }, iso(0)),
      envelope({ eventType: 'DISCONNECTED', contactId: abandoned, initiationMethod: 'INBOUND', disconnectTimestamp: iso(40), disconnectReason: 'CUSTOMER_DISCONNECT' }, iso(40)),
      envelope({ eventType: 'INITIATED', contactId: first, initiationMethod: 'INBOUND', initiationTimestamp: iso(0), customerEndpoint: { address: '+8613900139000' } }, iso(0)),
      envelope({ eventType: 'CONNECTED_TO_AGENT', contactId: first, agentInfo: { agentArn, connectedToAgentTimestamp: iso(8) } }, iso(8)),
      envelope({ eventType: 'INITIATED', contactId: second, initialContactId: first, previousContactId: first, initiationMethod: 'TRANSFER', initiationTimestamp: iso(90) }, iso(90)),
    ]);
    const [lost, parent, child] = await Promise.all([getCall(harness, abandoned), getCall(harness, first), getCall(harness, second)]);
    assert.equal(lost?.disposition, 'ABANDONED');
    assert.equal(lost?.waitSeconds, 40);
    assert.equal(parent?.disposition, 'TRANSFERRED');
    assert.equal(child?.parentCall?.id, first);
    assert.equal(child?.state, 'RINGING');
    assert.equal(child?.from, '+8613900139000');
  });

  it('ignores a supervisor monitoring or barging (MONITOR contact): the customer call goes on, no phantom call', async () => {
    const customer = randomUUID();
    const monitor = randomUUID();
    const agentArn = `${INSTANCE}/agent/22222222-3333-4444-5555-666666666666`;
    const supervisorArn = `${INSTANCE}/agent/99999999-8888-7777-6666-555555555555`;
    await deliver(harness, [
      envelope({ eventType: 'INITIATED', contactId: customer, initiationMethod: 'INBOUND', initiationTimestamp: iso(0), customerEndpoint: { address: '+8613700137000' } }, iso(0)),
      envelope({ eventType: 'CONNECTED_TO_AGENT', contactId: customer, initiationMethod: 'INBOUND', agentInfo: { agentArn, connectedToAgentTimestamp: iso(8) } }, iso(8)),
    ]);
    const response = await deliver(harness, [
      envelope({ eventType: 'INITIATED', contactId: monitor, initialContactId: customer, previousContactId: customer, initiationMethod: 'MONITOR', initiationTimestamp: iso(60) }, iso(60)),
      envelope({ eventType: 'CONNECTED_TO_AGENT', contactId: monitor, previousContactId: customer, initiationMethod: 'MONITOR', agentInfo: { agentArn: supervisorArn, connectedToAgentTimestamp: iso(61) } }, iso(61)),
      envelope({ eventType: 'DISCONNECTED', contactId: monitor, previousContactId: customer, initiationMethod: 'MONITOR', disconnectTimestamp: iso(120), disconnectReason: 'AGENT_DISCONNECT', agentInfo: { agentArn: supervisorArn } }, iso(120)),
    ]);
    assert.equal(response.body.accepted, 0);
    assert.equal(response.body.ignored?.notCalls, 3);
    const call = await getCall(harness, customer);
    assert.equal(call?.state, 'CONNECTED');
    assert.equal(call?.endedAt, null);
    assert.equal(call?.disposition, null);
    assert.equal(call?.agent?.presence, 'BUSY');
    assert.equal(await getCall(harness, monitor), null);
  });

  it('links a contact that names a previous one without a transfer (EXTERNAL_OUTBOUND) but does not end it', async () => {
    const customer = randomUUID();
    const external = randomUUID();
    const agentArn = `${INSTANCE}/agent/33333333-4444-5555-6666-777777777777`;
    await deliver(harness, [
      envelope({ eventType: 'INITIATED', contactId: customer, initiationMethod: 'INBOUND', initiationTimestamp: iso(0), customerEndpoint: { address: '+8613600136000' } }, iso(0)),
      envelope({ eventType: 'CONNECTED_TO_AGENT', contactId: customer, initiationMethod: 'INBOUND', agentInfo: { agentArn, connectedToAgentTimestamp: iso(5) } }, iso(5)),
      envelope({ eventType: 'INITIATED', contactId: external, previousContactId: customer, initiationMethod: 'EXTERNAL_OUTBOUND', initiationTimestamp: iso(30), customerEndpoint: { address: '+862161234567' } }, iso(30)),
    ]);
    const [parent, leg] = await Promise.all([getCall(harness, customer), getCall(harness, external)]);
    assert.equal(parent?.state, 'CONNECTED');
    assert.equal(parent?.disposition, null);
    assert.equal(leg?.parentCall?.id, customer);
    assert.equal(leg?.direction, 'OUTBOUND');
    assert.equal(leg?.to, '+862161234567');
  });
});
