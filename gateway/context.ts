/**
 * The one place a gateway request's context is built, for HTTP requests and graphql-ws
 * connections alike: the caller is authenticated from their credentials, and the internal
 * token that carries them to the subgraphs is signed (and reused while fresh).
 */
import { LRUCache } from 'lru-cache';
import type { Viewer } from '../schema/viewer.js';
import { INTERNAL_TOKEN_TTL_SECONDS, signInternalToken } from '../subgraphs/shared/internal-token.js';
import type { Authenticator, Credentials } from './auth/authenticate.js';

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

  constructor(private readonly authenticator: Authenticator) {}

  async build(credentials: Credentials): Promise<GatewayContext> {
    const viewer = await this.authenticator.authenticate(credentials);
    nextRequestId += 1;
    return {
      requestId: `${process.pid}-${nextRequestId}`,
      viewer,
      internalToken: () => this.tokenFor(viewer),
    };
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
