/**
 * The CRM's change events (registry: `shared/change-events/registry.ts`): ids and which
 * parts changed for everyone; the new phone numbers and email addresses only for endpoints
 * that opt in to personal data.
 */
import type { ChangeEventInput } from '../../shared/change-events/record.js';
import type { ActivityRecord, PhoneRecord } from './records.js';

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
