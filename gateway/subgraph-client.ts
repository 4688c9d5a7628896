/**
 * How the gateway talks to a subgraph: one POST per plan fetch, ended by the request's
 * deadline (gateway/request-deadline.ts; the subgraph timeout when there is none).
 * A fetch from a subgraph that is down, too slow, answers with an HTTP error or with no
 * usable GraphQL response becomes a `SUBGRAPH_UNAVAILABLE` error naming it
 * (`extensions.subgraph`) on every field the fetch would have filled, each with its response
 * path (`failed-fetch.ts`); the query plan goes on with the other subgraphs, so the client
 * gets partial data, never a hang or a 500.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLError } from 'graphql';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { switchboardError } from '../schema/errors.js';
import type { GatewayContext } from './context.js';
import type { SubgraphGuard } from './subgraph-breaker.js';
import { accessRecordIn } from '../subgraphs/shared/observability/access-log.js';
import { subgraphFetches } from '../subgraphs/shared/observability/metrics.js';
import { failedFetchResponse, unusableResponseReason } from './failed-fetch.js';
import { injectHeaders } from '../subgraphs/shared/observability/tracing.js';

export interface SubgraphClientOptions {
  name: string;
  url: string;
  timeoutMs: number;
  /** Runs the sending of each fetch (the subgraph's circuit breaker, gateway/subgraph-breaker.ts); none: sent directly. */
  guard?: SubgraphGuard | null;
}

/** What each source system is called in messages a person reads. */
const SYSTEM_NAMES: Record<string, string> = {
  crm: 'CRM',
  callcenter: 'call center',
  tickets: 'ticket system',
};

export class SubgraphClient implements GraphQLDataSource {
  /** Requests sent since start (the benchmark reports subgraph requests per client request). */
  requestCount = 0;
  /** Kept-alive connections to this subgraph (undici), instead of a fetch per request. */
  private readonly pool: Pool;
  private readonly path: string;

  constructor(private readonly options: SubgraphClientOptions) {
    const url = new URL(options.url);
    this.path = `${url.pathname}${url.search}`;
    this.pool = new Pool(url.origin, { connections: 16, keepAliveTimeout: 30_000 });
  }

  /**
   * Sends one fetch. A failure is answered as a response whose errors name each field of the
   * fetch (`failedFetchResponse`), never thrown: a thrown error would reach the client once,
   * without a path.
   */
  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    accessRecordIn(options.context)?.subgraphs.add(this.options.name);
    const timer = subgraphFetches.startTimer({ subgraph: this.options.name });
    try {
      const guard = this.options.guard;
      const response = guard ? await guard.run(() => this.send(options), (error) => new SubgraphUnavailable(error)) : await this.send(options);
      timer({ outcome: 'ok' });
      return response;
    } catch (error) {
      timer({ outcome: 'unavailable' });
      if (!(error instanceof SubgraphUnavailable)) throw error;
      return failedFetchResponse(options.request, error.error, 'document' in options ? options.document : undefined);
    }
  }

  private async send({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const deadline = (context as Partial<GatewayContext>).deadline;
    const timeoutMs = deadline?.timeoutMs ?? this.options.timeoutMs;
    // What is left of the request's time: a fetch planned after the deadline is not sent at all.
    if (deadline?.signal.aborted) throw this.unavailable(`not asked: the request's ${timeoutMs} ms deadline had passed`);
    const signal = deadline?.signal ?? AbortSignal.timeout(timeoutMs);
    this.requestCount += 1;
    const internalToken = (context as Partial<GatewayContext>).internalToken;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    if (internalToken) headers.authorization = `Bearer ${await internalToken()}`;
    injectHeaders(headers);
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        path: this.path,
        method: 'POST',
        headers,
        body: JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName }),
        // The deadline bounds the whole exchange; these two bound each wait within it.
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (error) {
      throw this.unavailable(isTimeout(error) || signal.aborted ? `no answer within ${timeoutMs} ms` : describeNetworkError(error));
    }
    const contentType = String(response.headers['content-type'] ?? '');
    if (!contentType.includes('json')) {
      await response.body.dump();
      throw this.unavailable(`HTTP ${response.statusCode} without a GraphQL response`);
    }
    let body: unknown;
    try {
      body = await response.body.json();
    } catch (error) {
      throw this.unavailable(isTimeout(error) || signal.aborted ? `no answer within ${timeoutMs} ms` : 'an unreadable response');
    }
    const unusable = unusableResponseReason(body, request, response.statusCode);
    if (unusable) throw this.unavailable(unusable);
    return body as GatewayGraphQLResponse;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private unavailable(reason: string): SubgraphUnavailable {
    const { name } = this.options;
    return new SubgraphUnavailable(switchboardError(
      'SUBGRAPH_UNAVAILABLE',
      `The ${SYSTEM_NAMES[name] ?? name} (subgraph "${name}") is unavailable: ${reason}. Its fields are missing from this response.`,
      { subgraph: name },
    ));
  }
}

/** A failed fetch inside `SubgraphClient`, carrying the error each of its fields gets. */
class SubgraphUnavailable extends Error {
  constructor(readonly error: GraphQLError) {
    super(error.message);
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError;
}

function describeNetworkError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code ?? ((error as { cause?: { code?: string } } | null)?.cause?.code);
  if (code && /^E[A-Z]+$/.test(code)) return `${code} connecting to it`;
  return error instanceof Error ? error.message : String(error);
}
