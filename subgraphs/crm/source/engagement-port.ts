/**
 * The CRM's engagement port: channel identities, conversations, leads, opportunities and
 * shipment tracking (docs/bots.md). Batch-first like `CrmSource`; `SqlEngagementStore` is the
 * adapter (SQLite and PostgreSQL), over the CRM's own database (`embedded/engagement-store.ts`).
 */
import type { Page, PageArgs } from '../../shared/pagination.js';
import type {
  AttachmentRecord,
  ChannelIdentityKind,
  ChannelIdentityRecord,
  ConversationChannel,
  ConversationMessageRecord,
  ConversationOutcome,
  ConversationRecord,
  ConversationStatus,
  EngagementSeed,
  LeadRecord,
  LeadSourceChannel,
  LeadStatus,
  OpportunityRecord,
  OpportunityStage,
  ParticipantRecord,
  ShipmentEventRecord,
} from './engagement-records.js';
import type { CustomerTier } from './records.js';
import { badUserInput } from '../../../schema/errors.js';
import { EMAIL_PATTERN } from './validation.js';

/** Bounds of what a conversation holds (BAD_USER_INPUT beyond them; nothing written). */
export const CONVERSATION_LIMITS = {
  messageText: 4000,
  attachmentsPerMessage: 10,
  messagesPerCall: 100,
  messagesPerConversation: 500,
  participants: 20,
  summary: 4000,
  intent: 200,
  idempotencyKey: 128,
  identity: 254,
} as const;

/**
 * A channel identity as stored and matched: trimmed, an email lower-cased and checked.
 * BAD_USER_INPUT for an empty or over-long value or an invalid email.
 */
export function normaliseIdentity(kind: ChannelIdentityKind, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > CONVERSATION_LIMITS.identity) {
    throw badUserInput(`A ${kind} identity must have 1 to ${CONVERSATION_LIMITS.identity} characters.`, { argumentName: 'value' });
  }
  if (kind === 'EMAIL') {
    const email = trimmed.toLowerCase();
    if (!EMAIL_PATTERN.test(email)) throw badUserInput(`${JSON.stringify(value)} is not an email address.`, { argumentName: 'value' });
    return email;
  }
  return trimmed;
}

/** The most recent items of each system the interactions timeline merges. */
export const MAX_INTERACTION_STAMPS = 1000;

export const EngagementCursor = {
  conversations: 'Customer.conversations',
  customerLeads: 'Customer.leads',
  leads: 'Query.leads',
  interactions: 'Customer.interactions',
} as const;

export interface MessageInput {
  id: string;
  from: ConversationMessageRecord['from'];
  senderId?: string | null;
  at?: string | null;
  text: string;
  attachments?: Partial<AttachmentRecord & { url: string }>[] | null;
}

export interface ParticipantInput {
  role: ParticipantRecord['role'];
  id: string;
  name?: string | null;
}

export interface StartConversationInput {
  idempotencyKey: string;
  channel: ConversationChannel;
  externalId?: string | null;
  customerId?: string | null;
  participants?: ParticipantInput[] | null;
  messages?: MessageInput[] | null;
}

export interface UpdateConversationInput {
  conversationId: string;
  summary?: string | null;
  intent?: string | null;
  outcome?: ConversationOutcome | null;
  status?: ConversationStatus | null;
  customerId?: string | null;
  participants?: ParticipantInput[] | null;
}

export interface CreateLeadInput {
  idempotencyKey: string;
  name: string;
  sourceChannel: LeadSourceChannel;
  customerId?: string | null;
  conversationId?: string | null;
  interest?: string | null;
  ownerId?: string | null;
}

export interface ConvertLeadInput {
  leadId: string;
  newCustomer?: { displayName: string; emails?: string[] | null; tier?: CustomerTier | null } | null;
  opportunity?: { name: string; amount?: string | null; currency?: string | null; stage?: OpportunityStage | null } | null;
}

export interface LeadConversionRecord {
  lead: LeadRecord;
  customerId: string;
  opportunity: OpportunityRecord | null;
}

export interface EngagementSource {
  /** The ids of the customers having this identity (EMAIL: among their emails), ordered by id. The value must already be normalised. */
  customerIdsByIdentity(kind: ChannelIdentityKind, value: string): Promise<string[]>;
  identitiesByCustomerIds(ids: readonly string[]): Promise<ChannelIdentityRecord[][]>;
  /** NOT_FOUND for an unknown customer; linking twice changes nothing. */
  linkIdentity(customerId: string, kind: ChannelIdentityKind, value: string): Promise<void>;

  conversationsByIds(ids: readonly string[]): Promise<(ConversationRecord | null)[]>;
  /** One transcript per conversation id, oldest first. */
  messagesByConversationIds(ids: readonly string[]): Promise<ConversationMessageRecord[][]>;
  /** One page per customer, newest first (startedAt DESC, id DESC). */
  conversationsByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<ConversationRecord>[]>;
  /** Per customer, the ids and start times of their `MAX_INTERACTION_STAMPS` most recent conversations. */
  conversationStampsByCustomerIds(ids: readonly string[]): Promise<{ id: string; at: string }[][]>;
  /** Idempotent by key (CONFLICT for the same key with other input). */
  startConversation(input: StartConversationInput): Promise<ConversationRecord>;
  /** Skips message ids already present; validates all first. */
  appendMessages(conversationId: string, messages: MessageInput[]): Promise<ConversationRecord>;
  updateConversation(input: UpdateConversationInput): Promise<ConversationRecord>;

  leadsByIds(ids: readonly string[]): Promise<(LeadRecord | null)[]>;
  leadsByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<LeadRecord>[]>;
  searchLeads(filter: { statuses?: readonly LeadStatus[] | null; ownerId?: string | null }, page: PageArgs): Promise<Page<LeadRecord>>;
  /** Idempotent by key (CONFLICT for the same key with other input); `createdBy` is the caller. */
  createLead(input: CreateLeadInput, createdBy: string): Promise<LeadRecord>;
  /** BAD_USER_INPUT for a move the status model does not allow. */
  changeLeadStatus(leadId: string, status: LeadStatus, externalStatus: string | null): Promise<LeadRecord>;
  convertLead(input: ConvertLeadInput): Promise<LeadConversionRecord>;
  opportunitiesByIds(ids: readonly string[]): Promise<(OpportunityRecord | null)[]>;
  opportunitiesByCustomerIds(ids: readonly string[]): Promise<OpportunityRecord[][]>;

  /** The newest tracking event of each order, or null. */
  lastShipmentEventsByOrderIds(ids: readonly string[]): Promise<(ShipmentEventRecord | null)[]>;
  /** The customers a conversion created are read through `CrmSource`; this only writes them. */
  loadEngagementSeed(seed: EngagementSeed): Promise<void>;
}

