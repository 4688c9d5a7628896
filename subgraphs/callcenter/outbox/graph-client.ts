/**
 * The dispatcher's client for the gateway's graph: one POST per operation with the service
 * account's API key (`X-API-Key`), so its writes pass the same authorization and audit as
 * anyone's. Any error in the answer fails the operation; codes that will not change on a
 * retry (`PERMANENT_CODES`) make it permanent, everything else (the gateway or a subgraph
 * down, `SUBGRAPH_UNAVAILABLE`, HTTP errors, timeouts, `UNAUTHENTICATED`) is retried.
 */
export const PERMANENT_CODES: ReadonlySet<string> = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED']);

export class GraphOperationError extends Error {
  constructor(
    message: string,
    /** True when retrying the same operation cannot succeed. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'GraphOperationError';
  }
}

interface GraphError {
  message: string;
  extensions?: { code?: unknown; subgraph?: unknown };
}

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint. */
  url: string;
  apiKey: string;
  /** Per request; a slower answer is a retryable failure. */
  timeoutMs: number;
}

export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  async request<T>(operationName: string, query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': this.options.apiKey },
        body: JSON.stringify({ operationName, query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: { message?: string } }).cause?.message;
      throw new GraphOperationError(`${operationName}: gateway unreachable at ${this.options.url} (${(error as Error).message}${cause ? `: ${cause}` : ''})`, false);
    }
    let body: { data?: T | null; errors?: GraphError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new GraphOperationError(`${operationName}: HTTP ${response.status} without a GraphQL answer`, false);
    }
    const errors = body.errors ?? [];
    if (errors.length > 0) {
      const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
      const first = errors[0]!;
      const subgraph = typeof first.extensions?.subgraph === 'string' ? ` (${first.extensions.subgraph})` : '';
      throw new GraphOperationError(`${operationName}: ${codes[0]}${subgraph}: ${first.message}`, codes.every((code) => PERMANENT_CODES.has(code)));
    }
    if (!response.ok || body.data == null) throw new GraphOperationError(`${operationName}: HTTP ${response.status} without data`, false);
    return body.data;
  }
}
