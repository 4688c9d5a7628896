/**
 * The one place a gateway request's context is built, for HTTP requests and graphql-ws
 * connections alike: the caller is authenticated from their credentials, and the internal
 * token that carries them to the subgraphs is signed (and reused while fresh).
 */
import { LRUCache } from 'lru-cache';
import { hasRecordRestriction, type Viewer } from '../schema/viewer.js';
import { INTERNAL_TOKEN_TTL_SECONDS, signInternalToken } from '../subgraphs/shared/internal-token.js';
import type { Authenticator, Credentials } from './auth/authenticate.js';
import type { RelatedCustomersLookup } from './auth/related-customers.js';

export interface GatewayContext {
  /** The operation's request id, for logs and audit. */
  requestId: string;
  viewer: Viewer;
  /** The internal token for subgraph requests made on this viewer's behalf. */
  internalToken(): Promise<string>;
  [key: string]: unknown;
}

let nextRequestId = 0;

export class ContextBuilder {
  private readonly tokens = new LRUCache<string, Promise<string>>({ max: 10_000, ttl: (INTERNAL_TOKEN_TTL_SECONDS / 2) * 1000 });

  constructor(
    private readonly authenticator: Authenticator,
    private readonly related: RelatedCustomersLookup,
  ) {}

  /** The context of one request (`requestId`: the access log's, when the transport has one). */
  async build(credentials: Credentials, requestId?: string): Promise<GatewayContext> {
    let viewer = await this.authenticator.authenticate(credentials);
    if (hasRecordRestriction(viewer) && viewer.agentId) viewer = { ...viewer, related: await this.related.lookup(viewer.agentId, viewer.subject) };
    nextRequestId += 1;
    return this.withViewer({ requestId: requestId ?? `${process.pid}-${nextRequestId}` }, viewer);
  }

  /** The same request on behalf of `viewer` (for example with more related customers). */
  withViewer(context: Pick<GatewayContext, 'requestId'> & Record<string, unknown>, viewer: Viewer): GatewayContext {
    return { ...context, viewer, internalToken: () => this.tokenFor(viewer) };
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

export function requestIdOf(context: Record<string, unknown>): string {
  return (context as Partial<GatewayContext>).requestId ?? 'unknown';
}
