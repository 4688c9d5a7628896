/**
 * graphql-ws on the gateway, at the same URL as HTTP (`ws://host:4000/graphql`); the
 * protocol and its close codes are in docs/subscriptions.md. A connection authenticates once
 * with `connectionParams` (`authorization: "Bearer …"` or `apiKey`) through the same context
 * builder as HTTP, and ends when its token expires. Subscriptions are planned by the
 * gateway's planner, their primary stream shared with identical subscriptions, and every
 * event enriched through the gateway's plan execution under the caller's rights.
 * Queries and mutations sent over the socket run through Apollo Server as over HTTP.
 */
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, getOperationAST, type GraphQLFormattedError, print, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveUpgrades } from '../../subgraphs/shared/http.js';
import { once } from '../../subgraphs/shared/shutdown.js';
import { withoutSuggestions } from '../../subgraphs/shared/format-error.js';
import type { AuthorizingGateway } from '../authz/authorizing-gateway.js';
import type { ContextBuilder, GatewayContext } from '../context.js';
import { NO_RELATED, withRelated } from '../auth/related-customers.js';
import type { AuthorizedOperation } from '../authz/authorize-operation.js';
import { checkCallEventsAccess, eventParty, eventTeam, type CallEventsAccess } from './call-events-access.js';
import { EventQueue } from './event-queue.js';
import { parseOperation, validateOperation, type OperationLimits } from '../operation/limits.js';
import type { SubscriptionPlan, SubscriptionPlanner } from './planner.js';
import type { UpstreamSubscriptions } from './upstream.js';

/** Close codes (docs/subscriptions.md). */
export const CLOSE_CODES = {
  /** Credentials missing or invalid at connection time. */
  UNAUTHENTICATED: 4401,
  /** The connection's token expired. */
  TOKEN_EXPIRED: 4401,
  /** The client did not read its events fast enough. */
  SLOW_CONSUMER: 4429,
} as const;

export interface GatewayWsOptions {
  server: Server;
  apollo: ApolloServer<GatewayContext>;
  contexts: ContextBuilder;
  authorizing: AuthorizingGateway;
  planner: SubscriptionPlanner;
  upstream: UpstreamSubscriptions;
  apiSchema(): GraphQLSchema | undefined;
  /** Results one client may have waiting before it is dropped as a slow consumer. */
  maxQueuedEvents: number;
  /** Bytes one socket may have unsent before it is dropped as a slow consumer. */
  maxBufferedBytes: number;
  /** Refuse subscriptions selecting unauthorized fields instead of removing the fields. */
  rejectUnauthorized: boolean;
  /** The same parse and validation limits as over HTTP. */
  operationLimits: OperationLimits;
  /** Production: no "Did you mean …?" suggestions in errors (subgraphs/shared/format-error.ts). */
  hideSchemaDetails?: boolean;
}

interface Prepared {
  authorized: AuthorizedOperation;
  access: CallEventsAccess;
  plan: SubscriptionPlan;
}

interface ConnectionState {
  context: GatewayContext;
  expiry: NodeJS.Timeout | null;
}

/** An error as sent, without graphql-js's "Did you mean …?" suggestion. */
function hideSuggestion(error: GraphQLFormattedError | GraphQLError): GraphQLFormattedError {
  const formatted = error instanceof GraphQLError ? error.toJSON() : error;
  return { ...formatted, message: withoutSuggestions(formatted.message) };
}

