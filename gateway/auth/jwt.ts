/**
 * Verifies OAuth2 bearer JWTs with `jose`: against a JWKS URL in production (RS256/ES256,
 * keys picked by `kid`, cached and re-fetched when an unknown `kid` appears, so keys rotate
 * without a restart) or a local HS256 secret in development. Issuer, audience, expiry and
 * not-before are checked with a small clock-skew allowance. Only the algorithms of the
 * configured key kind are accepted: `alg: none` and algorithm confusion (an HS256 token
 * signed with a public key) are refused.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { boundedCache, mib, objectBytes, type BoundedCache } from '../../subgraphs/shared/bounded-cache.js';
import { ROLES, isRole, isScope, type Scope } from '../../schema/access.js';
import type { Viewer } from '../../schema/viewer.js';

export interface JwtConfig {
  /** Production: the identity provider's JWKS URL. */
  jwksUrl: string | null;
  /** Development: the HS256 secret (used when no JWKS URL is set). */
  secret: string | null;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  /** Least time between two fetches of the key set when a token names an unknown `kid`. */
  jwksCooldownMs: number;
}

export class InvalidCredentials extends Error {}

/** A verified token is remembered this long (never past its `exp`): desktops send the same token on every request. */
const VERIFIED_TOKEN_TTL_MS = 60_000;

export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly verified: BoundedCache<Viewer>;

  /** `cacheBytes`: the budget of remembered verified tokens (`SWITCHBOARD_CALLER_CACHE_MB`). */
  constructor(
    private readonly config: JwtConfig,
    cacheBytes = mib(8),
  ) {
    this.verified = boundedCache<Viewer>({ maxBytes: cacheBytes, sizeOf: objectBytes, ttlMs: VERIFIED_TOKEN_TTL_MS });
    if (config.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: config.jwksCooldownMs, timeoutDuration: 5000 });
      this.algorithms = ['RS256', 'ES256'];
    } else if (config.secret) {
      this.key = new TextEncoder().encode(config.secret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('Set SWITCHBOARD_JWKS_URL (production) or SWITCHBOARD_JWT_SECRET (development).');
    }
  }

  async verify(token: string): Promise<Viewer> {
    const remembered = this.verified.get(token);
    if (remembered && (remembered.expiresAt === null || remembered.expiresAt * 1000 > Date.now())) return remembered;
    const viewer = await this.verifyNow(token);
    this.verified.set(token, viewer);
    return viewer;
  }

  private async verifyNow(token: string): Promise<Viewer> {
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      };
      // Two calls so TypeScript picks the overload for each key kind.
      payload = (typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options)).payload;
    } catch (error) {
      throw new InvalidCredentials(describe(error));
    }
    return viewerFromClaims(payload);
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet (nbf).';
    if (error.claim === 'aud') return 'The token is for another audience.';
    if (error.claim === 'iss') return 'The token comes from an unknown issuer.';
    return `The token's "${error.claim}" claim is invalid: ${error.reason}.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm that is not accepted.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with an unknown key.';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError && error.code === 'ERR_JWKS_INVALID') return 'The signing keys could not be fetched.';
  return 'The token is malformed.';
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function viewerFromClaims(payload: JWTPayload): Viewer {
  const role = stringClaim(payload, 'role');
  if (!role || !isRole(role) || role === 'service') {
    throw new InvalidCredentials(`The token has no known role (one of ${Object.keys(ROLES).join(', ')}).`);
  }
  // OAuth2 `scope` (space-separated) narrows the role's scopes; it never widens them.
  const granted: readonly Scope[] = ROLES[role];
  const requested = stringClaim(payload, 'scope');
  const scopes = requested === null ? [...granted] : requested.split(' ').filter((s): s is Scope => isScope(s) && granted.includes(s));
  return {
    subject: payload.sub!,
    kind: 'user',
    role,
    scopes,
    team: stringClaim(payload, 'team'),
    agentId: stringClaim(payload, 'agent_id'),
    expiresAt: payload.exp ?? null,
  };
}
