/**
 * The fixed `authorization` header the peer gateways (plain Apollo, Hive) send to the
 * subgraphs. The subgraphs only answer requests carrying the gateway's internal token, and a
 * plain gateway cannot mint one per caller, so each peer sends one internal token for one
 * admin viewer (the same viewer the benchmark's admin token gives Switchboard's gateway),
 * signed with `signInternalToken`. The token lives 60 s, so it is re-signed every 20 s: one
 * signature per 20 s, nothing per request.
 */
import { ROLES } from '../../schema/access.js';
import type { Viewer } from '../../schema/viewer.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';

/** The subject of the benchmark's admin, in the JWT given to Switchboard and in the peers' internal token. */
export const BENCH_ADMIN_SUBJECT = 'bench-admin';

export const BENCH_ADMIN_VIEWER: Viewer = {
  subject: BENCH_ADMIN_SUBJECT,
  kind: 'user',
  role: 'admin',
  scopes: [...ROLES.admin],
  team: null,
  agentId: null,
  expiresAt: null,
};

const REFRESH_MS = 20_000;

export interface InternalHeader {
  /** The current `Bearer …` value. */
  value(): string;
  stop(): void;
}

export async function internalAuthorizationHeader(): Promise<InternalHeader> {
  let current = `Bearer ${await signInternalToken(BENCH_ADMIN_VIEWER)}`;
  const timer = setInterval(() => {
    signInternalToken(BENCH_ADMIN_VIEWER).then(
      (token) => (current = `Bearer ${token}`),
      (error: unknown) => console.error('could not re-sign the internal token:', error),
    );
  }, REFRESH_MS);
  timer.unref();
  return { value: () => current, stop: () => clearInterval(timer) };
}
