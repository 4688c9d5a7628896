/**
 * The internal token: how a subgraph knows the request comes from the gateway and on whose
 * behalf. The gateway signs the caller's identity and scopes (HS256, `SWITCHBOARD_INTERNAL_SECRET`,
 * valid 60 s); every subgraph refuses GraphQL requests without a valid one (401) and takes
 * the viewer from it. Health checks stay open.
 */
import { jwtVerify, SignJWT } from 'jose';
import type { Viewer } from '../../schema/viewer.js';
import { secret } from './secrets.js';

export const INTERNAL_AUDIENCE = 'switchboard-subgraph';
export const INTERNAL_ISSUER = 'switchboard-gateway';
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

function key(env?: NodeJS.ProcessEnv): Uint8Array {
  return new TextEncoder().encode(secret('SWITCHBOARD_INTERNAL_SECRET', env));
}

export async function signInternalToken(viewer: Viewer, env?: NodeJS.ProcessEnv): Promise<string> {
  return new SignJWT({ viewer })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setSubject(viewer.subject)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
    .sign(key(env));
}

export class InternalTokenVerifier {
  private readonly key: Uint8Array;
  constructor(env?: NodeJS.ProcessEnv) {
    this.key = key(env);
  }

  /** The viewer, or `null` when the header is missing or the token is not valid. */
  async verify(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization?.startsWith('Bearer ')) return null;
    try {
      const { payload } = await jwtVerify(authorization.slice(7), this.key, {
        algorithms: ['HS256'],
        audience: INTERNAL_AUDIENCE,
        issuer: INTERNAL_ISSUER,
        clockTolerance: 5,
      });
      return (payload.viewer as Viewer | undefined) ?? null;
    } catch {
      return null;
    }
  }
}
