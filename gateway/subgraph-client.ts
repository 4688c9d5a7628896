/**
 * How the gateway talks to a subgraph: one POST per plan fetch, with a hard timeout.
 * A subgraph that is down, too slow or answers with a non-GraphQL error becomes one
 * `SUBGRAPH_UNAVAILABLE` error naming it; the query plan goes on with the other subgraphs,
 * so the client gets partial data, never a hang or a 500.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { switchboardError } from '../schema/errors.js';
import type { GatewayContext } from './context.js';

export interface SubgraphClientOptions {
  name: string;
  url: string;
  timeoutMs: number;
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

  constructor(private readonly options: SubgraphClientOptions) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { url, timeoutMs } = this.options;
    this.requestCount += 1;
    const internalToken = (context as Partial<GatewayContext>).internalToken;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    if (internalToken) headers.authorization = `Bearer ${await internalToken()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describeNetworkError(error);
      throw this.unavailable(reason);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('json')) {
      await response.body?.cancel();
      throw this.unavailable(`HTTP ${response.status} without a GraphQL response`);
    }
    let body: GatewayGraphQLResponse;
    try {
      body = (await response.json()) as GatewayGraphQLResponse;
    } catch (error) {
      throw this.unavailable(error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'an unreadable response');
    }
    if (!response.ok && body.data === undefined && !body.errors) throw this.unavailable(`HTTP ${response.status}`);
    return body;
  }

  private unavailable(reason: string) {
    const { name } = this.options;
    return switchboardError(
      'SUBGRAPH_UNAVAILABLE',
      `The ${SYSTEM_NAMES[name] ?? name} (subgraph "${name}") is unavailable: ${reason}. Its fields are missing from this response.`,
      { subgraph: name },
    );
  }
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code} connecting to it`;
  return error instanceof Error ? error.message : String(error);
}
