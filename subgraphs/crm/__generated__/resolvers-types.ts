import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRecord as CustomerRecordModel, AccountOwnerRecord as AccountOwnerRecordModel, OrderRecord as OrderRecordModel, ActivityRecord as ActivityRecordModel } from '../source/records.js';
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
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type Customer = {
  __typename?: 'Customer';
  /** The activity timeline, newest first; `null` for a MINIMAL customer. */
  activities: Maybe<ActivityConnection>;
  company: Maybe<Company>;
  /** The latest decision per purpose; a purpose without an entry has no decision on record. `null` for a MINIMAL customer. */
  consents: Maybe<Array<Consent>>;
  /** `null` only for a MINIMAL customer. */
  createdAt: Maybe<Scalars['DateTime']['output']>;
  /** Also readable with `reports:read`. */
  displayName: Scalars['String']['output'];
  /** Email addresses; masked (`z***@example.com`) without `pii:read`; `null` for a MINIMAL customer. */
  emails: Maybe<Array<Scalars['String']['output']>>;
  /** When the customer's personal data was erased (`eraseCustomer`); `null` otherwise. */
  erasedAt: Maybe<Scalars['DateTime']['output']>;
  /** Also readable with `reports:read`: reports name the customers they count. */
  id: Scalars['ID']['output'];
  /** Time of the most recent activity on the CRM timeline (note, call log or chat). */
  lastContactAt: Maybe<Scalars['DateTime']['output']>;
  /**
   * Sum of the totals of the customer's orders in CNY that were not cancelled or returned
   * (`0.00` when there are none). Orders in other currencies (USD) are not included.
   */
  lifetimeValue: Maybe<Scalars['Decimal']['output']>;
  /** National ID number (PRC resident ID); masked (`110***********1234`) without `pii:read`. Stored encrypted (AES-256-GCM). */
  nationalId: Maybe<Scalars['String']['output']>;
  /** Orders, newest first; `null` for a MINIMAL customer. */
  orders: Maybe<OrderConnection>;
  owner: Maybe<AccountOwner>;
  phones: Maybe<Array<PhoneNumber>>;
  /** What the current caller may see of this customer (the record-level rule); always resolves. */
  recordAccess: Maybe<RecordAccess>;
  /** Tags; `null` for a MINIMAL customer. */
  tags: Maybe<Array<Scalars['String']['output']>>;
  /** Also readable with `reports:read`. */
  tier: CustomerTier;
  /** `null` only for a MINIMAL customer. */
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};


/**
 * A customer. For an agent or supervisor, a customer outside their team who is not on one of
 * their calls or open tickets is `recordAccess: MINIMAL`: only `id`, `displayName`, `tier`,
 * `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
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
 * `phones`, `lastContactAt` and `recordAccess` resolve; every other field is `null` with a
 * `FORBIDDEN` error (`extensions.reason: "RECORD_RESTRICTED"`). Such fields are nullable for
 * that reason: one restricted customer in a list never removes the list.
 */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  nodes: Array<Customer>;
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
  /** The CRM's erasure step (run by the gateway's `eraseCustomer` saga); idempotent. */
  crmEraseCustomer: Maybe<ErasureStepOutcome>;
  /**
   * Puts a call on the customer's timeline as a `CALL_LOG` activity, at most once per
   * (customer, call): the same `callId` again returns the activity already written (its
   * first values are kept). Moves `lastContactAt` forward, never back. The author is the caller.
   */
  logCall: Maybe<CallLogActivity>;
  /** Records a customer's consent decision for one purpose, replacing the previous one; an erased customer is `BAD_USER_INPUT`. */
  recordConsent: Maybe<Consent>;
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


export type MutationCrmEraseCustomerArgs = {
  customerId: Scalars['ID']['input'];
  erasureId: Scalars['ID']['input'];
};


export type MutationLogCallArgs = {
  input: LogCallInput;
};


export type MutationRecordConsentArgs = {
  input: RecordConsentInput;
};


