/**
 * `@apollo/gateway` with field-level authorization in front of its query planner: every
 * operation is first stripped of the fields the caller may not select (see
 * authorize-operation.ts), planned and executed without them, and answered with `null` in
 * their place plus one error per removed field (`FORBIDDEN` or `UNAUTHENTICATED`, with its
 * path). With `rejectUnauthorized`, such an operation is refused whole instead. Sensitive
 * reads and mutations are written to the audit trail before the response leaves.
 */
import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { switchboardError } from '../../schema/errors.js';
import type { Viewer } from '../../schema/viewer.js';
import { AuditBatcher } from '../audit/audit-batcher.js';
import { recordAudit } from '../audit/audit-recorder.js';
import type { DemandControl } from '../demand/demand-control.js';
import { operationCost } from '../demand/operation-cost.js';
import { rateLimitedError, type RateLimiter } from '../rate-limit.js';
import type { GatewayStore } from '../store/gateway-store.js';
import { AUDIT_GRACE_MS, type RequestDeadline } from '../request-deadline.js';
import { finishResponse } from './apply-removals.js';
import { placeUnavailableErrors } from '../unavailable-paths.js';
import { leanExecutor } from '../execution/lean-executor.js';
import { OperationAuthorizer, type AuthorizedOperation, type RemovedField } from './authorize-operation.js';
import { readSecurityRules, type SecurityRules } from './security-rules.js';
import { loggerFor } from '../../subgraphs/shared/observability/logger.js';

const log = loggerFor('gateway');

export interface AuthorizingGatewayOptions {
  rejectUnauthorized: boolean;
  /** Cost and depth limits, checked before anything else. */
  demand: DemandControl;
  /** Per-caller operation and cost budgets, counted after demand control admitted the operation; none: unlimited. */
  rateLimiter?: RateLimiter | null;
  store: GatewayStore;
  viewerOf(context: Record<string, unknown>): Viewer | null;
  requestIdOf(context: Record<string, unknown>): string;
  /** The request's deadline (gateway/request-deadline.ts), or null. */
  deadlineOf(context: Record<string, unknown>): RequestDeadline | null;
  /** The byte budget of the authorized-operation cache (`SWITCHBOARD_AUTHORIZATION_CACHE_MB`). */
  authorizationCacheBytes?: number;
  /** The byte budget of the prepared operations (`SWITCHBOARD_QUERY_PLAN_CACHE_MB`, gateway/execution/lean-executor.ts). */
  preparedOperationBytes?: number;
}

function removalError(removed: RemovedField): GraphQLError {
  return new GraphQLError(removed.message, {
    path: removed.path.map((step) => step.key),
    extensions: { code: removed.code, field: removed.coordinate },
  });
}

export class AuthorizingGateway implements GatewayInterface {
  private rules: SecurityRules = { fields: new Map(), types: new Map() };
  private authorizer: OperationAuthorizer | null = null;
  private readonly trail: AuditBatcher;

  constructor(
    private readonly inner: ApolloGateway,
    private readonly options: AuthorizingGatewayOptions,
  ) {
    this.trail = new AuditBatcher(options.store);
  }

  /** Called with each raw supergraph before it is handed to the inner gateway; returns what that can load. */
  prepareSupergraph(supergraphSdl: string): { executableSdl: string; commit(): void } {
    const { rules, executableSdl } = readSecurityRules(supergraphSdl);
    return { executableSdl, commit: () => (this.rules = rules) };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback) {
    return this.inner.onSchemaLoadOrUpdate((schemaContext) => {
      this.authorizer = new OperationAuthorizer(schemaContext.apiSchema, this.rules, this.options.authorizationCacheBytes);
      callback(schemaContext);
    });
  }

