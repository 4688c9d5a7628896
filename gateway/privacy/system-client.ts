/**
 * The privacy orchestrator's client for one system's graph: a POST to the subgraph with an
 * internal token for the gateway's own privacy service account (`gateway:privacy`), the way
 * the gateway reaches subgraphs for the record-level rule. Any error, unreachable subgraph or
 * timeout is a `SystemUnavailableError` naming the system.
 */
import type { Viewer } from '../../schema/viewer.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';

/** The gateway acting for a data-subject request, with only the scopes that needs. */
export const PRIVACY_VIEWER: Viewer = {
  subject: 'gateway:privacy',
  kind: 'service',
  role: 'service',
  scopes: ['customers:read', 'privacy:manage'],
  team: null,
  agentId: null,
  expiresAt: null,
};

export class SystemUnavailableError extends Error {
  constructor(
    readonly system: string,
    detail: string,
    /** The system's `extensions.code` when it answered with an error (`NOT_FOUND`, …). */
    readonly code: string | null = null,
  ) {
    super(`${system}: ${detail}`);
    this.name = 'SystemUnavailableError';
  }
}

export class SystemClient {
  constructor(
    private readonly urlOf: (system: string) => string | undefined,
    private readonly timeoutMs: number,
    /** Whom the gateway acts as (the privacy service account unless told). */
    private readonly viewer: Viewer = PRIVACY_VIEWER,
  ) {}

  /** The operation's `data`; throws `SystemUnavailableError` on any error in the answer. */
  async request<T>(system: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const url = this.urlOf(system);
    if (!url) throw new SystemUnavailableError(system, 'no URL configured');
    let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await signInternalToken(this.viewer)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
      throw new SystemUnavailableError(system, `not reachable (${cause ?? (error as Error).name})`);
    }
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      const code = first?.extensions?.code ?? null;
      throw new SystemUnavailableError(system, `${code ?? 'ERROR'}: ${first?.message ?? 'no data'}`, code);
    }
    return body.data;
  }
}
