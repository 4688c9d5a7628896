/**
 * The gateway's subscriptions to subgraphs, over graphql-ws. Identical upstream subscriptions
 * (same subgraph, same operation, same variables, same rights) share one subgraph stream;
 * each client listener has its own bounded queue, so a slow client never holds up the
 * others: when its queue is full, it is told (`onOverflow`) and dropped. Connections carry an
 * internal token for the rights of the callers they serve and reconnect by themselves.
 */
import { createClient, type Client } from 'graphql-ws';
import type { ExecutionResult } from 'graphql';
import WebSocket from 'ws';
import type { Scope } from '../../schema/access.js';
import type { Viewer } from '../../schema/viewer.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';

export interface UpstreamListener {
  onEvent(event: ExecutionResult): void;
  /** The upstream ended or failed; the client's subscription ends with this error. */
  onEnd(error: Error | null): void;
}

interface SharedStream {
  listeners: Set<UpstreamListener>;
  dispose(): void;
}

export class UpstreamSubscriptions {
  private readonly clients = new Map<string, Client>();
  private readonly streams = new Map<string, SharedStream>();

  constructor(private readonly wsUrlOf: (subgraph: string) => string) {}

  /** How many distinct subgraph streams are open (identical client subscriptions share one). */
  get streamCount(): number {
    return this.streams.size;
  }

  subscribe(subgraph: string, query: string, variables: Record<string, unknown>, scopes: readonly Scope[], listener: UpstreamListener): () => void {
    const scopesKey = [...scopes].sort().join(' ');
    const key = JSON.stringify([subgraph, query, variables, scopesKey]);
    let stream = this.streams.get(key);
    if (!stream) {
      const listeners = new Set<UpstreamListener>();
      const dispose = this.client(subgraph, scopes, scopesKey).subscribe<Record<string, unknown>>(
        { query, variables },
        {
          next: (event) => {
            for (const each of listeners) each.onEvent(event as ExecutionResult);
          },
          error: (error) => {
            this.streams.delete(key);
            const reason = error instanceof Error ? error : new Error(describeClose(error));
            for (const each of listeners) each.onEnd(reason);
          },
          complete: () => {
            this.streams.delete(key);
            for (const each of listeners) each.onEnd(null);
          },
        },
      );
      stream = { listeners, dispose };
      this.streams.set(key, stream);
    }
    stream.listeners.add(listener);
    const shared = stream;
    return () => {
      shared.listeners.delete(listener);
      if (shared.listeners.size === 0 && this.streams.get(key) === shared) {
        this.streams.delete(key);
        shared.dispose();
      }
    };
  }

  private client(subgraph: string, scopes: readonly Scope[], scopesKey: string): Client {
    const key = `${subgraph}\u0000${scopesKey}`;
    let client = this.clients.get(key);
    if (!client) {
      // The gateway itself, with exactly the rights of the callers this connection serves.
      const viewer: Viewer = { subject: 'gateway', kind: 'service', role: 'service', scopes, team: null, agentId: null, expiresAt: null };
      client = createClient({
        url: this.wsUrlOf(subgraph),
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 1000,
        retryAttempts: 20,
        shouldRetry: () => true,
        connectionParams: async () => ({ authorization: `Bearer ${await signInternalToken(viewer)}` }),
      });
      this.clients.set(key, client);
    }
    return client;
  }

  async close(): Promise<void> {
    for (const stream of this.streams.values()) stream.dispose();
    this.streams.clear();
    await Promise.all([...this.clients.values()].map((client) => client.dispose()));
    this.clients.clear();
  }
}

function describeClose(error: unknown): string {
  const event = error as { code?: number; reason?: string } | undefined;
  if (event?.code) return `the call-center stream closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`;
  if (Array.isArray(error)) return (error as { message: string }[]).map((e) => e.message).join('; ');
  return String(error);
}
