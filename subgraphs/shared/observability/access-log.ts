/**
 * One access line per HTTP request, and the HTTP and GraphQL metrics, for the gateway and
 * every subgraph alike. The line is written when the response finishes:
 * `{ msg: "request", requestId, method, route, status, durationMs, operation, errorCodes,
 * subgraphs }` — the operation's name, the `extensions.code` of every error in the response
 * and the subgraphs the gateway asked, never variables, tokens or data.
 *
 * The request id is the caller's `X-Request-Id` when it is a plain token of at most 64
 * characters (letters, digits, `.`, `_`, `-`), else a new UUID; it is echoed in the response's
 * `X-Request-Id` and carried in the GraphQL context (`requestId`) to the audit trail.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { graphqlDuration, graphqlErrors, graphqlOperations, httpDuration, httpRequests, operationLabel } from './metrics.js';

/** What one request did, filled in while it runs. */
export interface AccessRecord {
  requestId: string;
  operation: string | null;
  errorCodes: Set<string>;
  subgraphs: Set<string>;
}

const records = new WeakMap<IncomingMessage, AccessRecord>();
const REQUEST_ID = /^[\w.-]{1,64}$/;

/** The record of a request being served (undefined outside `observeRequest`). */
export function accessRecordOf(req: IncomingMessage): AccessRecord | undefined {
  return records.get(req);
}

/** The access record a GraphQL context carries (as `accessLog`), if any. */
export function accessRecordIn(context: unknown): AccessRecord | undefined {
  return (context as { accessLog?: AccessRecord } | null)?.accessLog;
}

/**
 * Starts observing one request: sets its request id (header in, header out) and, when the
 * response finishes, counts it and writes its access line. `route` is a bounded label
 * (the matched route, or `other`).
 */
export function observeRequest(service: string, logger: Logger, req: IncomingMessage, res: ServerResponse, route: string): AccessRecord {
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  const record: AccessRecord = { requestId, operation: null, errorCodes: new Set(), subgraphs: new Set() };
  records.set(req, record);
  if (!res.headersSent) res.setHeader('x-request-id', requestId);
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const method = req.method ?? 'GET';
    httpRequests.inc({ service, route, method, status: String(res.statusCode) });
    httpDuration.observe({ service, route }, seconds);
    logger.info(
      {
        requestId,
        method,
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(record.operation !== null ? { operation: record.operation } : {}),
        ...(record.errorCodes.size > 0 ? { errorCodes: [...record.errorCodes].sort() } : {}),
        ...(record.subgraphs.size > 0 ? { subgraphs: [...record.subgraphs].sort() } : {}),
      },
      'request',
    );
  });
  return record;
}

/**
 * Counts one finished GraphQL operation of `service`: by name and outcome (`ok`, `partial`:
 * errors with data, `error`), its errors by code and its time since `started`
 * (`process.hrtime.bigint()`), and fills in the request's access record. `codes` are the
 * `extensions.code` of the response's errors (`INTERNAL_SERVER_ERROR` when one has none).
 */
export function recordOperation(
  service: string,
  name: string | null,
  errors: readonly { extensions?: Record<string, unknown> }[],
  hasData: boolean,
  started: bigint,
  record: AccessRecord | undefined,
): void {
  const label = operationLabel(name);
  const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  graphqlOperations.inc({ service, operation: label, outcome: codes.length === 0 ? 'ok' : hasData ? 'partial' : 'error' });
  for (const code of codes) graphqlErrors.inc({ service, code });
  graphqlDuration.observe({ service, operation: label }, Number(process.hrtime.bigint() - started) / 1e9);
  if (record) {
    record.operation = name;
    for (const code of codes) record.errorCodes.add(code);
  }
}

/**
 * An Apollo Server plugin counting every operation (by name and outcome), its errors (by
 * code) and its time, and filling in the access record of the request it belongs to
 * (`recordOperation`).
 */
export function observabilityPlugin(service: string): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, request, contextValue }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const hasData = result.data !== undefined && result.data !== null;
          recordOperation(service, operationName ?? request.operationName ?? null, result.errors ?? [], hasData, started, accessRecordIn(contextValue));
        },
      };
    },
  };
}
