import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TicketRecord as TicketRecordModel, TicketCommentRecord as TicketCommentRecordModel } from '../source/records.js';
import type { CustomerTicketSummary as CustomerTicketSummaryModel } from '../reports/customer-reports-sql.js';
import type { TicketMetricsValues as TicketMetricsValuesModel } from '../reports/ticket-metrics.js';
import type { TicketsContext } from '../context.js';
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

export type Agent = {
  __typename?: 'Agent';
  id: Scalars['ID']['output'];
};

export type Call = {
  __typename?: 'Call';
  id: Scalars['ID']['output'];
  /** Tickets opened from this call; `null` when the ticket system is down. */
  tickets: Maybe<Array<Ticket>>;
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

export type CreateTicketInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * A contact-reason code: lower-case letters, digits and `_`, a letter first, at most 64
   * characters (`billing`, `order_status`). With `TICKETS_SOURCE=rt` only when the RT mapping
   * names a category custom field (`BAD_USER_INPUT` with `reason: SOURCE_NOT_SUPPORTED` otherwise).
   */
  category?: InputMaybe<Scalars['String']['input']>;
  channel?: InputMaybe<TicketChannel>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** A client-chosen key (1-128 characters); retrying with the same key never creates a second ticket. */
  idempotencyKey: Scalars['String']['input'];
  priority?: InputMaybe<TicketPriority>;
  relatedCallId?: InputMaybe<Scalars['ID']['input']>;
  /** The CRM customer id of the requester. */
  requesterId: Scalars['ID']['input'];
  subject: Scalars['String']['input'];
  /** At most 20 codes of the same shape; duplicates are dropped. Not kept with `TICKETS_SOURCE=rt` (`BAD_USER_INPUT`). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  /** The CRM's record-level verdict for the current caller. */
  recordAccess: Maybe<RecordAccess>;
  /** Keys and creation times of the customer's 1,000 most recent tickets, for `Customer.interactions` (hidden from the API); empty without `tickets:read`. */
  ticketStamps: Maybe<Array<InteractionStamp>>;
  /** The customer's tickets created in `range`, by status. */
  ticketSummary: Maybe<CustomerTicketSummary>;
  /**
   * The customer's tickets, newest first, optionally by status. `first` is at most 100.
   * Nullable so that the rest of the customer still arrives when the ticket system is down;
   * `null` with a `FORBIDDEN` (`RECORD_RESTRICTED`) error for a MINIMAL customer.
   */
  tickets: Maybe<TicketConnection>;
};


export type CustomerTicketSummaryArgs = {
  range: TimeRangeInput;
};


export type CustomerTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<TicketStatus>>;
};

export type CustomerTicketJourney = {
  __typename?: 'CustomerTicketJourney';
  created: Scalars['Int']['output'];
  customerId: Scalars['ID']['output'];
  openAtEnd: Scalars['Int']['output'];
  slaBreached: Scalars['Int']['output'];
};

/** A customer's tickets created in a range, by status now. */
export type CustomerTicketSummary = {
  __typename?: 'CustomerTicketSummary';
  byStatus: Array<TicketStatusCount>;
  created: Scalars['Int']['output'];
  slaBreached: Scalars['Int']['output'];
};

