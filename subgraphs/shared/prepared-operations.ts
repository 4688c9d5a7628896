/**
 * A subgraph's fast path for the operations the gateway sends over and over: each distinct
 * operation text is parsed, validated and resolved once, by Apollo Server itself, and from
 * then on executed straight with graphql-js, without Apollo Server's per-request pipeline
 * (request hashing, plugin hooks, header maps, response negotiation), which cost about 0.14 ms
 * per request: a tenth of a small subgraph request's CPU.
 *
 * The contract, so that a client cannot tell which path answered:
 * - Only what Apollo Server accepted before is served here. `plugin()` learns, from Apollo's
 *   own hooks, every operation text it parsed, validated and resolved (queries and
 *   mutations, not subscriptions), and, from the HTTP handler (`answered`), for every `accept`
 *   header the content type it answered a single result with status 200. Everything else (a text seen for the first time, invalid text, GET,
 *   batches, persisted-query extensions, an unknown `accept`) goes to Apollo Server as before.
 * - Execution is graphql-js `execute` with the same schema, context, variables and operation
 *   name Apollo Server passes. When execution does not start (variables that do not coerce,
 *   an operation name not in the text: no `data` in the result), nothing has run yet, and the
 *   request goes to Apollo Server, which answers it with its own errors and status (400).
 * - The answer is Apollo Server's: status 200 (or an error's `extensions.http.status`),
 *   the learned content type, `cache-control: no-store`, the body `{ errors?, data,
 *   extensions? }` as `JSON.stringify` + newline, each error formatted as Apollo Server's
 *   `normalizeAndFormatErrors` does (a `code` of `INTERNAL_SERVER_ERROR` when none, the stack
 *   when stack traces are on, then the server's `formatError`).
 * - Operations are counted and access lines filled in as for every other request
 *   (`recordOperation`).
 *
 * Memory: the operation texts and their documents are held in one byte-bounded LRU
 * (`bounded-cache.ts`), the same budget as Apollo Server's document store.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { execute, getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { boundedCache, documentBytes, type BoundedCache } from './bounded-cache.js';
import { recordOperation, type AccessRecord } from './observability/access-log.js';
import type { PreparedPath } from './http.js';

/** How many distinct `accept` headers get their content type remembered (the gateway sends one). */
const MAX_ACCEPT_HEADERS = 32;

/** A request body as a client sends it: `{ query, variables?, operationName?, extensions? }`. */
interface GraphqlBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: unknown;
}

export interface PreparedOperationsOptions<TContext> {
  /** The schema Apollo Server serves (the same object). */
  schema: GraphQLSchema;
  /** The service name of metrics and access lines (`crm`, `callcenter`, `tickets`). */
  service: string;
  /** Byte budget of remembered operations (see `documentBytes`). */
  maxBytes: number;
  /** The server's `formatError`, applied to each error as Apollo Server does. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Stack traces in error extensions (Apollo's `includeStacktraceInErrorResponses`). */
  includeStacktrace: boolean;
  /** Builds the context of one request, as Apollo Server's `context` would. */
  context: (req: IncomingMessage, access: AccessRecord) => Promise<TContext>;
}

/** The fast path of one subgraph server; see the module comment for the contract. */
export class PreparedOperations<TContext extends object> implements PreparedPath {
  private readonly documents: BoundedCache<DocumentNode>;
  private readonly contentTypes = new Map<string, string>();
  /** Requests answered here since start. */
  served = 0;

  constructor(private readonly options: PreparedOperationsOptions<TContext>) {
    this.documents = boundedCache<DocumentNode>({ maxBytes: options.maxBytes, sizeOf: documentBytes });
  }

  /** The Apollo Server plugin that learns accepted operation texts. */
  plugin(): ApolloServerPlugin<BaseContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ request, document, operation }) => {
          if (request.query !== undefined && operation && operation.operation !== 'subscription') this.documents.set(request.query, document);
        },
      }),
    };
  }

  /** Learns the content type Apollo Server answers a successful single result with, per `accept` header. */
  answered(accept: string | undefined, status: number, contentType: string | undefined): void {
    const key = accept ?? '';
    if (status !== 200 || contentType === undefined || this.contentTypes.has(key) || this.contentTypes.size >= MAX_ACCEPT_HEADERS) return;
    this.contentTypes.set(key, contentType);
  }

  /**
   * Answers a `POST` whose parsed JSON body is `body` when the contract allows; resolves
   * false, having written nothing, when Apollo Server must answer instead.
   */
  async serve(req: IncomingMessage, res: ServerResponse, body: unknown, access: AccessRecord): Promise<boolean> {
    if (req.method !== 'POST' || !isGraphqlBody(body)) return false;
    const contentType = this.contentTypes.get(headerValue(req.headers.accept));
    if (contentType === undefined) return false;
    const document = this.documents.get(body.query);
    if (document === undefined) return false;
    const operationName = body.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation === 'subscription') return false;
    const started = process.hrtime.bigint();
    let result: ExecutionResult;
    try {
      const contextValue = await this.options.context(req, access);
      result = await execute({ schema: this.options.schema, document, contextValue, variableValues: body.variables ?? undefined, operationName });
    } catch {
      // A context that cannot be built (or arguments graphql-js refuses before running anything):
      // Apollo Server answers, with its own error and status.
      return false;
    }
    // Execution did not start: Apollo Server answers (400 and its error codes); nothing ran.
    if (result.data === undefined) return false;
    const { errors, status } = this.formatErrors(result.errors);
    const text = `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`;
    res.statusCode = status;
    res.setHeader('content-type', contentType);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-length', Buffer.byteLength(text));
    res.end(text);
    this.served += 1;
    recordOperation(this.options.service, operation.name?.value ?? null, errors ?? [], result.data !== null, started, access);
    return true;
  }

  /** Apollo Server's `normalizeAndFormatErrors` for execution errors: code, stack, `formatError`, `extensions.http`. */
  private formatErrors(errors: readonly GraphQLError[] | undefined): { errors: GraphQLFormattedError[] | undefined; status: number } {
    let status = 200;
    if (!errors || errors.length === 0) return { errors: undefined, status };
    const enrich = (maybe: unknown): GraphQLFormattedError => {
      const error = maybe instanceof GraphQLError ? maybe : new GraphQLError(maybe instanceof Error ? maybe.message : `Unexpected error value: ${String(maybe)}`, { originalError: maybe instanceof Error ? maybe : undefined });
      const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
      const http = extensions.http as { status?: unknown } | undefined;
      if (http && typeof http === 'object') {
        if (typeof http.status === 'number') status = http.status;
        delete extensions.http;
      }
      if (this.options.includeStacktrace) extensions.stacktrace = error.stack?.split('\n');
      return { ...error.toJSON(), extensions };
    };
    const formatted = errors.map((error) => {
      try {
        return this.options.formatError(enrich(error), error);
      } catch (formattingError) {
        return this.options.includeStacktrace ? enrich(formattingError) : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
    });
    return { errors: formatted, status };
  }
}

function headerValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function isGraphqlBody(body: unknown): body is GraphqlBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    extensions === undefined &&
    (variables === undefined || variables === null || (typeof variables === 'object' && !Array.isArray(variables))) &&
    (operationName === undefined || operationName === null || typeof operationName === 'string')
  );
}
