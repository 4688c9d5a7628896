/**
 * Development sign-in for the console: the identities `npm start` prints (a few agents, a
 * supervisor of the first agent's team, an admin) and fresh HS256 tokens for them, signed
 * with the local development secret exactly like `npm run token`. Offered only when the
 * gateway is not in production and verifies tokens with that secret (no JWKS URL);
 * otherwise the embedding application supplies tokens (docs/console.md).
 */
import { SignJWT } from 'jose';
import type { JwtConfig } from '../auth/jwt.js';

/** One identity the console's sign-in screen offers. */
export interface DevIdentity {
  role: 'agent' | 'supervisor' | 'admin';
  /** The token's `sub`. */
  subject: string;
  team: string | null;
  agentId: string | null;
  /** What the sign-in screen shows, for example `Li Wei (agt_001, team-bj)`. */
  label: string;
}

/** What a dev token request may ask for; `ttlSeconds` is clamped to 5 s..8 h (default 8 h). */
export interface DevTokenRequest {
  role: string;
  team?: string | null;
  agentId?: string | null;
  subject?: string;
  ttlSeconds?: number;
}

/** A signed token and when it expires (Unix ms). */
export interface DevToken {
  token: string;
  expiresAt: number;
}

const MAX_TTL_SECONDS = 8 * 3600;
const MIN_TTL_SECONDS = 5;
const ROLES = new Set(['agent', 'supervisor', 'admin']);

/** Signs development tokens; `null` config (production, or a JWKS URL) means no dev sign-in. */
export class DevSignIn {
  constructor(private readonly jwt: JwtConfig & { secret: string }) {}

  /** The identities to offer, given the agents the call center knows (id, name, team). */
  identities(agents: { id: string; name: string; team: string }[]): DevIdentity[] {
    const sorted = [...agents].sort((a, b) => a.id.localeCompare(b.id)).slice(0, 4);
    const team = sorted[0]?.team ?? 'team-bj';
    return [
      ...sorted.map((agent, index): DevIdentity => ({ role: 'agent', subject: `agent-${index + 1}`, team: agent.team, agentId: agent.id, label: `${agent.name} (${agent.id}, ${agent.team})` })),
      { role: 'supervisor', subject: 'supervisor-1', team, agentId: null, label: `supervisor (${team})` },
      { role: 'admin', subject: 'admin-1', team: null, agentId: null, label: 'admin' },
    ];
  }

  /** Signs a token for `request`; throws `Error` with a user-facing message for an unknown role. */
  async sign(request: DevTokenRequest): Promise<DevToken> {
    if (typeof request !== 'object' || request === null) throw new Error('Send a JSON object: { "role", "agentId", "team", "ttlSeconds" }.');
    if (!ROLES.has(request.role)) throw new Error(`Unknown role ${JSON.stringify(request.role)}: agent, supervisor or admin.`);
    for (const field of ['team', 'agentId', 'subject'] as const) {
      if (request[field] !== undefined && request[field] !== null && typeof request[field] !== 'string') throw new Error(`${field} must be a string.`);
    }
    if (request.ttlSeconds !== undefined && !Number.isFinite(request.ttlSeconds)) throw new Error('ttlSeconds must be a number.');
    const ttl = Math.min(MAX_TTL_SECONDS, Math.max(MIN_TTL_SECONDS, Math.floor(request.ttlSeconds ?? MAX_TTL_SECONDS)));
    const claims: Record<string, string> = { role: request.role };
    if (request.team) claims.team = request.team;
    if (request.agentId) claims.agent_id = request.agentId;
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(request.subject ?? `${request.role}-1`)
      .setIssuer(this.jwt.issuer)
      .setAudience(this.jwt.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(new TextEncoder().encode(this.jwt.secret));
    return { token, expiresAt: (now + ttl) * 1000 };
  }
}

/** The dev sign-in for a gateway configuration, or `null` where it must not exist. */
export function devSignInFor(production: boolean, jwt: JwtConfig): DevSignIn | null {
  if (production || jwt.jwksUrl || !jwt.secret) return null;
  return new DevSignIn({ ...jwt, secret: jwt.secret });
}