/** One customer's time window `[from, to)` (instants with `Z` or an offset). */
export type CustomerWindowInput = {
  customerId: Scalars['ID']['input'];
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** Nearest-rank percentiles of a duration in seconds (the smallest value with at least 50% / 90% of the values at or below it), read from bucketed histograms: exact below 128 s; from 128 s the middle of the value's bucket (16 buckets per power of two), at most 1/32 (3.125%) from the exact value (docs/reporting.md, "Roll-ups"). Null without values. */
export type DurationPercentiles = {
  __typename?: 'DurationPercentiles';
  median: Maybe<Scalars['Int']['output']>;
  p90: Maybe<Scalars['Int']['output']>;
};

export type ErasureStepOutcome = {
  __typename?: 'ErasureStepOutcome';
  erased: Scalars['Int']['output'];
  recordingsFlagged: Scalars['Int']['output'];
  source: Scalars['String']['output'];
};

/** The key and time of one call or ticket, given to the CRM to merge the timeline. */
export type InteractionStamp = {
  __typename?: 'InteractionStamp';
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Moves a ticket along an allowed transition (see `TicketStatus`); any other move is a
   * `BAD_USER_INPUT` error and changes nothing.
   */
  changeTicketStatus: Maybe<Ticket>;
  /**
   * Sets a ticket's category and tags (both replaced; `category: null` clears it). Codes as in
   * `CreateTicketInput.category` (`BAD_USER_INPUT` otherwise); `NOT_FOUND` for an unknown id.
   */
  classifyTicket: Maybe<Ticket>;
  /**
   * Creates a ticket. The same `idempotencyKey` twice creates one ticket and returns it
   * both times; the same key with different input is a `CONFLICT` error.
   */
  createTicket: Maybe<Ticket>;
  /** The ticket system's erasure step: subjects, descriptions and comments of the customer's tickets become `[erased]`; idempotent. */
  ticketsEraseCustomer: Maybe<ErasureStepOutcome>;
};


export type MutationChangeTicketStatusArgs = {
  id: Scalars['ID']['input'];
  status: TicketStatus;
};


export type MutationClassifyTicketArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type MutationCreateTicketArgs = {
  input: CreateTicketInput;
};


export type MutationTicketsEraseCustomerArgs = {
  customerId: Scalars['ID']['input'];
  erasureId: Scalars['ID']['input'];
};

/** Relay-style page information; cursors are opaque. Readable by any signed-in caller who reaches a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PersonalDataPart = {
  __typename?: 'PersonalDataPart';
  records: Array<PersonalDataRecord>;
  source: Scalars['String']['output'];
};

export type PersonalDataRecord = {
  __typename?: 'PersonalDataRecord';
  data: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The tickets assigned to an agent, newest first, optionally by status (an agent's work queue). `first` is at most 100. */
  assignedTickets: Maybe<TicketConnection>;
  /** The callback tickets of the given call ids (idempotency key `callback:<call id>`). At most 10,000 ids. */
  reconciliationCallbackTickets: Maybe<Array<ReconciliationCallbackTicket>>;
  /** One ticket by id. Unknown ids give `null` and a `NOT_FOUND` error. */
  ticket: Maybe<Ticket>;
  /** One ticket by its human-readable number, for example `T-100042`. */
  ticketByNumber: Maybe<Ticket>;
  /**
   * The reconciliation of each synced copy this ticket subgraph keeps (over Request Tracker: the
   * local copy of the queue's tickets) with the system it copies, over the tickets created in
   * [from, to). Empty when nothing is synced (the embedded store is the ticket system itself).
   * BAD_USER_INPUT for a bad range or more than 10,000 records on a side; the connected
   * system's failure as its error.
   */
  ticketCopyReconciliation: Maybe<Array<CopyReconciliation>>;
  /**
   * Each requester's tickets in their window `[from, to)`: created in it, open at its end (from
   * the status history: NEW, OPEN, PENDING or HOLD then), and those created in it whose SLA was
   * breached (as `Ticket.slaBreached`). In input order; at most 1,000 windows
   * (`BAD_USER_INPUT`). Part of the gateway's `churnJourneys`.
   */
  ticketJourneys: Maybe<Array<CustomerTicketJourney>>;
  /**
   * Ticket KPIs over `range`, in total and per group (`groupBy`; no groups when omitted).
   * Bounds (`BAD_USER_INPUT` otherwise): range at most 366 days, at most 1,000 groups.
   */
  ticketMetrics: Maybe<TicketMetricsReport>;
  /**
   * Tickets created and SLA breaches per requester tier, the tier being the requester's when
   * the ticket was created (stored with the ticket: no lookup per customer). Tickets without
   * a known tier are the group with `tier: null`.
   */
  ticketMetricsByTier: Maybe<Array<TierTicketMetrics>>;
  /**
   * Tickets created in `range`, per requester tier when the ticket was created and category
   * (`reason` null: not classified). Part of the gateway's `contactReasonsByTier`.
   */
  ticketReasonsByTier: Maybe<Array<TicketReasonCount>>;
  /** The ticket system's part of a data subject's export: the tickets they requested and their comments. */
  ticketsPersonalData: Maybe<PersonalDataPart>;
};


export type QueryAssignedTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assigneeId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<TicketStatus>>;
};


