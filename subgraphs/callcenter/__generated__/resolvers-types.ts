import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CallRecord as CallRecordModel, AgentRecord as AgentRecordModel, QueueRecord as QueueRecordModel } from '../source/records.js';
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

export type Agent = {
  __typename?: 'Agent';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  presence: AgentPresence;
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
  /** The calling number in E.164; `null` when withheld. */
  from: Maybe<Scalars['String']['output']>;
  holdSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** For a transferred leg, the call it was transferred from. */
  parentCall: Maybe<Call>;
  queue: Maybe<Queue>;
  recording: Maybe<Recording>;
  /** When the call was offered (started ringing). */
  startedAt: Scalars['DateTime']['output'];
  state: CallState;
  talkSeconds: Scalars['Int']['output'];
  /** The called number in E.164. */
  to: Scalars['String']['output'];
  /** Seconds from offered to answered (or to abandoned). */
  waitSeconds: Scalars['Int']['output'];
  wrapUpSeconds: Scalars['Int']['output'];
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
  /** Offered to an agent who did not answer; no one else did. */
  | 'MISSED'
  /** Answered, then handed to another agent or queue (the new leg is its own call). */
  | 'TRANSFERRED'
  /** The caller left a voicemail. */
  | 'VOICEMAIL';

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

export type Customer = {
  __typename?: 'Customer';
  /**
   * Calls to or from any of the customer's numbers, newest first. `first` is at most 100.
   * Nullable so that the rest of the customer still arrives when the call center is down.
   */
  calls: Maybe<CallConnection>;
  id: Scalars['ID']['output'];
  /** The customer's most recent call, if any. */
  lastCall: Maybe<Call>;
  phones: Array<PhoneNumber>;
};


export type CustomerCallsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Relay-style page information; cursors are opaque. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PhoneNumber = {
  __typename?: 'PhoneNumber';
  e164: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  agent: Maybe<Agent>;
  agents: Array<Agent>;
  /** One call by id. Unknown ids give `null` and a `NOT_FOUND` error. */
  call: Maybe<Call>;
  queues: Array<Queue>;
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

export type Queue = {
  __typename?: 'Queue';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type Recording = {
  __typename?: 'Recording';
  durationSeconds: Scalars['Int']['output'];
  /** The recording's reference in the call center's recording store. */
  ref: Scalars['String']['output'];
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
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true}}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"phones":{"e164":true}}> ) );
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
  CallConnection: ResolverTypeWrapper<Omit<CallConnection, 'nodes'> & { nodes: Array<ResolversTypes['Call']> }>;
  CallDirection: CallDirection;
  CallDisposition: CallDisposition;
  CallState: CallState;
  CallerIdentification: ResolverTypeWrapper<CallerIdentification>;
  Customer: ResolverTypeWrapper<Omit<Customer, 'calls' | 'lastCall'> & { calls?: Maybe<ResolversTypes['CallConnection']>, lastCall?: Maybe<ResolversTypes['Call']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PhoneNumber: ResolverTypeWrapper<PhoneNumber>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Queue: ResolverTypeWrapper<QueueRecordModel>;
  Recording: ResolverTypeWrapper<Recording>;
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
  CallConnection: Omit<CallConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Call']> };
  CallerIdentification: CallerIdentification;
  Customer: Omit<Customer, 'calls' | 'lastCall'> & { calls?: Maybe<ResolversParentTypes['CallConnection']>, lastCall?: Maybe<ResolversParentTypes['Call']> } | FederationReferenceTypes['Customer'];
  DateTime: Scalars['DateTime']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PhoneNumber: PhoneNumber;
  Query: Record<PropertyKey, never>;
  Queue: QueueRecordModel;
  Recording: Recording;
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
  presence?: Resolver<ResolversTypes['AgentPresence'], ParentType, ContextType>;
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
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  waitSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  wrapUpSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CallConnectionResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallConnection'] = ResolversParentTypes['CallConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Call']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CallerIdentificationResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['CallerIdentification'] = ResolversParentTypes['CallerIdentification']> = ResolversObject<{
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  calls?: Resolver<Maybe<ResolversTypes['CallConnection']>, ParentType, ContextType, RequireFields<CustomerCallsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastCall?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type PageInfoResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PhoneNumberResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['PhoneNumber'] = ResolversParentTypes['PhoneNumber']> = ResolversObject<{
  e164?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType, RequireFields<QueryAgentArgs, 'id'>>;
  agents?: Resolver<Array<ResolversTypes['Agent']>, ParentType, ContextType, Partial<QueryAgentsArgs>>;
  call?: Resolver<Maybe<ResolversTypes['Call']>, ParentType, ContextType, RequireFields<QueryCallArgs, 'id'>>;
  queues?: Resolver<Array<ResolversTypes['Queue']>, ParentType, ContextType>;
}>;

export type QueueResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Queue'] = ResolversParentTypes['Queue'], FederationReferenceType extends FederationReferenceTypes['Queue'] = FederationReferenceTypes['Queue']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Queue']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RecordingResolvers<ContextType = CallCenterContext, ParentType extends ResolversParentTypes['Recording'] = ResolversParentTypes['Recording']> = ResolversObject<{
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = CallCenterContext> = ResolversObject<{
  Agent?: AgentResolvers<ContextType>;
  Call?: CallResolvers<ContextType>;
  CallConnection?: CallConnectionResolvers<ContextType>;
  CallerIdentification?: CallerIdentificationResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  PhoneNumber?: PhoneNumberResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Queue?: QueueResolvers<ContextType>;
  Recording?: RecordingResolvers<ContextType>;
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