  async load(options: Parameters<GatewayInterface['load']>[0]) {
    const { executor } = await this.inner.load(options);
    return { executor: executor ? this.wrap(leanExecutor(this.inner, executor, this.options.preparedOperationBytes)) : null };
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  get apiSchema(): GraphQLSchema | undefined {
    return this.inner.schema;
  }

  /** The demand-control refusal for an operation, or null when it is within its limits. */
  checkDemand(source: string | undefined, document: DocumentNode, operationName: string | null, variables: Record<string, unknown>): GraphQLError | null {
    const schema = this.inner.schema;
    return schema ? this.options.demand.check(schema, source, document, operationName, variables) : null;
  }

  /**
   * Counts an operation against the viewer's rate limits (gateway/rate-limit.ts), its
   * estimated cost from demand control's `operationCost`: the `RATE_LIMITED` error when a
   * budget is used up (the operation must not run), else null. `http`: the error carries
   * status 429 and `Retry-After` for Apollo Server (not over WebSocket).
   */
  async limitRate(document: DocumentNode, operationName: string | null, variables: Record<string, unknown>, viewer: Viewer | null, http: boolean): Promise<GraphQLError | null> {
    const schema = this.inner.schema;
    if (!this.options.rateLimiter || !viewer || !schema) return null;
    const { cost } = operationCost(schema, document, operationName, variables);
    const refusal = await this.options.rateLimiter.admit(viewer, cost);
    return refusal ? rateLimitedError(refusal, http) : null;
  }

  /** The operation as this viewer may run it (see authorize-operation.ts); `null` before the schema loads. */
  authorize(document: DocumentNode, queryHash: string, operationName: string | null, viewer: Viewer | null, variables: Record<string, unknown>): AuthorizedOperation | null {
    return this.authorizer?.authorize(document, queryHash, operationName, viewer, variables) ?? null;
  }

  /** The errors for the fields removed from an operation. */
  removalErrors(result: AuthorizedOperation): GraphQLError[] {
    return result.removed.map(removalError);
  }

  /**
   * Turns the result of an authorized operation into what the client gets: removed fields
   * `null`, hidden fields dropped, removal errors first, errors of unavailable subgraphs on
   * paths of the response (`unavailable-paths.ts`), and the audit trail written.
   */
  async complete(result: AuthorizedOperation, response: ExecutionResult, request: AuditedRequest): Promise<ExecutionResult> {
    const auditIds = new Set<string>();
    const data = finishResponse(response.data as Record<string, unknown> | null | undefined, result.removed, auditIds);
    const errors = placeUnavailableErrors(data, [...this.removalErrors(result), ...(response.errors ?? [])]);
    if (result.audit && request.viewer) {
      try {
        await recordAudit(this.trail, {
          plan: result.audit,
          viewer: request.viewer,
          operationName: request.operationName,
          requestId: request.requestId,
          variables: request.variables,
          responseCustomerIds: auditIds,
          hasData: data !== null && Object.values(data).some((value) => value !== null),
          hasErrors: errors.length > 0,
          // Data already read is written to the trail within a short grace after the deadline, or withheld.
          signal: request.deadline?.after(AUDIT_GRACE_MS),
        });
      } catch (error) {
        log.error({ err: error }, 'audit trail write failed:');
        if (result.audit.kind === 'SENSITIVE_READ') {
          return { errors: [switchboardError('INTERNAL_SERVER_ERROR', 'The audit trail could not be written, so sensitive data is not returned.')] };
        }
      }
    }
    return { ...response, data, errors: errors.length > 0 ? errors : undefined };
  }

  private wrap(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const tooExpensive = this.checkDemand(requestContext.source, requestContext.document, requestContext.operationName, requestContext.request.variables ?? {});
      if (tooExpensive) return { errors: [tooExpensive] };
      const viewer = this.options.viewerOf(requestContext.context);
      const limited = await this.limitRate(requestContext.document, requestContext.operationName, requestContext.request.variables ?? {}, viewer, true);
      if (limited) return { errors: [limited] };
      const result = this.authorize(requestContext.document, requestContext.queryHash, requestContext.operationName, viewer, requestContext.request.variables ?? {});
      if (!result || result.document === null) return withUnavailableErrorsPlaced(await executor(requestContext));
      if (this.options.rejectUnauthorized && result.removed.length > 0) return { errors: this.removalErrors(result) };
      const request: AuditedRequest = {
        viewer,
        operationName: requestContext.operationName,
        requestId: this.options.requestIdOf(requestContext.context),
        variables: requestContext.request.variables ?? {},
        deadline: this.options.deadlineOf(requestContext.context),
      };
      if (result.empty) return this.complete(result, { data: {} }, request);
      const filtered: GatewayGraphQLRequestContext = { ...requestContext, document: result.document, queryHash: result.queryHash! };
      return this.complete(result, await executor(filtered), request);
    };
  }
}

/** `response` with its `SUBGRAPH_UNAVAILABLE` errors on paths of its data (`unavailable-paths.ts`). */
function withUnavailableErrorsPlaced(response: ExecutionResult): ExecutionResult {
  if (!response.errors) return response;
  return { ...response, errors: placeUnavailableErrors(response.data as Record<string, unknown> | null | undefined, response.errors) };
}

export interface AuditedRequest {
  viewer: Viewer | null;
  operationName: string | null;
  requestId: string;
  variables: Record<string, unknown>;
  /** The request's deadline; the audit write ends `AUDIT_GRACE_MS` after it. */
  deadline?: RequestDeadline | null;
}