export type QueryReconciliationCallbackTicketsArgs = {
  callIds: Array<Scalars['ID']['input']>;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTicketByNumberArgs = {
  number: Scalars['String']['input'];
};


export type QueryTicketCopyReconciliationArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryTicketJourneysArgs = {
  windows: Array<CustomerWindowInput>;
};


export type QueryTicketMetricsArgs = {
  groupBy?: InputMaybe<TicketMetricsGroupBy>;
  range: TimeRangeInput;
};


export type QueryTicketMetricsByTierArgs = {
  range: TimeRangeInput;
};


export type QueryTicketReasonsByTierArgs = {
  range: TimeRangeInput;
};


export type QueryTicketsPersonalDataArgs = {
  customerId: Scalars['ID']['input'];
};

/** A callback ticket found by its idempotency key. */
export type ReconciliationCallbackTicket = {
  __typename?: 'ReconciliationCallbackTicket';
  callId: Scalars['ID']['output'];
  number: Scalars['String']['output'];
  ticketId: Scalars['ID']['output'];
};

/** How much of a customer the current caller may see. */
export type RecordAccess =
  /** Every field (the caller's scopes still apply). */
  | 'FULL'
  /** Only the fields needed to serve a caller: id, displayName, tier, status, phones, lastContactAt. */
  | 'MINIMAL';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The ticket as it is after each committed change (created, status changed, classified), from now on.
   * With `ticketId` one ticket, with `requesterId` one customer's tickets (both: both must
   * match), without either every ticket. The same rights as `ticket(id)`; the requester's
   * fields follow the record-level rule like any query's. A subscriber that cannot keep up is
   * disconnected with close code 4520 and reads the ticket again.
   */
  ticketUpdated: Ticket;
};


export type SubscriptionTicketUpdatedArgs = {
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  ticketId?: InputMaybe<Scalars['ID']['input']>;
};

/** Readable with `tickets:read`, and as a mutation's result with `tickets:write`. */
export type Ticket = {
  __typename?: 'Ticket';
  /** Who assigned the ticket: a user's token subject, or `service:<name>` for an API key; `null` when unassigned or not recorded. An assignment someone made to themselves gives them no record access (docs/authorization.md). */
  assignedBy: Maybe<Scalars['String']['output']>;
  assignee: Maybe<Agent>;
  /** Why the customer got in touch: a contact-reason code (`billing`, `order_status`); `null` when not classified. */
  category: Maybe<Scalars['String']['output']>;
  channel: TicketChannel;
  comments: Array<TicketComment>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  firstRespondedAt: Maybe<Scalars['DateTime']['output']>;
  /** Seconds from creation to the first public agent reply. */
  firstResponseSeconds: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  number: Scalars['String']['output'];
  priority: TicketPriority;
  /** The call this ticket was opened from, if any. */
  relatedCall: Maybe<Call>;
  requester: Maybe<Customer>;
  /** Seconds from creation to solved. */
  resolutionSeconds: Maybe<Scalars['Int']['output']>;
  /** Whether an SLA target was missed. */
  slaBreached: Scalars['Boolean']['output'];
  /** When the next SLA target (first reply, then resolution) falls due; `null` when none applies. */
  slaDueAt: Maybe<Scalars['DateTime']['output']>;
  solvedAt: Maybe<Scalars['DateTime']['output']>;
  status: TicketStatus;
  subject: Scalars['String']['output'];
  /** Free codes (same shape as `category`), in the order given; empty when none. */
  tags: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};


/** Readable with `tickets:read`, and as a mutation's result with `tickets:write`. */
export type TicketCommentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type TicketChannel =
  | 'CHAT'
  | 'EMAIL'
  | 'PHONE'
  | 'WEB';

export type TicketComment = {
  __typename?: 'TicketComment';
  author: Scalars['String']['output'];
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  public: Scalars['Boolean']['output'];
};

