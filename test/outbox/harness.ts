/**
 * Helpers for the call-log outbox tests against the whole stack: numbers given to customers
 * (so they identify as SINGLE or MULTIPLE for sure), signed CTI webhooks that make a call
 * end in a given way, and waiting for the outbox through what a user sees.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import type { Stack } from '../support/stack.js';

export const HOTLINE = '+864008123456';

let numberCounter = 0;
/** A mobile number no seeded customer has (the 199 prefix is not used by the seed generator). */
export function freshNumber(): string {
  numberCounter += 1;
  return `+86199${String(process.pid % 10_000).padStart(4, '0')}${String(numberCounter).padStart(4, '0')}`;
}

/** Gives the customers `number` as their only phone (so it identifies them). */
export async function giveNumber(stack: Stack, customerIds: string[], number: string): Promise<void> {
  for (const customerId of customerIds) {
    const result = await stack.query('mutation($input: UpdateCustomerContactInput!) { updateCustomerContact(input: $input) { id } }', {
      input: { customerId, phones: [{ number, type: 'MOBILE' }] },
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  }
}

export type Ending = 'ANSWERED' | 'MISSED' | 'ABANDONED';

export interface CallEvents {
  callId: string;
  events: Record<string, unknown>[];
}

/** The webhook events of one inbound call from `from` to `agentId` in `queueId` that ends as `ending`. */
export function callEvents(from: string, ending: Ending, agentId: string, queueId = 'q_support', callId = `call_ob${randomUUID().replaceAll('-', '').slice(0, 12)}`): CallEvents {
  const base = Date.now() - 120_000;
  const at = (seconds: number) => new Date(base + seconds * 1000).toISOString();
  const event = (type: string, seconds: number, extra: Record<string, unknown> = {}) => ({
    id: `evt_${randomUUID()}`,
    callId,
    type,
    at: at(seconds),
    from,
    to: HOTLINE,
    direction: 'INBOUND',
    queueId,
    agentId,
    ...extra,
  });
  const events =
    ending === 'ANSWERED'
      ? [event('OFFERED', 0), event('ANSWERED', 12), event('ENDED', 72), event('WRAP_UP_DONE', 90)]
      : ending === 'MISSED'
        ? [event('OFFERED', 0), event('ENDED', 25, { disconnectReason: 'AGENT_NO_ANSWER' })]
        : [event('OFFERED', 0), event('ABANDONED', 40)];
  return { callId, events };
}

/** Posts signed events to the stack's call center and waits until they are applied (and queued). */
export async function postEvents(stack: Stack, events: Record<string, unknown>[]): Promise<void> {
  const body = JSON.stringify({ events });
  const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
    body,
  });
  assert.equal(response.status, 202);
  await stack.callcenter.server.callEvents.idle();
}

/** Polls `check` until it returns a value (not undefined); fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The outbox rows of a call once none is PENDING any more. */
export async function settledRows(stack: Stack, callId: string) {
  const store = stack.callcenter.server.outbox.store;
  return eventually(`the outbox rows of ${callId} to be done`, async () => {
    const rows = await store.rowsOfCall(callId);
    return rows.length > 0 && rows.every((row) => row.status !== 'PENDING') ? rows : undefined;
  });
}

export interface OutboxStatus {
  pending: number;
  retrying: number;
  failed: number;
  done: number;
  oldestPendingAgeSeconds: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  dispatcherRunning: boolean;
}

export async function outboxStatus(stack: Stack): Promise<OutboxStatus> {
  const result = await stack.query<{ callLogOutbox: OutboxStatus }>(
    '{ callLogOutbox { pending retrying failed done oldestPendingAgeSeconds lastError lastErrorAt dispatcherRunning } }',
  );
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!.callLogOutbox;
}

export interface CallLog {
  id: string;
  callId: string;
  author: string;
  at: string;
  durationSeconds: number;
  agentId: string | null;
  disposition: string;
}

/** The customer's CALL_LOG activities for `callId`, as an admin reads the timeline through the gateway. */
export async function callLogsOf(stack: Stack, customerId: string, callId: string): Promise<CallLog[]> {
  const result = await stack.query<{ customer: { activities: { nodes: CallLog[] } } }>(
    `query($id: ID!) { customer(id: $id) { activities(types: [CALL_LOG], first: 100) {
      nodes { ... on CallLogActivity { id callId author at durationSeconds agentId disposition } } } } }`,
    { id: customerId },
  );
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!.customer.activities.nodes.filter((node) => node.callId === callId);
}