export type MutationUpdateCustomerContactArgs = {
  input: UpdateCustomerContactInput;
};

export type NoteActivity = Activity & {
  __typename?: 'NoteActivity';
  at: Scalars['DateTime']['output'];
  author: Scalars['String']['output'];
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  type: ActivityType;
};

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

/** How much of a customer the current caller may see. */
export type RecordAccess =
  /** Every field (the caller's scopes still apply). */
  | 'FULL'
  /** Only the fields needed to serve a caller: id, displayName, tier, phones, lastContactAt. */
  | 'MINIMAL';

export type RecordConsentInput = {
  customerId: Scalars['ID']['input'];
  purpose: ConsentPurpose;
  /** Where the decision was given (1..200 characters); no personal data. */
  source: Scalars['String']['input'];
  status: ConsentStatus;
};

export type Shipment = {
  __typename?: 'Shipment';
  carrier: Scalars['String']['output'];
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  shippedAt: Maybe<Scalars['DateTime']['output']>;
  status: ShipmentStatus;
  trackingNumber: Scalars['String']['output'];
};

export type ShipmentStatus =
  | 'DELIVERED'
  | 'IN_TRANSIT'
  | 'PREPARING'
  | 'RETURNED';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The customer as it is after each committed change (contact data, a note, a logged call),
   * from now on. The same rights as `customer(id)`, the record-level rule included: for a
   * customer of another team an agent gets the MINIMAL fields and `FORBIDDEN` for the rest,
   * on every update. A subscriber that cannot keep up is disconnected with close code 4520.
   */
  customerUpdated: Customer;
};


