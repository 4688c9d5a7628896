/**
 * Decides whether a viewer may select a field, from the rules the supergraph declares.
 * Also the one place the error message for a refused field is worded.
 */
import { hasScope, type Viewer } from '../../schema/viewer.js';
import type { Scope } from '../../schema/access.js';
import type { AccessRule } from './security-rules.js';

export interface Refusal {
  code: 'FORBIDDEN' | 'UNAUTHENTICATED';
  message: string;
}

/** Named policies for rules that need more than scopes; none are declared yet, and an unknown policy refuses. */
const POLICIES: Record<string, (viewer: Viewer) => boolean> = {};

export function checkAccess(coordinate: string, rule: AccessRule, viewer: Viewer | null): Refusal | null {
  if (viewer === null) {
    return { code: 'UNAUTHENTICATED', message: `${coordinate} requires authentication.` };
  }
  if (rule.scopes.length > 0 && !rule.scopes.some((set) => set.every((scope) => hasScope(viewer, scope as Scope)))) {
    const needed = rule.scopes.map((set) => set.join(' and ')).join(' or ');
    return { code: 'FORBIDDEN', message: `Not allowed to read ${coordinate}: it requires the scope ${needed}.` };
  }
  if (rule.policies.length > 0 && !rule.policies.some((set) => set.every((policy) => POLICIES[policy]?.(viewer) ?? false))) {
    return { code: 'FORBIDDEN', message: `Not allowed to read ${coordinate}: a policy (${rule.policies.flat().join(', ')}) refuses it.` };
  }
  return null;
}