function hash(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

export function attachGatewayWs(options: GatewayWsOptions): { close(): Promise<void> } {
  // Upgrades are read like HTTP requests (subgraphs/shared/request-target.ts).
  const wss = new WebSocketServer({ noServer: true });
  serveUpgrades(options.server, wss, '/graphql');
  const connections = new WeakMap<WebSocket, ConnectionState>();

  function dropSlow(socket: WebSocket): void {
    socket.close(CLOSE_CODES.SLOW_CONSUMER, 'Slow consumer: catch up with activeCalls and callEventsSince');
  }

  /** Everything decided before a subscription starts; refusals go back as graphql-ws `error` messages. */
  function prepare(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName: string | null,
    context: GatewayContext,
  ): Prepared | readonly GraphQLError[] {
    const tooExpensive = options.authorizing.checkDemand(print(document), document, operationName, variables);
    if (tooExpensive) return [tooExpensive];
    const authorized = options.authorizing.authorize(document, hash(document), operationName, context.viewer, variables);
    if (!authorized) return [new GraphQLError('The gateway is starting; try again.')];
    if (authorized.empty || (options.rejectUnauthorized && authorized.removed.length > 0)) return options.authorizing.removalErrors(authorized);
    try {
      const access = checkCallEventsAccess(schema, authorized.document ?? document, operationName, variables, context.viewer);
      return { authorized, access, plan: options.planner.plan(access.document, hash(access.document), operationName) };
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  }

  function subscribe(args: ExecutionArgs, socket: WebSocket): AsyncIterableIterator<ExecutionResult> {
    const context = args.contextValue as GatewayContext & { prepared: Prepared };
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const operationName = args.operationName ?? null;
    const { authorized, access, plan } = context.prepared;
    const upstreamVariables = Object.fromEntries((plan.primary.variableUsages ?? []).map((name) => [name, variables[name]]));
    const requestContext = {
      request: { query: print(plan.document), variables, operationName: operationName ?? undefined },
      context,
      document: plan.document,
      operationName,
      queryHash: hash(plan.document),
      logger: console,
      metrics: {},
      cache: undefined,
      overallCachePolicy: undefined,
    } as unknown as GatewayGraphQLRequestContext;
    const audited = { viewer: context.viewer, operationName, requestId: context.requestId, variables };
    let stop = () => undefined as void;
    const queue = new EventQueue(options.maxQueuedEvents, () => stop());
    // Events are enriched one after the other, so each client sees them in order.
    let chain = Promise.resolve();
    stop = options.upstream.subscribe(plan.primary.serviceName, plan.primary.operation, upstreamVariables, context.viewer.scopes, {
      onEvent: (event) => {
        if (access.team !== null && eventTeam(event.data as Record<string, unknown>, access.rootKey) !== access.team) return;
        const party = access.party ? eventParty(event.data as Record<string, unknown>, access.rootKey) : null;
        chain = chain.then(async () => {
          // The caller on the agent's own call is a customer the agent serves: full details.
          const eventContext = party
            ? options.contexts.withViewer(context, { ...context.viewer, related: withRelated(context.viewer.related ?? NO_RELATED, { phoneNumbers: [party] }) })
            : context;
          const enriched = await options.planner.enrich(plan, event, party ? { ...requestContext, context: eventContext } : requestContext);
          const result = await options.authorizing.complete(authorized, enriched, audited);
          if (!queue.push(result) || socket.bufferedAmount > options.maxBufferedBytes) dropSlow(socket);
        });
        chain = chain.catch((error: unknown) => queue.end(error instanceof Error ? error : new Error(String(error))));
      },
      onEnd: (error) => void chain.then(() => queue.end(error)),
    });
    return queue;
  }

  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      async onConnect(ctx) {
        const params = ctx.connectionParams ?? {};
        const socket = ctx.extra.socket;
        try {
          const context = await options.contexts.build({
            authorization: typeof params.authorization === 'string' ? params.authorization : undefined,
            apiKey: typeof params.apiKey === 'string' ? params.apiKey : undefined,
          });
          const expiresAt = context.viewer.expiresAt;
          const expiry =
            expiresAt === null
              ? null
              : setTimeout(() => socket.close(CLOSE_CODES.TOKEN_EXPIRED, 'Token expired: reconnect with a fresh token'), Math.max(0, expiresAt * 1000 - Date.now()));
          // The socket travels in the context so a subscription can drop its own slow client.
          connections.set(socket, { context: { ...context, socket }, expiry });
          return true;
        } catch (error) {
          socket.close(CLOSE_CODES.UNAUTHENTICATED, `Unauthenticated: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
      },
      onClose(ctx) {
        const state = connections.get(ctx.extra.socket);
        if (state?.expiry) clearTimeout(state.expiry);
      },
      async onSubscribe(ctx, _id, payload) {
        const state = connections.get(ctx.extra.socket);
        const schema = options.apiSchema();
        if (!state || !schema) return [new GraphQLError('The connection is not ready.')];
        let document: DocumentNode;
        try {
          document = parseOperation(payload.query, options.operationLimits);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validateOperation(schema, document, options.operationLimits);
        if (errors.length > 0) return errors;
        const variables = payload.variables ?? {};
        const operationName = payload.operationName ?? null;
        let contextValue: GatewayContext = state.context;
        if (getOperationAST(document, operationName)?.operation === 'subscription') {
          const prepared = prepare(schema, document, variables, operationName, state.context);
          if (Array.isArray(prepared)) return prepared;
          // Queries and mutations are counted where they execute (AuthorizingGateway); subscriptions here.
          const limited = await options.authorizing.limitRate(document, operationName, variables, state.context.viewer, false);
          if (limited) return [limited];
          contextValue = { ...state.context, prepared };
        }
        return { schema, document, variableValues: variables, operationName: operationName ?? undefined, contextValue };
      },
      subscribe: (args) => subscribe(args, (args.contextValue as GatewayContext).socket as WebSocket),
      // Refusals before execution (parse, validation, authorization) leave here, not through Apollo's formatError.
      onError: options.hideSchemaDetails ? (_ctx, _id, _payload, errors) => errors.map(hideSuggestion) : undefined,
      onNext: options.hideSchemaDetails ? (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(hideSuggestion) } : undefined) : undefined,
      async execute(args) {
        const response = await options.apollo.executeOperation(
          { query: print(args.document), variables: (args.variableValues ?? {}) as Record<string, unknown>, operationName: args.operationName ?? undefined },
          { contextValue: args.contextValue as GatewayContext },
        );
        return response.body.kind === 'single' ? (response.body.singleResult as ExecutionResult) : { errors: [new GraphQLError('Incremental delivery is not supported over WebSocket.')] };
      },
    },
    wss,
  );
  return {
    close: once(async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      const deadline = Date.now() + 500;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
    }),
  };
}
