import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuditEvent as AuditEventModel } from '../../store/gateway-store.js';
import type { AuditContext } from '../audit-subgraph.js';
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
  link__Import: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AuditEvent = {
  __typename?: 'AuditEvent';
  at: Scalars['DateTime']['output'];
  /** The customers concerned, by id. */
  customerIds: Array<Scalars['ID']['output']>;
  /**
   * The customers concerned (their fields come from the CRM); an entry is `null` with a
   * `SUBGRAPH_UNAVAILABLE` error when the CRM cannot be reached.
   */
  customers: Array<Maybe<Customer>>;
  /** The erasure this event ran (`eraseCustomer`), with its reason; `null` for other events. */
  erasure: Maybe<ErasureRequest>;
  /** The fields read or the mutations run, as `Type.field`. */
  fields: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: AuditEventKind;
  operationName: Maybe<Scalars['String']['output']>;
  outcome: AuditOutcome;
  /** The gateway's request id, to find the request in the logs. */
  requestId: Scalars['String']['output'];
  role: Scalars['String']['output'];
  /** The caller: a token's subject, or `service:<name>` for an API key. */
  subject: Scalars['String']['output'];
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEventFilter = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Events at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kind?: InputMaybe<AuditEventKind>;
  subject?: InputMaybe<Scalars['String']['input']>;
  /** Events before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AuditEventKind =
  /** Any mutation, whatever its outcome. */
  | 'MUTATION'
  /** A read of unmasked PII (`pii:read`) or finance (`finance:read`) fields. */
  | 'SENSITIVE_READ';

export type AuditOutcome =
  /** Answered with errors only. */
  | 'ERROR'
  /** Answered without errors. */
  | 'OK'
  /** Answered with data and errors. */
  | 'PARTIAL';

export type ChurnJourney = {
  __typename?: 'ChurnJourney';
  /** Inbound contacts abandoned before an answer. */
  abandonedContacts: Maybe<Scalars['Int']['output']>;
  /** Calls with the customer in the window, either direction. */
  calls: Maybe<Scalars['Int']['output']>;
  /** STOPPED_ORDERING: last order + quietDays. TURNED_INACTIVE: when the status changed to INACTIVE. */
  churnedAt: Scalars['DateTime']['output'];
  /** Inbound contacts in the window; null (with an error) when the call center did not answer. */
  contacts: Maybe<Scalars['Int']['output']>;
  /** Conversations started in the window (CRM). */
  conversations: Scalars['Int']['output'];
  customer: Maybe<Customer>;
  /** Their last order (not CANCELLED) placed before `churnedAt`; `null` when they never ordered before it. */
  lastOrderAt: Maybe<Scalars['DateTime']['output']>;
  /** The customer's tickets open at the end of the window (status history). */
  openTickets: Maybe<Scalars['Int']['output']>;
  /** The rule `churnedAt` comes from (matching both: the earlier churn, TURNED_INACTIVE on a tie). */
  rule: ChurnRule;
  /** Tickets created in the window whose SLA was breached. */
  slaBreaches: Maybe<Scalars['Int']['output']>;
  /** Tickets created in the window; null (with an error) when the ticket system did not answer. */
  ticketsCreated: Maybe<Scalars['Int']['output']>;
  tier: Scalars['String']['output'];
  /** STOPPED_ORDERING: last order − lookbackDays; TURNED_INACTIVE: churnedAt − lookbackDays. The window is [windowStart, churnedAt). */
  windowStart: Scalars['DateTime']['output'];
};

export type ChurnJourneyReport = {
  __typename?: 'ChurnJourneyReport';
  /** Customers who churned in the range (all of them, not only those listed). */
  churned: Scalars['Int']['output'];
  /** The first `first` churned customers, oldest churn first. */
  customers: Array<ChurnJourney>;
  from: Scalars['DateTime']['output'];
  lookbackDays: Scalars['Int']['output'];
  quietDays: Scalars['Int']['output'];
  /** The rules asked for. */
  rules: Array<ChurnRule>;
  to: Scalars['DateTime']['output'];
};

/**
 * How a customer churned (docs/reporting.md, "Journey before churn"). The same enum is declared
 * in the CRM's SDL (schema/crm.graphql); the two must stay identical.
 */
export type ChurnRule =
  /** Their last order in the range was followed by none within `quietDays` days. */
  | 'STOPPED_ORDERING'
  /** Their status changed to INACTIVE in the range and was still INACTIVE at its end. */
  | 'TURNED_INACTIVE';

export type ContactReasonRow = {
  __typename?: 'ContactReasonRow';
  /** Inbound contacts with this wrap-up code; null (with an error) when the call center did not answer. */
  calls: Maybe<Scalars['Int']['output']>;
  /** Conversations started with this intent; null (with an error) when the CRM did not answer. */
  conversations: Maybe<Scalars['Int']['output']>;
  /** The contact-reason code; null for contacts without one. */
  reason: Maybe<Scalars['String']['output']>;
  /** Tickets created with this category; null (with an error) when the ticket system did not answer. */
  tickets: Maybe<Scalars['Int']['output']>;
  /** The customer's tier; null when not known (unknown callers, tickets without a tier). */
  tier: Maybe<Scalars['String']['output']>;
  /** calls + tickets + conversations; null when one of them is. */
  total: Maybe<Scalars['Int']['output']>;
};

export type ContactReasonsReport = {
  __typename?: 'ContactReasonsReport';
  from: Scalars['DateTime']['output'];
  /** Per tier (by name, unknown tier last), then most contacts first, then reason (none last). */
  rows: Array<ContactReasonRow>;
  /** The tier asked for; null: every tier. */
  tier: Maybe<Scalars['String']['output']>;
  to: Scalars['DateTime']['output'];
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
};

export type CustomerDataExport = {
  __typename?: 'CustomerDataExport';
  /** The document's size in bytes (UTF-8 JSON). */
  bytes: Scalars['Int']['output'];
  /** Whether every source answered. */
  complete: Scalars['Boolean']['output'];
  customerId: Scalars['ID']['output'];
  /** The document itself when at most `SWITCHBOARD_EXPORT_INLINE_BYTES` (256 KiB); `null` for larger ones: download it. */
  document: Maybe<Scalars['String']['output']>;
  /** A signed link to download the document (GET, no credentials needed) until `expiresAt`. */
  downloadUrl: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  generatedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  manifest: Array<ExportSource>;
};

/** A data subject's erasure and the state of each system's step. */
export type ErasureRequest = {
  __typename?: 'ErasureRequest';
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** Whom it erased: the CRM's customer id (which no longer leads to any personal data). */
  customerId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** Why, as the requester wrote it. */
  reason: Scalars['String']['output'];
  requestedAt: Scalars['DateTime']['output'];
  /** Who asked for it: a token's subject, or `service:<name>`. */
  requestedBy: Scalars['String']['output'];
  status: ErasureStatus;
  /** One per system, in the order they run. */
  steps: Array<ErasureStep>;
};

export type ErasureStatus =
  /** Every system erased what it holds. */
  | 'COMPLETED'
  /** A step failed; it is retried (and resumed by `eraseCustomer` again). */
  | 'FAILED'
  /** Steps remain to run. */
  | 'IN_PROGRESS';

export type ErasureStep = {
  __typename?: 'ErasureStep';
  attempts: Scalars['Int']['output'];
  doneAt: Maybe<Scalars['DateTime']['output']>;
  /** Records erased or pseudonymised (by the run that finished the step). */
  erased: Maybe<Scalars['Int']['output']>;
  /** Why the last attempt failed; no personal data. */
  lastError: Maybe<Scalars['String']['output']>;
  /** Recording references flagged for deletion at the recording store. */
  recordingsFlagged: Maybe<Scalars['Int']['output']>;
  status: ErasureStepStatus;
  /** The system: `callcenter`, `tickets`, `crm`. */
  system: Scalars['String']['output'];
};

export type ErasureStepStatus =
  | 'DONE'
  | 'FAILED'
  | 'PENDING';

/** One source of an export: what it contributed. */
export type ExportSource = {
  __typename?: 'ExportSource';
  /** Why it is unavailable. */
  error: Maybe<Scalars['String']['output']>;
  /** Record kinds with their counts, as `kind:count`. */
  kinds: Array<Scalars['String']['output']>;
  records: Scalars['Int']['output'];
  /** `crm`, `callcenter`, `tickets`, `audit`. */
  source: Scalars['String']['output'];
  status: ExportSourceStatus;
};

export type ExportSourceStatus =
  | 'COMPLETE'
  | 'UNAVAILABLE';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Erases the customer's personal data in every system: a saga with one step per system
   * (call center, ticket system, then the CRM), each step's state stored. Idempotent: the same
   * customer again returns the request already made, resuming the steps that did not finish
   * (a crash or an unreachable system leaves the request `FAILED` until resumed here or by the
   * gateway's retry). `reason` (1..500 characters, no personal data) is kept with the request.
   */
  eraseCustomer: Maybe<ErasureRequest>;
  /**
   * Everything every system holds about the customer as one JSON document with a manifest of
   * its sources, stored as an export that can be downloaded once per link until `expiresAt`.
   * A source that cannot be reached is in the manifest as `UNAVAILABLE` (and `complete` is false).
   * Recorded in the audit trail.
   */
  exportCustomerData: Maybe<CustomerDataExport>;
};


export type MutationEraseCustomerArgs = {
  customerId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationExportCustomerDataArgs = {
  customerId: Scalars['ID']['input'];
};

/** Relay-style page information; cursors are opaque. Readable by any signed-in caller who reaches a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Audit events, newest first, optionally filtered. Admins only (`audit:read`).
   * `first` is at most 100.
   */
  auditEvents: Maybe<AuditEventConnection>;
  /**
   * The journey of customers who churned in `range` by any of `rules` (the CRM's
   * `churnedCustomers`): STOPPED_ORDERING, no order within `quietDays` days after their last
   * order in the range (window `[last order − lookbackDays, last order + quietDays)`);
   * TURNED_INACTIVE, their status changed to INACTIVE in the range and was still INACTIVE at its
   * end (window `[change − lookbackDays, change)`). A customer matching both is listed once, by
   * the earlier churn (TURNED_INACTIVE on a tie). Per customer, in the window: their
   * conversations, calls, tickets created, tickets open at the end and SLA breaches. Without the
   * CRM nothing can be said (`null`, `SUBGRAPH_UNAVAILABLE` naming `crm`). `BAD_USER_INPUT` for
   * an empty `rules`.
   */
  churnJourneys: Maybe<ChurnJourneyReport>;
  /**
   * What customers of each tier get in touch about over `range`: per tier and reason, the
   * contacts by system: calls (inbound contacts by wrap-up code, tier at the time of the call),
   * tickets (created, by category, requester tier at creation) and conversations (started, by
   * intent, the customer's tier now). `tier` (one of STANDARD, SILVER, GOLD, PLATINUM) keeps one
   * tier. `BAD_USER_INPUT` for a bad range or tier.
   */
  contactReasonsByTier: Maybe<ContactReasonsReport>;
  /** Erasure requests, newest first; of one customer with `customerId`. At most 100. */
  erasureRequests: Maybe<Array<ErasureRequest>>;
  /**
   * Calls that ended in the call center in [from, to) against call logs on the CRM timeline and
   * callback tickets in the ticket system: every difference with its ids and reason, and the
   * agreement rate. Admins only (`reports:read` and `audit:read`). A system that does not answer
   * nulls the figures that need it, with an error naming the system at their path.
   */
  reconciliationReport: Maybe<ReconciliationReport>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChurnJourneysArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  lookbackDays?: InputMaybe<Scalars['Int']['input']>;
  quietDays?: InputMaybe<Scalars['Int']['input']>;
  range: TimeRangeInput;
  rules?: InputMaybe<Array<ChurnRule>>;
};


export type QueryContactReasonsByTierArgs = {
  range: TimeRangeInput;
  tier?: InputMaybe<Scalars['String']['input']>;
};


export type QueryErasureRequestsArgs = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReconciliationReportArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type ReconciliationDifference = {
  __typename?: 'ReconciliationDifference';
  /** The CRM's CALL_LOG activity ids for the call. */
  activityIds: Array<Scalars['ID']['output']>;
  callId: Scalars['ID']['output'];
  /** The customer the outbox matched, if any. */
  customerId: Maybe<Scalars['ID']['output']>;
  reason: ReconciliationReason;
  /** The callback ticket numbers for the call. */
  ticketNumbers: Array<Scalars['String']['output']>;
};

export type ReconciliationReason =
  /** Several customers share the number: no log is expected until an agent decides. */
  | 'AMBIGUOUS'
  /** No customer has the caller's number: no log is expected. */
  | 'CUSTOMER_UNKNOWN'
  /** The CRM has more than one CALL_LOG activity for the call. */
  | 'DUPLICATE_CALL_LOG'
  /** The outbox created the callback ticket but the ticket system has none with its idempotency key. */
  | 'MISSING_CALLBACK_TICKET'
  /** The outbox logged the call but the CRM has no CALL_LOG activity for it. */
  | 'MISSING_CALL_LOG'
  /** The call's outbox row is not delivered yet, or no row was queued and the CRM has no log for the call. */
  | 'OUTBOX_PENDING'
  /** The graph refused the outbox row for good (status FAILED). */
  | 'REJECTED';

export type ReconciliationReport = {
  __typename?: 'ReconciliationReport';
  /** Expected calls with no difference; null when the CRM or the ticket system did not answer. */
  agreeing: Maybe<Scalars['Int']['output']>;
  /** agreeing / expectedCallLogs (1 when nothing was expected); null when a system did not answer. */
  agreementRate: Maybe<Scalars['Float']['output']>;
  /** Calls that ended in the range with a customer-side number (the call-log outbox queues those). */
  callsEnded: Scalars['Int']['output'];
  /** Every difference, by call id then reason; null when the CRM or the ticket system did not answer. */
  differences: Maybe<Array<ReconciliationDifference>>;
  /** Of `callsEnded`, those expected to have a call log: all but CUSTOMER_UNKNOWN and AMBIGUOUS. */
  expectedCallLogs: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  to: Scalars['DateTime']['output'];
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

export type Link__Purpose =
  | 'EXECUTION'
  | 'SECURITY';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AuditEvent: ResolverTypeWrapper<AuditEventModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditEventConnection: ResolverTypeWrapper<Omit<AuditEventConnection, 'nodes'> & { nodes: Array<ResolversTypes['AuditEvent']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditEventFilter: AuditEventFilter;
  AuditEventKind: AuditEventKind;
  AuditOutcome: AuditOutcome;
  ChurnJourney: ResolverTypeWrapper<ChurnJourney>;
  ChurnJourneyReport: ResolverTypeWrapper<ChurnJourneyReport>;
  ChurnRule: ChurnRule;
  ContactReasonRow: ResolverTypeWrapper<ContactReasonRow>;
  ContactReasonsReport: ResolverTypeWrapper<ContactReasonsReport>;
  Customer: ResolverTypeWrapper<Customer>;
  CustomerDataExport: ResolverTypeWrapper<CustomerDataExport>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ErasureRequest: ResolverTypeWrapper<ErasureRequest>;
  ErasureStatus: ErasureStatus;
  ErasureStep: ResolverTypeWrapper<ErasureStep>;
  ErasureStepStatus: ErasureStepStatus;
  ExportSource: ResolverTypeWrapper<ExportSource>;
  ExportSourceStatus: ExportSourceStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconciliationDifference: ResolverTypeWrapper<ReconciliationDifference>;
  ReconciliationReason: ReconciliationReason;
  ReconciliationReport: ResolverTypeWrapper<ReconciliationReport>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  TimeRangeInput: TimeRangeInput;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditEvent: AuditEventModel;
  ID: Scalars['ID']['output'];
  AuditEventConnection: Omit<AuditEventConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['AuditEvent']> };
  Int: Scalars['Int']['output'];
  AuditEventFilter: AuditEventFilter;
  ChurnJourney: ChurnJourney;
  ChurnJourneyReport: ChurnJourneyReport;
  ContactReasonRow: ContactReasonRow;
  ContactReasonsReport: ContactReasonsReport;
  Customer: Customer;
  CustomerDataExport: CustomerDataExport;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  ErasureRequest: ErasureRequest;
  ErasureStep: ErasureStep;
  ExportSource: ExportSource;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  ReconciliationDifference: ReconciliationDifference;
  ReconciliationReport: ReconciliationReport;
  Float: Scalars['Float']['output'];
  TimeRangeInput: TimeRangeInput;
  link__Import: Scalars['link__Import']['output'];
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type InaccessibleDirectiveArgs = { };

export type InaccessibleDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type OverrideDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['String']['input']>>;
};

export type PolicyDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type RequiresScopesDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuditEventResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  customers?: Resolver<Array<Maybe<ResolversTypes['Customer']>>, ParentType, ContextType>;
  erasure?: Resolver<Maybe<ResolversTypes['ErasureRequest']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AuditEventKind'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['AuditOutcome'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEventConnectionResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ChurnJourneyResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ChurnJourney'] = ResolversParentTypes['ChurnJourney']> = ResolversObject<{
  abandonedContacts?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  calls?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  churnedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  contacts?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  conversations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  lastOrderAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  openTickets?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ChurnRule'], ParentType, ContextType>;
  slaBreaches?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ticketsCreated?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  windowStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ChurnJourneyReportResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ChurnJourneyReport'] = ResolversParentTypes['ChurnJourneyReport']> = ResolversObject<{
  churned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customers?: Resolver<Array<ResolversTypes['ChurnJourney']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lookbackDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quietDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['ChurnRule']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ContactReasonRowResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ContactReasonRow'] = ResolversParentTypes['ContactReasonRow']> = ResolversObject<{
  calls?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  conversations?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tickets?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ContactReasonsReportResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ContactReasonsReport'] = ResolversParentTypes['ContactReasonsReport']> = ResolversObject<{
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ContactReasonRow']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerDataExportResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['CustomerDataExport'] = ResolversParentTypes['CustomerDataExport']> = ResolversObject<{
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  manifest?: Resolver<Array<ResolversTypes['ExportSource']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ErasureRequestResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ErasureRequest'] = ResolversParentTypes['ErasureRequest']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ErasureStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['ErasureStep']>, ParentType, ContextType>;
}>;

