/**
 * graphql-ws on the gateway, at the same URL as HTTP (`ws://host:4000/graphql`); the
 * protocol and its close codes are in docs/subscriptions.md. A connection authenticates once
 * with `connectionParams` (`authorization: "Bearer …"` or `apiKey`) through the same context
 * builder as HTTP, and ends when its token expires. Subscriptions are planned by the
 * gateway's planner, their primary stream shared with identical subscriptions, and every
 * event enriched through the gateway's plan execution under the caller's rights, once per
 * distinct (operation, variables, rights) among the subscribers of a stream (`rightsKey`); a stream
 * that could not be resumed without a gap closes its clients with 4521 (upstream.ts).
 * Queries and mutations sent over the socket run through Apollo Server as over HTTP and every
 * result, errors included, goes back as a protocol message: no operation closes the socket.
 * The upgrade's `Origin` is checked against the CORS allowlist (gateway/http/cors.ts).
 */
import { hasRecordRestriction } from '../../schema/viewer.js';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, getOperationAST, print, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveUpgrades } from '../../subgraphs/shared/http.js';
import { once } from '../../subgraphs/shared/shutdown.js';
import { requestText, withoutSchemaDetails } from '../../subgraphs/shared/format-error.js';
import type { AuthorizingGateway } from '../authz/authorizing-gateway.js';
import type { ContextBuilder, GatewayContext } from '../context.js';
import { NO_RELATED, withRelated } from '../auth/related-customers.js';
import type { AuthorizedOperation } from '../authz/authorize-operation.js';
import type { Viewer } from '../../schema/viewer.js';
import { checkCallEventsAccess, eventParty, inTeam, type CallEventsAccess } from './call-events-access.js';
import { CLOSE_CODES } from './close-codes.js';
import { loggerFor } from '../../subgraphs/shared/observability/logger.js';
import { activeSubscriptions, screenPopDelivery, websocketConnections } from '../../subgraphs/shared/observability/metrics.js';
import { context as otelContext, extractContext, SpanKind, trace, tracer, type Span, type TraceCarrier } from '../../subgraphs/shared/observability/tracing.js';

/** An event's delivery under way: its span (ended when the frame is sent) and its webhook's acceptance time. */
interface Delivery {
  span: Span | null;
  acceptedAt: number | undefined;
}

/** Deliveries by the result about to be sent (the object graphql-ws hands to `onNext`). */
const deliveries = new WeakMap<object, Delivery>();

/**
 * Starts an event's delivery: a `screen-pop delivery` span continuing the trace the call
 * center sent with it (`extensions.trace`: webhook → publish), under which the enrichment's
 * subgraph fetches run; `null` span when the event carries no trace.
 */
function startDelivery(event: ExecutionResult): { delivery: Delivery; run: <T>(work: () => Promise<T>) => Promise<T> } {
  const carried = (event.extensions as { trace?: TraceCarrier } | undefined)?.trace;
  const parent = extractContext(carried);
  const span = carried && trace.getSpanContext(parent) ? tracer.startSpan('screen-pop delivery', { kind: SpanKind.CONSUMER }, parent) : null;
  const delivery: Delivery = { span, acceptedAt: carried?.acceptedAt };
  const ctx = span ? trace.setSpan(parent, span) : otelContext.active();
  return { delivery, run: (work) => otelContext.with(ctx, work) };
}

/** The frame of `result` is being written: ends its delivery span and observes the webhook-to-frame latency. */
function delivered(result: object): void {
  const delivery = deliveries.get(result);
  if (!delivery) return;
  deliveries.delete(result);
  if (delivery.acceptedAt !== undefined) screenPopDelivery.observe({ service: 'gateway' }, Math.max(0, Date.now() - delivery.acceptedAt) / 1000);
  delivery.span?.end();
}
import { EventQueue } from './event-queue.js';
import { parseOperation, validateOperation, type OperationLimits } from '../operation/limits.js';
import type { SubscriptionPlan, SubscriptionPlanner } from './planner.js';
import type { UpstreamSubscriptions } from './upstream.js';