export type SubscriptionCustomerUpdatedArgs = {
  customerId: Scalars['ID']['input'];
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
  Customer: Customer;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CallerIdentification:
    ( { __typename: 'CallerIdentification' }
    & GraphQLRecursivePick<FederationTypes['CallerIdentification'], {"phone":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
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
  CallLogActivity: ResolverTypeWrapper<ActivityRecordModel>;
  CallerIdentification: ResolverTypeWrapper<Omit<CallerIdentification, 'candidates'> & { candidates: Array<ResolversTypes['Customer']> }>;
  ChatMessage: ResolverTypeWrapper<ChatMessage>;
  ChatTranscriptActivity: ResolverTypeWrapper<ActivityRecordModel>;
  Company: ResolverTypeWrapper<Company>;
  Consent: ResolverTypeWrapper<Consent>;
  ConsentPurpose: ConsentPurpose;
  ConsentStatus: ConsentStatus;
  Customer: ResolverTypeWrapper<CustomerRecordModel>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'nodes'> & { nodes: Array<ResolversTypes['Customer']> }>;
  CustomerTier: CustomerTier;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  ErasureStepOutcome: ResolverTypeWrapper<ErasureStepOutcome>;
  IdentificationStatus: IdentificationStatus;
  LogCallInput: LogCallInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NoteActivity: ResolverTypeWrapper<ActivityRecordModel>;
  Order: ResolverTypeWrapper<OrderRecordModel>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'nodes'> & { nodes: Array<ResolversTypes['Order']> }>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PersonalDataPart: ResolverTypeWrapper<PersonalDataPart>;
  PersonalDataRecord: ResolverTypeWrapper<PersonalDataRecord>;
  PhoneNumber: ResolverTypeWrapper<PhoneNumber>;
  PhoneNumberInput: PhoneNumberInput;
  PhoneType: PhoneType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordAccess: RecordAccess;
  RecordConsentInput: RecordConsentInput;
  Shipment: ResolverTypeWrapper<Shipment>;
  ShipmentStatus: ShipmentStatus;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
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
  CallLogActivity: ActivityRecordModel;
  CallerIdentification: Omit<CallerIdentification, 'candidates'> & { candidates: Array<ResolversParentTypes['Customer']> } | FederationReferenceTypes['CallerIdentification'];
  ChatMessage: ChatMessage;
  ChatTranscriptActivity: ActivityRecordModel;
  Company: Company;
  Consent: Consent;
  Customer: CustomerRecordModel;
  CustomerConnection: Omit<CustomerConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Customer']> };
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  ErasureStepOutcome: ErasureStepOutcome;
  LogCallInput: LogCallInput;
  Mutation: Record<PropertyKey, never>;
  NoteActivity: ActivityRecordModel;
  Order: OrderRecordModel;
  OrderConnection: Omit<OrderConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Order']> };
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PersonalDataPart: PersonalDataPart;
  PersonalDataRecord: PersonalDataRecord;
  PhoneNumber: PhoneNumber;
  PhoneNumberInput: PhoneNumberInput;
  Query: Record<PropertyKey, never>;
  RecordConsentInput: RecordConsentInput;
  Shipment: Shipment;
  Subscription: Record<PropertyKey, never>;
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

export type CustomerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activities?: Resolver<Maybe<ResolversTypes['ActivityConnection']>, ParentType, ContextType, RequireFields<CustomerActivitiesArgs, 'first'>>;
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  consents?: Resolver<Maybe<Array<ResolversTypes['Consent']>>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emails?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  erasedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastContactAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lifetimeValue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  nationalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['OrderConnection']>, ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  owner?: Resolver<Maybe<ResolversTypes['AccountOwner']>, ParentType, ContextType>;
  phones?: Resolver<Maybe<Array<ResolversTypes['PhoneNumber']>>, ParentType, ContextType>;
  recordAccess?: Resolver<Maybe<ResolversTypes['RecordAccess']>, ParentType, ContextType>;
  tags?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['CustomerTier'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type CustomerConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
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

export type MutationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addCustomerNote?: Resolver<Maybe<ResolversTypes['NoteActivity']>, ParentType, ContextType, RequireFields<MutationAddCustomerNoteArgs, 'input'>>;
  crmEraseCustomer?: Resolver<Maybe<ResolversTypes['ErasureStepOutcome']>, ParentType, ContextType, RequireFields<MutationCrmEraseCustomerArgs, 'customerId' | 'erasureId'>>;
  logCall?: Resolver<Maybe<ResolversTypes['CallLogActivity']>, ParentType, ContextType, RequireFields<MutationLogCallArgs, 'input'>>;
  recordConsent?: Resolver<Maybe<ResolversTypes['Consent']>, ParentType, ContextType, RequireFields<MutationRecordConsentArgs, 'input'>>;
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
  crmPersonalData?: Resolver<Maybe<ResolversTypes['PersonalDataPart']>, ParentType, ContextType, RequireFields<QueryCrmPersonalDataArgs, 'customerId'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<Maybe<ResolversTypes['CustomerConnection']>, ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
  identifyCaller?: Resolver<Maybe<ResolversTypes['CallerIdentification']>, ParentType, ContextType, RequireFields<QueryIdentifyCallerArgs, 'phone'>>;
}>;

export type ShipmentResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  shippedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  customerUpdated?: SubscriptionResolver<ResolversTypes['Customer'], "customerUpdated", ParentType, ContextType, RequireFields<SubscriptionCustomerUpdatedArgs, 'customerId'>>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = CrmContext> = ResolversObject<{
  AccountOwner?: AccountOwnerResolvers<ContextType>;
  Activity?: ActivityResolvers<ContextType>;
  ActivityConnection?: ActivityConnectionResolvers<ContextType>;
  CallLogActivity?: CallLogActivityResolvers<ContextType>;
  CallerIdentification?: CallerIdentificationResolvers<ContextType>;
  ChatMessage?: ChatMessageResolvers<ContextType>;
  ChatTranscriptActivity?: ChatTranscriptActivityResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  ErasureStepOutcome?: ErasureStepOutcomeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NoteActivity?: NoteActivityResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalDataPart?: PersonalDataPartResolvers<ContextType>;
  PersonalDataRecord?: PersonalDataRecordResolvers<ContextType>;
  PhoneNumber?: PhoneNumberResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
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
