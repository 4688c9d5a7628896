/**
 * Subscription plans. `@apollo/gateway` plans subscriptions (a `Subscription` node: a
 * `primary` fetch to the subgraph owning the root field, and the `rest` that enriches each
 * event from the other subgraphs) but refuses to execute them. This module reaches the
 * planner, the service map and the schemas inside the gateway (not part of its public API;
 * pinned to @apollo/gateway 2.14.4 in package.json) and runs each event's `rest` through
 * the gateway's executor (`executePlan`, the operation prepared once per plan; Apollo's own
 * `executeQueryPlan` while an OpenTelemetry SDK is registered, for its spans), with the event
 * as the result of the primary fetch.
 */
import { executeQueryPlan, buildOperationContext, type ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { FetchNode, PlanNode, QueryPlan, QueryPlanner, SubscriptionNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { executePlan, prepareOperation, type PreparedOperation } from '../execution/execute-plan.js';
import { tracingRegistered } from '../execution/lean-executor.js';
import { boundedCache, documentBytes, mib, objectBytes, type BoundedCache } from '../../subgraphs/shared/bounded-cache.js';
import { resumableOperation, type ResumableOperation } from './resume.js';

/** The parts of ApolloGateway this module uses. */
interface GatewayInternals {
  queryPlanner: QueryPlanner;
  serviceMap: Record<string, { dataSource: GraphQLDataSource }>;
  supergraphSchema: GraphQLSchema;
  /** The API schema in federation-internals form (what the planner and executor take). */
  apiSchema: Schema;
  /** The API schema as a graphql-js schema. */
  schema: GraphQLSchema;
}

function internals(gateway: ApolloGateway): GatewayInternals {
  const inner = gateway as unknown as GatewayInternals;
  if (!inner.queryPlanner || !inner.serviceMap || !inner.supergraphSchema || !inner.apiSchema || !inner.schema) {
    throw new Error('@apollo/gateway internals changed: subscriptions need queryPlanner, serviceMap, supergraphSchema and apiSchema.');
  }
  return inner;
}

export interface SubscriptionPlan {
  primary: FetchNode;
  rest: PlanNode | undefined;
  document: DocumentNode;
  operationName: string | null;
  /** How the primary stream resumes after a break (resume.ts); null when it cannot. */
  resume: ResumableOperation | null;
}

/** The service name the event is "fetched" from when the rest of the plan runs. */
const EVENT_SERVICE = '__switchboard_subscription_event';

export class SubscriptionPlanner {
  private readonly plans: BoundedCache<SubscriptionPlan>;
  /** Per plan (alive while a subscription or the plan cache holds it). */
  private readonly prepared = new WeakMap<SubscriptionPlan, PreparedExecution>();
  private schemaSeen: Schema | undefined;

  /** `cacheBytes`: the plan cache's budget (`SWITCHBOARD_SUBSCRIPTION_PLAN_CACHE_MB`). */
  constructor(
    private readonly gateway: ApolloGateway,
    cacheBytes = mib(8),
  ) {
    this.plans = boundedCache<SubscriptionPlan>({
      maxBytes: cacheBytes,
      sizeOf: (plan) => documentBytes(plan.document) + objectBytes(plan.primary) + objectBytes(plan.rest ?? null),
    });
  }

  plan(document: DocumentNode, queryHash: string, operationName: string | null): SubscriptionPlan {
    const gateway = internals(this.gateway);
    if (this.schemaSeen !== gateway.apiSchema) {
      // A reloaded supergraph invalidates every plan.
      this.plans.clear();
      this.schemaSeen = gateway.apiSchema;
    }
    const key = `${queryHash}\u0000${operationName ?? ''}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const operation = operationFromDocument(gateway.apiSchema, document, { operationName: operationName ?? undefined });
      const queryPlan: QueryPlan = gateway.queryPlanner.buildQueryPlan(operation);
      const node = queryPlan.node as SubscriptionNode | undefined;
      if (node?.kind !== 'Subscription') throw new Error('Not a subscription plan.');
      plan = { primary: node.primary, rest: node.rest, document, operationName, resume: resumableOperation(node.primary.operation, gateway.schema) };
      this.plans.set(key, plan);
    }
    return plan;
  }

  /** Runs the rest of the plan for one event from the primary subscription; returns the client's result. */
  async enrich(plan: SubscriptionPlan, event: ExecutionResult, requestContext: GatewayGraphQLRequestContext): Promise<ExecutionResult> {
    const gateway = internals(this.gateway);
    const { queryPlan, operationContext, operation } = this.execution(plan, gateway);
    const eventSource: GraphQLDataSource = { process: async () => ({ data: event.data ?? null, errors: event.errors?.map((e) => ({ ...e })) }) };
    const serviceMap: Record<string, GraphQLDataSource> = { [EVENT_SERVICE]: eventSource };
    for (const [name, { dataSource }] of Object.entries(gateway.serviceMap)) serviceMap[name] = dataSource;
    if (!operation || tracingRegistered()) {
      return executeQueryPlan(queryPlan, serviceMap, requestContext, operationContext, gateway.supergraphSchema, gateway.apiSchema);
    }
    return executePlan(queryPlan, serviceMap, requestContext, operationContext, gateway.supergraphSchema, operation);
  }

  /**
   * What executing `plan` needs that depends only on the plan and the schema (the query plan
   * with the event as its first fetch, the operation context): built on the plan's first
   * event, again after a supergraph reload.
   */
  private execution(plan: SubscriptionPlan, gateway: GatewayInternals): PreparedExecution {
    let prepared = this.prepared.get(plan);
    if (!prepared || prepared.schema !== gateway.schema) {
      const primary: FetchNode = { ...plan.primary, serviceName: EVENT_SERVICE };
      const operationContext = buildOperationContext({ schema: gateway.schema, operationDocument: plan.document, operationName: plan.operationName ?? undefined });
      prepared = {
        schema: gateway.schema,
        queryPlan: { kind: 'QueryPlan', node: plan.rest ? { kind: 'Sequence', nodes: [primary, plan.rest] } : primary },
        operationContext,
        operation: preparedOrNull(gateway.apiSchema, operationContext),
      };
      this.prepared.set(plan, prepared);
    }
    return prepared;
  }
}

interface PreparedExecution {
  schema: GraphQLSchema;
  queryPlan: QueryPlan;
  operationContext: ReturnType<typeof buildOperationContext>;
  /** Null when the operation cannot be built: Apollo's executor then answers with that error. */
  operation: PreparedOperation | null;
}

/** The prepared operation, or null when it cannot be built (Apollo's executor then answers with that error). */
function preparedOrNull(apiSchema: Schema, operationContext: ReturnType<typeof buildOperationContext>): PreparedOperation | null {
  try {
    return prepareOperation(apiSchema, operationContext);
  } catch {
    return null;
  }
}
