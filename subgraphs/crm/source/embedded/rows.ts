/**
 * The embedded store's rows and the port's records, both ways: orders, activities and
 * customers (whose national ID is sealed at rest with `pii-cipher.ts`, bound to its row).
 */
import type { Selectable } from 'kysely';
import type { ActivityRecord, ActivityType, ChatMessageRecord, CustomerRecord, CustomerStatus, CustomerStatusChangeRecord, CustomerTier, OrderRecord, OrderStatus, PhoneRecord, ShipmentStatus } from '../records.js';
import { PiiDecryptionError, type PiiCipher } from './pii-cipher.js';
import type { ActivitiesTable, CustomersTable, CustomerStatusChangesTable, OrdersTable } from './tables.js';

export type CustomerRow = Selectable<CustomersTable>;
export type OrderRow = Selectable<OrdersTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type StatusChangeRow = Selectable<CustomerStatusChangesTable>;

/** The additional authenticated data of a national ID: bound to its column and row. */
export const nationalIdContext = (customerId: string): string => `customers.national_id:${customerId}`;

/** A customer row with its phones and emails as a record; a national ID that does not decrypt fails that one field (`nationalIdUnreadable`), not the customer. */
export function toCustomer(cipher: PiiCipher, row: CustomerRow, phones: PhoneRecord[], emails: string[]): CustomerRecord {
  let nationalId: string | null = null;
  let nationalIdUnreadable: string | undefined;
  if (row.national_id !== null) {
    try {
      nationalId = cipher.decrypt(row.national_id, nationalIdContext(row.id));
    } catch (error) {
      if (!(error instanceof PiiDecryptionError)) throw error;
      nationalIdUnreadable = error.message;
    }
  }
  return {
    id: row.id,
    displayName: row.display_name,
    tier: row.tier as CustomerTier,
    status: row.status as CustomerStatus,
    phones,
    emails,
    company: row.company_name === null ? null : { name: row.company_name, industry: row.company_industry },
    tags: JSON.parse(row.tags) as string[],
    ownerId: row.owner_id,
    nationalId,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastContactAt: row.last_contact_at,
    ...(nationalIdUnreadable === undefined ? {} : { nationalIdUnreadable }),
  };
}

/** A customer record as its row (phones and emails go to their own tables); the national ID sealed. */
export function customerRow(cipher: PiiCipher, c: CustomerRecord): CustomersTable {
  return {
    id: c.id,
    display_name: c.displayName,
    tier: c.tier,
    status: c.status,
    company_name: c.company?.name ?? null,
    company_industry: c.company?.industry ?? null,
    tags: JSON.stringify(c.tags),
    owner_id: c.ownerId,
    national_id: c.nationalId === null ? null : cipher.encrypt(c.nationalId, nationalIdContext(c.id)),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    last_contact_at: c.lastContactAt,
  };
}

export function toOrder(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    number: row.number,
    status: row.status as OrderStatus,
    total: row.total,
    currency: row.currency,
    placedAt: row.placed_at,
    shipment:
      row.shipment_carrier === null
        ? null
        : {
            carrier: row.shipment_carrier,
            trackingNumber: row.shipment_tracking_number ?? '',
            status: (row.shipment_status ?? 'PREPARING') as ShipmentStatus,
            shippedAt: row.shipment_shipped_at,
            deliveredAt: row.shipment_delivered_at,
          },
  };
}

export function orderRow(o: OrderRecord): OrdersTable {
  return {
    id: o.id,
    customer_id: o.customerId,
    number: o.number,
    status: o.status,
    total: o.total,
    currency: o.currency,
    placed_at: o.placedAt,
    shipment_carrier: o.shipment?.carrier ?? null,
    shipment_tracking_number: o.shipment?.trackingNumber ?? null,
    shipment_status: o.shipment?.status ?? null,
    shipment_shipped_at: o.shipment?.shippedAt ?? null,
    shipment_delivered_at: o.shipment?.deliveredAt ?? null,
  };
}

export function toActivity(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    type: row.type as ActivityType,
    at: row.at,
    author: row.author,
    body: row.body,
    callId: row.call_id,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
    agentId: row.agent_id,
    disposition: row.disposition,
    recordingRef: row.recording_ref,
    messages: row.messages === null ? null : (JSON.parse(row.messages) as ChatMessageRecord[]),
  };
}

export function activityRow(a: ActivityRecord): ActivitiesTable {
  return {
    id: a.id,
    customer_id: a.customerId,
    type: a.type,
    at: a.at,
    author: a.author,
    body: a.body,
    call_id: a.callId,
    duration_seconds: a.durationSeconds,
    agent_id: a.agentId,
    disposition: a.disposition,
    recording_ref: a.recordingRef,
    messages: a.messages === null ? null : JSON.stringify(a.messages),
  };
}

export function toStatusChange(row: StatusChangeRow): CustomerStatusChangeRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    at: row.at,
    from: row.from_status as CustomerStatus,
    to: row.to_status as CustomerStatus,
    changedBy: row.changed_by,
    reason: row.reason,
  };
}

export function statusChangeRow(c: CustomerStatusChangeRecord): CustomerStatusChangesTable {
  return { id: c.id, customer_id: c.customerId, at: c.at, from_status: c.from, to_status: c.to, changed_by: c.changedBy, reason: c.reason };
}
