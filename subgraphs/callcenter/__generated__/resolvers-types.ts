import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CallRecord as CallRecordModel, AgentRecord as AgentRecordModel, QueueRecord as QueueRecordModel } from '../source/records.js';
import type { HandoffRecord as HandoffRecordModel } from '../handoffs/records.js';
import type { CustomerCallSummary as CustomerCallSummaryModel } from '../reports/customer-reports-sql.js';
import type { CallCenterContext } from '../context.js';
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

/** Readable with `calls:read`, and as the agent a report or a ticket names with `reports:read` or `tickets:read`. */
export type Agent = {
  __typename?: 'Agent';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  presence: Maybe<AgentPresence>;
  team: Scalars['String']['output'];
};

export type AgentPresence =
  | 'AVAILABLE'
  | 'AWAY'
  | 'BUSY'
  | 'OFFLINE';

export type Call = {
  __typename?: 'Call';
  agent: Maybe<Agent>;
  answeredAt: Maybe<Scalars['DateTime']['output']>;
  /** Who the customer-side number belongs to, according to the CRM; `null` when withheld. */
  caller: Maybe<CallerIdentification>;
  direction: CallDirection;
  /** How the call ended; `null` while it is still going on. */
  disposition: Maybe<CallDisposition>;
  endedAt: Maybe<Scalars['DateTime']['output']>;
  /** The calling number in E.164 (its main number: an extension is dropped); `null` when withheld or not a valid number (the CTI webhook counts those in `ignored.invalidNumbers`). */
  from: Maybe<Scalars['String']['output']>;
  holdSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** For a transferred leg, the call it was transferred from. */
  parentCall: Maybe<Call>;
  queue: Maybe<Queue>;
  /** The call recording; requires `recordings:read`. */
  recording: Maybe<Recording>;
  /** When the call was offered (started ringing). */
  startedAt: Scalars['DateTime']['output'];
  state: CallState;
  talkSeconds: Scalars['Int']['output'];
  /** The called number in E.164; `null` when the call center did not report it. */
  to: Maybe<Scalars['String']['output']>;
  /** Seconds from offered to answered (or to abandoned). */
  waitSeconds: Scalars['Int']['output'];
  /**
   * Why the customer called, as the agent gave it at wrap-up (a contact-reason code such as
   * `billing`, `order_status`); `null` when none was given. Kept on the contact: a code set on a
   * transfer leg is the code of the call the customer made.
   */
  wrapUpCode: Maybe<Scalars['String']['output']>;
  wrapUpSeconds: Scalars['Int']['output'];
};

export type CallCenterMetrics = {
  __typename?: 'CallCenterMetrics';
  firstContactResolutionDays: Scalars['Int']['output'];
  groupBy: Maybe<CallMetricsGroupBy>;
  /** Per group: time buckets in time order; queues, agents and teams by key, the null key last. */
  groups: Array<CallMetrics>;
  serviceLevelSeconds: Scalars['Int']['output'];
  /** Over the whole range. */
  totals: CallMetrics;
};

