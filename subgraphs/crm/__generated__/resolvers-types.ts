import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRecord as CustomerRecordModel, AccountOwnerRecord as AccountOwnerRecordModel, OrderRecord as OrderRecordModel, ActivityRecord as ActivityRecordModel } from '../source/records.js';
import type { ShipmentModel as ShipmentModelModel, ShipmentEventRecord as ShipmentEventRecordModel, ChannelIdentityRecord as ChannelIdentityRecordModel, ConversationRecord as ConversationRecordModel, ConversationMessageRecord as ConversationMessageRecordModel, LeadRecord as LeadRecordModel, OpportunityRecord as OpportunityRecordModel, InteractionRecord as InteractionRecordModel } from '../source/engagement-records.js';
import type { LeadConversionRecord as LeadConversionRecordModel } from '../source/engagement-port.js';
import type { CrmContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant in UTC, for example `2026-11-21T09:30:00.000Z`. */
  DateTime: { input: string; output: string; }
  /** A decimal amount as a string with two fraction digits, for example `1299.00`; never a float. */
  Decimal: { input: string; output: string; }
  link__Import: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A CRM user who owns the customer relationship. */
export type AccountOwner = {
  __typename?: 'AccountOwner';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  team: Scalars['String']['output'];
};

export type Activity = {
  at: Scalars['DateTime']['output'];
  /** Who wrote it: an agent or CRM user id, or a service account. */
  author: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  type: ActivityType;
};

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  nodes: Array<Activity>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ActivityType =
  | 'CALL_LOG'
  | 'CHAT_TRANSCRIPT'
  | 'NOTE';

export type AddCustomerNoteInput = {
  body: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
};

export type AppendConversationMessagesInput = {
  conversationId: Scalars['ID']['input'];
  messages: Array<ConversationMessageInput>;
};

export type AttachmentInput = {
  contentType?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  sizeBytes?: InputMaybe<Scalars['Int']['input']>;
  url: Scalars['String']['input'];
};

/** A file sent in a conversation, by reference: the product stores no content. */
export type AttachmentRef = {
  __typename?: 'AttachmentRef';
  contentType: Maybe<Scalars['String']['output']>;
  name: Maybe<Scalars['String']['output']>;
  sizeBytes: Maybe<Scalars['Int']['output']>;
  /** Where the channel keeps it (`https://…`, `wechat-media:…`). */
  url: Scalars['String']['output'];
};

export type Call = {
  __typename?: 'Call';
  id: Scalars['ID']['output'];
};

/** A call logged on the timeline; `callId` is the call center's id for it. */
export type CallLogActivity = Activity & {
  __typename?: 'CallLogActivity';
  agentId: Maybe<Scalars['ID']['output']>;
  at: Scalars['DateTime']['output'];
  author: Scalars['String']['output'];
  callId: Scalars['ID']['output'];
  disposition: Scalars['String']['output'];
  durationSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  recordingRef: Maybe<Scalars['String']['output']>;
  type: ActivityType;
};

/**
 * The result of matching a phone number against the CRM. Keyed by the E.164 number, so
 * other subgraphs (the call center's `Call.caller`) can point at it.
 */
export type CallerIdentification = {
  __typename?: 'CallerIdentification';
  candidates: Array<Customer>;
  /** The number in E.164. */
  phone: Scalars['String']['output'];
  status: IdentificationStatus;
};

export type ChangeLeadStatusInput = {
  /** The company's own label, mapped by `SWITCHBOARD_LEAD_STATUS_MAP`. */
  externalStatus?: InputMaybe<Scalars['String']['input']>;
  leadId: Scalars['ID']['input'];
  /** The product status; or give `externalStatus` instead. */
  status?: InputMaybe<LeadStatus>;
};

/** A channel identity of a customer. */
export type ChannelIdentity = {
  __typename?: 'ChannelIdentity';
  kind: ChannelIdentityKind;
  value: Scalars['String']['output'];
};

/** How a customer is known on a non-phone channel. */
export type ChannelIdentityKind =
  /** The user id of the company's own app. */
  | 'APP_USER_ID'
  /** An email address (matched case-insensitively against the customer's emails). */
  | 'EMAIL'
  /** A WeChat openid (one per official account or mini program the customer used). */
  | 'WECHAT_OPENID'
  /** A WeChat unionid (the same across the company's WeChat apps). */
  | 'WECHAT_UNIONID';

export type ChatMessage = {
  __typename?: 'ChatMessage';
  at: Scalars['DateTime']['output'];
  from: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type ChatTranscriptActivity = Activity & {
  __typename?: 'ChatTranscriptActivity';
  at: Scalars['DateTime']['output'];
  author: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  messages: Array<ChatMessage>;
  type: ActivityType;
};

/**
 * How a customer churned (docs/reporting.md, "Journey before churn"). The same enum is declared
 * in the gateway's SDL (schema/audit.graphql); the two must stay identical.
 */
export type ChurnRule =
  /** Their last order in the range was followed by none within `quietDays` days. */
  | 'STOPPED_ORDERING'
  /** Their status changed to INACTIVE in the range and was still INACTIVE at its end. */
  | 'TURNED_INACTIVE';

export type ChurnedCustomer = {
  __typename?: 'ChurnedCustomer';
  churnedAt: Scalars['DateTime']['output'];
  /** Conversations with the customer started in `[windowStart, churnedAt)`. */
  conversations: Scalars['Int']['output'];
  customerId: Scalars['ID']['output'];
  /** Their last order (not CANCELLED) placed before `churnedAt`; `null` when they never ordered before it. */
  lastOrderAt: Maybe<Scalars['DateTime']['output']>;
  /** The rule `churnedAt` comes from (a customer matching both: the earlier `churnedAt`, TURNED_INACTIVE on a tie). */
  rule: ChurnRule;
  tier: Scalars['String']['output'];
  windowStart: Scalars['DateTime']['output'];
};

export type ChurnedCustomers = {
  __typename?: 'ChurnedCustomers';
  customers: Array<ChurnedCustomer>;
  /** Every customer who churned in the range (not only the `first` listed). */
  total: Scalars['Int']['output'];
};

export type Company = {
  __typename?: 'Company';
  industry: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

/** A customer's decision for one purpose, as last recorded. */
export type Consent = {
  __typename?: 'Consent';
  purpose: ConsentPurpose;
  recordedAt: Scalars['DateTime']['output'];
  /** Who recorded it: the caller's subject. */
  recordedBy: Scalars['String']['output'];
  /** Where the decision was given, for example `phone call C-1042`, `web form`, `signed contract`. */
  source: Scalars['String']['output'];
  status: ConsentStatus;
};

/** What a customer's personal data may be used for. */
export type ConsentPurpose =
  /** Offers and campaigns. */
  | 'MARKETING'
  /** Recording their calls. */
  | 'RECORDING'
  /** Contacting the customer about their own requests (callbacks, ticket updates). */
  | 'SERVICE_CONTACT';

export type ConsentStatus =
  | 'GRANTED'
  | 'WITHDRAWN';

/**
 * A conversation on a non-voice channel. Readable with `conversations:read`, and as a
 * mutation's result with `conversations:write`.
 */
export type Conversation = {
  __typename?: 'Conversation';
  channel: ConversationChannel;
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** The customer, when identified; `null` for an anonymous visitor. */
  customer: Maybe<Customer>;
  /** The channel's own id of the thread (WeChat session, email thread id), if it has one. */
  externalId: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** What the customer wanted, in the company's own words (`order_status`, `purchase_intent`, `complaint`). */
  intent: Maybe<Scalars['String']['output']>;
  /** The transcript, oldest first (at most 500 messages). */
  messages: Array<ConversationMessage>;
  outcome: Maybe<ConversationOutcome>;
  participants: Array<ConversationParticipant>;
  startedAt: Scalars['DateTime']['output'];
  status: ConversationStatus;
  /** A summary written by the bot or agent (at most 4,000 characters). */
  summary: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

/** The non-voice channels a conversation runs on (voice is the call center's). */
export type ConversationChannel =
  | 'APP'
  | 'EMAIL'
  | 'SMS'
  | 'WEB_CHAT'
  | 'WECHAT';

export type ConversationConnection = {
  __typename?: 'ConversationConnection';
  nodes: Array<Conversation>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One message; the text is at most 4,000 characters, with at most 10 attachment references. */
export type ConversationMessage = {
  __typename?: 'ConversationMessage';
  at: Scalars['DateTime']['output'];
  attachments: Array<AttachmentRef>;
  from: ParticipantRole;
  /** The sender's own message id (unique in the conversation: sending it again is not a second message). */
  id: Scalars['ID']['output'];
  /** The participant id of the sender. */
  senderId: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
};

export type ConversationMessageInput = {
  /** When it was sent; now when omitted. */
  at?: InputMaybe<Scalars['DateTime']['input']>;
  attachments?: InputMaybe<Array<AttachmentInput>>;
  from: ParticipantRole;
  /** The sender's message id: the key that makes appending idempotent (1-128 characters). */
  id: Scalars['ID']['input'];
  senderId?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
};

/** How a conversation ended, as the bot or agent says. */
export type ConversationOutcome =
  | 'ABANDONED'
  | 'HANDED_OFF'
  | 'LEAD_CREATED'
  | 'RESOLVED'
  | 'TICKET_CREATED';

/** Who took part in a conversation: a bot (its service account), an agent (agent id) or the customer (their channel id). */
export type ConversationParticipant = {
  __typename?: 'ConversationParticipant';
  /** The bot's name, the agent id, or the customer's channel identity. */
  id: Scalars['String']['output'];
  name: Maybe<Scalars['String']['output']>;
  role: ParticipantRole;
};

export type ConversationReasonCount = {
  __typename?: 'ConversationReasonCount';
  count: Scalars['Int']['output'];
  reason: Maybe<Scalars['String']['output']>;
  tier: Maybe<Scalars['String']['output']>;
};

export type ConversationStatus =
  /** Over; no more messages are accepted. */
  | 'CLOSED'
  /** The bot asked for a human (see `requestHandoff`); still going on. */
  | 'HANDED_OFF'
  /** Going on. */
  | 'OPEN';

export type ConvertLeadInput = {
  leadId: Scalars['ID']['input'];
  /** Needed when the lead has no customer yet. */
  newCustomer?: InputMaybe<NewCustomerInput>;
  opportunity?: InputMaybe<NewOpportunityInput>;
};

/** One record on which a synced copy and its source disagree. */
export type CopyDifference = {
  __typename?: 'CopyDifference';
  /** When the source had last changed the record as the copy holds it (null: not in the copy). */
  copyChangedAt: Maybe<Scalars['DateTime']['output']>;
  /** For FIELDS_DIFFER, the compared fields that differ (`status`, `phones`); empty otherwise. */
  fields: Array<Scalars['String']['output']>;
  /** True: the source changed it after the last complete pass began (lag); false: a pass should have copied it; null: unknown (NOT_IN_SOURCE). */
  pending: Maybe<Scalars['Boolean']['output']>;
  reason: CopyDifferenceReason;
  /** The record's id as Switchboard names it (`tkt_rt42`; a HubSpot contact id). */
  recordId: Scalars['ID']['output'];
  /** When the source last changed the record (null: not in the source). */
  sourceChangedAt: Maybe<Scalars['DateTime']['output']>;
};

/** Why a record of a synced copy does not agree with its source. */
export type CopyDifferenceReason =
  /** Both have it and at least one field the source owns differs. */
  | 'FIELDS_DIFFER'
  /** The source has the record; the copy has not. */
  | 'MISSING_IN_COPY'
  /** The copy has the record; the source has not (deleted there, or moved out of what is synced). */
  | 'NOT_IN_SOURCE';

/**
 * A synced copy compared with the system it copies, over the records created in a range
 * (docs/reporting.md, "Synced copies"). Identical in every subgraph that declares it.
 */
export type CopyReconciliation = {
  __typename?: 'CopyReconciliation';
  /** Records on both sides whose compared fields (those the source owns) are all equal. */
  agreeing: Scalars['Int']['output'];
  /** agreeing / the distinct records on either side (1 when there are none). The integration bar is 0.995. */
  agreementRate: Scalars['Float']['output'];
  /** Records created in the range, as the copy holds them. */
  copyRecords: Scalars['Int']['output'];
  /** Every record that does not agree, by record id. */
  differences: Array<CopyDifference>;
  from: Scalars['DateTime']['output'];
  /** Of the differences, those the source made after the last complete pass began: lag the next pass is expected to close. */
  pendingDifferences: Scalars['Int']['output'];
  /** Records created in the range, as the source holds them. */
  sourceRecords: Scalars['Int']['output'];
  /** The sync's name (`rt-tickets`, `hubspot-contacts`). */
  sync: Scalars['String']['output'];
  /** Every change the source made before this instant is in the copy (the last complete pass's start); null before the first. */
  syncedThrough: Maybe<Scalars['DateTime']['output']>;
  /** The system copied from (`rt`, `hubspot`). */
  system: Scalars['String']['output'];
  to: Scalars['DateTime']['output'];
};

export type CreateLeadInput = {
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** A client-chosen key (1-128 characters). */
  idempotencyKey: Scalars['String']['input'];
  interest?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  sourceChannel: LeadSourceChannel;
};

/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `status`, `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type Customer = {
  __typename?: 'Customer';
  /** The activity timeline, newest first; `null` for a MINIMAL customer. */
  activities: Maybe<ActivityConnection>;
  callStamps: Maybe<Array<InteractionStamp>>;
  /** The customer's channel identities (WeChat openid/unionid, app user id); `null` for a MINIMAL customer. */
  channelIdentities: Maybe<Array<ChannelIdentity>>;
  company: Maybe<Company>;
  /** The latest decision per purpose; a purpose without an entry has no decision on record. `null` for a MINIMAL customer. */
  consents: Maybe<Array<Consent>>;
  /** The customer's conversations, newest first; `null` for a MINIMAL customer. */
  conversations: Maybe<ConversationConnection>;
  /** `null` only for a MINIMAL customer. */
  createdAt: Maybe<Scalars['DateTime']['output']>;
  /** Also readable with `reports:read` and `customers:identify`. */
  displayName: Scalars['String']['output'];
  /** Email addresses; masked (`z***@example.com`) without `pii:read`; `null` for a MINIMAL customer. */
  emails: Maybe<Array<Scalars['String']['output']>>;
  /** When the customer's personal data was erased (`eraseCustomer`); `null` otherwise. */
  erasedAt: Maybe<Scalars['DateTime']['output']>;
  /** Also readable with `reports:read` (reports name the customers they count) and `customers:identify` (a bot that identified the customer). */
  id: Scalars['ID']['output'];
  /**
   * Calls, tickets and conversations in one list, newest first (ties: conversation, ticket,
   * call, then id), with cursor pagination; `first` is at most 100. Covers each system's
   * 1,000 most recent items for the customer. `null` for a MINIMAL customer.
   */
  interactions: Maybe<InteractionConnection>;
  /** Time of the most recent activity on the CRM timeline (note, call log or chat). */
  lastContactAt: Maybe<Scalars['DateTime']['output']>;
  /** The customer's leads, newest first; `null` for a MINIMAL customer. */
  leads: Maybe<LeadConnection>;
  /**
   * Sum of the totals of the customer's orders in CNY that were not cancelled or returned
   * (`0.00` when there are none). Orders in other currencies (USD) are not included.
   */
  lifetimeValue: Maybe<Scalars['Decimal']['output']>;
  /** National ID number (PRC resident ID); masked (`110***********1234`) without `pii:read`. Stored encrypted (AES-256-GCM). */
  nationalId: Maybe<Scalars['String']['output']>;
  /** The customer's opportunities, newest first; `null` for a MINIMAL customer. */
  opportunities: Maybe<Array<Opportunity>>;
  /** Orders, newest first; `null` for a MINIMAL customer. Also readable with `customers:identify` and `orders:read` together (a bot answering "where is my order"). */
  orders: Maybe<OrderConnection>;
  owner: Maybe<AccountOwner>;
  phones: Maybe<Array<PhoneNumber>>;
  /** What the current caller may see of this customer (the record-level rule); always resolves. */
  recordAccess: Maybe<RecordAccess>;
  /** The status now (`statusHistory`: how it got there). Readable like `tier`, also for a MINIMAL customer. */
  status: CustomerStatus;
  /**
   * The changes of `status`, newest first; `null` for a MINIMAL customer. Over a connected CRM
   * (HubSpot, mapped SQL) `null` with `FORBIDDEN` (`SOURCE_NOT_SUPPORTED`).
   */
  statusHistory: Maybe<CustomerStatusChangeConnection>;
  /** Tags; `null` for a MINIMAL customer. */
  tags: Maybe<Array<Scalars['String']['output']>>;
  ticketStamps: Maybe<Array<InteractionStamp>>;
  /** Also readable with `reports:read` and `customers:identify`. */
  tier: CustomerTier;
  /** `null` only for a MINIMAL customer. */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};


/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `status`, `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type CustomerActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<ActivityType>>;
};


/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `status`, `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type CustomerConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `status`, `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type CustomerInteractionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `status`, `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type CustomerLeadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `status`, `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `status`, `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type CustomerStatusHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  nodes: Array<Customer>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/**
 * The result of matching a channel identity against the CRM: the same contract as
 * `CallerIdentification`. Several matches are `MULTIPLE`, never one silently picked.
 */
export type CustomerIdentification = {
  __typename?: 'CustomerIdentification';
  candidates: Array<Customer>;
  kind: ChannelIdentityKind;
  status: IdentificationStatus;
  /** The identity as matched (an email trimmed and lower-cased, other values trimmed). */
  value: Scalars['String']['output'];
};

/**
 * Whether the customer relationship is live. Every new customer is ACTIVE; `setCustomerStatus`
 * changes it. A connected CRM (HubSpot, mapped SQL) keeps no status: its customers are ACTIVE.
 */
export type CustomerStatus =
  | 'ACTIVE'
  /** The relationship ended (closed account, stopped buying); the churn report counts the change (`churnedCustomers`). */
  | 'INACTIVE';

/** One change of a customer's status (never from a status to itself). */
export type CustomerStatusChange = {
  __typename?: 'CustomerStatusChange';
  at: Scalars['DateTime']['output'];
  /** Who changed it: the caller's subject (a user id, `service:<name>`). */
  changedBy: Scalars['String']['output'];
  from: CustomerStatus;
  id: Scalars['ID']['output'];
  /** Why, as the caller wrote it (at most 500 characters); `null` when none was given. */
  reason: Maybe<Scalars['String']['output']>;
  to: CustomerStatus;
};

export type CustomerStatusChangeConnection = {
  __typename?: 'CustomerStatusChangeConnection';
  nodes: Array<CustomerStatusChange>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CustomerTier =
  | 'GOLD'
  | 'PLATINUM'
  | 'SILVER'
  | 'STANDARD';

/** What one system's erasure step did: counts only, never values. */
export type ErasureStepOutcome = {
  __typename?: 'ErasureStepOutcome';
  erased: Scalars['Int']['output'];
  recordingsFlagged: Scalars['Int']['output'];
  source: Scalars['String']['output'];
};

export type IdentificationStatus =
  /** Several customer records share this number; the agent must choose. */
  | 'MULTIPLE'
  /** No customer has this number. */
  | 'NONE'
  /** Exactly one customer has this number. */
  | 'SINGLE';

/**
 * One entry of a customer's timeline: a call (when it started), a ticket (when it was
 * created) or a conversation (when it started). Exactly one of `call`, `ticket`,
 * `conversation` is set; each needs its own scope (`calls:read`, `tickets:read`,
 * `conversations:read`) and is left out of the list without it.
 */
export type Interaction = {
  __typename?: 'Interaction';
  at: Scalars['DateTime']['output'];
  call: Maybe<Call>;
  conversation: Maybe<Conversation>;
  kind: InteractionKind;
  ticket: Maybe<Ticket>;
};

export type InteractionConnection = {
  __typename?: 'InteractionConnection';
  nodes: Array<Interaction>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** What an interaction is. */
export type InteractionKind =
  | 'CALL'
  | 'CONVERSATION'
  | 'TICKET';

/** The key and time of one call or ticket, given to the CRM to merge the timeline. */
export type InteractionStamp = {
  __typename?: 'InteractionStamp';
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
};

/** A prospective sale. Readable with `leads:read`, and as a mutation's result with `leads:write`. */
export type Lead = {
  __typename?: 'Lead';
  /** The conversation the lead came from. */
  conversation: Maybe<Conversation>;
  convertedAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Who created it: a user's subject or `service:<name>`. */
  createdBy: Scalars['String']['output'];
  /** The CRM customer, when known (identified, or after conversion). */
  customer: Maybe<Customer>;
  /** The company's own label of the status (`意向`, `B`), when it was set through the status map. */
  externalStatus: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** What the lead is interested in (`annual plan, 20 seats`). */
  interest: Maybe<Scalars['String']['output']>;
  /** Who the lead is (a name as the customer gave it). */
  name: Scalars['String']['output'];
  /** The opportunity it was converted into. */
  opportunity: Maybe<Opportunity>;
  owner: Maybe<AccountOwner>;
  sourceChannel: LeadSourceChannel;
  status: LeadStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type LeadConnection = {
  __typename?: 'LeadConnection';
  nodes: Array<Lead>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** The result of `convertLead`. */
export type LeadConversion = {
  __typename?: 'LeadConversion';
  customer: Customer;
  lead: Lead;
  /** `null` when no opportunity was asked for. */
  opportunity: Maybe<Opportunity>;
};

/** Where a lead came from: a conversation channel, a phone call, a web form, or elsewhere. */
export type LeadSourceChannel =
  | 'APP'
  | 'EMAIL'
  | 'OTHER'
  | 'PHONE'
  | 'SMS'
  | 'WEB_CHAT'
  | 'WEB_FORM'
  | 'WECHAT';

/**
 * The product's lead statuses. A company's own stages map onto these
 * (`SWITCHBOARD_LEAD_STATUS_MAP`, docs/bots.md): 潜在 → NEW, 意向 → QUALIFIED, 成交 → CONVERTED,
 * 流失 → LOST; the company's label is kept as `Lead.externalStatus`.
 * Allowed moves: NEW → CONTACTED, QUALIFIED, LOST; CONTACTED → QUALIFIED, LOST;
 * QUALIFIED → CONTACTED, LOST (CONVERTED only through `convertLead`); LOST → NEW.
 * CONVERTED is final.
 */
export type LeadStatus =
  | 'CONTACTED'
  | 'CONVERTED'
  | 'LOST'
  | 'NEW'
  | 'QUALIFIED';

export type LinkChannelIdentityInput = {
  customerId: Scalars['ID']['input'];
  kind: ChannelIdentityKind;
  value: Scalars['String']['input'];
};

export type LogCallInput = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  /** When the call ended. */
  at: Scalars['DateTime']['input'];
  /** The call center's call id; the key that makes this idempotent. */
  callId: Scalars['ID']['input'];
  customerId: Scalars['ID']['input'];
  /** How the call ended: ANSWERED, ABANDONED, MISSED, TRANSFERRED, VOICEMAIL, EXPIRED. */
  disposition: Scalars['String']['input'];
  /** Talk and hold time in seconds (0 for a call nobody answered). */
  durationSeconds: Scalars['Int']['input'];
  recordingRef?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a note to the customer's activity timeline. */
  addCustomerNote: Maybe<NoteActivity>;
  /**
   * Appends messages. A message id already in the conversation is skipped (a retried request
   * never adds a message twice). At most 100 messages per call and 500 per conversation;
   * `BAD_USER_INPUT` (nothing written) for a text over 4,000 characters, more than 10
   * attachments, or a closed conversation.
   */
  appendConversationMessages: Maybe<Conversation>;
  /**
   * Moves a lead to `status`, or to the product status the company's label `externalStatus`
   * maps to (`SWITCHBOARD_LEAD_STATUS_MAP`). A move the status model does not allow, or an
   * unknown label, is `BAD_USER_INPUT` and changes nothing.
   */
  changeLeadStatus: Maybe<Lead>;
  /**
   * Converts a lead: to its customer (or a new customer made from `newCustomer`) and, when
   * `opportunity` is given, a new opportunity. The lead becomes CONVERTED. Converting a lead
   * already converted returns its conversion unchanged.
   */
  convertLead: Maybe<LeadConversion>;
  /**
   * Creates a lead, or returns the one already created with this `idempotencyKey` (the same
   * key with different input is `CONFLICT`): a retried request never creates two.
   */
  createLead: Maybe<Lead>;
  /** The CRM's erasure step (run by the gateway's `eraseCustomer` saga); idempotent. */
  crmEraseCustomer: Maybe<ErasureStepOutcome>;
  /**
   * Ties a channel identity to a customer (a customer who logged in to the app, followed the
   * WeChat account). Linking one already linked to this customer changes nothing; an identity
   * may belong to several customers (then `identifyCustomer` says `MULTIPLE`).
   */
  linkChannelIdentity: Maybe<Customer>;
  /**
   * Puts a call on the customer's timeline as a `CALL_LOG` activity, at most once per
   * (customer, call): the same `callId` again returns the activity already written (its
   * first values are kept). Moves `lastContactAt` forward, never back. The author is the caller.
   */
  logCall: Maybe<CallLogActivity>;
  /** Records a customer's consent decision for one purpose, replacing the previous one; an erased customer is `BAD_USER_INPUT`. */
  recordConsent: Maybe<Consent>;
  /**
   * Sets the customer's status, recording the change (when, from, to, by the caller, with the
   * optional `reason`) in `statusHistory` and announcing it (`customer.status_changed`), all in
   * one transaction. The status the customer already has changes nothing: no history entry, no
   * event. `NOT_FOUND` for an unknown customer; `BAD_USER_INPUT` for a `reason` over 500
   * characters; over a connected CRM (HubSpot, mapped SQL) `FORBIDDEN` (`SOURCE_NOT_SUPPORTED`).
   */
  setCustomerStatus: Maybe<Customer>;
  /**
   * Starts a conversation, or returns the one already started with this `idempotencyKey`
   * (the same key with different input is `CONFLICT`).
   */
  startConversation: Maybe<Conversation>;
  /** Sets the summary, intent, outcome and/or status (CLOSED is final) and adds participants. */
  updateConversation: Maybe<Conversation>;
  /**
   * Replaces the customer's phone numbers and/or emails. Every number is read by the rules of
   * `identifyCaller` (main number to E.164, extension kept apart), every email validated; on
   * any invalid value nothing is written.
   */
  updateCustomerContact: Maybe<Customer>;
};


export type MutationAddCustomerNoteArgs = {
  input: AddCustomerNoteInput;
};


export type MutationAppendConversationMessagesArgs = {
  input: AppendConversationMessagesInput;
};


export type MutationChangeLeadStatusArgs = {
  input: ChangeLeadStatusInput;
};


export type MutationConvertLeadArgs = {
  input: ConvertLeadInput;
};


export type MutationCreateLeadArgs = {
  input: CreateLeadInput;
};


export type MutationCrmEraseCustomerArgs = {
  customerId: Scalars['ID']['input'];
  erasureId: Scalars['ID']['input'];
};


export type MutationLinkChannelIdentityArgs = {
  input: LinkChannelIdentityInput;
};


export type MutationLogCallArgs = {
  input: LogCallInput;
};


export type MutationRecordConsentArgs = {
  input: RecordConsentInput;
};


export type MutationSetCustomerStatusArgs = {
  input: SetCustomerStatusInput;
};


export type MutationStartConversationArgs = {
  input: StartConversationInput;
};


export type MutationUpdateConversationArgs = {
  input: UpdateConversationInput;
};


export type MutationUpdateCustomerContactArgs = {
  input: UpdateCustomerContactInput;
};

export type NewCustomerInput = {
  displayName: Scalars['String']['input'];
  emails?: InputMaybe<Array<Scalars['String']['input']>>;
  tier?: InputMaybe<CustomerTier>;
};

export type NewOpportunityInput = {
  amount?: InputMaybe<Scalars['Decimal']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  stage?: InputMaybe<OpportunityStage>;
};

export type NoteActivity = Activity & {
  __typename?: 'NoteActivity';
  at: Scalars['DateTime']['output'];
  author: Scalars['String']['output'];
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  type: ActivityType;
};

/** A sale in progress for a customer. Readable with `leads:read`. */
export type Opportunity = {
  __typename?: 'Opportunity';
  /** The expected amount; `null` without `finance:read`. */
  amount: Maybe<Scalars['Decimal']['output']>;
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  customer: Maybe<Customer>;
  /** The company's own label of the stage, when one was given. */
  externalStage: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The lead it came from. */
  lead: Maybe<Lead>;
  name: Scalars['String']['output'];
  owner: Maybe<AccountOwner>;
  stage: OpportunityStage;
};

/** Opportunity stages; set when the opportunity is made (`convertLead`). */
export type OpportunityStage =
  | 'LOST'
  | 'NEGOTIATION'
  | 'PROPOSAL'
  | 'PROSPECTING'
  | 'QUALIFICATION'
  | 'WON';

/** Readable with `customers:read` or `orders:read`. */
export type Order = {
  __typename?: 'Order';
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  number: Scalars['String']['output'];
  placedAt: Scalars['DateTime']['output'];
  shipment: Maybe<Shipment>;
  status: OrderStatus;
  /** The order amount; `null` without `finance:read`. */
  total: Maybe<Scalars['Decimal']['output']>;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  nodes: Array<Order>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OrderStatus =
  | 'CANCELLED'
  | 'DELIVERED'
  | 'PAID'
  | 'PENDING'
  | 'RETURNED'
  | 'SHIPPED';

/** Relay-style page information; cursors are opaque. Readable by any signed-in caller who reaches a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type ParticipantInput = {
  id: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  role: ParticipantRole;
};

export type ParticipantRole =
  | 'AGENT'
  | 'BOT'
  | 'CUSTOMER';

/** One system's part of a data-subject export: every record it holds about the person. */
export type PersonalDataPart = {
  __typename?: 'PersonalDataPart';
  records: Array<PersonalDataRecord>;
  source: Scalars['String']['output'];
};

/** One record: its kind (`crm.customer`, `callcenter.call`, …), its id in its system, its content as JSON text. */
export type PersonalDataRecord = {
  __typename?: 'PersonalDataRecord';
  data: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
};

/**
 * A phone number of a customer. `e164` is the normalised main number every other system uses
 * (calls are matched on it); `raw` is the number as it was typed into the CRM.
 */
export type PhoneNumber = {
  __typename?: 'PhoneNumber';
  e164: Scalars['String']['output'];
  /** The extension typed with the number (`8001` for `010-65529988转8001`), digits only; `null` without one. */
  extension: Maybe<Scalars['String']['output']>;
  raw: Scalars['String']['output'];
  type: PhoneType;
};

export type PhoneNumberInput = {
  /** Any spelling `identifyCaller` accepts, with an optional extension; read in the configured default region. */
  number: Scalars['String']['input'];
  type: PhoneType;
};

export type PhoneType =
  | 'HOME'
  | 'LANDLINE'
  | 'MOBILE'
  | 'OTHER'
  | 'WORK';

export type Query = {
  __typename?: 'Query';
  /**
   * Customers who churned in `range` by any of `rules` (docs/reporting.md, "Journey before
   * churn"). STOPPED_ORDERING: their last order placed in the range is followed by no order
   * within `quietDays` days, and those days are over; `churnedAt` = last order + `quietDays`, the
   * window `[last order − lookbackDays, churnedAt)`. TURNED_INACTIVE: their status was INACTIVE
   * at the end of the range and the change that made it so happened in the range; `churnedAt` =
   * that change, the window `[churnedAt − lookbackDays, churnedAt)`. A customer matching both is
   * listed once, by the rule with the earlier `churnedAt` (TURNED_INACTIVE on a tie). With the
   * customer's conversations started in the window. Oldest churn first (then customer id), at
   * most `first`. Bounds (`BAD_USER_INPUT`): range at most 366 days, `quietDays` and
   * `lookbackDays` 1..365, `first` 0..1000, `rules` not empty.
   */
  churnedCustomers: Maybe<ChurnedCustomers>;
  /** One conversation by id. Unknown ids give `null` and a `NOT_FOUND` error. */
  conversation: Maybe<Conversation>;
  /**
   * Conversations started in `range`, per the customer's tier now (the CRM keeps no tier
   * history; conversations without a customer: `tier` null) and intent (`reason` null: none).
   * Part of the gateway's `contactReasonsByTier`.
   */
  conversationReasonsByTier: Maybe<Array<ConversationReasonCount>>;
  /**
   * The reconciliation of each synced copy this CRM subgraph keeps (over HubSpot with a local
   * copy: the contacts) with the system it copies, over the records created in [from, to).
   * Empty when nothing is synced (the embedded store is the CRM itself).
   * BAD_USER_INPUT for a bad range or more than 10,000 records on a side; the connected
   * system's failure as its error.
   */
  crmCopyReconciliation: Maybe<Array<CopyReconciliation>>;
  /** The CRM's part of a data subject's export (the gateway's `exportCustomerData` collects it). */
  crmPersonalData: Maybe<PersonalDataPart>;
  /** One customer by id. Unknown ids give `null` and a `NOT_FOUND` error. */
  customer: Maybe<Customer>;
  /**
   * Customers, newest first, optionally filtered. `search` matches display name, company and
   * email as text, and, when it reads as a phone number (the rules of `identifyCaller`), the
   * customers having that main number. `first` is at most 100.
   */
  customers: Maybe<CustomerConnection>;
  /**
   * Who is calling: the number, in any common spelling (`138 0013 8000`, `+86-138-0013-8000`,
   * `(010) 6552 9988`, `8613800138000`, full-width `１３８００１３８０００`, `tel:`/`sip:` URIs,
   * a SIP `"Name" <sip:…>` header), is normalised to E.164 and matched against the main number
   * of every customer (an extension such as `转8001` or `ext. 8001` is read and left out).
   * Several matches are returned as `MULTIPLE`, never one silently picked. A text that is not a
   * valid number, or a withheld caller ID (`anonymous`, `+266696687`), is a `BAD_USER_INPUT`
   * error with `extensions.reason` (README, "Phone numbers").
   */
  identifyCaller: Maybe<CallerIdentification>;
  /**
   * Who is writing: a channel identity (email, WeChat openid/unionid, app user id) matched
   * against the CRM. `NONE`, `SINGLE` or `MULTIPLE`, never one silently picked. An empty or
   * over-long value (more than 254 characters), or an email that is not one, is `BAD_USER_INPUT`.
   */
  identifyCustomer: Maybe<CustomerIdentification>;
  /** One lead by id. Unknown ids give `null` and a `NOT_FOUND` error. */
  lead: Maybe<Lead>;
  /** Leads, newest first, optionally by status and owner. `first` is at most 100. */
  leads: Maybe<LeadConnection>;
  /** The CALL_LOG activities of the given call ids, on any customer's timeline. At most 10,000 ids. */
  reconciliationCallLogs: Maybe<Array<ReconciliationCallLog>>;
};


export type QueryChurnedCustomersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  lookbackDays?: InputMaybe<Scalars['Int']['input']>;
  quietDays?: InputMaybe<Scalars['Int']['input']>;
  range: TimeRangeInput;
  rules?: InputMaybe<Array<ChurnRule>>;
};


export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConversationReasonsByTierArgs = {
  range: TimeRangeInput;
};


export type QueryCrmCopyReconciliationArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryCrmPersonalDataArgs = {
  customerId: Scalars['ID']['input'];
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  tier?: InputMaybe<CustomerTier>;
};


export type QueryIdentifyCallerArgs = {
  phone: Scalars['String']['input'];
};


export type QueryIdentifyCustomerArgs = {
  kind: ChannelIdentityKind;
  value: Scalars['String']['input'];
};


export type QueryLeadArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLeadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<LeadStatus>>;
};


export type QueryReconciliationCallLogsArgs = {
  callIds: Array<Scalars['ID']['input']>;
};

/** One CALL_LOG activity by call id. */
export type ReconciliationCallLog = {
  __typename?: 'ReconciliationCallLog';
  activityId: Scalars['ID']['output'];
  callId: Scalars['ID']['output'];
  customerId: Scalars['ID']['output'];
};

/** How much of a customer the current caller may see. */
export type RecordAccess =
  /** Every field (the caller's scopes still apply). */
  | 'FULL'
  /** Only the fields needed to serve a caller: id, displayName, tier, status, phones, lastContactAt. */
  | 'MINIMAL';

export type RecordConsentInput = {
  customerId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
  /** Where the decision was given (1..200 characters); no personal data. */
  source: Scalars['String']['input'];
  status: ConsentStatus;
};

export type SetCustomerStatusInput = {
  customerId: Scalars['ID']['input'];
  /** Why (trimmed, at most 500 characters; blank means none). No personal data beyond what the CRM needs. */
  reason?: InputMaybe<Scalars['String']['input']>;
  status: CustomerStatus;
};

/** Readable with `customers:read` or `orders:read`. */
export type Shipment = {
  __typename?: 'Shipment';
  carrier: Scalars['String']['output'];
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  /** The carrier's most recent tracking event; `null` when none was received. */
  lastEvent: Maybe<ShipmentEvent>;
  shippedAt: Maybe<Scalars['DateTime']['output']>;
  status: ShipmentStatus;
  trackingNumber: Scalars['String']['output'];
};

/** One tracking event of a shipment, as the carrier reported it. */
export type ShipmentEvent = {
  __typename?: 'ShipmentEvent';
  at: Scalars['DateTime']['output'];
  /** What happened, as the carrier says it (`Out for delivery`). */
  description: Scalars['String']['output'];
  /** Where it happened, as the carrier names it (`Shanghai hub`). */
  location: Maybe<Scalars['String']['output']>;
};

export type ShipmentStatus =
  | 'DELIVERED'
  | 'IN_TRANSIT'
  | 'PREPARING'
  | 'RETURNED';

export type StartConversationInput = {
  channel: ConversationChannel;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  /** A client-chosen key (1-128 characters). */
  idempotencyKey: Scalars['String']['input'];
  messages?: InputMaybe<Array<ConversationMessageInput>>;
  participants?: InputMaybe<Array<ParticipantInput>>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The customer as it is after each committed change (contact data, status, a note, a logged call),
   * from now on. The same rights as `customer(id)`, the record-level rule included: for a
   * customer of another team an agent gets the MINIMAL fields and `FORBIDDEN` for the rest,
   * on every update. A subscriber that cannot keep up is disconnected with close code 4520.
   */
  customerUpdated: Customer;
};


export type SubscriptionCustomerUpdatedArgs = {
  customerId: Scalars['ID']['input'];
};

export type Ticket = {
  __typename?: 'Ticket';
  id: Scalars['ID']['output'];
};

/**
 * A reporting time range `[from, to)`: `from` inclusive, `to` exclusive. Both are ISO-8601
 * instants with `Z` or an offset; `timeZone` is an IANA zone name (`Asia/Shanghai`, `UTC`,
 * `America/New_York`) that HOUR and DAY buckets are cut in.
 */
export type TimeRangeInput = {
  from: Scalars['DateTime']['input'];
  timeZone: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};

export type UpdateConversationInput = {
  conversationId: Scalars['ID']['input'];
  /** Set when the customer was identified after the conversation started. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  intent?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<ConversationOutcome>;
  participants?: InputMaybe<Array<ParticipantInput>>;
  status?: InputMaybe<ConversationStatus>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateCustomerContactInput = {
  customerId: Scalars['ID']['input'];
  /** When given, replaces all emails. */
  emails?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When given, replaces all phone numbers. */
  phones?: InputMaybe<Array<PhoneNumberInput>>;
};

export type Link__Purpose =
  | 'EXECUTION'
  | 'SECURITY';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  CallerIdentification: CallerIdentification;
  Conversation: Conversation;
  Customer: Customer;
  Lead: Lead;
  Opportunity: Opportunity;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CallerIdentification:
    ( { __typename: 'CallerIdentification' }
    & GraphQLRecursivePick<FederationTypes['CallerIdentification'], {"phone":true}> );
  Conversation:
    ( { __typename: 'Conversation' }
    & GraphQLRecursivePick<FederationTypes['Conversation'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"callStamps":{"id":true,"at":true},"ticketStamps":{"id":true,"at":true}}> ) );
  Lead:
    ( { __typename: 'Lead' }
    & GraphQLRecursivePick<FederationTypes['Lead'], {"id":true}> );
  Opportunity:
    ( { __typename: 'Opportunity' }
    & GraphQLRecursivePick<FederationTypes['Opportunity'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccountOwner: ResolverTypeWrapper<AccountOwnerRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Activity: ResolverTypeWrapper<ActivityRecordModel>;
  ActivityConnection: ResolverTypeWrapper<Omit<ActivityConnection, 'nodes'> & { nodes: Array<ResolversTypes['Activity']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ActivityType: ActivityType;
  AddCustomerNoteInput: AddCustomerNoteInput;
  AppendConversationMessagesInput: AppendConversationMessagesInput;
  AttachmentInput: AttachmentInput;
  AttachmentRef: ResolverTypeWrapper<AttachmentRef>;
  Call: ResolverTypeWrapper<Call>;
  CallLogActivity: ResolverTypeWrapper<ActivityRecordModel>;
  CallerIdentification: ResolverTypeWrapper<Omit<CallerIdentification, 'candidates'> & { candidates: Array<ResolversTypes['Customer']> }>;
  ChangeLeadStatusInput: ChangeLeadStatusInput;
  ChannelIdentity: ResolverTypeWrapper<ChannelIdentityRecordModel>;
  ChannelIdentityKind: ChannelIdentityKind;
  ChatMessage: ResolverTypeWrapper<ChatMessage>;
  ChatTranscriptActivity: ResolverTypeWrapper<ActivityRecordModel>;
  ChurnRule: ChurnRule;
  ChurnedCustomer: ResolverTypeWrapper<ChurnedCustomer>;
  ChurnedCustomers: ResolverTypeWrapper<ChurnedCustomers>;
  Company: ResolverTypeWrapper<Company>;
  Consent: ResolverTypeWrapper<Consent>;
  ConsentPurpose: ConsentPurpose;
  ConsentStatus: ConsentStatus;
  Conversation: ResolverTypeWrapper<ConversationRecordModel>;
  ConversationChannel: ConversationChannel;
  ConversationConnection: ResolverTypeWrapper<Omit<ConversationConnection, 'nodes'> & { nodes: Array<ResolversTypes['Conversation']> }>;
  ConversationMessage: ResolverTypeWrapper<ConversationMessageRecordModel>;
  ConversationMessageInput: ConversationMessageInput;
  ConversationOutcome: ConversationOutcome;
  ConversationParticipant: ResolverTypeWrapper<ConversationParticipant>;
  ConversationReasonCount: ResolverTypeWrapper<ConversationReasonCount>;
  ConversationStatus: ConversationStatus;
  ConvertLeadInput: ConvertLeadInput;
  CopyDifference: ResolverTypeWrapper<CopyDifference>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CopyDifferenceReason: CopyDifferenceReason;
  CopyReconciliation: ResolverTypeWrapper<CopyReconciliation>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CreateLeadInput: CreateLeadInput;
  Customer: ResolverTypeWrapper<CustomerRecordModel>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'nodes'> & { nodes: Array<ResolversTypes['Customer']> }>;
  CustomerIdentification: ResolverTypeWrapper<Omit<CustomerIdentification, 'candidates'> & { candidates: Array<ResolversTypes['Customer']> }>;
  CustomerStatus: CustomerStatus;
  CustomerStatusChange: ResolverTypeWrapper<CustomerStatusChange>;
  CustomerStatusChangeConnection: ResolverTypeWrapper<CustomerStatusChangeConnection>;
  CustomerTier: CustomerTier;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  ErasureStepOutcome: ResolverTypeWrapper<ErasureStepOutcome>;
  IdentificationStatus: IdentificationStatus;
  Interaction: ResolverTypeWrapper<InteractionRecordModel>;
  InteractionConnection: ResolverTypeWrapper<Omit<InteractionConnection, 'nodes'> & { nodes: Array<ResolversTypes['Interaction']> }>;
  InteractionKind: InteractionKind;
  InteractionStamp: ResolverTypeWrapper<InteractionStamp>;
  Lead: ResolverTypeWrapper<LeadRecordModel>;
  LeadConnection: ResolverTypeWrapper<Omit<LeadConnection, 'nodes'> & { nodes: Array<ResolversTypes['Lead']> }>;
  LeadConversion: ResolverTypeWrapper<LeadConversionRecordModel>;
  LeadSourceChannel: LeadSourceChannel;
  LeadStatus: LeadStatus;
  LinkChannelIdentityInput: LinkChannelIdentityInput;
  LogCallInput: LogCallInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewCustomerInput: NewCustomerInput;
  NewOpportunityInput: NewOpportunityInput;
  NoteActivity: ResolverTypeWrapper<ActivityRecordModel>;
  Opportunity: ResolverTypeWrapper<OpportunityRecordModel>;
  OpportunityStage: OpportunityStage;
  Order: ResolverTypeWrapper<OrderRecordModel>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'nodes'> & { nodes: Array<ResolversTypes['Order']> }>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParticipantInput: ParticipantInput;
  ParticipantRole: ParticipantRole;
  PersonalDataPart: ResolverTypeWrapper<PersonalDataPart>;
  PersonalDataRecord: ResolverTypeWrapper<PersonalDataRecord>;
  PhoneNumber: ResolverTypeWrapper<PhoneNumber>;
  PhoneNumberInput: PhoneNumberInput;
  PhoneType: PhoneType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconciliationCallLog: ResolverTypeWrapper<ReconciliationCallLog>;
  RecordAccess: RecordAccess;
  RecordConsentInput: RecordConsentInput;
  SetCustomerStatusInput: SetCustomerStatusInput;
  Shipment: ResolverTypeWrapper<ShipmentModelModel>;
  ShipmentEvent: ResolverTypeWrapper<ShipmentEventRecordModel>;
  ShipmentStatus: ShipmentStatus;
  StartConversationInput: StartConversationInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Ticket: ResolverTypeWrapper<Ticket>;
  TimeRangeInput: TimeRangeInput;
  UpdateConversationInput: UpdateConversationInput;
  UpdateCustomerContactInput: UpdateCustomerContactInput;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AccountOwner: AccountOwnerRecordModel;
  ID: Scalars['ID']['output'];
  Activity: ActivityRecordModel;
  ActivityConnection: Omit<ActivityConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Activity']> };
  Int: Scalars['Int']['output'];
  AddCustomerNoteInput: AddCustomerNoteInput;
  AppendConversationMessagesInput: AppendConversationMessagesInput;
  AttachmentInput: AttachmentInput;
  AttachmentRef: AttachmentRef;
  Call: Call;
  CallLogActivity: ActivityRecordModel;
  CallerIdentification: Omit<CallerIdentification, 'candidates'> & { candidates: Array<ResolversParentTypes['Customer']> } | FederationReferenceTypes['CallerIdentification'];
  ChangeLeadStatusInput: ChangeLeadStatusInput;
  ChannelIdentity: ChannelIdentityRecordModel;
  ChatMessage: ChatMessage;
  ChatTranscriptActivity: ActivityRecordModel;
  ChurnedCustomer: ChurnedCustomer;
  ChurnedCustomers: ChurnedCustomers;
  Company: Company;
  Consent: Consent;
  Conversation: ConversationRecordModel;
  ConversationConnection: Omit<ConversationConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Conversation']> };
  ConversationMessage: ConversationMessageRecordModel;
  ConversationMessageInput: ConversationMessageInput;
  ConversationParticipant: ConversationParticipant;
  ConversationReasonCount: ConversationReasonCount;
  ConvertLeadInput: ConvertLeadInput;
  CopyDifference: CopyDifference;
  Boolean: Scalars['Boolean']['output'];
  CopyReconciliation: CopyReconciliation;
  Float: Scalars['Float']['output'];
  CreateLeadInput: CreateLeadInput;
  Customer: CustomerRecordModel;
  CustomerConnection: Omit<CustomerConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Customer']> };
  CustomerIdentification: Omit<CustomerIdentification, 'candidates'> & { candidates: Array<ResolversParentTypes['Customer']> };
  CustomerStatusChange: CustomerStatusChange;
  CustomerStatusChangeConnection: CustomerStatusChangeConnection;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  ErasureStepOutcome: ErasureStepOutcome;
  Interaction: InteractionRecordModel;
  InteractionConnection: Omit<InteractionConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Interaction']> };
  InteractionStamp: InteractionStamp;
  Lead: LeadRecordModel;
  LeadConnection: Omit<LeadConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Lead']> };
  LeadConversion: LeadConversionRecordModel;
  LinkChannelIdentityInput: LinkChannelIdentityInput;
  LogCallInput: LogCallInput;
  Mutation: Record<PropertyKey, never>;
  NewCustomerInput: NewCustomerInput;
  NewOpportunityInput: NewOpportunityInput;
  NoteActivity: ActivityRecordModel;
  Opportunity: OpportunityRecordModel;
  Order: OrderRecordModel;
  OrderConnection: Omit<OrderConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Order']> };
  PageInfo: PageInfo;
  ParticipantInput: ParticipantInput;
  PersonalDataPart: PersonalDataPart;
  PersonalDataRecord: PersonalDataRecord;
  PhoneNumber: PhoneNumber;
  PhoneNumberInput: PhoneNumberInput;
  Query: Record<PropertyKey, never>;
  ReconciliationCallLog: ReconciliationCallLog;
  RecordConsentInput: RecordConsentInput;
  SetCustomerStatusInput: SetCustomerStatusInput;
  Shipment: ShipmentModelModel;
  ShipmentEvent: ShipmentEventRecordModel;
  StartConversationInput: StartConversationInput;
  Subscription: Record<PropertyKey, never>;
  Ticket: Ticket;
  TimeRangeInput: TimeRangeInput;
  UpdateConversationInput: UpdateConversationInput;
  UpdateCustomerContactInput: UpdateCustomerContactInput;
  link__Import: Scalars['link__Import']['output'];
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type InaccessibleDirectiveArgs = { };

export type InaccessibleDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type OverrideDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['String']['input']>>;
};

export type PolicyDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type RequiresScopesDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = CrmContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountOwnerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['AccountOwner'] = ResolversParentTypes['AccountOwner']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  team?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ActivityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Activity'] = ResolversParentTypes['Activity']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CallLogActivity' | 'ChatTranscriptActivity' | 'NoteActivity', ParentType, ContextType>;
}>;

export type ActivityConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ActivityConnection'] = ResolversParentTypes['ActivityConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Activity']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AttachmentRefResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['AttachmentRef'] = ResolversParentTypes['AttachmentRef']> = ResolversObject<{
  contentType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sizeBytes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CallResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Call'] = ResolversParentTypes['Call']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CallLogActivityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CallLogActivity'] = ResolversParentTypes['CallLogActivity']> = ResolversObject<{
  agentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  callId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  disposition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordingRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ActivityType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CallerIdentificationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CallerIdentification'] = ResolversParentTypes['CallerIdentification'], FederationReferenceType extends FederationReferenceTypes['CallerIdentification'] = FederationReferenceTypes['CallerIdentification']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CallerIdentification']> | FederationReferenceType, FederationReferenceType, ContextType>;
  candidates?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IdentificationStatus'], ParentType, ContextType>;
}>;

export type ChannelIdentityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ChannelIdentity'] = ResolversParentTypes['ChannelIdentity']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['ChannelIdentityKind'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ChatMessageResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ChatMessage'] = ResolversParentTypes['ChatMessage']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ChatTranscriptActivityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ChatTranscriptActivity'] = ResolversParentTypes['ChatTranscriptActivity']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['ChatMessage']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ActivityType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ChurnedCustomerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ChurnedCustomer'] = ResolversParentTypes['ChurnedCustomer']> = ResolversObject<{
  churnedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  conversations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastOrderAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ChurnRule'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  windowStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ChurnedCustomersResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ChurnedCustomers'] = ResolversParentTypes['ChurnedCustomers']> = ResolversObject<{
  customers?: Resolver<Array<ResolversTypes['ChurnedCustomer']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CompanyResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company']> = ResolversObject<{
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConsentResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Consent'] = ResolversParentTypes['Consent']> = ResolversObject<{
  purpose?: Resolver<ResolversTypes['ConsentPurpose'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConsentStatus'], ParentType, ContextType>;
}>;

export type ConversationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation'], FederationReferenceType extends FederationReferenceTypes['Conversation'] = FederationReferenceTypes['Conversation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Conversation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  channel?: Resolver<ResolversTypes['ConversationChannel'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['ConversationMessage']>, ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['ConversationOutcome']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['ConversationParticipant']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConversationStatus'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ConversationConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ConversationConnection'] = ResolversParentTypes['ConversationConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Conversation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ConversationMessageResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ConversationMessage'] = ResolversParentTypes['ConversationMessage']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attachments?: Resolver<Array<ResolversTypes['AttachmentRef']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['ParticipantRole'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  senderId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConversationParticipantResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ConversationParticipant'] = ResolversParentTypes['ConversationParticipant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ParticipantRole'], ParentType, ContextType>;
}>;

export type ConversationReasonCountResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ConversationReasonCount'] = ResolversParentTypes['ConversationReasonCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CopyDifferenceResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CopyDifference'] = ResolversParentTypes['CopyDifference']> = ResolversObject<{
  copyChangedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  pending?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['CopyDifferenceReason'], ParentType, ContextType>;
  recordId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceChangedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type CopyReconciliationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CopyReconciliation'] = ResolversParentTypes['CopyReconciliation']> = ResolversObject<{
  agreeing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  agreementRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  copyRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  differences?: Resolver<Array<ResolversTypes['CopyDifference']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pendingDifferences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sourceRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sync?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  syncedThrough?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activities?: Resolver<Maybe<ResolversTypes['ActivityConnection']>, ParentType, ContextType, RequireFields<CustomerActivitiesArgs, 'first'>>;
  channelIdentities?: Resolver<Maybe<Array<ResolversTypes['ChannelIdentity']>>, ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  consents?: Resolver<Maybe<Array<ResolversTypes['Consent']>>, ParentType, ContextType>;
  conversations?: Resolver<Maybe<ResolversTypes['ConversationConnection']>, ParentType, ContextType, RequireFields<CustomerConversationsArgs, 'first'>>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emails?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  erasedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interactions?: Resolver<Maybe<ResolversTypes['InteractionConnection']>, ParentType, ContextType, RequireFields<CustomerInteractionsArgs, 'first'>>;
  lastContactAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  leads?: Resolver<Maybe<ResolversTypes['LeadConnection']>, ParentType, ContextType, RequireFields<CustomerLeadsArgs, 'first'>>;
  lifetimeValue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  nationalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  opportunities?: Resolver<Maybe<Array<ResolversTypes['Opportunity']>>, ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['OrderConnection']>, ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  owner?: Resolver<Maybe<ResolversTypes['AccountOwner']>, ParentType, ContextType>;
  phones?: Resolver<Maybe<Array<ResolversTypes['PhoneNumber']>>, ParentType, ContextType>;
  recordAccess?: Resolver<Maybe<ResolversTypes['RecordAccess']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<Maybe<ResolversTypes['CustomerStatusChangeConnection']>, ParentType, ContextType, RequireFields<CustomerStatusHistoryArgs, 'first'>>;
  tags?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['CustomerTier'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type CustomerConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CustomerIdentificationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerIdentification'] = ResolversParentTypes['CustomerIdentification']> = ResolversObject<{
  candidates?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelIdentityKind'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IdentificationStatus'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerStatusChangeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerStatusChange'] = ResolversParentTypes['CustomerStatusChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
}>;

export type CustomerStatusChangeConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerStatusChangeConnection'] = ResolversParentTypes['CustomerStatusChangeConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['CustomerStatusChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type ErasureStepOutcomeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ErasureStepOutcome'] = ResolversParentTypes['ErasureStepOutcome']> = ResolversObject<{
  erased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordingsFlagged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InteractionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Interaction'] = ResolversParentTypes['Interaction']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  call?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InteractionKind'], ParentType, ContextType>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType>;
}>;

export type InteractionConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['InteractionConnection'] = ResolversParentTypes['InteractionConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Interaction']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InteractionStampResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['InteractionStamp'] = ResolversParentTypes['InteractionStamp']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type LeadResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Lead'] = ResolversParentTypes['Lead'], FederationReferenceType extends FederationReferenceTypes['Lead'] = FederationReferenceTypes['Lead']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Lead']> | FederationReferenceType, FederationReferenceType, ContextType>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType>;
  convertedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  externalStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opportunity?: Resolver<Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['AccountOwner']>, ParentType, ContextType>;
  sourceChannel?: Resolver<ResolversTypes['LeadSourceChannel'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LeadStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type LeadConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['LeadConnection'] = ResolversParentTypes['LeadConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Lead']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type LeadConversionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['LeadConversion'] = ResolversParentTypes['LeadConversion']> = ResolversObject<{
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  lead?: Resolver<ResolversTypes['Lead'], ParentType, ContextType>;
  opportunity?: Resolver<Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addCustomerNote?: Resolver<Maybe<ResolversTypes['NoteActivity']>, ParentType, ContextType, RequireFields<MutationAddCustomerNoteArgs, 'input'>>;
  appendConversationMessages?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<MutationAppendConversationMessagesArgs, 'input'>>;
  changeLeadStatus?: Resolver<Maybe<ResolversTypes['Lead']>, ParentType, ContextType, RequireFields<MutationChangeLeadStatusArgs, 'input'>>;
  convertLead?: Resolver<Maybe<ResolversTypes['LeadConversion']>, ParentType, ContextType, RequireFields<MutationConvertLeadArgs, 'input'>>;
  createLead?: Resolver<Maybe<ResolversTypes['Lead']>, ParentType, ContextType, RequireFields<MutationCreateLeadArgs, 'input'>>;
  crmEraseCustomer?: Resolver<Maybe<ResolversTypes['ErasureStepOutcome']>, ParentType, ContextType, RequireFields<MutationCrmEraseCustomerArgs, 'customerId' | 'erasureId'>>;
  linkChannelIdentity?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<MutationLinkChannelIdentityArgs, 'input'>>;
  logCall?: Resolver<Maybe<ResolversTypes['CallLogActivity']>, ParentType, ContextType, RequireFields<MutationLogCallArgs, 'input'>>;
  recordConsent?: Resolver<Maybe<ResolversTypes['Consent']>, ParentType, ContextType, RequireFields<MutationRecordConsentArgs, 'input'>>;
  setCustomerStatus?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<MutationSetCustomerStatusArgs, 'input'>>;
  startConversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<MutationStartConversationArgs, 'input'>>;
  updateConversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<MutationUpdateConversationArgs, 'input'>>;
  updateCustomerContact?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<MutationUpdateCustomerContactArgs, 'input'>>;
}>;

export type NoteActivityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['NoteActivity'] = ResolversParentTypes['NoteActivity']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ActivityType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OpportunityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Opportunity'] = ResolversParentTypes['Opportunity'], FederationReferenceType extends FederationReferenceTypes['Opportunity'] = FederationReferenceTypes['Opportunity']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Opportunity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  externalStage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lead?: Resolver<Maybe<ResolversTypes['Lead']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['AccountOwner']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['OpportunityStage'], ParentType, ContextType>;
}>;

export type OrderResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonalDataPartResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PersonalDataPart'] = ResolversParentTypes['PersonalDataPart']> = ResolversObject<{
  records?: Resolver<Array<ResolversTypes['PersonalDataRecord']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersonalDataRecordResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PersonalDataRecord'] = ResolversParentTypes['PersonalDataRecord']> = ResolversObject<{
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PhoneNumberResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PhoneNumber'] = ResolversParentTypes['PhoneNumber']> = ResolversObject<{
  e164?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  extension?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  raw?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['PhoneType'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  churnedCustomers?: Resolver<Maybe<ResolversTypes['ChurnedCustomers']>, ParentType, ContextType, RequireFields<QueryChurnedCustomersArgs, 'first' | 'lookbackDays' | 'quietDays' | 'range' | 'rules'>>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
  conversationReasonsByTier?: Resolver<Maybe<Array<ResolversTypes['ConversationReasonCount']>>, ParentType, ContextType, RequireFields<QueryConversationReasonsByTierArgs, 'range'>>;
  crmCopyReconciliation?: Resolver<Maybe<Array<ResolversTypes['CopyReconciliation']>>, ParentType, ContextType, RequireFields<QueryCrmCopyReconciliationArgs, 'from' | 'to'>>;
  crmPersonalData?: Resolver<Maybe<ResolversTypes['PersonalDataPart']>, ParentType, ContextType, RequireFields<QueryCrmPersonalDataArgs, 'customerId'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<Maybe<ResolversTypes['CustomerConnection']>, ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
  identifyCaller?: Resolver<Maybe<ResolversTypes['CallerIdentification']>, ParentType, ContextType, RequireFields<QueryIdentifyCallerArgs, 'phone'>>;
  identifyCustomer?: Resolver<Maybe<ResolversTypes['CustomerIdentification']>, ParentType, ContextType, RequireFields<QueryIdentifyCustomerArgs, 'kind' | 'value'>>;
  lead?: Resolver<Maybe<ResolversTypes['Lead']>, ParentType, ContextType, RequireFields<QueryLeadArgs, 'id'>>;
  leads?: Resolver<Maybe<ResolversTypes['LeadConnection']>, ParentType, ContextType, RequireFields<QueryLeadsArgs, 'first'>>;
  reconciliationCallLogs?: Resolver<Maybe<Array<ResolversTypes['ReconciliationCallLog']>>, ParentType, ContextType, RequireFields<QueryReconciliationCallLogsArgs, 'callIds'>>;
}>;

export type ReconciliationCallLogResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ReconciliationCallLog'] = ResolversParentTypes['ReconciliationCallLog']> = ResolversObject<{
  activityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  callId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ShipmentResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastEvent?: Resolver<Maybe<ResolversTypes['ShipmentEvent']>, ParentType, ContextType>;
  shippedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShipmentEventResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ShipmentEvent'] = ResolversParentTypes['ShipmentEvent']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  customerUpdated?: SubscriptionResolver<ResolversTypes['Customer'], "customerUpdated", ParentType, ContextType, RequireFields<SubscriptionCustomerUpdatedArgs, 'customerId'>>;
}>;

export type TicketResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = CrmContext> = ResolversObject<{
  AccountOwner?: AccountOwnerResolvers<ContextType>;
  Activity?: ActivityResolvers<ContextType>;
  ActivityConnection?: ActivityConnectionResolvers<ContextType>;
  AttachmentRef?: AttachmentRefResolvers<ContextType>;
  Call?: CallResolvers<ContextType>;
  CallLogActivity?: CallLogActivityResolvers<ContextType>;
  CallerIdentification?: CallerIdentificationResolvers<ContextType>;
  ChannelIdentity?: ChannelIdentityResolvers<ContextType>;
  ChatMessage?: ChatMessageResolvers<ContextType>;
  ChatTranscriptActivity?: ChatTranscriptActivityResolvers<ContextType>;
  ChurnedCustomer?: ChurnedCustomerResolvers<ContextType>;
  ChurnedCustomers?: ChurnedCustomersResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  Conversation?: ConversationResolvers<ContextType>;
  ConversationConnection?: ConversationConnectionResolvers<ContextType>;
  ConversationMessage?: ConversationMessageResolvers<ContextType>;
  ConversationParticipant?: ConversationParticipantResolvers<ContextType>;
  ConversationReasonCount?: ConversationReasonCountResolvers<ContextType>;
  CopyDifference?: CopyDifferenceResolvers<ContextType>;
  CopyReconciliation?: CopyReconciliationResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerIdentification?: CustomerIdentificationResolvers<ContextType>;
  CustomerStatusChange?: CustomerStatusChangeResolvers<ContextType>;
  CustomerStatusChangeConnection?: CustomerStatusChangeConnectionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  ErasureStepOutcome?: ErasureStepOutcomeResolvers<ContextType>;
  Interaction?: InteractionResolvers<ContextType>;
  InteractionConnection?: InteractionConnectionResolvers<ContextType>;
  InteractionStamp?: InteractionStampResolvers<ContextType>;
  Lead?: LeadResolvers<ContextType>;
  LeadConnection?: LeadConnectionResolvers<ContextType>;
  LeadConversion?: LeadConversionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NoteActivity?: NoteActivityResolvers<ContextType>;
  Opportunity?: OpportunityResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalDataPart?: PersonalDataPartResolvers<ContextType>;
  PersonalDataRecord?: PersonalDataRecordResolvers<ContextType>;
  PhoneNumber?: PhoneNumberResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconciliationCallLog?: ReconciliationCallLogResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShipmentEvent?: ShipmentEventResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = CrmContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  override?: OverrideDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
