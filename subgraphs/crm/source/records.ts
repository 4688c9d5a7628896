/**
 * What the CRM stores, as its port hands it out. Resolvers map these to the schema's
 * types (codegen mappers); adapters map them to and from their tables.
 */
import type { EngagementSeed } from './engagement-records.js';

export type CustomerTier = 'STANDARD' | 'SILVER' | 'GOLD' | 'PLATINUM';
export type PhoneType = 'MOBILE' | 'LANDLINE' | 'WORK' | 'HOME' | 'OTHER';
/** Whether the customer relationship is live (`ACTIVE`, every new customer) or ended (`INACTIVE`); changes: `CustomerStatusChangeRecord`. */
export type CustomerStatus = 'ACTIVE' | 'INACTIVE';

export interface PhoneRecord {
  /** As typed into the CRM: `138 0013 8000`, `(010) 6552 9988`, ... */
  raw: string;
  /** The main number, normalised by `readPhoneNumber` (`subgraphs/shared/phone.ts`): what calls are matched on. */
  e164: string;
  /** The extension typed with it (`8001` for `010-65529988转8001`), digits; `null` without one. */
  extension: string | null;
  type: PhoneType;
}

export interface AccountOwnerRecord {
  id: string;
  name: string;
  team: string;
}

export interface CustomerRecord {
  id: string;
  displayName: string;
  tier: CustomerTier;
  /** The status now; a source that keeps none reports `ACTIVE` (customer-status.ts). */
  status: CustomerStatus;
  phones: PhoneRecord[];
  emails: string[];
  company: { name: string; industry: string | null } | null;
  tags: string[];
  ownerId: string | null;
  /**
   * National ID number (PII) in plain text. The store seals it at rest (AES-256-GCM,
   * `pii-cipher.ts`) and decrypts it on read.
   */
  nationalId: string | null;
  createdAt: string;
  updatedAt: string;
  lastContactAt: string | null;
  /** Set by the store on a read whose stored national ID did not decrypt (why); `nationalId` is then null. */
  nationalIdUnreadable?: string;
}

/**
 * One change of a customer's status, as `setCustomerStatus` (or the seed) wrote it: never
 * from a status to itself. `at` is ISO-8601 UTC; `changedBy` the caller's subject (a user,
 * `service:<name>`); `reason` free text of at most 500 characters, or null.
 */
export interface CustomerStatusChangeRecord {
  id: string;
  customerId: string;
  at: string;
  from: CustomerStatus;
  to: CustomerStatus;
  changedBy: string;
  reason: string | null;
}

export type OrderStatus = 'PENDING' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURNED';
export type ShipmentStatus = 'PREPARING' | 'IN_TRANSIT' | 'DELIVERED' | 'RETURNED';

export interface OrderRecord {
  id: string;
  customerId: string;
  number: string;
  status: OrderStatus;
  /** Decimal string with two fraction digits. */
  total: string;
  currency: string;
  placedAt: string;
  shipment: {
    carrier: string;
    trackingNumber: string;
    status: ShipmentStatus;
    shippedAt: string | null;
    deliveredAt: string | null;
  } | null;
}

export type ActivityType = 'NOTE' | 'CALL_LOG' | 'CHAT_TRANSCRIPT';

export interface ChatMessageRecord {
  from: string;
  at: string;
  text: string;
}

export interface ActivityRecord {
  id: string;
  customerId: string;
  type: ActivityType;
  at: string;
  author: string;
  /** NOTE only. */
  body: string | null;
  /** CALL_LOG only: the call center's call id (unique per customer timeline). */
  callId: string | null;
  durationSeconds: number | null;
  agentId: string | null;
  disposition: string | null;
  recordingRef: string | null;
  /** CHAT_TRANSCRIPT only. */
  messages: ChatMessageRecord[] | null;
}

/**
 * An activity with no call or chat part (a NOTE, or a foreign system's activity read as
 * one): the call-log and transcript fields null. The one place that lists them.
 */
export function plainActivity(fields: Pick<ActivityRecord, 'id' | 'customerId' | 'type' | 'at' | 'author' | 'body'>): ActivityRecord {
  const { id, customerId, type, at, author, body } = fields;
  return { id, customerId, type, at, author, body, callId: null, durationSeconds: null, agentId: null, disposition: null, recordingRef: null, messages: null };
}

/** Everything the CRM holds, as the seed generator produces it. */
export interface CrmSeed {
  owners: AccountOwnerRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  activities: ActivityRecord[];
  /** Status changes, consistent with each customer's `status` (absent in seeds made before them: every customer ACTIVE). */
  statusChanges?: CustomerStatusChangeRecord[];
  /** Channel identities, conversations, leads, shipment events (absent in seeds made before them). */
  engagement?: EngagementSeed;
}