export type CallConnection = {
  __typename?: 'CallConnection';
  nodes: Array<Call>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CallDirection =
  | 'INBOUND'
  | 'OUTBOUND';

export type CallDisposition =
  /** The caller hung up before an agent answered. */
  | 'ABANDONED'
  /** Answered by an agent and completed. */
  | 'ANSWERED'
  /** The call center never received the call's end: it was ended after `CALL_EXPIRY_SILENCE_SECONDS` without any event (its end and talk time are its last event's). */
  | 'EXPIRED'
  /** Offered to an agent who did not answer; no one else did. */
  | 'MISSED'
  /** Answered, then handed to another agent or queue (the new leg is its own call). */
  | 'TRANSFERRED'
  /** The caller left a voicemail. */
  | 'VOICEMAIL';

export type CallDispositionCount = {
  __typename?: 'CallDispositionCount';
  count: Scalars['Int']['output'];
  /** Null: calls still going on. */
  disposition: Maybe<CallDisposition>;
};

/** One applied call event, or a hand-off event (types `HANDOFF_*`). */
export type CallEvent = {
  __typename?: 'CallEvent';
  /** When it happened, according to the call center. */
  at: Scalars['DateTime']['output'];
  /** The call after this event was applied; `null` exactly for hand-off events. */
  call: Maybe<Call>;
  /** Opaque position in the event stream; pass it to `callEventsSince(after:)` after a reconnect. */
  cursor: Scalars['String']['output'];
  /** The hand-off after this event, for `HANDOFF_*` events; `null` for call events. */
  handoff: Maybe<Handoff>;
  /** The event id (the call center's, deduplicated). */
  id: Scalars['ID']['output'];
  type: CallEventType;
};

/** A page of call events, oldest first. */
export type CallEventConnection = {
  __typename?: 'CallEventConnection';
  nodes: Array<CallEvent>;
  pageInfo: PageInfo;
};

/** What happened to a call, as reported by the call center's CTI. */
export type CallEventType =
  /** The caller hung up before anyone answered. */
  | 'ABANDONED'
  /** An agent answered. */
  | 'ANSWERED'
  /** The call ended (either side hung up). */
  | 'ENDED'
  /** An agent accepted the hand-off. */
  | 'HANDOFF_ACCEPTED'
  /** The agent it was offered to declined; it is offered to the next available agent, if any. */
  | 'HANDOFF_DECLINED'
  /** Nobody accepted within the hand-off timeout: it falls back to a ticket. */
  | 'HANDOFF_EXPIRED'
  /** A bot asked for a human: the hand-off is offered to `handoff.offeredTo` (or waits in its queue). */
  | 'HANDOFF_OFFERED'
  /** The agent put the caller on hold. */
  | 'HELD'
  /** The call was offered to a queue or an agent (it rings). */
  | 'OFFERED'
  /** The caller was taken off hold. */
  | 'RESUMED'
  /** This call is a new leg transferred from `call.parentCall`. */
  | 'TRANSFERRED'
  /** The agent finished after-call work. */
  | 'WRAP_UP_DONE';

/**
 * Contact-center figures of the range or one group. A *contact* (an offered call) is an
 * inbound call offered to a queue; a transferred call is one contact (its new leg is not
 * offered again). Rates are between 0 and 1, and null when their denominator is 0.
 */
export type CallMetrics = {
  __typename?: 'CallMetrics';
  /** Contacts whose caller hung up before an agent answered. */
  abandoned: Scalars['Int']['output'];
  /** abandoned / offered. */
  abandonmentRate: Maybe<Scalars['Float']['output']>;
  /** The group's agent when grouped by AGENT. */
  agent: Maybe<Agent>;
  /** answered / offered. */
  answerRate: Maybe<Scalars['Float']['output']>;
  /** Contacts an agent answered (transferred ones included). */
  answered: Scalars['Int']['output'];
  /** Average handle time: mean talk + hold + wrap-up seconds over handled legs. */
  averageHandleTime: Maybe<Scalars['Float']['output']>;
  /** Average speed of answer: mean wait in seconds of answered contacts. */
  averageSpeedOfAnswer: Maybe<Scalars['Float']['output']>;
  /** Contacts whose end never arrived, ended after `CALL_EXPIRY_SILENCE_SECONDS` of silence (disposition EXPIRED); answered ones are also a part of `answered`. */
  expired: Scalars['Int']['output'];
  /** First-contact resolution: answered contacts from identified callers not followed by another contact from the same caller within `firstContactResolutionDays` days / answered contacts from identified callers. Contacts less than N days old are provisional. */
  firstContactResolutionRate: Maybe<Scalars['Float']['output']>;
  /** Handle time (talk + hold + wrap-up) in seconds of handled legs. */
  handleTime: DurationPercentiles;
  /** Handled legs: inbound queue legs an agent answered, transfer legs included (each agent's part). */
  handled: Scalars['Int']['output'];
  /** Null in `totals`; in groups the group's key (see `CallMetricsGroupBy`). */
  key: Maybe<Scalars['String']['output']>;
  /** The longest wait in seconds of any contact (answered or not); null without contacts. */
  longestWait: Maybe<Scalars['Int']['output']>;
  /** Contacts offered to an agent who did not answer, with no one else answering. */
  missed: Scalars['Int']['output'];
  /** Contacts offered: inbound calls offered to a queue, transfer legs not counted again. offered = answered + abandoned + missed + voicemail + unanswered expired + contacts still going on. */
  offered: Scalars['Int']['output'];
  /** The group's queue when grouped by QUEUE. */
  queue: Maybe<Queue>;
  /** Repeat contacts / contacts from identified callers: a contact is a repeat when the same caller (CRM customer, else calling number; withheld callers are not identified) contacted within the previous `firstContactResolutionDays` days. */
  repeatCallerRate: Maybe<Scalars['Float']['output']>;
  /** Service level: contacts answered within `serviceLevelSeconds` / (answered + abandoned). An abandoned call counts against it however short its wait. */
  serviceLevel: Maybe<Scalars['Float']['output']>;
  /** Answered contacts that were then transferred (a part of `answered`). */
  transferred: Scalars['Int']['output'];
  /** Contacts that ended in voicemail. */
  voicemail: Scalars['Int']['output'];
  /** Wait in seconds of answered contacts. */
  waitTime: DurationPercentiles;
};

export type CallMetricsGroupBy =
  /** The agent the call was offered to (contacts) or handled by (handle time); key: the agent id, null for calls no agent was offered. */
  | 'AGENT'
  /** Local days in the range's time zone; key: the day's local start with its offset, e.g. `2026-11-01T00:00:00+08:00`. */
  | 'DAY'
  /** Local hours in the range's time zone (range at most 31 days); key: the hour's local start with its offset, e.g. `2026-11-01T01:00:00-05:00`. */
  | 'HOUR'
  /** The queue the call was offered to; key: the queue id. */
  | 'QUEUE'
  /** That agent's team (the team the agent is in now); key: the team name, null without agent. */
  | 'TEAM';

export type CallReasonCount = {
  __typename?: 'CallReasonCount';
  count: Scalars['Int']['output'];
  reason: Maybe<Scalars['String']['output']>;
  tier: Maybe<Scalars['String']['output']>;
};

export type CallState =
  /** Answered; the customer is talking to an agent. */
  | 'CONNECTED'
  /** Finished. */
  | 'ENDED'
  /** Answered and put on hold. */
  | 'ON_HOLD'
  /** Offered to a queue or agent, not yet answered. */
  | 'RINGING'
  /** Call over; the agent is finishing after-call work. */
  | 'WRAP_UP';

export type CallerIdentification = {
  __typename?: 'CallerIdentification';
  phone: Scalars['String']['output'];
};

export type Conversation = {
  __typename?: 'Conversation';
  id: Scalars['ID']['output'];
};

export type Customer = {
  __typename?: 'Customer';
  /** Keys and start times of the customer's 1,000 most recent calls, for `Customer.interactions` (hidden from the API); empty without `calls:read`. */
  callStamps: Maybe<Array<InteractionStamp>>;
  /** The customer's calls in `range` by outcome, from the calls the call center matched to this customer. */
  callSummary: Maybe<CustomerCallSummary>;
  /**
   * Calls to or from any of the customer's numbers, newest first. `first` is at most 100.
   * Nullable so that the rest of the customer still arrives when the call center is down;
   * `null` with a `FORBIDDEN` (`RECORD_RESTRICTED`) error for a MINIMAL customer.
   */
  calls: Maybe<CallConnection>;
  id: Scalars['ID']['output'];
  /** The customer's most recent call, if any; `null` with a `RECORD_RESTRICTED` error for a MINIMAL customer. */
  lastCall: Maybe<Call>;
  phones: Maybe<Array<PhoneNumber>>;
  /** The CRM's record-level verdict for the current caller. */
  recordAccess: Maybe<RecordAccess>;
};


export type CustomerCallSummaryArgs = {
  range: TimeRangeInput;
};


export type CustomerCallsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CustomerCallJourney = {
  __typename?: 'CustomerCallJourney';
  abandoned: Scalars['Int']['output'];
  calls: Scalars['Int']['output'];
  contacts: Scalars['Int']['output'];
  customerId: Scalars['ID']['output'];
};

/** A customer's calls in a range: contacts and outbound calls, a transferred call once (as TRANSFERRED). */
export type CustomerCallSummary = {
  __typename?: 'CustomerCallSummary';
  byDisposition: Array<CallDispositionCount>;
  inbound: Scalars['Int']['output'];
  lastCallAt: Maybe<Scalars['DateTime']['output']>;
  outbound: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type CustomerContactVolume = {
  __typename?: 'CustomerContactVolume';
  /** Every call with the customer in the range: inbound, outbound and transfer legs. */
  calls: Scalars['Int']['output'];
  /** Contacts (offered inbound calls) from the customer in the range. */
  contacts: Scalars['Int']['output'];
  /**
   * The customer (its fields come from the CRM and the ticket system). `null` with a
   * `SUBGRAPH_UNAVAILABLE` error when the CRM cannot be reached: the figures above stay.
   */
  customer: Maybe<Customer>;
  /** When the customer's last call in the range started. */
  lastCallAt: Scalars['DateTime']['output'];
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

/** A bot's request for a human. Readable with `calls:read`, and as a mutation's result with `handoffs:write`. */
export type Handoff = {
  __typename?: 'Handoff';
  acceptedBy: Maybe<Agent>;
  /** The conversation to take over: transcript, summary and intent (from the CRM). */
  conversation: Maybe<Conversation>;
  createdAt: Scalars['DateTime']['output'];
  /** The customer, when the bot identified them: their unified view from every system. */
  customer: Maybe<Customer>;
  /** The agents who declined it. */
  declinedBy: Array<Agent>;
  /** When it falls back to a ticket if nobody accepts. */
  expiresAt: Scalars['DateTime']['output'];
  /** The idempotency key of the fallback ticket (`handoff:<id>`), once EXPIRED. */
  fallbackTicketKey: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The intent the bot recognised, as it said it. */
  intent: Maybe<Scalars['String']['output']>;
  /** The agent it is offered to now; `null` while it waits in the queue. */
  offeredTo: Maybe<Agent>;
  queue: Maybe<Queue>;
  reason: Scalars['String']['output'];
  /** Who asked: `service:<name>` of the bot's API key. */
  requestedBy: Scalars['String']['output'];
  rtcRoom: Maybe<RtcRoom>;
  /** A skill the agent needs (`billing`, `zh-CN`), as the bot names it. */
  skill: Maybe<Scalars['String']['output']>;
  status: HandoffStatus;
};

export type HandoffStatus =
  | 'ACCEPTED'
  /** Nobody accepted in time; `fallbackTicketKey` names the ticket it became. */
  | 'EXPIRED'
  /** Offered to `offeredTo`, or waiting in the queue when no agent is available. */
  | 'OFFERED';

/** The key and time of one call or ticket, given to the CRM to merge the timeline. */
export type InteractionStamp = {
  __typename?: 'InteractionStamp';
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The agent takes the hand-off. Only the agent it is offered to (or anyone, while it waits in the queue); an accepted or expired one is `CONFLICT`. */
  acceptHandoff: Maybe<Handoff>;
  /**
   * The call center's erasure step: the customer's numbers leave their calls, call events and
   * call-log deliveries; recording references are flagged for deletion at the recording store.
   * Calls stay, without numbers, so reports count them as before. Idempotent.
   */
  callCenterEraseCustomer: Maybe<ErasureStepOutcome>;
  /** The agent it is offered to declines; it is offered to the next available agent, or waits in the queue. */
  declineHandoff: Maybe<Handoff>;
  /**
   * Asks for a human to take over a conversation. The same `idempotencyKey` returns the
   * hand-off already requested (different input: `CONFLICT`). Unknown queue: `BAD_USER_INPUT`.
   */
  requestHandoff: Maybe<Handoff>;
  /**
   * Sets (or with `code: null` clears) the reason code of a call at wrap-up, on the contact the
   * call belongs to (a transfer leg's code goes to the call the customer made). The code is a
   * contact-reason code: lower-case letters, digits and `_`, a letter first, at most 64
   * characters (`BAD_USER_INPUT` otherwise). Only calls an agent answered, once they have ended
   * or are in wrap-up (`BAD_USER_INPUT` otherwise); an agent may code only calls they answered
   * (`FORBIDDEN`), supervisors and admins any. `NOT_FOUND` for an unknown call.
   */
  setCallWrapUpCode: Maybe<Call>;
};


export type MutationAcceptHandoffArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCallCenterEraseCustomerArgs = {
  customerId: Scalars['ID']['input'];
  erasureId: Scalars['ID']['input'];
  phones: Array<Scalars['String']['input']>;
};


export type MutationDeclineHandoffArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequestHandoffArgs = {
  input: RequestHandoffInput;
};


export type MutationSetCallWrapUpCodeArgs = {
  callId: Scalars['ID']['input'];
  code?: InputMaybe<Scalars['String']['input']>;
};

/** The state of the call-log outbox (call logs and callback tickets still to deliver). */
export type OutboxStatus = {
  __typename?: 'OutboxStatus';
  /** Whether the instance answering runs a dispatcher (it needs `CALL_LOG_API_KEY`). */
  dispatcherRunning: Scalars['Boolean']['output'];
  /** Deliveries done (logged, ticket created, or no single customer to log it for). */
  done: Scalars['Int']['output'];
  /** Deliveries given up because the graph refused them for good (`BAD_USER_INPUT`, `NOT_FOUND`, `CONFLICT`); kept for inspection. */
  failed: Scalars['Int']['output'];
  /** The most recent error of a pending or failed delivery; `null` when there is none. */
  lastError: Maybe<Scalars['String']['output']>;
  /** When `lastError` happened. */
  lastErrorAt: Maybe<Scalars['DateTime']['output']>;
  /** Seconds since the oldest pending delivery was queued (the lag); `null` when nothing is pending. */
  oldestPendingAgeSeconds: Maybe<Scalars['Int']['output']>;
  /** Deliveries not done yet (never tried, or waiting for a retry). */
  pending: Scalars['Int']['output'];
  /** Of `pending`, those that failed at least once and wait for their next attempt. */
  retrying: Scalars['Int']['output'];
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

export type PhoneNumber = {
  __typename?: 'PhoneNumber';
  e164: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Calls going on now: ringing, connected, on hold or in wrap-up, oldest first. With
   * `agentId` only that agent's calls, with `queueId` only that queue's (both: both must match).
   */
  activeCalls: Maybe<Array<Call>>;
  agent: Maybe<Agent>;
  agents: Maybe<Array<Agent>>;
  /** One call by id. Unknown ids give `null` and a `NOT_FOUND` error. */
  call: Maybe<Call>;
  /**
   * Contact-center KPIs over `range`, in total and per group (`groupBy`; no groups when
   * omitted). HOUR and DAY buckets are local hours/days in `range.timeZone`, DST-correct,
   * every bucket listed (empty ones with zeros). A call belongs to the bucket in which it was
   * offered, even when it ends in the next one. Bounds (`BAD_USER_INPUT` otherwise): range at
   * most 366 days, HOUR at most 31 days, at most 1,000 groups, `serviceLevelSeconds` 0..3600,
   * `firstContactResolutionDays` 1..90.
   */
  callCenterMetrics: Maybe<CallCenterMetrics>;
  /** The call center's part of a data subject's export: their calls (numbers, recording references), call events and call-log deliveries. */
  callCenterPersonalData: Maybe<PersonalDataPart>;
  /**
   * The cursor of the end of the event stream now (the newest event's). A client that has not
   * received an event yet keeps it, to catch up (`callEventsSince`) or resume (`callEvents(after:)`)
   * from this moment after a reconnect.
   */
  callEventsCursor: Maybe<Scalars['String']['output']>;
  /**
   * The events received after `after` (a `CallEvent.cursor`, or `callEventsCursor`), oldest
   * first, for a client that reconnects: page through this until `hasNextPage` is false.
   * Bounded: a cursor after which events older than the catch-up window (default 15 minutes)
   * would be replayed, or `first` above 500, is a `BAD_USER_INPUT` error; reload `activeCalls`
   * instead. Each event carries its call as it is now.
   */
  callEventsSince: Maybe<CallEventConnection>;
  /**
   * Each customer's calls in their window `[from, to)`: contacts (inbound, as above), all calls
   * with them (either direction, transfer legs not counted again) and abandoned contacts. In
   * input order; at most 1,000 windows (`BAD_USER_INPUT`). Part of the gateway's `churnJourneys`.
   */
  callJourneys: Maybe<Array<CustomerCallJourney>>;
  /** The call-log outbox's backlog and lag: how many deliveries wait, how long the oldest has waited, the last error. */
  callLogOutbox: Maybe<OutboxStatus>;
  /**
   * Contacts offered and answered per customer tier, the tier being the customer's at the
   * time of the call (stored with the call: no lookup per customer). Unknown and withheld
   * callers are the group with `tier: null`.
   */
  callMetricsByTier: Maybe<Array<TierCallMetrics>>;
  /**
   * Contacts (inbound calls offered to a queue, not transfer legs; as in `callCenterMetrics`)
   * offered in `range`, per customer tier at the time of the call and wrap-up code (`reason`
   * null: no code given). Part of the gateway's `contactReasonsByTier`.
   */
  callReasonsByTier: Maybe<Array<CallReasonCount>>;
  handoff: Maybe<Handoff>;
  /**
   * The customers an agent serves through bot hand-offs, for the record-level rule
   * (docs/authorization.md): those of hand-offs offered to the agent now, and of those they
   * accepted in the last `HANDOFF_RECORD_ACCESS_HOURS` hours (default 8). An agent may ask for
   * themselves only (`FORBIDDEN` otherwise). At most 200 ids.
   */
  handoffCustomers: Maybe<Array<Scalars['ID']['output']>>;
  /** Hand-offs nobody has accepted yet, oldest first (for a console that (re)connects); optionally of one queue. */
  pendingHandoffs: Maybe<Array<Handoff>>;
  queues: Maybe<Array<Queue>>;
  /** Calls that ended in [from, to) with a customer-side number, with their call-log outbox rows. At most 10,000 calls. */
  reconciliationCalls: Maybe<Array<ReconciliationCall>>;
  /**
   * The customers with the most contacts in `range`, most first (ties: more calls, then
   * customer id); `first` is 0..100. Unknown and withheld callers are not customers and are
   * left out. `customer` is an entity reference: the CRM and ticket subgraphs add its tier,
   * tickets and last contact in one batch per subgraph.
   */
  topContactingCustomers: Maybe<Array<CustomerContactVolume>>;
};


export type QueryActiveCallsArgs = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  queueId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAgentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAgentsArgs = {
  team?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCallArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCallCenterMetricsArgs = {
  firstContactResolutionDays?: InputMaybe<Scalars['Int']['input']>;
  groupBy?: InputMaybe<CallMetricsGroupBy>;
  range: TimeRangeInput;
  serviceLevelSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCallCenterPersonalDataArgs = {
  customerId: Scalars['ID']['input'];
  phones: Array<Scalars['String']['input']>;
};


export type QueryCallEventsSinceArgs = {
  after: Scalars['String']['input'];
  agentId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  queueId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<CallEventType>>;
};


export type QueryCallJourneysArgs = {
  windows: Array<CustomerWindowInput>;
};


export type QueryCallMetricsByTierArgs = {
  range: TimeRangeInput;
};


export type QueryCallReasonsByTierArgs = {
  range: TimeRangeInput;
};


export type QueryHandoffArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHandoffCustomersArgs = {
  agentId: Scalars['ID']['input'];
};


export type QueryPendingHandoffsArgs = {
  queueId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReconciliationCallsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryTopContactingCustomersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  range: TimeRangeInput;
};

/** Readable with `calls:read`, and as the queue a report names with `reports:read`. */
export type Queue = {
  __typename?: 'Queue';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** An ended call and what the call-log outbox did with it. */
export type ReconciliationCall = {
  __typename?: 'ReconciliationCall';
  callId: Scalars['ID']['output'];
  /** Its CALL_LOG outbox row; null when none was queued yet. */
  callLog: Maybe<ReconciliationOutboxRow>;
  /** Its CALLBACK_TICKET outbox row; null when the callback rule gives it none. */
  callback: Maybe<ReconciliationOutboxRow>;
  direction: CallDirection;
  disposition: Scalars['String']['output'];
  endedAt: Scalars['DateTime']['output'];
};

/** One call-log outbox row as the reconciliation reads it. */
export type ReconciliationOutboxRow = {
  __typename?: 'ReconciliationOutboxRow';
  customerId: Maybe<Scalars['ID']['output']>;
  /** LOGGED, TICKET_CREATED, NO_CUSTOMER, AMBIGUOUS, REJECTED or NO_CONSENT; null while pending. */
  outcome: Maybe<Scalars['String']['output']>;
  /** The activity id or ticket number written. */
  resultRef: Maybe<Scalars['String']['output']>;
  /** PENDING, DONE or FAILED. */
  status: Scalars['String']['output'];
};

/** How much of a customer the current caller may see. */
export type RecordAccess =
  /** Every field (the caller's scopes still apply). */
  | 'FULL'
  /** Only the fields needed to serve a caller: id, displayName, tier, status, phones, lastContactAt. */
  | 'MINIMAL';

export type Recording = {
  __typename?: 'Recording';
  durationSeconds: Scalars['Int']['output'];
  /** The recording's reference in the call center's recording store. */
  ref: Scalars['String']['output'];
};

export type RequestHandoffInput = {
  /** The CRM conversation id to take over. */
  conversationId: Scalars['ID']['input'];
  /** The CRM customer id, when the bot identified the customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** A client-chosen key (1-128 characters): a retried request never asks twice. */
  idempotencyKey: Scalars['String']['input'];
  intent?: InputMaybe<Scalars['String']['input']>;
  /** The queue to route to; or give `skill` (then the hand-off goes to any available agent). */
  queueId?: InputMaybe<Scalars['ID']['input']>;
  reason: Scalars['String']['input'];
  rtcRoom?: InputMaybe<RtcRoomInput>;
  skill?: InputMaybe<Scalars['String']['input']>;
};

/** A video or voice room the customer can be escalated to; the product carries the reference, it handles no media. */
export type RtcRoom = {
  __typename?: 'RtcRoom';
  /** The provider's channel or room name. */
  channel: Scalars['String']['output'];
  /** The RTC provider (`agora`, `trtc`, `twilio-video`). */
  provider: Scalars['String']['output'];
};

export type RtcRoomInput = {
  channel: Scalars['String']['input'];
  provider: Scalars['String']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every call event as it is applied, in the order received. Without arguments: all calls
   * (the gateway restricts by role). `agentId`/`queueId` match the event's or the call's
   * agent/queue; `types` keeps only those types. With `after` (a `CallEvent.cursor` or
   * `callEventsCursor`), the matching events after it are replayed first (with their call as it
   * is now; the same window as `callEventsSince`, else `BAD_USER_INPUT`), then live ones follow,
   * none twice. A subscriber that cannot keep up is disconnected with close code 4520 ("slow
   * consumer") and resumes with `after`.
   */
  callEvents: CallEvent;
};


export type SubscriptionCallEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  agentId?: InputMaybe<Scalars['ID']['input']>;
  queueId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<CallEventType>>;
};

export type TierCallMetrics = {
  __typename?: 'TierCallMetrics';
  /** answered / offered; null when nothing was offered. */
  answerRate: Maybe<Scalars['Float']['output']>;
  answered: Scalars['Int']['output'];
  offered: Scalars['Int']['output'];
  /** The CRM tier at the time of the call (STANDARD, SILVER, GOLD, PLATINUM); null: unknown and withheld callers. */
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
  Agent: Agent;
  Call: Call;
  Customer: Customer;
  Handoff: Handoff;
  Queue: Queue;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Agent:
    ( { __typename: 'Agent' }
    & GraphQLRecursivePick<FederationTypes['Agent'], {"id":true}> );
  Call:
    ( { __typename: 'Call' }
    & GraphQLRecursivePick<FederationTypes['Call'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true,"phones":{"e164":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true,"phones":{"e164":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"recordAccess":true,"phones":{"e164":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true},"recordAccess":true}> ) );
  Handoff:
    ( { __typename: 'Handoff' }
    & GraphQLRecursivePick<FederationTypes['Handoff'], {"id":true}> );
  Queue:
    ( { __typename: 'Queue' }
    & GraphQLRecursivePick<FederationTypes['Queue'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agent: ResolverTypeWrapper<AgentRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AgentPresence: AgentPresence;
  Call: ResolverTypeWrapper<CallRecordModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CallCenterMetrics: ResolverTypeWrapper<Omit<CallCenterMetrics, 'groups' | 'totals'> & { groups: Array<ResolversTypes['CallMetrics']>, totals: ResolversTypes['CallMetrics'] }>;
  CallConnection: ResolverTypeWrapper<Omit<CallConnection, 'nodes'> & { nodes: Array<ResolversTypes['Call']> }>;
  CallDirection: CallDirection;
  CallDisposition: CallDisposition;
  CallDispositionCount: ResolverTypeWrapper<CallDispositionCount>;
  CallEvent: ResolverTypeWrapper<Omit<CallEvent, 'call' | 'handoff'> & { call?: Maybe<ResolversTypes['Call']>, handoff?: Maybe<ResolversTypes['Handoff']> }>;
  CallEventConnection: ResolverTypeWrapper<Omit<CallEventConnection, 'nodes'> & { nodes: Array<ResolversTypes['CallEvent']> }>;
  CallEventType: CallEventType;
  CallMetrics: ResolverTypeWrapper<Omit<CallMetrics, 'agent' | 'queue'> & { agent?: Maybe<ResolversTypes['Agent']>, queue?: Maybe<ResolversTypes['Queue']> }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CallMetricsGroupBy: CallMetricsGroupBy;
  CallReasonCount: ResolverTypeWrapper<CallReasonCount>;
  CallState: CallState;
  CallerIdentification: ResolverTypeWrapper<CallerIdentification>;
  Conversation: ResolverTypeWrapper<Conversation>;
  Customer: ResolverTypeWrapper<Omit<Customer, 'callSummary' | 'calls' | 'lastCall'> & { callSummary?: Maybe<ResolversTypes['CustomerCallSummary']>, calls?: Maybe<ResolversTypes['CallConnection']>, lastCall?: Maybe<ResolversTypes['Call']> }>;
  CustomerCallJourney: ResolverTypeWrapper<CustomerCallJourney>;
  CustomerCallSummary: ResolverTypeWrapper<CustomerCallSummaryModel>;
  CustomerContactVolume: ResolverTypeWrapper<Omit<CustomerContactVolume, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerWindowInput: CustomerWindowInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DurationPercentiles: ResolverTypeWrapper<DurationPercentiles>;
  ErasureStepOutcome: ResolverTypeWrapper<ErasureStepOutcome>;
  Handoff: ResolverTypeWrapper<HandoffRecordModel>;
  HandoffStatus: HandoffStatus;
  InteractionStamp: ResolverTypeWrapper<InteractionStamp>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OutboxStatus: ResolverTypeWrapper<OutboxStatus>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonalDataPart: ResolverTypeWrapper<PersonalDataPart>;
  PersonalDataRecord: ResolverTypeWrapper<PersonalDataRecord>;
  PhoneNumber: ResolverTypeWrapper<PhoneNumber>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Queue: ResolverTypeWrapper<QueueRecordModel>;
  ReconciliationCall: ResolverTypeWrapper<ReconciliationCall>;
  ReconciliationOutboxRow: ResolverTypeWrapper<ReconciliationOutboxRow>;
  RecordAccess: RecordAccess;
  Recording: ResolverTypeWrapper<Recording>;
  RequestHandoffInput: RequestHandoffInput;
  RtcRoom: ResolverTypeWrapper<RtcRoom>;
  RtcRoomInput: RtcRoomInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TierCallMetrics: ResolverTypeWrapper<TierCallMetrics>;
  TimeRangeInput: TimeRangeInput;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agent: AgentRecordModel;
  ID: Scalars['ID']['output'];
  Call: CallRecordModel;
  Int: Scalars['Int']['output'];
  CallCenterMetrics: Omit<CallCenterMetrics, 'groups' | 'totals'> & { groups: Array<ResolversParentTypes['CallMetrics']>, totals: ResolversParentTypes['CallMetrics'] };
  CallConnection: Omit<CallConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Call']> };
  CallDispositionCount: CallDispositionCount;
  CallEvent: Omit<CallEvent, 'call' | 'handoff'> & { call?: Maybe<ResolversParentTypes['Call']>, handoff?: Maybe<ResolversParentTypes['Handoff']> };
  CallEventConnection: Omit<CallEventConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['CallEvent']> };
  CallMetrics: Omit<CallMetrics, 'agent' | 'queue'> & { agent?: Maybe<ResolversParentTypes['Agent']>, queue?: Maybe<ResolversParentTypes['Queue']> };
  Float: Scalars['Float']['output'];
  CallReasonCount: CallReasonCount;
  CallerIdentification: CallerIdentification;
  Conversation: Conversation;
  Customer: Omit<Customer, 'callSummary' | 'calls' | 'lastCall'> & { callSummary?: Maybe<ResolversParentTypes['CustomerCallSummary']>, calls?: Maybe<ResolversParentTypes['CallConnection']>, lastCall?: Maybe<ResolversParentTypes['Call']> } | FederationReferenceTypes['Customer'];
  CustomerCallJourney: CustomerCallJourney;
  CustomerCallSummary: CustomerCallSummaryModel;
  CustomerContactVolume: Omit<CustomerContactVolume, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerWindowInput: CustomerWindowInput;
  DateTime: Scalars['DateTime']['output'];
  DurationPercentiles: DurationPercentiles;
  ErasureStepOutcome: ErasureStepOutcome;
  Handoff: HandoffRecordModel;
  InteractionStamp: InteractionStamp;
  Mutation: Record<PropertyKey, never>;
  OutboxStatus: OutboxStatus;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  PersonalDataPart: PersonalDataPart;
  PersonalDataRecord: PersonalDataRecord;
  PhoneNumber: PhoneNumber;
  Query: Record<PropertyKey, never>;
  Queue: QueueRecordModel;
  ReconciliationCall: ReconciliationCall;
  ReconciliationOutboxRow: ReconciliationOutboxRow;
  Recording: Recording;
  RequestHandoffInput: RequestHandoffInput;
  RtcRoom: RtcRoom;
  RtcRoomInput: RtcRoomInput;
  Subscription: Record<PropertyKey, never>;
  TierCallMetrics: TierCallMetrics;
  TimeRangeInput: TimeRangeInput;
  link__Import: Scalars['link__Import']['output'];
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = CallCenterContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type InaccessibleDirectiveArgs = { };

export type InaccessibleDirectiveResolver<Result, Parent, ContextType = CallCenterContext, Args = InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = CallCenterContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type OverrideDirectiveResolver<Result, Parent, ContextType = CallCenterContext, Args = OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['String']['input']>>;
};

export type PolicyDirectiveResolver<Result, Parent, ContextType = CallCenterContext, Args = PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type RequiresScopesDirectiveResolver<Result, Parent, ContextType = CallCenterContext, Args = RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = CallCenterContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AgentResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Agent'] = ResolversParentTypes['Agent'], FederationReferenceType extends FederationReferenceTypes['Agent'] = FederationReferenceTypes['Agent']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Agent']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  presence?: Resolver<Maybe<ResolversTypes['AgentPresence']>, ParentType, ContextType>;
  team?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CallResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Call'] = ResolversParentTypes['Call'], FederationReferenceType extends FederationReferenceTypes['Call'] = FederationReferenceTypes['Call']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Call']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  answeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  caller?: Resolver<Maybe<ResolversTypes['CallerIdentification']>, ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['CallDirection'], ParentType, ContextType>;
  disposition?: Resolver<Maybe<ResolversTypes['CallDisposition']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holdSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentCall?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType>;
  queue?: Resolver<Maybe<ResolversTypes['Queue']>, ParentType, ContextType>;
  recording?: Resolver<Maybe<ResolversTypes['Recording']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['CallState'], ParentType, ContextType>;
  talkSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  waitSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  wrapUpCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  wrapUpSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CallCenterMetricsResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallCenterMetrics'] = ResolversParentTypes['CallCenterMetrics']> = ResolversObject<{
  firstContactResolutionDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groupBy?: Resolver<Maybe<ResolversTypes['CallMetricsGroupBy']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['CallMetrics']>, ParentType, ContextType>;
  serviceLevelSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['CallMetrics'], ParentType, ContextType>;
}>;

export type CallConnectionResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallConnection'] = ResolversParentTypes['CallConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Call']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CallDispositionCountResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallDispositionCount'] = ResolversParentTypes['CallDispositionCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  disposition?: Resolver<Maybe<ResolversTypes['CallDisposition']>, ParentType, ContextType>;
}>;

export type CallEventResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallEvent'] = ResolversParentTypes['CallEvent']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  call?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handoff?: Resolver<Maybe<ResolversTypes['Handoff']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CallEventType'], ParentType, ContextType>;
}>;

export type CallEventConnectionResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallEventConnection'] = ResolversParentTypes['CallEventConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['CallEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CallMetricsResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallMetrics'] = ResolversParentTypes['CallMetrics']> = ResolversObject<{
  abandoned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  abandonmentRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  answerRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageHandleTime?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  averageSpeedOfAnswer?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstContactResolutionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  handleTime?: Resolver<ResolversTypes['DurationPercentiles'], ParentType, ContextType>;
  handled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  longestWait?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  missed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  offered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queue?: Resolver<Maybe<ResolversTypes['Queue']>, ParentType, ContextType>;
  repeatCallerRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  serviceLevel?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  transferred?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voicemail?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitTime?: Resolver<ResolversTypes['DurationPercentiles'], ParentType, ContextType>;
}>;

export type CallReasonCountResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallReasonCount'] = ResolversParentTypes['CallReasonCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CallerIdentificationResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallerIdentification'] = ResolversParentTypes['CallerIdentification']> = ResolversObject<{
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConversationResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  callStamps?: Resolver<Maybe<Array<ResolversTypes['InteractionStamp']>>, ParentType, ContextType>;
  callSummary?: Resolver<Maybe<ResolversTypes['CustomerCallSummary']>, ParentType, ContextType, RequireFields<CustomerCallSummaryArgs, 'range'>>;
  calls?: Resolver<Maybe<ResolversTypes['CallConnection']>, ParentType, ContextType, RequireFields<CustomerCallsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastCall?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType>;
}>;

export type CustomerCallJourneyResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CustomerCallJourney'] = ResolversParentTypes['CustomerCallJourney']> = ResolversObject<{
  abandoned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contacts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerCallSummaryResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CustomerCallSummary'] = ResolversParentTypes['CustomerCallSummary']> = ResolversObject<{
  byDisposition?: Resolver<Array<ResolversTypes['CallDispositionCount']>, ParentType, ContextType>;
  inbound?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastCallAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  outbound?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CustomerContactVolumeResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CustomerContactVolume'] = ResolversParentTypes['CustomerContactVolume']> = ResolversObject<{
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contacts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  lastCallAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DurationPercentilesResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['DurationPercentiles'] = ResolversParentTypes['DurationPercentiles']> = ResolversObject<{
  median?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p90?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ErasureStepOutcomeResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['ErasureStepOutcome'] = ResolversParentTypes['ErasureStepOutcome']> = ResolversObject<{
  erased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordingsFlagged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type HandoffResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Handoff'] = ResolversParentTypes['Handoff'], FederationReferenceType extends FederationReferenceTypes['Handoff'] = FederationReferenceTypes['Handoff']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Handoff']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptedBy?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  declinedBy?: Resolver<Array<ResolversTypes['Agent']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fallbackTicketKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  offeredTo?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  queue?: Resolver<Maybe<ResolversTypes['Queue']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rtcRoom?: Resolver<Maybe<ResolversTypes['RtcRoom']>, ParentType, ContextType>;
  skill?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HandoffStatus'], ParentType, ContextType>;
}>;

export type InteractionStampResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['InteractionStamp'] = ResolversParentTypes['InteractionStamp']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptHandoff?: Resolver<Maybe<ResolversTypes['Handoff']>, ParentType, ContextType, RequireFields<MutationAcceptHandoffArgs, 'id'>>;
  callCenterEraseCustomer?: Resolver<Maybe<ResolversTypes['ErasureStepOutcome']>, ParentType, ContextType, RequireFields<MutationCallCenterEraseCustomerArgs, 'customerId' | 'erasureId' | 'phones'>>;
  declineHandoff?: Resolver<Maybe<ResolversTypes['Handoff']>, ParentType, ContextType, RequireFields<MutationDeclineHandoffArgs, 'id'>>;
  requestHandoff?: Resolver<Maybe<ResolversTypes['Handoff']>, ParentType, ContextType, RequireFields<MutationRequestHandoffArgs, 'input'>>;
  setCallWrapUpCode?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType, RequireFields<MutationSetCallWrapUpCodeArgs, 'callId'>>;
}>;

export type OutboxStatusResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['OutboxStatus'] = ResolversParentTypes['OutboxStatus']> = ResolversObject<{
  dispatcherRunning?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastErrorAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  oldestPendingAgeSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retrying?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonalDataPartResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['PersonalDataPart'] = ResolversParentTypes['PersonalDataPart']> = ResolversObject<{
  records?: Resolver<Array<ResolversTypes['PersonalDataRecord']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersonalDataRecordResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['PersonalDataRecord'] = ResolversParentTypes['PersonalDataRecord']> = ResolversObject<{
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PhoneNumberResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['PhoneNumber'] = ResolversParentTypes['PhoneNumber']> = ResolversObject<{
  e164?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  activeCalls?: Resolver<Maybe<Array<ResolversTypes['Call']>>, ParentType, ContextType, Partial<QueryActiveCallsArgs>>;
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType, RequireFields<QueryAgentArgs, 'id'>>;
  agents?: Resolver<Maybe<Array<ResolversTypes['Agent']>>, ParentType, ContextType, Partial<QueryAgentsArgs>>;
  call?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType, RequireFields<QueryCallArgs, 'id'>>;
  callCenterMetrics?: Resolver<Maybe<ResolversTypes['CallCenterMetrics']>, ParentType, ContextType, RequireFields<QueryCallCenterMetricsArgs, 'firstContactResolutionDays' | 'range' | 'serviceLevelSeconds'>>;
  callCenterPersonalData?: Resolver<Maybe<ResolversTypes['PersonalDataPart']>, ParentType, ContextType, RequireFields<QueryCallCenterPersonalDataArgs, 'customerId' | 'phones'>>;
  callEventsCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  callEventsSince?: Resolver<Maybe<ResolversTypes['CallEventConnection']>, ParentType, ContextType, RequireFields<QueryCallEventsSinceArgs, 'after' | 'first'>>;
  callJourneys?: Resolver<Maybe<Array<ResolversTypes['CustomerCallJourney']>>, ParentType, ContextType, RequireFields<QueryCallJourneysArgs, 'windows'>>;
  callLogOutbox?: Resolver<Maybe<ResolversTypes['OutboxStatus']>, ParentType, ContextType>;
  callMetricsByTier?: Resolver<Maybe<Array<ResolversTypes['TierCallMetrics']>>, ParentType, ContextType, RequireFields<QueryCallMetricsByTierArgs, 'range'>>;
  callReasonsByTier?: Resolver<Maybe<Array<ResolversTypes['CallReasonCount']>>, ParentType, ContextType, RequireFields<QueryCallReasonsByTierArgs, 'range'>>;
  handoff?: Resolver<Maybe<ResolversTypes['Handoff']>, ParentType, ContextType, RequireFields<QueryHandoffArgs, 'id'>>;
  handoffCustomers?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType, RequireFields<QueryHandoffCustomersArgs, 'agentId'>>;
  pendingHandoffs?: Resolver<Maybe<Array<ResolversTypes['Handoff']>>, ParentType, ContextType, Partial<QueryPendingHandoffsArgs>>;
  queues?: Resolver<Maybe<Array<ResolversTypes['Queue']>>, ParentType, ContextType>;
  reconciliationCalls?: Resolver<Maybe<Array<ResolversTypes['ReconciliationCall']>>, ParentType, ContextType, RequireFields<QueryReconciliationCallsArgs, 'from' | 'to'>>;
  topContactingCustomers?: Resolver<Maybe<Array<ResolversTypes['CustomerContactVolume']>>, ParentType, ContextType, RequireFields<QueryTopContactingCustomersArgs, 'first' | 'range'>>;
}>;

export type QueueResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Queue'] = ResolversParentTypes['Queue'], FederationReferenceType extends FederationReferenceTypes['Queue'] = FederationReferenceTypes['Queue']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Queue']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ReconciliationCallResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['ReconciliationCall'] = ResolversParentTypes['ReconciliationCall']> = ResolversObject<{
  callId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  callLog?: Resolver<Maybe<ResolversTypes['ReconciliationOutboxRow']>, ParentType, ContextType>;
  callback?: Resolver<Maybe<ResolversTypes['ReconciliationOutboxRow']>, ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['CallDirection'], ParentType, ContextType>;
  disposition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ReconciliationOutboxRowResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['ReconciliationOutboxRow'] = ResolversParentTypes['ReconciliationOutboxRow']> = ResolversObject<{
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resultRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RecordingResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Recording'] = ResolversParentTypes['Recording']> = ResolversObject<{
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RtcRoomResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['RtcRoom'] = ResolversParentTypes['RtcRoom']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  callEvents?: SubscriptionResolver<ResolversTypes['CallEvent'], "callEvents", ParentType, ContextType, Partial<SubscriptionCallEventsArgs>>;
}>;

export type TierCallMetricsResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['TierCallMetrics'] = ResolversParentTypes['TierCallMetrics']> = ResolversObject<{
  answerRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  offered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = CallCenterContext> = ResolversObject<{
  Agent?: AgentResolvers<ContextType>;
  Call?: CallResolvers<ContextType>;
  CallCenterMetrics?: CallCenterMetricsResolvers<ContextType>;
  CallConnection?: CallConnectionResolvers<ContextType>;
  CallDispositionCount?: CallDispositionCountResolvers<ContextType>;
  CallEvent?: CallEventResolvers<ContextType>;
  CallEventConnection?: CallEventConnectionResolvers<ContextType>;
  CallMetrics?: CallMetricsResolvers<ContextType>;
  CallReasonCount?: CallReasonCountResolvers<ContextType>;
  CallerIdentification?: CallerIdentificationResolvers<ContextType>;
  Conversation?: ConversationResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerCallJourney?: CustomerCallJourneyResolvers<ContextType>;
  CustomerCallSummary?: CustomerCallSummaryResolvers<ContextType>;
  CustomerContactVolume?: CustomerContactVolumeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DurationPercentiles?: DurationPercentilesResolvers<ContextType>;
  ErasureStepOutcome?: ErasureStepOutcomeResolvers<ContextType>;
  Handoff?: HandoffResolvers<ContextType>;
  InteractionStamp?: InteractionStampResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OutboxStatus?: OutboxStatusResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonalDataPart?: PersonalDataPartResolvers<ContextType>;
  PersonalDataRecord?: PersonalDataRecordResolvers<ContextType>;
  PhoneNumber?: PhoneNumberResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Queue?: QueueResolvers<ContextType>;
  ReconciliationCall?: ReconciliationCallResolvers<ContextType>;
  ReconciliationOutboxRow?: ReconciliationOutboxRowResolvers<ContextType>;
  Recording?: RecordingResolvers<ContextType>;
  RtcRoom?: RtcRoomResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TierCallMetrics?: TierCallMetricsResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = CallCenterContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  override?: OverrideDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
