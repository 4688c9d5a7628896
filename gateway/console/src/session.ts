/**
 * The signed-in user's token and its renewal. The embedding application supplies a
 * `TokenProvider` (in development, the sign-in screen's dev identity): it is called at
 * start and again before the token expires, when 30 % of its lifetime (at most 60 s) is
 * left. Listeners hear of each new token (the connection then reconnects with it and
 * catches up). A provider that fails is retried every 5 s.
 */

/** A token and, optionally, when it expires (Unix ms); without it the JWT's `exp` is read. */
export interface TokenGrant {
  token: string;
  expiresAt?: number;
}

/** The hook an embedding application supplies: a fresh token each time it is called. */
export type TokenProvider = () => Promise<TokenGrant | string>;

/** The claims the console uses (docs/authorization.md). */
export interface Claims {
  sub: string;
  role: string;
  team: string | null;
  agentId: string | null;
  /** Unix ms; null without `exp`. */
  expiresAt: number | null;
}

export function readClaims(token: string): Claims {
  const part = token.split('.')[1] ?? '';
  const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='))) as Record<string, unknown>;
  return {
    sub: String(json.sub ?? ''),
    role: String(json.role ?? ''),
    team: typeof json.team === 'string' ? json.team : null,
    agentId: typeof json.agent_id === 'string' ? json.agent_id : null,
    expiresAt: typeof json.exp === 'number' ? json.exp * 1000 : null,
  };
}

const RETRY_MS = 5000;
const MAX_LEAD_MS = 60_000;
const LEAD_SHARE = 0.3;

export class Session {
  token = '';
  claims: Claims = { sub: '', role: '', team: null, agentId: null, expiresAt: null };
  /** How many times the token was renewed (shown to tests as `data-token-renewals`). */
  renewals = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private stopped = false;

  constructor(private readonly provider: TokenProvider) {}

  /** Gets the first token; rejects when the provider does. */
  async start(): Promise<void> {
    await this.fetch();
  }

  /** Called with each renewed token. */
  onRenewed(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Renews now (for example after the gateway said the token expired). */
  async renew(): Promise<void> {
    try {
      await this.fetch();
      this.renewals += 1;
      document.body.dataset.tokenRenewals = String(this.renewals);
      for (const listener of this.listeners) listener();
    } catch {
      if (!this.stopped) this.timer = setTimeout(() => void this.renew(), RETRY_MS);
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async fetch(): Promise<void> {
    const grant = await this.provider();
    const token = typeof grant === 'string' ? grant : grant.token;
    const claims = readClaims(token);
    const expiresAt = (typeof grant === 'string' ? undefined : grant.expiresAt) ?? claims.expiresAt;
    this.token = token;
    this.claims = { ...claims, expiresAt };
    clearTimeout(this.timer);
    if (expiresAt !== null && !this.stopped) {
      const left = expiresAt - Date.now();
      const lead = Math.min(MAX_LEAD_MS, left * LEAD_SHARE);
      this.timer = setTimeout(() => void this.renew(), Math.max(0, left - lead));
    }
  }
}
