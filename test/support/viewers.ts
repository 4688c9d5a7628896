/**
 * Callers for tests: viewers of each role, the development tokens the gateway accepts for
 * them, and the internal-token headers a subgraph accepts (as if the gateway had sent them).
 */
import { ROLES, type Scope } from '../../schema/access.js';
import type { Viewer } from '../../schema/viewer.js';
import { signDevToken } from '../../gateway/auth/token-cli.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';

export type TestRole = keyof typeof ROLES;

export function viewer(role: TestRole, overrides: Partial<Viewer> = {}): Viewer {
  return {
    subject: `${role}-1`,
    kind: 'user',
    role,
    scopes: [...ROLES[role]] as Scope[],
    team: 'team-bj',
    agentId: role === 'agent' || role === 'supervisor' ? 'agt_001' : null,
    expiresAt: null,
    ...overrides,
  };
}

export const ADMIN = viewer('admin');

/** Headers a subgraph accepts: an internal token for `who` (admin by default). */
export async function internalHeaders(who: Viewer = ADMIN): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signInternalToken(who)}` };
}

/** A bearer token the gateway accepts, for a role. */
export async function bearer(role: TestRole, options: { sub?: string; team?: string; agentId?: string; ttl?: string } = {}): Promise<string> {
  return `Bearer ${await signDevToken({ role, sub: options.sub ?? `${role}-1`, team: options.team ?? 'team-bj', agentId: options.agentId, ttl: options.ttl })}`;
}