export type ErasureStepResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ErasureStep'] = ResolversParentTypes['ErasureStep']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  doneAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  erased?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordingsFlagged?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ErasureStepStatus'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ExportSourceResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ExportSource'] = ResolversParentTypes['ExportSource']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExportSourceStatus'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  eraseCustomer?: Resolver<Maybe<ResolversTypes['ErasureRequest']>, ParentType, ContextType, RequireFields<MutationEraseCustomerArgs, 'customerId' | 'reason'>>;
  exportCustomerData?: Resolver<Maybe<ResolversTypes['CustomerDataExport']>, ParentType, ContextType, RequireFields<MutationExportCustomerDataArgs, 'customerId'>>;
}>;

export type PageInfoResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditEvents?: Resolver<Maybe<ResolversTypes['AuditEventConnection']>, ParentType, ContextType, RequireFields<QueryAuditEventsArgs, 'first'>>;
  churnJourneys?: Resolver<Maybe<ResolversTypes['ChurnJourneyReport']>, ParentType, ContextType, RequireFields<QueryChurnJourneysArgs, 'first' | 'lookbackDays' | 'quietDays' | 'range' | 'rules'>>;
  contactReasonsByTier?: Resolver<Maybe<ResolversTypes['ContactReasonsReport']>, ParentType, ContextType, RequireFields<QueryContactReasonsByTierArgs, 'range'>>;
  erasureRequests?: Resolver<Maybe<Array<ResolversTypes['ErasureRequest']>>, ParentType, ContextType, Partial<QueryErasureRequestsArgs>>;
  reconciliationReport?: Resolver<Maybe<ResolversTypes['ReconciliationReport']>, ParentType, ContextType, RequireFields<QueryReconciliationReportArgs, 'from' | 'to'>>;
}>;

