/**
 * A hand-off nobody accepted in time, as a ticket: delivered by the call-log outbox's
 * dispatcher through the gateway (`createTicket`, idempotency key `handoff:<id>`, so a retry
 * never makes two). Without a customer there is no requester: the row is done as NO_CUSTOMER
 * (the conversation stays in the CRM, findable by its id).
 */
import type { GraphClient } from '../outbox/graph-client.js';
import type { DeliveryResult } from '../outbox/sql-outbox-store.js';
import { handoffTicketKey, type HandoffTicketPayload } from './store.js';

const CREATE_TICKET = /* GraphQL */ `
  mutation HandoffFallbackTicket($input: CreateTicketInput!) {
    createTicket(input: $input) { id number }
  }
`;

/** The ticket input: only from the stored payload, so every retry sends the same input. */
export function handoffTicketInput(customerId: string, handoff: HandoffTicketPayload): Record<string, unknown> {
  const route = [handoff.queueId ? `queue ${handoff.queueId}` : null, handoff.skill ? `skill ${handoff.skill}` : null].filter(Boolean).join(', ');
  return {
    idempotencyKey: handoffTicketKey(handoff.handoffId),
    requesterId: customerId,
    subject: `Follow up a chat nobody took${handoff.intent ? `: ${handoff.intent}` : ''}`.slice(0, 200),
    description:
      `A bot asked for a human at ${handoff.createdAt} (${route}) because: ${handoff.reason}. Nobody accepted by ${handoff.expiredAt}. ` +
      `Conversation ${handoff.conversationId} (in the CRM) has the transcript; hand-off ${handoff.handoffId}.`,
    priority: 'HIGH',
    channel: 'CHAT',
  };
}

export async function deliverHandoffTicket(graph: GraphClient, handoff: HandoffTicketPayload): Promise<DeliveryResult> {
  if (handoff.customerId === null) return { outcome: 'NO_CUSTOMER', customerId: null, resultRef: null };
  const { createTicket } = await graph.request<{ createTicket: { id: string; number: string } }>('HandoffFallbackTicket', CREATE_TICKET, {
    input: handoffTicketInput(handoff.customerId, handoff),
  });
  return { outcome: 'TICKET_CREATED', customerId: handoff.customerId, resultRef: createTicket.number };
}
