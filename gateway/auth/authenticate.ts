/**
 * Turns a request's credentials into a `Viewer`, or an `UNAUTHENTICATED` error (HTTP 401)
 * with a message saying what is wrong. Accepted: `Authorization: Bearer <JWT>` for people,
 * `X-API-Key: sbk_…` (or `Authorization: ApiKey sbk_…`) for service accounts.
 * Used for HTTP requests and for graphql-ws `connectionParams` alike.
 */
import { GraphQLError } from 'graphql';
import { boundedCache, mib, objectBytes, type BoundedCache } from '../../subgraphs/shared/bounded-cache.js';
import type { Viewer } from '../../schema/viewer.js';
import type { GatewayStore } from '../store/gateway-store.js';
import { InvalidCredentials, type JwtVerifier } from './jwt.js';


export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } } });
}

export interface Credentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

export class Authenticator {
  private readonly apiKeys: BoundedCache<Viewer> | null;

  /**
   * `apiKeyCacheMs`: how long a verified API key is trusted before it is looked up again (the
   * revocation delay); 0 looks up every time. `cacheBytes`: the budget of that cache.
   */
  constructor(
    private readonly jwt: JwtVerifier,
    private readonly store: GatewayStore,
    apiKeyCacheMs: number,
    cacheBytes = mib(8),
  ) {
    this.apiKeys = apiKeyCacheMs > 0 ? boundedCache<Viewer>({ maxBytes: cacheBytes, sizeOf: objectBytes, ttlMs: apiKeyCacheMs }) : null;
  }

  async authenticate({ authorization, apiKey }: Credentials): Promise<Viewer> {
    if (authorization?.startsWith('ApiKey ')) apiKey = authorization.slice(7).trim();
    if (apiKey) return this.viewerForApiKey(apiKey);
    if (!authorization) throw unauthenticated('Authentication required: send "Authorization: Bearer <token>" or an API key in "X-API-Key".');
    if (!authorization.startsWith('Bearer ')) throw unauthenticated('The Authorization header must be "Bearer <token>" or "ApiKey <key>".');
    try {
      return await this.jwt.verify(authorization.slice(7).trim());
    } catch (error) {
      if (error instanceof InvalidCredentials) throw unauthenticated(error.message);
      throw error;
    }
  }

  private async viewerForApiKey(key: string): Promise<Viewer> {
    const cached = this.apiKeys?.get(key);
    if (cached) return cached;
    const record = await this.store.verifyApiKey(key);
    if (!record) throw unauthenticated('The API key is unknown or revoked.');
    const viewer: Viewer = { subject: `service:${record.name}`, kind: 'service', role: 'service', scopes: record.scopes, team: null, agentId: null, expiresAt: null };
    this.apiKeys?.set(key, viewer);
    return viewer;
  }
}