const log = loggerFor('gateway');


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
  /**
   * Whether a WebSocket upgrade with this `Origin` header (undefined: none, a non-browser
   * client) reaching this `Host` may connect; refused upgrades get HTTP 403.
   */
  allowOrigin(origin: string | undefined, host: string | undefined): boolean;
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

/** An error as sent in production: no suggestion, no schema name the request did not write (format-error.ts). */
function hideSchemaDetails(error: GraphQLFormattedError | GraphQLError, text: string): GraphQLFormattedError {
  return withoutSchemaDetails(error instanceof GraphQLError ? error.toJSON() : error, text);
}

function hash(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

/**
 * What the enrichment of an event may depend on besides the operation and its variables:
 * the viewer exactly as the subgraphs receive it in the internal token (role, scopes, team,
 * agent id, related customers, including the caller added for an agent's own call, and the
 * subject), except `expiresAt`, which changes no answer. Subscribers of one stream with equal
 * keys get the same enrichment; any difference means a separate one. The subject stays in the
 * key although no subgraph read depends on it today: leaving it out would let different users
 * with equal rights share, which needs that rule written down first.
 */
export function rightsKey(viewer: Viewer): string {
  const { expiresAt: _expiresAt, ...rights } = viewer;
  return JSON.stringify(rights);
}

/**
 * `result` for one more subscriber: its data copied, because completing a result for a
 * subscriber (hidden fields dropped, removed fields nulled) changes it in place.
 */
/** One run of a plan for an event, shared by the subscribers waiting for it. */
interface SharedEnrichment {
  result: Promise<ExecutionResult>;
  /** Subscribers that have not yet received their result. */
  waiting: number;
}

function copyForSubscriber(result: ExecutionResult): ExecutionResult {
  return result.data ? { ...result, data: structuredClone(result.data) } : result;
}

export function attachGatewayWs(options: GatewayWsOptions): { close(): Promise<void> } {
  // Upgrades are read like HTTP requests (subgraphs/shared/request-target.ts).
  const wss = new WebSocketServer({
    noServer: true,
    // Browsers always send Origin on a WebSocket upgrade and never enforce CORS on it: checked here.
    verifyClient: ({ req }, done) => {
      if (options.allowOrigin(req.headers.origin, req.headers.host)) done(true);
      else done(false, 403, 'Origin not allowed (SWITCHBOARD_CORS_ORIGINS)');
    },
  });
  serveUpgrades(options.server, wss, '/graphql');
  const connections = new WeakMap<WebSocket, ConnectionState>();
  /**
   * Enrichments of one upstream event (a stream hands the same object to all its listeners)
   * by operation, variables and rights: subscribers with equal keys share one run of the
   * plan. Each gets a result of its own to complete: copies for all but the last one waiting,
   * which takes the original (the usual case of one subscriber copies nothing); a subscriber
   * arriving after that runs the plan again. Gone with the event.
   */
  const enrichments = new WeakMap<ExecutionResult, Map<string, SharedEnrichment>>();
  function enrichOnce(event: ExecutionResult, key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    let byKey = enrichments.get(event);
    if (!byKey) enrichments.set(event, (byKey = new Map()));
    const shares = byKey;
    let shared = shares.get(key);
    if (!shared) shares.set(key, (shared = { result: run(), waiting: 0 }));
    const entry = shared;
    entry.waiting += 1;
    return entry.result.then((result) => {
      entry.waiting -= 1;
      if (entry.waiting > 0 || shares.get(key) !== entry) return copyForSubscriber(result);
      shares.delete(key);
      return result;
    });
  }

  function dropSlow(socket: WebSocket): void {
    socket.close(CLOSE_CODES.SLOW_CONSUMER, 'Slow consumer: reconnect, then catch up with callEventsSince');
  }

  function dropWithGap(socket: WebSocket, reason: string): void {
    log.warn(`subscriptions: closing a client with ${CLOSE_CODES.EVENTS_MISSED}: ${reason}`);
    socket.close(CLOSE_CODES.EVENTS_MISSED, 'Events missed: reconnect, then catch up with callEventsSince');
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
    const operationKey = JSON.stringify([requestContext.queryHash, operationName, variables]);
    let stop = () => undefined as void;
    // Counted from here until the client leaves or the stream ends, whichever comes first.
    let running = true;
    activeSubscriptions.inc({ service: 'gateway' });
    const finished = () => {
      if (!running) return;
      running = false;
      activeSubscriptions.dec({ service: 'gateway' });
    };
    const queue = new EventQueue(options.maxQueuedEvents, () => {
      stop();
      finished();
    });
    // Events are enriched one after the other, so each client sees them in order.
    let chain = Promise.resolve();
    const upstream = {
      subgraph: plan.primary.serviceName,
      query: plan.primary.operation,
      variables: upstreamVariables,
      scopes: context.viewer.scopes,
      resume: plan.resume,
      after: plan.resume?.initialAfter(variables) ?? null,
      // A stream that resolves customer records (the CRM's, the ticket system's) runs as an
      // agent or supervisor themself, so the subgraph applies the record-level rule to it. The
      // call center's stream carries no customer records (they come in the enrichment, under
      // the subscriber's rights) and stays shared between agents.
      viewer: hasRecordRestriction(context.viewer) && plan.primary.serviceName !== 'callcenter' ? context.viewer : null,
    };
    stop = options.upstream.subscribe(upstream, {
      onEvent: (event) => {
        if (access.team !== null && !inTeam(event.data as Record<string, unknown>, access.rootKey, access.team)) return;
        const party = access.party ? eventParty(event.data as Record<string, unknown>, access.rootKey) : null;
        const { delivery, run } = startDelivery(event);
        chain = chain.then(() => run(async () => {
          // Each event is a request of its own, with its own deadline.
          const next = options.contexts.nextRequest(context);
          // The caller on the agent's own call is a customer the agent serves: full details.
          const eventContext = party
            ? options.contexts.withViewer(next, { ...next.viewer, related: withRelated(next.viewer.related ?? NO_RELATED, { phoneNumbers: [party] }) })
            : next;
          const enriched = await enrichOnce(event, `${operationKey}\u0000${rightsKey(eventContext.viewer)}`, () =>
            options.planner.enrich(plan, event, { ...requestContext, context: eventContext }),
          );
          const result = await options.authorizing.complete(authorized, enriched, { ...audited, requestId: next.requestId, deadline: next.deadline });
          deliveries.set(result, delivery);
          if (!queue.push(result) || socket.bufferedAmount > options.maxBufferedBytes) {
            delivery.span?.end();
            dropSlow(socket);
          }
        }));
        chain = chain.catch((error: unknown) => queue.end(error instanceof Error ? error : new Error(String(error))));
      },
      onEnd: (error) => {
        finished();
        void chain.then(() => queue.end(error));
      },
      // What was enriched already still goes out; then the client reconnects and catches up.
      onGap: (reason) => void chain.then(() => dropWithGap(socket, reason)),
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
          websocketConnections.inc({ service: 'gateway' });
          return true;
        } catch (error) {
          socket.close(CLOSE_CODES.UNAUTHENTICATED, `Unauthenticated: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
      },
      onClose(ctx) {
        const state = connections.get(ctx.extra.socket);
        if (state) websocketConnections.dec({ service: 'gateway' });
        connections.delete(ctx.extra.socket);
        if (state?.expiry) clearTimeout(state.expiry);
      },
      async onSubscribe(ctx, _id, payload) {
        try {
          const state = connections.get(ctx.extra.socket);
          const schema = options.apiSchema();
          if (!state || !schema) return [new GraphQLError('The connection is not ready.')];
          let document: DocumentNode;
          try {
            document = parseOperation(payload.query, options.operationLimits);
          } catch (error) {
            return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
          }
          const errors = validateOperation(schema, document, options.operationLimits);
          if (errors.length > 0) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
          const variables = payload.variables ?? {};
          const operationName = payload.operationName ?? null;
          // Each operation on the connection is a request of its own, with its own deadline.
          let contextValue: GatewayContext = options.contexts.nextRequest(state.context);
          if (getOperationAST(document, operationName)?.operation === 'subscription') {
            const prepared = prepare(schema, document, variables, operationName, state.context);
            if (Array.isArray(prepared)) return prepared;
            // Queries and mutations are counted where they execute (AuthorizingGateway); subscriptions here.
            const limited = await options.authorizing.limitRate(document, operationName, variables, state.context.viewer, false);
            if (limited) return [limited];
            contextValue = { ...contextValue, prepared };
          }
          return { schema, document, variableValues: variables, operationName: operationName ?? undefined, contextValue };
        } catch (error) {
          return [internalError(error)];
        }
      },
      // No hook may throw: graphql-ws would close the whole socket with 4500.
      subscribe: (args) => {
        try {
          return subscribe(args, (args.contextValue as GatewayContext).socket as WebSocket);
        } catch (error) {
          return { errors: [internalError(error)] };
        }
      },
      // Refusals before execution (parse, validation, authorization) leave here, not through Apollo's formatError.
      onError: options.hideSchemaDetails ? (_ctx, _id, payload, errors) => errors.map((e) => hideSchemaDetails(e, requestText(payload.query, payload.variables))) : undefined,
      // Results are sent as the protocol says, whatever form their errors take (Apollo Server
      // hands back errors already formatted as plain objects, plan execution GraphQLErrors).
      onNext: (_ctx, _id, payload, _args, result) => {
        delivered(result);
        const wire = toWireResult(result);
        if (!options.hideSchemaDetails || !wire.errors) return wire;
        const text = requestText(payload.query, payload.variables);
        return { ...wire, errors: wire.errors.map((e) => hideSchemaDetails(e, text)) };
      },
      async execute(args) {
        try {
          const response = await options.apollo.executeOperation(
            { query: print(args.document), variables: (args.variableValues ?? {}) as Record<string, unknown>, operationName: args.operationName ?? undefined },
            { contextValue: args.contextValue as GatewayContext },
          );
          return response.body.kind === 'single'
            ? (response.body.singleResult as ExecutionResult)
            : { errors: [new GraphQLError('Incremental delivery (@defer, @stream) is not supported over WebSocket; use HTTP.', { extensions: { code: 'BAD_USER_INPUT' } })] };
        } catch (error) {
          return { errors: [internalError(error)] };
        }
      },
    },
    wss,
  );
  return {
    close: once(async () => {
      for (const client of wss.clients) client.close(CLOSE_CODES.GOING_AWAY, 'Going away: the gateway is shutting down; reconnect, then catch up');
      const deadline = Date.now() + 500;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
    }),
  };
}

/** An unexpected error, logged here and sent without its details (as `subgraphs/shared/format-error.ts` does over HTTP). */
function internalError(error: unknown): GraphQLError {
  log.error({ err: error }, 'subscriptions: unexpected error');
  return new GraphQLError('Internal server error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** `error` with `extensions.code` set to `code` unless it has one (the code HTTP clients get for it). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, code } });
}

/**
 * A result as a graphql-ws `next` payload: errors as their JSON form (`message`, `locations`,
 * `path`, `extensions`) whether they are GraphQLErrors or already formatted plain objects.
 */
export function toWireResult(result: ExecutionResult | FormattedExecutionResult): FormattedExecutionResult {
  const { errors, ...rest } = result;
  if (!errors) return rest as FormattedExecutionResult;
  return { ...rest, errors: errors.map((e: GraphQLError | GraphQLFormattedError) => (e instanceof GraphQLError ? e.toJSON() : e)) } as FormattedExecutionResult;
}
