/**
 * The internal token: how a subgraph knows the request comes from the gateway and on whose
 * behalf. The gateway signs the caller's identity and scopes (HS256, `SWITCHBOARD_INTERNAL_SECRET`,
 * valid 60 s); every subgraph refuses GraphQL requests without a valid one (401) and takes
 * the viewer from it. Health checks stay open.
 */
import { jwtVerify, SignJWT } from 'jose';
import type { Viewer } from '../../schema/viewer.js';
import { boundedCache, mib, objectBytes, type BoundedCache } from './bounded-cache.js';
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

/** Seconds a token is still accepted after its `exp` (clock skew between gateway and subgraph). */
const CLOCK_TOLERANCE_SECONDS = 5;

interface Verified {
  viewer: Viewer;
  /** Until when (ms since the epoch) the token is accepted: its `exp` plus the clock tolerance. */
  validUntil: number;
}

/**
 * Verifies internal tokens. The gateway reuses a token for many requests (it signs one per
 * viewer and keeps it while fresh), so a token verified once is remembered by its whole text
 * (signature included: another text is verified afresh) until it expires: verifying costs
 * about 75 µs of CPU per request otherwise (HMAC key import and signature check in `jose`).
 * The cache is bounded by bytes (`cacheBytes`, default 4 MiB).
 */
export class InternalTokenVerifier {
  private readonly key: Uint8Array;
  private readonly verified: BoundedCache<Verified>;
  constructor(env?: NodeJS.ProcessEnv, cacheBytes = mib(4)) {
    this.key = key(env);
    this.verified = boundedCache<Verified>({ maxBytes: cacheBytes, sizeOf: (entry) => objectBytes(entry.viewer), ttlMs: (INTERNAL_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000 });
  }

  /** The viewer, or `null` when the header is missing or the token is not valid (bad signature, claims, or expired). */
  async verify(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization?.startsWith('Bearer ')) return null;
    const token = authorization.slice(7);
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.validUntil) return known.viewer;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: INTERNAL_AUDIENCE,
        issuer: INTERNAL_ISSUER,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      const viewer = (payload.viewer as Viewer | undefined) ?? null;
      if (viewer && typeof payload.exp === 'number') this.verified.set(token, { viewer, validUntil: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
      return viewer;
    } catch {
      return null;
    }
  }
}
