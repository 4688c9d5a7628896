/**
 * The change-event types: the one list of what Switchboard announces to other systems
 * (outbound webhooks, docs/webhooks-out.md). Each entry is one line: its GraphQL name (the
 * `WebhookEventType` enum value in `schema/webhooks.graphql`), its name on the wire
 * (`type` in the delivered JSON), the system whose store writes it, and what it means.
 *
 * Adding a type: one line here, the same name in
 * the `WebhookEventType` enum (a test compares the two), and a `recordChangeEvent` call in
 * the owning store's transaction that makes the change.
 */
export const CHANGE_EVENT_TYPES = {
  CUSTOMER_CONTACT_CHANGED: { wire: 'customer.contact_changed', source: 'crm', about: "A customer's phones or emails were replaced (`updateCustomerContact`)." },
  CUSTOMER_STATUS_CHANGED: { wire: 'customer.status_changed', source: 'crm', about: "A customer's status changed (`setCustomerStatus`; setting the status it already has sends none)." },
  CALL_LOGGED: { wire: 'call.logged', source: 'crm', about: "A call was put on a customer's CRM timeline (`logCall`, once per customer and call)." },
  LEAD_CREATED: { wire: 'lead.created', source: 'crm', about: 'A lead was created (a replayed idempotency key creates none).' },
  LEAD_STATUS_CHANGED: { wire: 'lead.status_changed', source: 'crm', about: "A lead's status changed (`changeLeadStatus`, `convertLead`)." },
  CONVERSATION_CLOSED: { wire: 'conversation.closed', source: 'crm', about: 'A conversation was closed (once; CLOSED is final).' },
  TICKET_CREATED: { wire: 'ticket.created', source: 'tickets', about: 'A ticket was created (a replayed idempotency key creates none).' },
  TICKET_STATUS_CHANGED: { wire: 'ticket.status_changed', source: 'tickets', about: "A ticket's status changed (every change, SOLVED included)." },
  TICKET_SOLVED: { wire: 'ticket.solved', source: 'tickets', about: 'A ticket was solved (besides its `ticket.status_changed`).' },
  TICKET_CLASSIFIED: { wire: 'ticket.classified', source: 'tickets', about: "A ticket's category or tags changed (`classifyTicket`; a call that changes neither sends none)." },
} as const satisfies Record<string, { wire: string; source: ChangeEventSource; about: string }>;

/** The systems whose stores keep a change-event outbox. */
export type ChangeEventSource = 'crm' | 'tickets';

export type ChangeEventType = keyof typeof CHANGE_EVENT_TYPES;

export const CHANGE_EVENT_SOURCES: readonly ChangeEventSource[] = ['crm', 'tickets'];

export function isChangeEventType(value: string): value is ChangeEventType {
  return Object.hasOwn(CHANGE_EVENT_TYPES, value);
}

/** The event's name on the wire (`ticket.created`). */
export function wireName(type: ChangeEventType): string {
  return CHANGE_EVENT_TYPES[type].wire;
}
