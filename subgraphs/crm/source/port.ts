/**
 * The CRM port: everything the resolvers need from the CRM, batch-first (one call answers
 * many parents), so a request runs a constant number of statements however many entities
 * it touches. Adapters, each in its own folder, chosen by `CRM_SOURCE` (`config.ts`, `open.ts`):
 * `embedded/` (Switchboard's own store, SQLite or PostgreSQL), `sql-mapped/` (a foreign SQL
 * schema described by a mapping file), `hubspot/` (HubSpot CRM v3). Nothing here names SQL:
 * statement counts belong to the embedded adapter's own tests.
 */
import type { StatusOutcome } from './customer-status.js';
import type { ChangeEventOutbox } from '../../shared/change-events/outbox.js';
import type { Page, PageArgs } from '../../shared/pagination.js';
import type {
  AccountOwnerRecord,
  ActivityRecord,
  ActivityType,
  CrmSeed,
  CustomerRecord,
  CustomerStatus,
  CustomerStatusChangeRecord,
  CustomerTier,
  OrderRecord,
  OrderStatus,
  PhoneType,
} from './records.js';

export interface CustomerFilter {
  /** Substring of display name, company name or email (case-insensitive), or a phone number in any common format. */
  search?: string | null;
  tier?: CustomerTier | null;
}

export interface ContactUpdate {
  /** When given, replaces all phone numbers (any common format; normalised to E.164). */
  phones?: { number: string; type: PhoneType }[] | null;
  /** When given, replaces all emails (trimmed, lower-cased, deduplicated). */
  emails?: string[] | null;
}

/** A call to put on a customer's timeline; recorded at most once per (customerId, callId). */
export interface CallLogInput {
  customerId: string;
  callId: string;
  at: string;
  author: string;
  durationSeconds: number;
  agentId: string | null;
  disposition: string;
  recordingRef: string | null;
}

/** `Customer.lifetimeValue` sums orders in this currency only; orders in other currencies are left out. */
export const LIFETIME_VALUE_CURRENCY = 'CNY';
/** Orders that do not count towards the lifetime value. */
export const LIFETIME_VALUE_EXCLUDED_STATUSES: readonly OrderStatus[] = ['CANCELLED', 'RETURNED'];

export const MAX_NOTE_LENGTH = 5000;
export const MAX_CONTACTS = 10;

export interface CrmSource {
  /**
   * The change-event outbox this source writes in the transaction of each change (the
   * embedded store); absent for a connector to a system the company runs, whose changes
   * Switchboard does not write. Read only by the gateway's webhook dispatcher.
   */
  readonly changeEvents?: ChangeEventOutbox;
  /** One entry per id, in order; null for unknown ids. */
  customersByIds(ids: readonly string[]): Promise<(CustomerRecord | null)[]>;
  /** One list per E.164 number: every customer having that number (ordered by id). */
  customersByPhoneNumbers(e164s: readonly string[]): Promise<CustomerRecord[][]>;
  /** Newest first (createdAt DESC, id DESC). */
  searchCustomers(filter: CustomerFilter, page: PageArgs): Promise<Page<CustomerRecord>>;
  ownersByIds(ids: readonly string[]): Promise<(AccountOwnerRecord | null)[]>;
  /**
   * One lifetime value per customer id: the sum of its orders in `LIFETIME_VALUE_CURRENCY`
   * whose status is not in `LIFETIME_VALUE_EXCLUDED_STATUSES`, as a two-decimal string
   * (`0.00` when there are none). One statement for any number of ids.
   */
  lifetimeValuesByCustomerIds(ids: readonly string[]): Promise<string[]>;
  /** One page per customer id, newest first (placedAt DESC, id DESC). */
  ordersByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<OrderRecord>[]>;
  /** One page per customer id, newest first (at DESC, id DESC); `types` null means all types. */
  activitiesByCustomerIds(ids: readonly string[], types: readonly ActivityType[] | null, page: PageArgs): Promise<Page<ActivityRecord>[]>;
  /**
   * One page of status changes per customer id, newest first (at DESC, id DESC). A source that
   * keeps no status (customer-status.ts) rejects with FORBIDDEN, `SOURCE_NOT_SUPPORTED`.
   */
  statusChangesByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<CustomerStatusChangeRecord>[]>;

  /**
   * NOT_FOUND for an unknown customer; BAD_USER_INPUT unless the trimmed body has 1..5000 characters.
   * Writes on a read-only adapter are refused with FORBIDDEN, `extensions.reason: "SOURCE_READ_ONLY"`.
   */
  addNote(customerId: string, body: string, author: string): Promise<ActivityRecord>;
  /** Validates everything first, then replaces phones and/or emails in one transaction. */
  updateContact(customerId: string, update: ContactUpdate): Promise<CustomerRecord>;
  /** Writes a CALL_LOG activity once per (customerId, callId); a repeat returns the existing one. */
  recordCallLog(activity: CallLogInput): Promise<ActivityRecord>;
  /**
   * Sets the customer's status, writing the change (by `author`, with the trimmed `reason`),
   * the status and its change event in one transaction. The status it already has is a no-op:
   * nothing written, `change` null. NOT_FOUND for an unknown customer; BAD_USER_INPUT for a
   * reason over 500 characters; FORBIDDEN (`SOURCE_NOT_SUPPORTED`) where no status is kept.
   */
  setStatus(customerId: string, status: CustomerStatus, reason: string | null, author: string): Promise<StatusOutcome<CustomerRecord>>;

  /** Resolves when the system behind the adapter answers (readiness); rejects with why not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** An adapter that can hold the demo data set (the embedded store): seeded on first start when empty. */
export interface SeedableCrmSource extends CrmSource {
  loadSeed(part: CrmSeed): Promise<void>;
  isEmpty(): Promise<boolean>;
}

/** Cursor kinds: a cursor of one list is refused by another. */
export const CursorKind = { customers: 'customers', orders: 'orders', activities: 'activities', statusChanges: 'statusChanges' } as const;
