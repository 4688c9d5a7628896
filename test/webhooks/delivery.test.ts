/**
 * Outbound webhooks end to end: an admin registers endpoints through the graph, changes made
 * through the graph (a ticket created, its status changed and solved, a customer's contact
 * data changed, a call logged) reach a real receiver signed per the Standard Webhooks
 * specification, each exactly once although the receiver failed its first two requests,
 * the delivery log shows the attempts, a replay sends the same webhook-id again, payloads
 * carry personal data only when the registration opted in, and only admins manage any of it.
 */
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { eventually } from '../outbox/harness.js';
import { startReceiver, type Receiver, type Received } from './receiver.js';

const ALL_TYPES = ['CUSTOMER_CONTACT_CHANGED', 'CALL_LOGGED', 'TICKET_CREATED', 'TICKET_STATUS_CHANGED', 'TICKET_SOLVED'];

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterWebhookEndpointInput!) {
    registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes includePersonalData } }
  }
`;

interface Registered {
  registerWebhookEndpoint: { secret: string; endpoint: { id: string; url: string; eventTypes: string[]; includePersonalData: boolean } };
}

interface Body {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { personal?: Record<string, unknown> };
}

/** The spec's algorithm, written out: base64 HMAC-SHA256 of `id.timestamp.body` under the base64-decoded secret after `whsec_`. */
function expectedSignature(secret: string, received: Received): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${String(received.headers['webhook-id'])}.${String(received.headers['webhook-timestamp'])}.${received.body}`;
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
}

