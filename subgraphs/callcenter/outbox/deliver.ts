/**
 * One outbox row through the graph: identify the customer-side number, then, for exactly
 * one customer, write the call log (`logCall`, idempotent by call id) or the callback ticket
 * (`createTicket`, idempotency key `callback:<call id>`). No customer: NO_CUSTOMER; several
 * customers sharing the number: AMBIGUOUS — never one picked, an agent must decide. A callback
 * for a customer who withdrew consent to service contact: NO_CONSENT. All three are
 * done (nothing to retry). Errors are thrown (`GraphOperationError`) for the dispatcher.
 */
import { callbackKey } from '../../shared/callback-key.js';
import type { GraphClient } from './graph-client.js';
import type { OutboxPayload } from './rule.js';
import type { DeliveryResult } from './sql-outbox-store.js';
import type { OutboxKind } from './tables.js';
import { deliverHandoffTicket } from '../handoffs/fallback-ticket.js';
import type { HandoffTicketPayload } from '../handoffs/store.js';

const IDENTIFY = /* GraphQL */ `
  query CallLogIdentifyCaller($phone: String!) {
    identifyCaller(phone: $phone) { status candidates { id tier } }
  }
`;

const LOG_CALL = /* GraphQL */ `
  mutation CallLogLogCall($input: LogCallInput!) {
    logCall(input: $input) { id callId }
  }
`;

const CALLBACK_CONSENT = /* GraphQL */ `
  query CallLogCallbackConsent($id: ID!) {
    customer(id: $id) { consents { purpose status } }
  }
`;

const CREATE_CALLBACK = /* GraphQL */ `
  mutation CallLogCreateCallbackTicket($input: CreateTicketInput!) {
    createTicket(input: $input) { id number }
  }
`;

/** The idempotency key of a call's callback ticket (subgraphs/shared/callback-key.ts). */
export { callbackKey };

/** The ticket input for a callback: only from the stored payload, so every retry sends the same input. */
export function callbackTicketInput(customerId: string, call: OutboxPayload): Record<string, unknown> {
  const what = call.disposition === 'MISSED' ? 'missed call' : call.disposition === 'ABANDONED' ? 'abandoned call' : `call (${call.disposition.toLowerCase()})`;
  const where = [call.queueId ? `in queue ${call.queueId}` : null, call.agentId ? `offered to agent ${call.agentId}` : null].filter(Boolean).join(', ');
  return {
    idempotencyKey: callbackKey(call.callId),
    requesterId: customerId,
    subject: `Call back ${call.customerNumber}: ${what}`,
    description: `${call.customerNumber} called at ${call.startedAt}${where ? ` (${where})` : ''} and hung up after ${call.waitSeconds} s without being answered (${call.disposition}). Call ${call.callId}; created by the call-log outbox.`,
    priority: 'NORMAL',
    channel: 'PHONE',
    relatedCallId: call.callId,
    ...(call.agentId ? { assigneeId: call.agentId } : {}),
  };
}

export async function deliver(graph: GraphClient, kind: OutboxKind, call: OutboxPayload): Promise<DeliveryResult> {
  // A hand-off's row carries its own payload (the hand-off, not a call).
  if (kind === 'HANDOFF_TICKET') return deliverHandoffTicket(graph, call as unknown as HandoffTicketPayload);
  const { identifyCaller } = await graph.request<{ identifyCaller: { status: 'NONE' | 'SINGLE' | 'MULTIPLE'; candidates: { id: string; tier: string | null }[] } }>(
    'CallLogIdentifyCaller',
    IDENTIFY,
    { phone: call.customerNumber },
  );
  if (identifyCaller.status === 'NONE') return { outcome: 'NO_CUSTOMER', customerId: null, resultRef: null };
  if (identifyCaller.status === 'MULTIPLE' || identifyCaller.candidates.length !== 1) return { outcome: 'AMBIGUOUS', customerId: null, resultRef: null };
  const customerId = identifyCaller.candidates[0]!.id;
  const customerTier = identifyCaller.candidates[0]!.tier ?? null;
  if (kind === 'CALL_LOG') {
    const { logCall } = await graph.request<{ logCall: { id: string } }>('CallLogLogCall', LOG_CALL, {
      input: {
        customerId,
        callId: call.callId,
        at: call.endedAt,
        durationSeconds: call.durationSeconds,
        agentId: call.agentId,
        disposition: call.disposition,
        recordingRef: call.recordingRef,
      },
    });
    return { outcome: 'LOGGED', customerId, customerTier, resultRef: logCall.id };
  }
  // A callback contacts the customer: not when they withdrew consent to service contact (docs/privacy.md).
  const { customer } = await graph.request<{ customer: { consents: { purpose: string; status: string }[] | null } | null }>('CallLogCallbackConsent', CALLBACK_CONSENT, {
    id: customerId,
  });
  if (customer?.consents?.some((consent) => consent.purpose === 'SERVICE_CONTACT' && consent.status === 'WITHDRAWN')) {
    return { outcome: 'NO_CONSENT', customerId, resultRef: null };
  }
  const { createTicket } = await graph.request<{ createTicket: { id: string; number: string } }>('CallLogCreateCallbackTicket', CREATE_CALLBACK, {
    input: callbackTicketInput(customerId, call),
  });
  return { outcome: 'TICKET_CREATED', customerId, customerTier, resultRef: createTicket.number };
}