export type ReconciliationDifferenceResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ReconciliationDifference'] = ResolversParentTypes['ReconciliationDifference']> = ResolversObject<{
  activityIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  callId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ReconciliationReason'], ParentType, ContextType>;
  ticketNumbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ReconciliationReportResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['ReconciliationReport'] = ResolversParentTypes['ReconciliationReport']> = ResolversObject<{
  agreeing?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  agreementRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  callsEnded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  differences?: Resolver<Maybe<Array<ResolversTypes['ReconciliationDifference']>>, ParentType, ContextType>;
  expectedCallLogs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = AuditContext> = ResolversObject<{
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  ChurnJourney?: ChurnJourneyResolvers<ContextType>;
  ChurnJourneyReport?: ChurnJourneyReportResolvers<ContextType>;
  ContactReasonRow?: ContactReasonRowResolvers<ContextType>;
  ContactReasonsReport?: ContactReasonsReportResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerDataExport?: CustomerDataExportResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  ErasureRequest?: ErasureRequestResolvers<ContextType>;
  ErasureStep?: ErasureStepResolvers<ContextType>;
  ExportSource?: ExportSourceResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconciliationDifference?: ReconciliationDifferenceResolvers<ContextType>;
  ReconciliationReport?: ReconciliationReportResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = AuditContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  override?: OverrideDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