describe('outbound webhooks', () => {
  let stack: Stack;
  let receiver: Receiver;
  let plain: Registered['registerWebhookEndpoint'];
  let personal: Registered['registerWebhookEndpoint'];
  let customerId: string;
  let ticketId: string;

  beforeAll(async () => {
    // The receiver refuses its first two requests (500, then 503) and accepts from then on.
    receiver = await startReceiver((_request, index) => (index === 0 ? 500 : index === 1 ? 503 : 204));
    stack = await startStack({
      customers: 30,
      gatewayEnv: { SWITCHBOARD_WEBHOOKS: 'true', WEBHOOK_POLL_MS: '100', WEBHOOK_RETRY_MIN_MS: '100', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_TIMEOUT_MS: '3000' },
    });
    const first = await stack.query<Registered>(REGISTER, { input: { url: `${receiver.url}/plain`, eventTypes: ALL_TYPES, description: 'ids only' } });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    plain = first.data!.registerWebhookEndpoint;
    const second = await stack.query<Registered>(REGISTER, {
      input: { url: `${receiver.url}/personal`, eventTypes: ['TICKET_CREATED', 'CUSTOMER_CONTACT_CHANGED'], includePersonalData: true },
    });
    assert.equal(second.errors, undefined, JSON.stringify(second.errors));
    personal = second.data!.registerWebhookEndpoint;
    const list = await stack.query<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }');
    customerId = list.data!.customers.nodes[0]!.id;

    const created = await stack.query<{ createTicket: { id: string } }>(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
      { input: { idempotencyKey: randomUUID(), requesterId: customerId, subject: 'Parcel arrived broken', description: 'The customer wrote: my address is 5 Elm St.' } },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    ticketId = created.data!.createTicket.id;
    for (const status of ['OPEN', 'SOLVED']) {
      const changed = await stack.query('mutation($id: ID!, $status: TicketStatus!) { changeTicketStatus(id: $id, status: $status) { id } }', { id: ticketId, status });
      assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
    }
    const contact = await stack.query('mutation($input: UpdateCustomerContactInput!) { updateCustomerContact(input: $input) { id } }', {
      input: { customerId, emails: ['new.address@example.com'] },
    });
    assert.equal(contact.errors, undefined, JSON.stringify(contact.errors));
    const logged = await stack.query('mutation($input: LogCallInput!) { logCall(input: $input) { id } }', {
      input: { customerId, callId: `call-${randomUUID()}`, at: new Date().toISOString(), durationSeconds: 42, disposition: 'ANSWERED' },
    });
    assert.equal(logged.errors, undefined, JSON.stringify(logged.errors));
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  const accepted = (path: string) => receiver.received.filter((r) => r.path === path && r.status < 300);
  const bodyOf = (received: Received) => JSON.parse(received.body) as Body;

  test('each event reaches the receiver exactly once after it failed twice, validly signed', async () => {
    const expected = ['ticket.created', 'ticket.status_changed', 'ticket.status_changed', 'ticket.solved', 'customer.contact_changed', 'call.logged'];
    await eventually('every event accepted at /plain', async () => (accepted('/plain').length >= expected.length ? true : undefined));
    // Time for a duplicate to show up, if one were coming.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const plainAccepted = accepted('/plain');
    assert.deepEqual(plainAccepted.map((r) => bodyOf(r).type).sort(), [...expected].sort());
    // Exactly once: one accepted request per event and per webhook-id.
    assert.equal(new Set(plainAccepted.map((r) => bodyOf(r).id)).size, expected.length);
    assert.equal(new Set(plainAccepted.map((r) => r.headers['webhook-id'])).size, expected.length);
    assert.equal(accepted('/personal').length, 2);
    // The two refused requests were retried with the same webhook-id.
    const refused = receiver.received.filter((r) => r.status >= 500);
    assert.equal(refused.length, 2);
    for (const failure of refused) {
      assert.ok(receiver.received.some((r) => r.status < 300 && r.headers['webhook-id'] === failure.headers['webhook-id']), 'a refused delivery was sent again and accepted');
    }
    for (const received of receiver.received) {
      const secret = received.path === '/plain' ? plain.secret : personal.secret;
      assert.match(String(received.headers['webhook-id']), /^msg_[0-9a-f]{32}$/);
      assert.ok(Math.abs(Number(received.headers['webhook-timestamp']) - Date.now() / 1000) < 120, 'timestamp in seconds, now');
      assert.equal(received.headers['webhook-signature'], expectedSignature(secret, received));
      // And the reference implementation agrees.
      new Webhook(secret).verify(received.body, received.headers as Record<string, string>);
      assert.throws(() => new Webhook(plain.secret === secret ? personal.secret : plain.secret).verify(received.body, received.headers as Record<string, string>));
    }
  });

  test('payloads carry ids and states, personal data only where the registration opted in', () => {
    const created = accepted('/plain').map(bodyOf).find((b) => b.type === 'ticket.created')!;
    assert.equal(created.data.ticketId, ticketId);
    assert.equal(created.data.requesterId, customerId);
    assert.equal(created.data.personal, undefined);
    assert.ok(!JSON.stringify(created).includes('Elm St'));
    const contact = accepted('/plain').map(bodyOf).find((b) => b.type === 'customer.contact_changed')!;
    assert.deepEqual(contact.data.changed, ['emails']);
    assert.ok(!JSON.stringify(contact).includes('new.address'));
    const solved = accepted('/plain').map(bodyOf).find((b) => b.type === 'ticket.solved')!;
    assert.equal(solved.data.ticketId, ticketId);
    const statusChanges = accepted('/plain').map(bodyOf).filter((b) => b.type === 'ticket.status_changed').map((b) => `${String(b.data.from)}>${String(b.data.to)}`);
    assert.deepEqual(statusChanges.sort(), ['NEW>OPEN', 'OPEN>SOLVED']);

    const withPersonal = accepted('/personal').map(bodyOf);
    assert.equal(withPersonal.find((b) => b.type === 'ticket.created')!.data.personal!.subject, 'Parcel arrived broken');
    assert.deepEqual(withPersonal.find((b) => b.type === 'customer.contact_changed')!.data.personal!.emails, ['new.address@example.com']);
    // The same event has the same id at every endpoint; the webhook-id differs per endpoint.
    const plainCreated = accepted('/plain').find((r) => bodyOf(r).type === 'ticket.created')!;
    const personalCreated = accepted('/personal').find((r) => bodyOf(r).type === 'ticket.created')!;
    assert.equal(bodyOf(plainCreated).id, bodyOf(personalCreated).id);
    assert.notEqual(plainCreated.headers['webhook-id'], personalCreated.headers['webhook-id']);
  });

  test('admins read the delivery log and replay a delivery with the same webhook-id', async () => {
    interface Log {
      webhookDeliveries: { totalCount: number; nodes: { id: string; eventType: string; status: string; attempts: number; lastStatusCode: number | null; payload: string }[] };
    }
    const log = await stack.query<Log>(
      'query($filter: WebhookDeliveryFilter) { webhookDeliveries(filter: $filter, first: 20) { totalCount nodes { id eventType status attempts lastStatusCode payload } } }',
      { filter: { endpointId: plain.endpoint.id } },
    );
    assert.equal(log.errors, undefined, JSON.stringify(log.errors));
    assert.equal(log.data!.webhookDeliveries.totalCount, 6);
    assert.ok(log.data!.webhookDeliveries.nodes.every((d) => d.status === 'DELIVERED' && d.lastStatusCode === 204));
    // 8 deliveries (6 to one endpoint, 2 to the other); the 2 refusals cost 2 extra attempts.
    const all = await stack.query<Log>('{ webhookDeliveries(first: 20) { totalCount nodes { id eventType status attempts lastStatusCode payload } } }');
    assert.equal(all.data!.webhookDeliveries.totalCount, 8);
    assert.equal(all.data!.webhookDeliveries.nodes.reduce((sum, d) => sum + d.attempts, 0), 8 + 2);

    const target = log.data!.webhookDeliveries.nodes.find((d) => d.eventType === 'TICKET_SOLVED')!;
    const before = receiver.received.length;
    const replayed = await stack.query<{ replayWebhookDelivery: { id: string; status: string } }>('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }', { id: target.id });
    assert.equal(replayed.errors, undefined, JSON.stringify(replayed.errors));
    assert.equal(replayed.data!.replayWebhookDelivery.status, 'PENDING');
    const again = await eventually('the replay to arrive', async () => receiver.received.slice(before).find((r) => r.headers['webhook-id'] === target.id));
    assert.equal(again.body, target.payload);
    assert.equal(again.headers['webhook-signature'], expectedSignature(plain.secret, again));
    const missing = await stack.query('mutation { replayWebhookDelivery(id: "msg_nope") { id } }');
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('only admins manage webhooks; bad registrations are refused', async () => {
    const asAgent = await stack.queryAs('agent', '{ webhookEndpoints { id } }');
    assert.equal(asAgent.data?.webhookEndpoints, null);
    assert.equal(asAgent.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const registerAsSupervisor = await stack.queryAs('supervisor', REGISTER, { input: { url: `${receiver.url}/x`, eventTypes: ['TICKET_CREATED'] } });
    assert.equal(registerAsSupervisor.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const endpoints = await stack.query<{ webhookEndpoints: { id: string }[] }>('{ webhookEndpoints { id } }');
    assert.deepEqual(endpoints.data!.webhookEndpoints.map((e) => e.id).sort(), [plain.endpoint.id, personal.endpoint.id].sort());

    for (const input of [
      { url: 'http://169.254.169.254/latest/meta-data/', eventTypes: ['TICKET_CREATED'] },
      { url: 'http://10.0.0.5/admin', eventTypes: ['TICKET_CREATED'] },
      { url: 'ftp://example.com/hook', eventTypes: ['TICKET_CREATED'] },
      { url: 'not a url', eventTypes: ['TICKET_CREATED'] },
      { url: 'https://user:pw@example.com/hook', eventTypes: ['TICKET_CREATED'] },
      { url: 'https://example.com/hook', eventTypes: [] },
    ]) {
      const refused = await stack.query(REGISTER, { input });
      assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(input));
    }
  });

  test('a rotated secret: both signatures during the overlap, then only the new one; bad rotations change nothing', async () => {
    const ROTATE = 'mutation($id: ID!, $overlap: Int) { rotateWebhookSecret(id: $id, previousSecretValidForSeconds: $overlap) { secret endpoint { id previousSecretExpiresAt } } }';
    type Rotated = { rotateWebhookSecret: { secret: string; endpoint: { id: string; previousSecretExpiresAt: string | null } } };
    const newTicket = async (subject: string) => {
      const before = accepted('/plain').length;
      const created = await stack.query('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', { input: { idempotencyKey: randomUUID(), requesterId: customerId, subject } });
      assert.equal(created.errors, undefined, JSON.stringify(created.errors));
      await eventually(`"${subject}" at /plain`, async () => (accepted('/plain').length > before ? true : undefined));
      return accepted('/plain').at(-1)!;
    };
    const headersOf = (received: Received) => received.headers as Record<string, string>;

    const overlapping = await stack.query<Rotated>(ROTATE, { id: plain.endpoint.id, overlap: 3600 });
    assert.equal(overlapping.errors, undefined, JSON.stringify(overlapping.errors));
    const second = overlapping.data!.rotateWebhookSecret;
    assert.notEqual(second.secret, plain.secret);
    assert.ok(Math.abs(Date.parse(second.endpoint.previousSecretExpiresAt!) - (Date.now() + 3600_000)) < 60_000);
    const during = await newTicket('During the overlap');
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2);
    // A receiver holding either secret accepts it.
    new Webhook(plain.secret).verify(during.body, headersOf(during));
    new Webhook(second.secret).verify(during.body, headersOf(during));

    const immediate = await stack.query<Rotated>(ROTATE, { id: plain.endpoint.id, overlap: 0 });
    assert.equal(immediate.errors, undefined, JSON.stringify(immediate.errors));
    const third = immediate.data!.rotateWebhookSecret;
    assert.equal(third.endpoint.previousSecretExpiresAt, null);
    const after = await newTicket('After the rotation');
    assert.equal(String(after.headers['webhook-signature']).split(' ').length, 1);
    new Webhook(third.secret).verify(after.body, headersOf(after));
    assert.throws(() => new Webhook(second.secret).verify(after.body, headersOf(after)));
    assert.throws(() => new Webhook(plain.secret).verify(after.body, headersOf(after)));
    plain = { ...plain, secret: third.secret };

    const tooLong = await stack.query(ROTATE, { id: plain.endpoint.id, overlap: 8 * 24 * 3600 });
    assert.equal(tooLong.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const unknown = await stack.query(ROTATE, { id: 'whe_nope', overlap: 60 });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const asSupervisor = await stack.queryAs('supervisor', ROTATE, { id: plain.endpoint.id, overlap: 60 });
    assert.equal(asSupervisor.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const still = await newTicket('Still the third secret');
    new Webhook(third.secret).verify(still.body, headersOf(still));
  });

  test('a removed endpoint gets nothing more', async () => {
    // Let deliveries of earlier tests land first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const personalBefore = accepted('/personal').length;
    const removed = await stack.query<{ removeWebhookEndpoint: { removedAt: string | null } }>('mutation($id: ID!) { removeWebhookEndpoint(id: $id) { removedAt } }', { id: personal.endpoint.id });
    assert.equal(removed.errors, undefined, JSON.stringify(removed.errors));
    assert.ok(removed.data!.removeWebhookEndpoint.removedAt);
    const before = accepted('/plain').length;
    const created = await stack.query('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', {
      input: { idempotencyKey: randomUUID(), requesterId: customerId, subject: 'After removal' },
    });
    assert.equal(created.errors, undefined);
    await eventually('the new ticket at /plain', async () => (accepted('/plain').length > before ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(accepted('/personal').length, personalBefore);
  });
});
