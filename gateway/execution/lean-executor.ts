/**
 * The gateway's executor for queries and mutations: `@apollo/gateway`'s own steps (operation
 * context, variable validation, the query plan from the gateway's plan store, execution) with
 * what depends only on the operation prepared once per query text and operation name:
 * the operation context, the query plan, the federation-internals `Operation` and its result
 * shaper (`execute-plan.ts`, `result-shaper.ts`). Apollo's executor builds the `Operation` and
 * walks the response generically on every request.
 *
 * Requests it hands to Apollo's executor unchanged: when an OpenTelemetry SDK is registered
 * (Apollo's spans: request, validate, plan, execute, fetch, post-processing), when the request
 * captures federated traces, and when it asks for the query plan
 * (`Apollo-Query-Plan-Experimental`, outside production).
 *
 * Reaches inside the gateway (not its public API; pinned to @apollo/gateway 2.14.4 in
 * package.json): the plan store, the planner and its limits, the service map, both schemas,
 * `validateIncomingRequest`. `leanExecutor` checks they exist and throws at start-up if not.
 */
import { buildOperationContext, type ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { OperationContext } from '@apollo/gateway/dist/operationContext.js';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { QueryPlan, QueryPlanner } from '@apollo/query-planner';
import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { ProxyTracerProvider, trace } from '@opentelemetry/api';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { boundedCache, documentBytes, mib, objectBytes } from '../../subgraphs/shared/bounded-cache.js';
import { executePlan, prepareOperation, type PreparedOperation } from './execute-plan.js';

/** The parts of ApolloGateway this module uses. */
interface GatewayInternals {
  queryPlanStore: { get(key: string): Promise<QueryPlan | undefined>; set(key: string, plan: QueryPlan): Promise<void> };
  queryPlanner: QueryPlanner;
  recursiveSelectionsLimitDisabled: boolean;
  nonLocalSelectionsLimitDisabled: boolean;
  serviceMap: Record<string, { dataSource: GraphQLDataSource }>;
  supergraphSchema: GraphQLSchema;
  apiSchema: Schema;
  schema: GraphQLSchema;
  config: { __exposeQueryPlanExperimental?: boolean; debug?: boolean };
  experimental_didResolveQueryPlan?: unknown;
  validateIncomingRequest(requestContext: GatewayGraphQLRequestContext, operationContext: OperationContext): GraphQLError[];
}

/** One operation of one parsed document, ready to run. */
interface Prepared {
  operationContext: OperationContext;
  /** `documentBytes` of the parsed document (its share of the cache's budget). */
  documentBytes: number;
  queryPlan: QueryPlan | null;
  /** Null when building the `Operation` failed: `error` is the response. */
  operation: PreparedOperation | null;
  error: GraphQLError | null;
}

/**
 * Wraps the executor `ApolloGateway.load()` returned (`fallback`): requests Apollo's
 * executor must serve (see the module comment) go to it, every other runs through the
 * prepared path. `cacheBytes`: the budget of the prepared operations, least recently used
 * dropped first (`SWITCHBOARD_QUERY_PLAN_CACHE_MB`; an entry counts its query plan and twice
 * its document, for the `Operation` and the shaper). Throws when the gateway's internals
 * this needs are missing (another `@apollo/gateway` version).
 */
export function leanExecutor(gateway: ApolloGateway, fallback: GatewayExecutor, cacheBytes = mib(32)): GatewayExecutor {
  const inner = gateway as unknown as GatewayInternals;
  for (const part of ['queryPlanStore', 'queryPlanner', 'serviceMap', 'apiSchema', 'schema', 'config', 'validateIncomingRequest'] as const) {
    if (!inner[part]) throw new Error(`@apollo/gateway internals changed: the executor needs ${part}.`);
  }
  /** By query hash and operation name, as Apollo's plan store. */
  const prepared = boundedCache<Prepared>({
    maxBytes: cacheBytes,
    sizeOf: (entry) => 2 * entry.documentBytes + (entry.queryPlan ? objectBytes(entry.queryPlan) : 0),
  });
  let schemaSeen: Schema | undefined;

  return async (requestContext) => {
    if (mustUseApollo(inner, requestContext)) return fallback(requestContext);
    if (schemaSeen !== inner.apiSchema) {
      // A new supergraph: every operation is prepared again.
      prepared.clear();
      schemaSeen = inner.apiSchema;
    }
    const key = `${requestContext.queryHash}\u0000${requestContext.request.operationName ?? ''}`;
    let entry = prepared.get(key);
    const fresh = !entry;
    entry ??= prepare(inner, requestContext);
    const validationErrors = inner.validateIncomingRequest(requestContext, entry.operationContext);
    if (validationErrors.length > 0) return { errors: validationErrors };
    if (!entry.queryPlan) entry.queryPlan = await queryPlan(inner, requestContext);
    // Stored once planned, so that its size counts the plan.
    if (fresh) prepared.set(key, entry);
    if (!entry.operation) return { errors: [entry.error!] };
    // Read per request, as ApolloGateway does: a reload changes the service map in place.
    const dataSources = Object.create(null) as Record<string, GraphQLDataSource>;
    for (const service in inner.serviceMap) dataSources[service] = inner.serviceMap[service]!.dataSource;
    return executePlan(entry.queryPlan, dataSources, requestContext, entry.operationContext, inner.supergraphSchema, entry.operation);
  };
}

/** Whether Apollo's own executor must serve this request (spans, traces, the exposed plan, the plan hook). */
function mustUseApollo(inner: GatewayInternals, requestContext: GatewayGraphQLRequestContext): boolean {
  if (tracingRegistered()) return true;
  if (requestContext.metrics?.captureTraces) return true;
  if (inner.experimental_didResolveQueryPlan) return true;
  return !!(inner.config.__exposeQueryPlanExperimental && requestContext.request.http?.headers.get('Apollo-Query-Plan-Experimental'));
}

/** Whether an OpenTelemetry SDK has registered a tracer provider in this process. */
export function tracingRegistered(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegateTracer('switchboard-probe') !== undefined;
}

function prepare(inner: GatewayInternals, requestContext: GatewayGraphQLRequestContext): Prepared {
  const { document, request } = requestContext;
  const operationContext = buildOperationContext({ schema: inner.schema, operationDocument: document, operationName: request.operationName });
  let operation: PreparedOperation | null = null;
  let error: GraphQLError | null = null;
  try {
    operation = prepareOperation(inner.apiSchema, operationContext);
  } catch (thrown) {
    if (!(thrown instanceof GraphQLError)) throw thrown;
    error = thrown;
  }
  return { operationContext, documentBytes: documentBytes(document), queryPlan: null, operation, error };
}

/** The operation's plan from the gateway's plan store (under ApolloGateway's key), planned and stored when missing. */
async function queryPlan(inner: GatewayInternals, requestContext: GatewayGraphQLRequestContext): Promise<QueryPlan> {
  const { queryHash, request } = requestContext;
  const planKey = request.operationName ? createHash('sha256').update(queryHash).update(request.operationName).digest('hex') : queryHash;
  let plan = await inner.queryPlanStore.get(planKey);
  if (!plan) {
    const operation = operationFromDocument(inner.apiSchema, requestContext.document, { operationName: requestContext.request.operationName });
    plan = inner.queryPlanner.buildQueryPlan(operation, {
      recursiveSelectionsLimitDisabled: inner.recursiveSelectionsLimitDisabled,
      nonLocalSelectionsLimitDisabled: inner.nonLocalSelectionsLimitDisabled,
    });
    try {
      await inner.queryPlanStore.set(planKey, plan);
    } catch {
      // As in ApolloGateway: a plan that could not be stored is still used.
    }
  }
  return plan;
}
