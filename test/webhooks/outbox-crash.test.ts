/**
 * A change and its event commit together or not at all: a process killed inside the
 * transaction (after the event's INSERT ran) leaves neither the ticket nor the event; killed
 * after the commit, both. An event write that fails undoes the change it describes, for every
 * kind of change. And an event taken over by a dispatcher that died before acknowledging it
 * comes back once its lease runs out, and still becomes one delivery per endpoint.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, test } from 'vitest';
import { GatewayStore } from '../../gateway/store/gateway-store.js';
import type { WebhookTables } from '../../gateway/webhooks/tables.js';
import { WebhookStore } from '../../gateway/webhooks/webhook-store.js';
import { openEmbeddedCrmStore as openCrmSource } from '../../subgraphs/crm/source/embedded/open.js';
import { addressPolicy, LOOPBACK_NETWORKS } from '../../subgraphs/shared/address-policy.js';
import { ChangeEventOutbox } from '../../subgraphs/shared/change-events/outbox.js';
import { FieldCipher, WEBHOOK_KEYS } from '../../subgraphs/shared/field-cipher.js';
import { openEmbeddedTicketsSource as openTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import { tempSqlite, type TempDatabase } from '../support/databases.js';

const cleanups: TempDatabase[] = [];
afterEach(async () => {
  for (const db of cleanups.splice(0)) await db.cleanup();
});

async function temp(name: string): Promise<TempDatabase & { file: string }> {
  const db = await tempSqlite(name);
  cleanups.push(db);
  return { ...db, file: (db.config as { file: string }).file };
}

function runChild(file: string, when: 'inside' | 'after', key: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/webhooks/crash-child.ts', file, when, key], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

async function ticketAndEvents(file: string, key: string) {
  const store = await openTicketsSource({ driver: 'sqlite', file });
  try {
    const db = store.database.db as unknown as Kysely<{ tickets: { id: string; idempotency_key: string } }>;
    const ticket = await db.selectFrom('tickets').select('id').where('idempotency_key', '=', key).executeTakeFirst();
    const events = ticket ? await ChangeEventOutbox.in(store.database.db).eventsAbout(ticket.id) : [];
    const allEvents = await (store.database.db as unknown as Kysely<{ change_events: { id: string } }>).selectFrom('change_events').select('id').execute();
    return { ticket, events, allEvents };
  } finally {
    await store.close();
  }
}

describe('change events and their changes commit together', () => {
  test('a process killed inside the transaction leaves neither the ticket nor its event', { timeout: 60_000 }, async () => {
    const { file } = await temp('crash');
    // Create the database (migrations) first, so the child only runs the one transaction.
    await (await openTicketsSource({ driver: 'sqlite', file })).close();
    const key = randomUUID();
    assert.equal(await runChild(file, 'inside', key), 'SIGKILL');
    const { ticket, allEvents } = await ticketAndEvents(file, key);
    assert.equal(ticket, undefined);
    assert.equal(allEvents.length, 0);
  });

  test('a process killed after the commit leaves both', { timeout: 60_000 }, async () => {
    const { file } = await temp('crash');
    await (await openTicketsSource({ driver: 'sqlite', file })).close();
    const key = randomUUID();
    assert.equal(await runChild(file, 'after', key), 'SIGKILL');
    const { ticket, events } = await ticketAndEvents(file, key);
    assert.ok(ticket);
    assert.deepEqual(
      events.map((e) => e.type),
      ['TICKET_CREATED'],
    );
  });

  test('an event that cannot be written undoes the ticket change it describes', async () => {
    const { config } = await temp('tickets');
    const store = await openTicketsSource(config);
    try {
      const ticket = await store.createTicket({ idempotencyKey: randomUUID(), requesterId: 'cus_1', subject: 'Kept' });
      await sql`CREATE TRIGGER refuse_events BEFORE INSERT ON change_events BEGIN SELECT RAISE(ABORT, 'event write failed'); END`.execute(store.database.db);
      await assert.rejects(store.createTicket({ idempotencyKey: 'refused', requesterId: 'cus_1', subject: 'Never' }), /event write failed/);
      await assert.rejects(store.changeStatus(ticket.id, 'OPEN'), /event write failed/);
      const [after] = await store.ticketsByIds([ticket.id]);
      assert.equal(after!.status, 'NEW');
      const db = store.database.db as unknown as Kysely<{ tickets: { idempotency_key: string } }>;
      assert.equal(await db.selectFrom('tickets').select('idempotency_key').where('idempotency_key', '=', 'refused').executeTakeFirst(), undefined);
      assert.deepEqual(
        (await ChangeEventOutbox.in(store.database.db).eventsAbout(ticket.id)).map((e) => e.type),
        ['TICKET_CREATED'],
      );
    } finally {
      await store.close();
    }
  });

  test('an event that cannot be written undoes the CRM change it describes', async () => {
    const { config } = await temp('crm');
    const store = await openCrmSource(config);
    try {
      const db = store.database.db as unknown as Kysely<{ customers: { id: string; display_name: string; created_at: string; updated_at: string; tier: string } }>;
      const customerId = 'cus_crash';
      await sql`INSERT INTO customers (id, display_name, tier, created_at, updated_at) VALUES (${customerId}, 'Crash', 'STANDARD', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(db);
      await store.updateContact(customerId, { emails: ['kept@example.com'] });
      await sql`CREATE TRIGGER refuse_events BEFORE INSERT ON change_events BEGIN SELECT RAISE(ABORT, 'event write failed'); END`.execute(db);
      await assert.rejects(store.updateContact(customerId, { emails: ['never@example.com'] }), /event write failed/);
      await assert.rejects(
        store.recordCallLog({ customerId, callId: 'call-1', at: '2026-01-02T00:00:00.000Z', durationSeconds: 5, agentId: null, disposition: 'ANSWERED', recordingRef: null, author: 'test' }),
        /event write failed/,
      );
      const [customer] = await store.customersByIds([customerId]);
      assert.deepEqual(customer!.emails, ['kept@example.com']);
      const timeline = await store.activitiesByCustomerIds([customerId], null, { first: 10, after: null });
      assert.equal(timeline[0]!.totalCount, 0);
      assert.deepEqual(
        (await ChangeEventOutbox.in(store.database.db).eventsAbout(customerId)).map((e) => e.type),
        ['CUSTOMER_CONTACT_CHANGED'],
      );
    } finally {
      await store.close();
    }
  });

  test('an event a dead dispatcher never acknowledged comes back after its lease and still makes one delivery', async () => {
    const tickets = await temp('tickets');
    const gatewayDb = await temp('gateway');
    const store = await openTicketsSource(tickets.config);
    const gateway = await GatewayStore.open(gatewayDb.config);
    try {
      const webhooks = new WebhookStore(gateway.database.db as unknown as Kysely<WebhookTables>, new FieldCipher(randomBytes(32), [], WEBHOOK_KEYS));
      const rules = { httpsOnly: false, addressPolicy: addressPolicy(LOOPBACK_NETWORKS) };
      const { endpoint } = await webhooks.register({ url: 'http://127.0.0.1:9/hook', eventTypes: ['TICKET_CREATED'] }, rules);
      const ticket = await store.createTicket({ idempotencyKey: randomUUID(), requesterId: 'cus_1', subject: 'Once' });
      const outbox = ChangeEventOutbox.in(store.database.db);
      const t0 = new Date();
      const first = await outbox.claim('dispatcher-a', 10, 1000, t0);
      assert.equal(first.length, 1);
      assert.equal(await webhooks.fanOut(first, 60_000), 1);
      // dispatcher-a dies here, before acknowledging. Within the lease nobody else gets the event…
      assert.deepEqual(await outbox.claim('dispatcher-b', 10, 1000, new Date(t0.getTime() + 500)), []);
      // …after it, dispatcher-b does, and its fan-out adds nothing.
      const again = await outbox.claim('dispatcher-b', 10, 1000, new Date(t0.getTime() + 1500));
      assert.deepEqual(
        again.map((e) => e.id),
        first.map((e) => e.id),
      );
      assert.equal(await webhooks.fanOut(again, 60_000), 0);
      // A late acknowledgement by the dead owner counts for nothing; the holder's does.
      assert.equal(await outbox.acknowledge('dispatcher-a', [first[0]!.id]), 0);
      assert.equal(await outbox.acknowledge('dispatcher-b', [first[0]!.id]), 1);
      assert.deepEqual(await outbox.claim('dispatcher-c', 10, 1000, new Date(t0.getTime() + 5000)), []);
      const log = await webhooks.listDeliveries({ endpointId: endpoint.id }, { first: 10, after: null });
      assert.equal(log.totalCount, 1);
      assert.equal(JSON.parse(log.nodes[0]!.payload).data.ticketId, ticket.id);
    } finally {
      await store.close();
      await gateway.close();
    }
  });
});
