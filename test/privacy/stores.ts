/**
 * Reading the stores of a test stack directly, to check what the graph says about personal
 * data against what the systems really hold.
 */
import type { Kysely } from 'kysely';
import type { Stack } from '../support/stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function storeDb(stack: Stack, system: 'crm' | 'callcenter' | 'tickets'): AnyDb {
  return (stack[system].store as unknown as { database: { db: AnyDb } }).database.db;
}

/** Ids of everything the three stores and the gateway's audit trail hold about `customerId`, by export kind. */
export async function heldRecords(stack: Stack, customerId: string): Promise<Record<string, string[]>> {
  const crm = storeDb(stack, 'crm');
  const calls = storeDb(stack, 'callcenter');
  const tickets = storeDb(stack, 'tickets');
  const gateway = stack.gateway.store.database.db as AnyDb;
  const phones = (await crm.selectFrom('customer_phones').select(['position', 'e164']).where('customer_id', '=', customerId).execute()) as { position: number; e164: string }[];
  // Numbers another customer shares do not identify this one's calls (gateway/privacy/systems.ts).
  const shared = new Set(
    ((await crm.selectFrom('customer_phones').select('e164').where('e164', 'in', phones.length ? phones.map((p) => p.e164) : ['-']).where('customer_id', '!=', customerId).execute()) as { e164: string }[]).map((r) => r.e164),
  );
  const e164s = phones.map((p) => p.e164).filter((e164) => !shared.has(e164));
  const callRows = (await calls
    .selectFrom('calls')
    .select('id')
    .where((eb) => (e164s.length ? eb.or([eb('customer_id', '=', customerId), eb('customer_number', 'in', e164s)]) : eb('customer_id', '=', customerId)))
    .execute()) as { id: string }[];
  const callIds = callRows.map((r) => r.id);
  const inCalls = async (table: string, column: string, id: string) =>
    callIds.length === 0 ? [] : ((await calls.selectFrom(table).select(`${id} as id`).where(column, 'in', callIds).execute()) as { id: string }[]).map((r) => r.id);
  const ticketIds = ((await tickets.selectFrom('tickets').select('id').where('requester_id', '=', customerId).execute()) as { id: string }[]).map((r) => r.id);
  const sorted = (ids: string[]) => [...ids].sort();
  return {
    'crm.customer': [customerId],
    'crm.phone': sorted(phones.map((p) => `${customerId}:${p.position}`)),
    'crm.email': sorted(((await crm.selectFrom('customer_emails').select('position').where('customer_id', '=', customerId).execute()) as { position: number }[]).map((r) => `${customerId}:${r.position}`)),
    'crm.order': sorted(((await crm.selectFrom('orders').select('id').where('customer_id', '=', customerId).execute()) as { id: string }[]).map((r) => r.id)),
    'crm.activity': sorted(((await crm.selectFrom('activities').select('id').where('customer_id', '=', customerId).execute()) as { id: string }[]).map((r) => r.id)),
    'crm.consent': sorted(((await crm.selectFrom('customer_consents').select('purpose').where('customer_id', '=', customerId).execute()) as { purpose: string }[]).map((r) => `${customerId}:${r.purpose}`)),
    'callcenter.call': sorted(callIds),
    'callcenter.callEvent': sorted(await inCalls('cti_events', 'call_id', 'id')),
    'callcenter.callLogDelivery': sorted(await inCalls('call_log_outbox', 'call_id', 'id')),
    'callcenter.recordingDeletion': sorted(await inCalls('recording_deletions', 'call_id', 'ref')),
    'tickets.ticket': sorted(ticketIds),
    'tickets.comment': sorted(
      ticketIds.length === 0 ? [] : ((await tickets.selectFrom('ticket_comments').select('id').where('ticket_id', 'in', ticketIds).execute()) as { id: string }[]).map((r) => r.id),
    ),
    'audit.event': sorted(((await gateway.selectFrom('audit_event_customers').select('event_id').where('customer_id', '=', customerId).execute()) as { event_id: string }[]).map((r) => r.event_id)),
  };
}

/** A customer who has calls with recordings (matched by their numbers), tickets with comments and orders. */
export async function richCustomer(stack: Stack): Promise<string> {
  const crm = storeDb(stack, 'crm');
  const calls = storeDb(stack, 'callcenter');
  const tickets = storeDb(stack, 'tickets');
  const withTickets = new Set(
    ((await tickets.selectFrom('tickets as t').innerJoin('ticket_comments as c', 'c.ticket_id', 't.id').select('t.requester_id').where('t.requester_id', 'is not', null).execute()) as { requester_id: string }[]).map(
      (r) => r.requester_id,
    ),
  );
  const recorded = (await calls.selectFrom('calls').select(['customer_id', 'customer_number']).where('recording_ref', 'is not', null).where('customer_id', 'is not', null).execute()) as {
    customer_id: string;
    customer_number: string | null;
  }[];
  for (const call of recorded) {
    if (!withTickets.has(call.customer_id) || call.customer_number === null) continue;
    const owners = (await crm.selectFrom('customer_phones').select('customer_id').where('e164', '=', call.customer_number).execute()) as { customer_id: string }[];
    const orders = await crm.selectFrom('orders').select('id').where('customer_id', '=', call.customer_id).execute();
    const emails = await crm.selectFrom('customer_emails').select('email').where('customer_id', '=', call.customer_id).execute();
    if (owners.length === 1 && owners[0]!.customer_id === call.customer_id && orders.length > 0 && emails.length > 0) return call.customer_id;
  }
  throw new Error('the seeded data set has no customer with recorded calls, commented tickets, orders and emails');
}
