/**
 * The CRM's change events (registry: `shared/change-events/registry.ts`): ids and which
 * parts changed for everyone; the new phone numbers and email addresses only for endpoints
 * that opt in to personal data.
 */
import type { ChangeEventInput } from '../../shared/change-events/record.js';
import type { ActivityRecord, CustomerStatusChangeRecord, PhoneRecord } from './records.js';

/** `CUSTOMER_CONTACT_CHANGED`: `phones`/`emails` are the new lists, `null` when that part was not touched. */
export function contactChangedEvent(customerId: string, phones: readonly PhoneRecord[] | null, emails: readonly string[] | null, at: string): ChangeEventInput {
  const changed = [...(phones !== null ? ['phones'] : []), ...(emails !== null ? ['emails'] : [])];
  return {
    type: 'CUSTOMER_CONTACT_CHANGED',
    subjectId: customerId,
    occurredAt: at,
    data: { customerId, changed, changedAt: at },
    personal: {
      ...(phones !== null ? { phones: phones.map((p) => ({ e164: p.e164, extension: p.extension, type: p.type })) } : {}),
      ...(emails !== null ? { emails: [...emails] } : {}),
    },
  };
}

/**
 * `CUSTOMER_STATUS_CHANGED`: from and to, when and by whom. The free-text reason only for
 * endpoints that opt in to personal data (it may say things about the person).
 */
export function customerStatusChangedEvent(change: CustomerStatusChangeRecord): ChangeEventInput {
  return {
    type: 'CUSTOMER_STATUS_CHANGED',
    subjectId: change.customerId,
    occurredAt: change.at,
    data: { customerId: change.customerId, changeId: change.id, from: change.from, to: change.to, changedBy: change.changedBy, changedAt: change.at },
    personal: change.reason === null ? null : { reason: change.reason },
  };
}

/** `CALL_LOGGED`: a call newly on a customer's timeline. */
export function callLoggedEvent(activity: ActivityRecord): ChangeEventInput {
  return {
    type: 'CALL_LOGGED',
    subjectId: activity.customerId,
    occurredAt: new Date().toISOString(),
    data: {
      customerId: activity.customerId,
      activityId: activity.id,
      callId: activity.callId,
      at: activity.at,
      durationSeconds: activity.durationSeconds,
      agentId: activity.agentId,
      disposition: activity.disposition,
    },
  };
}

/** `LEAD_CREATED`: ids, channel and status; the lead's name only for endpoints that opt in to personal data. */
export function leadCreatedEvent(lead: { id: string; name: string; customerId: string | null; conversationId: string | null; sourceChannel: string; status: string; createdAt: string }): ChangeEventInput {
  return {
    type: 'LEAD_CREATED',
    subjectId: lead.id,
    occurredAt: lead.createdAt,
    data: { leadId: lead.id, customerId: lead.customerId, conversationId: lead.conversationId, sourceChannel: lead.sourceChannel, status: lead.status, createdAt: lead.createdAt },
    personal: { name: lead.name },
  };
}

/** `LEAD_STATUS_CHANGED`: from and to, with the company's own label when one was given. */
export function leadStatusChangedEvent(leadId: string, from: string, to: string, externalStatus: string | null, at: string): ChangeEventInput {
  return { type: 'LEAD_STATUS_CHANGED', subjectId: leadId, occurredAt: at, data: { leadId, from, to, externalStatus, changedAt: at } };
}

/** `CONVERSATION_CLOSED`: ids, channel, outcome and intent (no transcript). */
export function conversationClosedEvent(conversation: { id: string; customerId: string | null; channel: string; outcome: string | null; intent: string | null }, at: string): ChangeEventInput {
  return {
    type: 'CONVERSATION_CLOSED',
    subjectId: conversation.id,
    occurredAt: at,
    data: { conversationId: conversation.id, customerId: conversation.customerId, channel: conversation.channel, outcome: conversation.outcome, intent: conversation.intent, closedAt: at },
  };
}