export type TicketConnection = {
  __typename?: 'TicketConnection';
  nodes: Array<Ticket>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** Ticket figures of the range or one group. Rates are between 0 and 1, and null when their denominator is 0. */
export type TicketMetrics = {
  __typename?: 'TicketMetrics';
  /** The group's agent when grouped by ASSIGNEE. */
  assignee: Maybe<Agent>;
  /** Backlog at the end of the range: tickets whose status just before `to` was open (NEW, OPEN, PENDING, HOLD), from the status history. */
  backlog: Scalars['Int']['output'];
  /** Tickets created in the range. */
  created: Scalars['Int']['output'];
  /** Seconds from creation to the first public agent reply, of tickets created in the range that have one. */
  firstReplyTime: DurationPercentiles;
  /** Null in `totals`; in groups the group's key (see `TicketMetricsGroupBy`). */
  key: Maybe<Scalars['String']['output']>;
  /** Seconds from creation to solved, of tickets solved in the range. */
  resolutionTime: DurationPercentiles;
  /** slaBreached / created. */
  slaBreachRate: Maybe<Scalars['Float']['output']>;
  /** Tickets created in the range whose SLA was breached (as `Ticket.slaBreached`: a target missed, or due and past now). */
  slaBreached: Scalars['Int']['output'];
  /** Tickets solved in the range (`solvedAt` in the range; a reopened ticket no longer counts). */
  solved: Scalars['Int']['output'];
};

export type TicketMetricsGroupBy =
  /** The assigned agent now; key: the agent id, null when unassigned. */
  | 'ASSIGNEE'
  /** The channel the ticket came in by; key: the channel name. */
  | 'CHANNEL'
  /** Local days in the range's time zone; key and counting as for HOUR. */
  | 'DAY'
  /**
   * Local hours in the range's time zone (ranges up to 31 days); key: the hour's local start
   * with its offset. A ticket counts as created / solved in the bucket of its created / solved
   * time; backlog is at the end of each bucket.
   */
  | 'HOUR'
  /** The ticket's priority now; key: the priority name. */
  | 'PRIORITY'
  /** The assigned agent's team (from the agent directory the ticket system keeps); key: the team name, null when unassigned or unknown. */
  | 'TEAM';

export type TicketMetricsReport = {
  __typename?: 'TicketMetricsReport';
  /**
   * How fresh the figures are: null when they are read from the ticket store itself (the
   * embedded store, always current); over a connected ticket system (Request Tracker) the
   * instant up to which the synced copy holds every change (docs/connectors.md).
   */
  asOf: Maybe<Scalars['DateTime']['output']>;
  groupBy: Maybe<TicketMetricsGroupBy>;
  /** Per group, by key, the null key last. */
  groups: Array<TicketMetrics>;
  /** Over the whole range. */
  totals: TicketMetrics;
};

export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

export type TicketReasonCount = {
  __typename?: 'TicketReasonCount';
  count: Scalars['Int']['output'];
  reason: Maybe<Scalars['String']['output']>;
  tier: Maybe<Scalars['String']['output']>;
};

/**
 * Allowed transitions: NEW → OPEN, PENDING, HOLD, SOLVED; OPEN → PENDING, HOLD, SOLVED;
 * PENDING → OPEN, HOLD, SOLVED; HOLD → OPEN, PENDING, SOLVED; SOLVED → OPEN, CLOSED;
 * CLOSED is final.
 */
export type TicketStatus =
  | 'CLOSED'
  | 'HOLD'
  | 'NEW'
  | 'OPEN'
  | 'PENDING'
  | 'SOLVED';

export type TicketStatusCount = {
  __typename?: 'TicketStatusCount';
  count: Scalars['Int']['output'];
  status: TicketStatus;
};

export type TierTicketMetrics = {
  __typename?: 'TierTicketMetrics';
  /** As `TicketMetricsReport.asOf`: null when read from the ticket store itself, else the instant the synced copy is complete up to. */
  asOf: Maybe<Scalars['DateTime']['output']>;
  /** Tickets created in the range. */
  created: Scalars['Int']['output'];
  /** slaBreached / created; null when none were created. */
  slaBreachRate: Maybe<Scalars['Float']['output']>;
  slaBreached: Scalars['Int']['output'];
  /** The requester's CRM tier when the ticket was created; null when not known. */
  tier: Maybe<Scalars['String']['output']>;
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
  Call: Call;
  Customer: Customer;
  Ticket: Ticket;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Call:
    ( { __typename: 'Call' }
    & GraphQLRecursivePick<FederationTypes['Call'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}> ) );
  Ticket:
    ( { __typename: 'Ticket' }
    & GraphQLRecursivePick<FederationTypes['Ticket'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agent: ResolverTypeWrapper<Agent>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Call: ResolverTypeWrapper<Omit<Call, 'tickets'> & { tickets?: Maybe<Array<ResolversTypes['Ticket']>> }>;
  CopyDifference: ResolverTypeWrapper<CopyDifference>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CopyDifferenceReason: CopyDifferenceReason;
  CopyReconciliation: ResolverTypeWrapper<CopyReconciliation>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CreateTicketInput: CreateTicketInput;
  Customer: ResolverTypeWrapper<Omit<Customer, 'ticketSummary' | 'tickets'> & { ticketSummary?: Maybe<ResolversTypes['CustomerTicketSummary']>, tickets?: Maybe<ResolversTypes['TicketConnection']> }>;
  CustomerTicketJourney: ResolverTypeWrapper<CustomerTicketJourney>;
  CustomerTicketSummary: ResolverTypeWrapper<CustomerTicketSummaryModel>;
  CustomerWindowInput: CustomerWindowInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DurationPercentiles: ResolverTypeWrapper<DurationPercentiles>;
  ErasureStepOutcome: ResolverTypeWrapper<ErasureStepOutcome>;
  InteractionStamp: ResolverTypeWrapper<InteractionStamp>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonalDataPart: ResolverTypeWrapper<PersonalDataPart>;
  PersonalDataRecord: ResolverTypeWrapper<PersonalDataRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconciliationCallbackTicket: ResolverTypeWrapper<ReconciliationCallbackTicket>;
  RecordAccess: RecordAccess;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Ticket: ResolverTypeWrapper<TicketRecordModel>;
  TicketChannel: TicketChannel;
  TicketComment: ResolverTypeWrapper<TicketCommentRecordModel>;
  TicketConnection: ResolverTypeWrapper<Omit<TicketConnection, 'nodes'> & { nodes: Array<ResolversTypes['Ticket']> }>;
  TicketMetrics: ResolverTypeWrapper<TicketMetricsValuesModel>;
  TicketMetricsGroupBy: TicketMetricsGroupBy;
  TicketMetricsReport: ResolverTypeWrapper<Omit<TicketMetricsReport, 'groups' | 'totals'> & { groups: Array<ResolversTypes['TicketMetrics']>, totals: ResolversTypes['TicketMetrics'] }>;
  TicketPriority: TicketPriority;
  TicketReasonCount: ResolverTypeWrapper<TicketReasonCount>;
  TicketStatus: TicketStatus;
  TicketStatusCount: ResolverTypeWrapper<TicketStatusCount>;
  TierTicketMetrics: ResolverTypeWrapper<TierTicketMetrics>;
  TimeRangeInput: TimeRangeInput;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agent: Agent;
  ID: Scalars['ID']['output'];
  Call: Omit<Call, 'tickets'> & { tickets?: Maybe<Array<ResolversParentTypes['Ticket']>> } | FederationReferenceTypes['Call'];
  CopyDifference: CopyDifference;
  Boolean: Scalars['Boolean']['output'];
  CopyReconciliation: CopyReconciliation;
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  CreateTicketInput: CreateTicketInput;
  Customer: Omit<Customer, 'ticketSummary' | 'tickets'> & { ticketSummary?: Maybe<ResolversParentTypes['CustomerTicketSummary']>, tickets?: Maybe<ResolversParentTypes['TicketConnection']> } | FederationReferenceTypes['Customer'];
  CustomerTicketJourney: CustomerTicketJourney;
  CustomerTicketSummary: CustomerTicketSummaryModel;
  CustomerWindowInput: CustomerWindowInput;
  DateTime: Scalars['DateTime']['output'];
  DurationPercentiles: DurationPercentiles;
  ErasureStepOutcome: ErasureStepOutcome;
  InteractionStamp: InteractionStamp;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PersonalDataPart: PersonalDataPart;
  PersonalDataRecord: PersonalDataRecord;
  Query: Record<PropertyKey, never>;
  ReconciliationCallbackTicket: ReconciliationCallbackTicket;
  Subscription: Record<PropertyKey, never>;
  Ticket: TicketRecordModel;
  TicketComment: TicketCommentRecordModel;
  TicketConnection: Omit<TicketConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Ticket']> };
  TicketMetrics: TicketMetricsValuesModel;
  TicketMetricsReport: Omit<TicketMetricsReport, 'groups' | 'totals'> & { groups: Array<ResolversParentTypes['TicketMetrics']>, totals: ResolversParentTypes['TicketMetrics'] };
  TicketReasonCount: TicketReasonCount;
  TicketStatusCount: TicketStatusCount;
  TierTicketMetrics: TierTicketMetrics;
  TimeRangeInput: TimeRangeInput;
  link__Import: Scalars['link__Import']['output'];
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = TicketsContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type InaccessibleDirectiveArgs = { };

export type InaccessibleDirectiveResolver<Result, Parent, ContextType = TicketsContext, Args = InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = TicketsContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type OverrideDirectiveResolver<Result, Parent, ContextType = TicketsContext, Args = OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['String']['input']>>;
};

export type PolicyDirectiveResolver<Result, Parent, ContextType = TicketsContext, Args = PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type RequiresScopesDirectiveResolver<Result, Parent, ContextType = TicketsContext, Args = RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = TicketsContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgentResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['Agent'] = ResolversParentTypes['Agent']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CallResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['Call'] = ResolversParentTypes['Call'], FederationReferenceType extends FederationReferenceTypes['Call'] = FederationReferenceTypes['Call']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Call']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tickets?: Resolver<Maybe<Array<ResolversTypes['Ticket']>>, ParentType, ContextType>;
}>;

export type CopyDifferenceResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['CopyDifference'] = ResolversParentTypes['CopyDifference']> = ResolversObject<{
  copyChangedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  pending?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['CopyDifferenceReason'], ParentType, ContextType>;
  recordId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceChangedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type CopyReconciliationResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['CopyReconciliation'] = ResolversParentTypes['CopyReconciliation']> = ResolversObject<{
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

export type CustomerResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ticketStamps?: Resolver<Maybe<Array<ResolversTypes['InteractionStamp']>>, ParentType, ContextType>;
  ticketSummary?: Resolver<Maybe<ResolversTypes['CustomerTicketSummary']>, ParentType, ContextType, RequireFields<CustomerTicketSummaryArgs, 'range'>>;
  tickets?: Resolver<Maybe<ResolversTypes['TicketConnection']>, ParentType, ContextType, RequireFields<CustomerTicketsArgs, 'first'>>;
}>;

export type CustomerTicketJourneyResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['CustomerTicketJourney'] = ResolversParentTypes['CustomerTicketJourney']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openAtEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slaBreached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CustomerTicketSummaryResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['CustomerTicketSummary'] = ResolversParentTypes['CustomerTicketSummary']> = ResolversObject<{
  byStatus?: Resolver<Array<ResolversTypes['TicketStatusCount']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slaBreached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DurationPercentilesResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['DurationPercentiles'] = ResolversParentTypes['DurationPercentiles']> = ResolversObject<{
  median?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p90?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ErasureStepOutcomeResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['ErasureStepOutcome'] = ResolversParentTypes['ErasureStepOutcome']> = ResolversObject<{
  erased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordingsFlagged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InteractionStampResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['InteractionStamp'] = ResolversParentTypes['InteractionStamp']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changeTicketStatus?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<MutationChangeTicketStatusArgs, 'id' | 'status'>>;
  classifyTicket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<MutationClassifyTicketArgs, 'id' | 'tags'>>;
  createTicket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<MutationCreateTicketArgs, 'input'>>;
  ticketsEraseCustomer?: Resolver<Maybe<ResolversTypes['ErasureStepOutcome']>, ParentType, ContextType, RequireFields<MutationTicketsEraseCustomerArgs, 'customerId' | 'erasureId'>>;
}>;

export type PageInfoResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonalDataPartResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['PersonalDataPart'] = ResolversParentTypes['PersonalDataPart']> = ResolversObject<{
  records?: Resolver<Array<ResolversTypes['PersonalDataRecord']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersonalDataRecordResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['PersonalDataRecord'] = ResolversParentTypes['PersonalDataRecord']> = ResolversObject<{
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  assignedTickets?: Resolver<Maybe<ResolversTypes['TicketConnection']>, ParentType, ContextType, RequireFields<QueryAssignedTicketsArgs, 'assigneeId' | 'first'>>;
  reconciliationCallbackTickets?: Resolver<Maybe<Array<ResolversTypes['ReconciliationCallbackTicket']>>, ParentType, ContextType, RequireFields<QueryReconciliationCallbackTicketsArgs, 'callIds'>>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<QueryTicketArgs, 'id'>>;
  ticketByNumber?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<QueryTicketByNumberArgs, 'number'>>;
  ticketCopyReconciliation?: Resolver<Maybe<Array<ResolversTypes['CopyReconciliation']>>, ParentType, ContextType, RequireFields<QueryTicketCopyReconciliationArgs, 'from' | 'to'>>;
  ticketJourneys?: Resolver<Maybe<Array<ResolversTypes['CustomerTicketJourney']>>, ParentType, ContextType, RequireFields<QueryTicketJourneysArgs, 'windows'>>;
  ticketMetrics?: Resolver<Maybe<ResolversTypes['TicketMetricsReport']>, ParentType, ContextType, RequireFields<QueryTicketMetricsArgs, 'range'>>;
  ticketMetricsByTier?: Resolver<Maybe<Array<ResolversTypes['TierTicketMetrics']>>, ParentType, ContextType, RequireFields<QueryTicketMetricsByTierArgs, 'range'>>;
  ticketReasonsByTier?: Resolver<Maybe<Array<ResolversTypes['TicketReasonCount']>>, ParentType, ContextType, RequireFields<QueryTicketReasonsByTierArgs, 'range'>>;
  ticketsPersonalData?: Resolver<Maybe<ResolversTypes['PersonalDataPart']>, ParentType, ContextType, RequireFields<QueryTicketsPersonalDataArgs, 'customerId'>>;
}>;

export type ReconciliationCallbackTicketResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['ReconciliationCallbackTicket'] = ResolversParentTypes['ReconciliationCallbackTicket']> = ResolversObject<{
  callId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  ticketUpdated?: SubscriptionResolver<ResolversTypes['Ticket'], "ticketUpdated", ParentType, ContextType, Partial<SubscriptionTicketUpdatedArgs>>;
}>;

export type TicketResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket'], FederationReferenceType extends FederationReferenceTypes['Ticket'] = FederationReferenceTypes['Ticket']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Ticket']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assignedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  assignee?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['TicketChannel'], ParentType, ContextType>;
  comments?: Resolver<Array<ResolversTypes['TicketComment']>, ParentType, ContextType, RequireFields<TicketCommentsArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstRespondedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  firstResponseSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  relatedCall?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  resolutionSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  slaBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slaDueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  solvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type TicketCommentResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['TicketComment'] = ResolversParentTypes['TicketComment']> = ResolversObject<{
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  public?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type TicketConnectionResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['TicketConnection'] = ResolversParentTypes['TicketConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TicketMetricsResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['TicketMetrics'] = ResolversParentTypes['TicketMetrics']> = ResolversObject<{
  assignee?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  backlog?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstReplyTime?: Resolver<ResolversTypes['DurationPercentiles'], ParentType, ContextType>;
  key?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolutionTime?: Resolver<ResolversTypes['DurationPercentiles'], ParentType, ContextType>;
  slaBreachRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  slaBreached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  solved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TicketMetricsReportResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['TicketMetricsReport'] = ResolversParentTypes['TicketMetricsReport']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  groupBy?: Resolver<Maybe<ResolversTypes['TicketMetricsGroupBy']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['TicketMetrics']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['TicketMetrics'], ParentType, ContextType>;
}>;

export type TicketReasonCountResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['TicketReasonCount'] = ResolversParentTypes['TicketReasonCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type TicketStatusCountResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['TicketStatusCount'] = ResolversParentTypes['TicketStatusCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
}>;

export type TierTicketMetricsResolvers<ContextType = TicketsContext, ParentType extends ResolversParentTypes['TierTicketMetrics'] = ResolversParentTypes['TierTicketMetrics']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slaBreachRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  slaBreached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = TicketsContext> = ResolversObject<{
  Agent?: AgentResolvers<ContextType>;
  Call?: CallResolvers<ContextType>;
  CopyDifference?: CopyDifferenceResolvers<ContextType>;
  CopyReconciliation?: CopyReconciliationResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerTicketJourney?: CustomerTicketJourneyResolvers<ContextType>;
  CustomerTicketSummary?: CustomerTicketSummaryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DurationPercentiles?: DurationPercentilesResolvers<ContextType>;
  ErasureStepOutcome?: ErasureStepOutcomeResolvers<ContextType>;
  InteractionStamp?: InteractionStampResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalDataPart?: PersonalDataPartResolvers<ContextType>;
  PersonalDataRecord?: PersonalDataRecordResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconciliationCallbackTicket?: ReconciliationCallbackTicketResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketComment?: TicketCommentResolvers<ContextType>;
  TicketConnection?: TicketConnectionResolvers<ContextType>;
  TicketMetrics?: TicketMetricsResolvers<ContextType>;
  TicketMetricsReport?: TicketMetricsReportResolvers<ContextType>;
  TicketReasonCount?: TicketReasonCountResolvers<ContextType>;
  TicketStatusCount?: TicketStatusCountResolvers<ContextType>;
  TierTicketMetrics?: TierTicketMetricsResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = TicketsContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  override?: OverrideDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
