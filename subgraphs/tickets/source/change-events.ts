/**
 * The ticket system's change events (registry: `shared/change-events/registry.ts`): ids and
 * states for everyone; the subject and description (free text a customer may have written
 * personal data into) only for endpoints that opt in to personal data.
 */
import type { ChangeEventInput } from '../../shared/change-events/record.js';
import type { TicketRecord, TicketStatus } from './records.js';

function ids(ticket: TicketRecord) {
  return { ticketId: ticket.id, number: ticket.number, requesterId: ticket.requesterId, assigneeId: ticket.assigneeId };
}

/** `TICKET_CREATED` for a new ticket. */
export function ticketCreatedEvent(ticket: TicketRecord): ChangeEventInput {
  return {
    type: 'TICKET_CREATED',
    subjectId: ticket.id,
    occurredAt: ticket.createdAt,
    data: { ...ids(ticket), status: ticket.status, priority: ticket.priority, channel: ticket.channel, relatedCallId: ticket.relatedCallId, createdAt: ticket.createdAt },
    personal: { subject: ticket.subject, description: ticket.description },
  };
}

/** `TICKET_STATUS_CHANGED` for every status change, and `TICKET_SOLVED` besides when it became SOLVED. */
export function statusChangeEvents(from: TicketStatus, ticket: TicketRecord): ChangeEventInput[] {
  const changed: ChangeEventInput = {
    type: 'TICKET_STATUS_CHANGED',
    subjectId: ticket.id,
    occurredAt: ticket.updatedAt,
    data: { ...ids(ticket), from, to: ticket.status, changedAt: ticket.updatedAt },
  };
  if (ticket.status !== 'SOLVED') return [changed];
  return [changed, { type: 'TICKET_SOLVED', subjectId: ticket.id, occurredAt: ticket.updatedAt, data: { ...ids(ticket), solvedAt: ticket.solvedAt } }];
}

/** `TICKET_CLASSIFIED` when `classifyTicket` changed the category or the tags (`before`: as they were). */
export function ticketClassifiedEvent(before: Pick<TicketRecord, 'category' | 'tags'>, ticket: TicketRecord): ChangeEventInput {
  return {
    type: 'TICKET_CLASSIFIED',
    subjectId: ticket.id,
    occurredAt: ticket.updatedAt,
    data: { ...ids(ticket), category: ticket.category, tags: ticket.tags, previousCategory: before.category, previousTags: before.tags, classifiedAt: ticket.updatedAt },
  };
}
