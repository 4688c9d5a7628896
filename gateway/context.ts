/**
 * The one place a gateway request's context is built, for HTTP requests and graphql-ws
 * connections alike: the request's deadline is started, the caller is authenticated from
 * their credentials, and the internal token that carries them to the subgraphs is signed
 * (and reused while fresh).
 */
import { boundedCache, mib } from '../subgraphs/shared/bounded-cache.js';
import { hasRecordRestriction, type Viewer } from '../schema/viewer.js';
import { INTERNAL_TOKEN_TTL_SECONDS, signInternalToken } from '../subgraphs/shared/internal-token.js';
import type { Authenticator, Credentials } from './auth/authenticate.js';
import type { RelatedCustomersLookup } from './auth/related-customers.js';
import { requestDeadline, type RequestDeadline } from './request-deadline.js';

/** The share of a request's time the record-access lookup may use, so the operation keeps the rest. */
export const RELATED_LOOKUP_SHARE = 0.5;

export interface GatewayContext {
  /** The operation's request id, for logs and audit. */
  requestId: string;
  viewer: Viewer;
  /** The request's one deadline: every lookup, subgraph fetch and audit write of the request ends by it. */
  deadline: RequestDeadline;
  /** The internal token for subgraph requests made on this viewer's behalf. */
  internalToken(): Promise<string>;
  [key: string]: unknown;
}

let nextRequestId = 0;

export class ContextBuilder {
  /** Internal tokens by viewer; the key (the viewer's JSON) is counted by the cache, the token is about 1 KB. */
  private readonly tokens;

  /** `timeoutMs`: each request's whole budget (`SWITCHBOARD_SUBGRAPH_TIMEOUT_MS`); `cacheBytes`: the internal-token cache's budget. */
  constructor(
    private readonly authenticator: Authenticator,
    private readonly related: RelatedCustomersLookup,
    private readonly timeoutMs: number,
    cacheBytes = mib(8),
  ) {
    this.tokens = boundedCache<Promise<string>>({ maxBytes: cacheBytes, sizeOf: () => 1024, ttlMs: (INTERNAL_TOKEN_TTL_SECONDS / 2) * 1000 });
  }

  /**
   * A new request's context (`requestId`: the access log's, when the transport has one): its deadline starts now. The record-access lookup may use
   * `RELATED_LOOKUP_SHARE` of it; past that the agent gets no related customers (their
   * team's customers only), never more access.
   */
  async build(credentials: Credentials, requestId?: string): Promise<GatewayContext> {
    const deadline = requestDeadline(this.timeoutMs);
    let viewer = await this.authenticator.authenticate(credentials);
    if (hasRecordRestriction(viewer) && viewer.agentId) {
      viewer = { ...viewer, related: await this.related.lookup(viewer.agentId, viewer.subject, deadline.share(RELATED_LOOKUP_SHARE)) };
    }
    nextRequestId += 1;
    return this.withViewer({ requestId: requestId ?? `${process.pid}-${nextRequestId}`, deadline }, viewer);
  }

  /** The same request on behalf of `viewer` (for example with more related customers); same deadline. */
  withViewer(context: Pick<GatewayContext, 'requestId' | 'deadline'> & Record<string, unknown>, viewer: Viewer): GatewayContext {
    return { ...context, viewer, internalToken: () => this.tokenFor(viewer) };
  }

  /** A further request on an established context (one operation or one subscription event over WebSocket): a new deadline. */
  nextRequest(context: GatewayContext): GatewayContext {
    nextRequestId += 1;
    return { ...context, requestId: `${process.pid}-${nextRequestId}`, deadline: requestDeadline(this.timeoutMs) };
  }

  private tokenFor(viewer: Viewer): Promise<string> {
    const key = JSON.stringify(viewer);
    let token = this.tokens.get(key);
    if (!token) {
      token = signInternalToken(viewer);
      this.tokens.set(key, token);
    }
    return token;
  }
}

export function viewerOf(context: Record<string, unknown>): Viewer | null {
  return (context as Partial<GatewayContext>).viewer ?? null;
}

/** The request's deadline, or null outside a gateway request. */
export function deadlineOf(context: Record<string, unknown>): RequestDeadline | null {
  return (context as Partial<GatewayContext>).deadline ?? null;
}

export function requestIdOf(context: Record<string, unknown>): string {
  return (context as Partial<GatewayContext>).requestId ?? 'unknown';
}
