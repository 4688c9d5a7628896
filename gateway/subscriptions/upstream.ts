/**
 * The gateway's subscriptions to subgraphs, over graphql-ws. Identical upstream subscriptions
 * (same subgraph, same operation, same variables, same rights) share one subgraph stream;
 * each client listener has its own bounded queue, so a slow client never holds up the others.
 * Connections carry an internal token for the rights of the callers they serve.
 *
 * Breaks: when the subgraph connection drops (network, subgraph restart, its slow-consumer
 * close) or the subgraph ends the stream, a resumable stream (resume.ts) subscribes again
 * with `after` = the cursor of the last event it delivered (or the stream's end when it
 * started, if it delivered none yet), with exponential backoff; the subgraph replays what
 * came in between, then goes on live: nothing lost, nothing twice. When that is impossible
 * (the stream is not resumable, the subgraph refuses the cursor as too old, or it stays
 * unreachable through every attempt) the listeners are told (`onGap`): their clients must
 * reconnect and catch up.
 */
import { createClient, type Client } from 'graphql-ws';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import type { Scope } from '../../schema/access.js';
import type { Viewer } from '../../schema/viewer.js';
import { signInternalToken } from '../../subgraphs/shared/internal-token.js';
import { RESUME_VARIABLE, eventCursor, type ResumableOperation } from './resume.js';

export interface UpstreamListener {
  onEvent(event: ExecutionResult): void;
  /** The upstream ended or refused the subscription; the client's subscription ends with this error. */
  onEnd(error: Error | null): void;
  /** Events may have been lost and the stream could not be resumed: the client must reconnect and catch up. */
  onGap(reason: string): void;
}

/** One upstream subscription as planned for a client. */
export interface UpstreamOperation {
  subgraph: string;
  query: string;
  variables: Record<string, unknown>;
  /** The rights of the client (the upstream connection carries exactly these). */
  scopes: readonly Scope[];
  /** How to resume the stream after a break; null when it cannot be. */
  resume: ResumableOperation | null;
  /** For a resumable stream: the cursor the client resumes after (its own `after`), or null for "from now on". */
  after: string | null;
  /**
   * The subscriber itself, when the subgraph must apply the record-level rule to what the
   * stream resolves (an agent's `customerUpdated`): the stream then runs as this viewer and is
   * shared only with the same viewer. Absent: the gateway with the client's scopes.
   */
  viewer?: Viewer | null;
}

export interface UpstreamOptions {
  /** Attempts to resume a broken stream before its clients are told of a gap. Default 12. */
  retryAttempts?: number;
  /** First wait before resuming (ms), doubled per attempt. Default 100. */
  retryBaseMs?: number;
  /** Longest wait between attempts (ms). Default 5000 (12 attempts: about 35 s in all). */
  retryMaxMs?: number;
}

/** How many recently delivered cursors a stream remembers to drop a replayed duplicate. */
const RECENT_CURSORS = 1024;

export class UpstreamSubscriptions {
  private readonly clients = new Map<string, Client>();
  private readonly streams = new Map<string, SharedStream>();
  /** Open streams per connection that runs as one subscriber (closed with its last stream). */
  private readonly viewerStreams = new Map<string, number>();
  private readonly retry: Required<UpstreamOptions>;
  /** Breaks bridged by resuming (for tests and diagnostics). */
  resumed = 0;

  constructor(
    private readonly wsUrlOf: (subgraph: string) => string,
    options: UpstreamOptions = {},
  ) {
    this.retry = { retryAttempts: options.retryAttempts ?? 12, retryBaseMs: options.retryBaseMs ?? 100, retryMaxMs: options.retryMaxMs ?? 5000 };
  }

  /** How many distinct subgraph streams are open (identical client subscriptions share one). */
  get streamCount(): number {
    return this.streams.size;
  }

  /** Adds `listener` to the stream of `operation` (opening it if needed); returns the function that removes it. */
  subscribe(operation: UpstreamOperation, listener: UpstreamListener): () => void {
    const scopesKey = operation.viewer
      ? JSON.stringify([operation.viewer.subject, operation.viewer.role, operation.viewer.team, operation.viewer.agentId, operation.viewer.related ?? null, [...operation.scopes].sort()])
      : [...operation.scopes].sort().join(' ');
    const key = JSON.stringify([operation.subgraph, operation.query, operation.variables, scopesKey, operation.after]);
    let stream = this.streams.get(key);
    if (!stream) {
      const clientKey = `${operation.subgraph}\u0000${scopesKey}`;
      let released = false;
      // A viewer's own connection goes with its last stream (the shared ones stay for reuse).
      const release = () => {
        if (released || !operation.viewer) return;
        released = true;
        const left = (this.viewerStreams.get(clientKey) ?? 1) - 1;
        if (left > 0) return void this.viewerStreams.set(clientKey, left);
        this.viewerStreams.delete(clientKey);
        const client = this.clients.get(clientKey);
        this.clients.delete(clientKey);
        void client?.dispose();
      };
      const created = new SharedStream(operation, this.client(operation.subgraph, operation.scopes, scopesKey, operation.viewer ?? null), this.retry, () => {
        if (this.streams.get(key) === created) this.streams.delete(key);
        release();
      }, () => (this.resumed += 1));
      created.release = release;
      if (operation.viewer) this.viewerStreams.set(clientKey, (this.viewerStreams.get(clientKey) ?? 0) + 1);
      stream = created;
      this.streams.set(key, stream);
      stream.start();
    }
    stream.listeners.add(listener);
    const shared = stream;
    return () => {
      shared.listeners.delete(listener);
      if (shared.listeners.size === 0) {
        if (this.streams.get(key) === shared) this.streams.delete(key);
        shared.close();
        shared.release();
      }
    };
  }

  private client(subgraph: string, scopes: readonly Scope[], scopesKey: string, subscriber: Viewer | null): Client {
    const key = `${subgraph}\u0000${scopesKey}`;
    let client = this.clients.get(key);
    if (!client) {
      // The gateway itself, with exactly the rights of the callers this connection serves (or the one subscriber).
      const viewer: Viewer = subscriber ?? { subject: 'gateway', kind: 'service', role: 'service', scopes, team: null, agentId: null, expiresAt: null };
      client = createClient({
        url: this.wsUrlOf(subgraph),
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 1000,
        // A subgraph that accepts the socket but never acknowledges it is a break too.
        connectionAckWaitTimeout: 5000,
        // Breaks are bridged per stream (SharedStream), which knows where to resume from.
        retryAttempts: 0,
        connectionParams: async () => ({ authorization: `Bearer ${await signInternalToken(viewer)}` }),
      });
      this.clients.set(key, client);
    }
    return client;
  }

  async close(): Promise<void> {
    for (const stream of this.streams.values()) stream.close();
    this.streams.clear();
    // dispose() waits for a connection attempt in progress: bounded, so shutting down never hangs.
    const disposed = Promise.allSettled([...this.clients.values()].map((client) => client.dispose()));
    await Promise.race([disposed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    for (const client of this.clients.values()) client.terminate();
    this.clients.clear();
  }
}

/** One subgraph stream shared by identical client subscriptions. */
class SharedStream {
  readonly listeners = new Set<UpstreamListener>();
  /** Frees what the stream holds besides itself (a subscriber's own connection); idempotent. */
  release: () => void = () => undefined;
  private after: string | null;
  private readonly recent = new Set<string>();
  private attempt = 0;
  /** Whether the stream broke once already (a refusal then means a gap, not a bad request). */
  private resuming = false;
  private dispose: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Bumped on every (re)subscription, so callbacks of an abandoned one are ignored. */
  private generation = 0;

  constructor(
    private readonly operation: UpstreamOperation,
    private readonly client: Client,
    private readonly retry: Required<UpstreamOptions>,
    private readonly onClosed: () => void,
    private readonly onResumed: () => void,
  ) {
    this.after = operation.after;
  }

  /** Opens the subgraph subscription; a resumable stream first learns where "now" is. */
  start(): void {
    const generation = ++this.generation;
    const resume = this.operation.resume;
    if (!resume) return this.open(generation, this.operation.query, this.operation.variables);
    const subscribe = () => this.open(generation, resume.query, { ...this.operation.variables, [RESUME_VARIABLE]: this.after });
    if (this.after !== null) return subscribe();
    this.head(resume).then(
      (cursor) => {
        if (this.closed || generation !== this.generation) return;
        this.after = cursor;
        subscribe();
      },
      (error: unknown) => {
        if (!this.closed && generation === this.generation) this.broken(error);
      },
    );
  }

  close(): void {
    this.closed = true;
    this.generation += 1;
    if (this.timer) clearTimeout(this.timer);
    this.dispose?.();
    this.dispose = null;
  }

  private open(generation: number, query: string, variables: Record<string, unknown>): void {
    this.dispose = this.client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (result) => {
          if (generation === this.generation) this.receive(result as ExecutionResult);
        },
        error: (error) => {
          if (generation === this.generation) this.broken(error);
        },
        complete: () => {
          if (generation === this.generation) this.broken(null);
        },
      },
    );
  }

  private receive(result: ExecutionResult): void {
    if (!result.data && result.errors && result.errors.length > 0) {
      // The subgraph refused the subscription (`subscribe` threw): not a break to retry.
      return this.refused(result.errors);
    }
    const resume = this.operation.resume;
    if (resume) {
      const cursor = eventCursor(result.data as Record<string, unknown> | null | undefined, resume.rootKey);
      if (cursor !== null) {
        if (this.recent.has(cursor)) return;
        this.recent.add(cursor);
        if (this.recent.size > RECENT_CURSORS) this.recent.delete(this.recent.values().next().value!);
        this.after = cursor;
      }
    }
    this.attempt = 0;
    for (const each of this.listeners) each.onEvent(result);
  }

  /** The stream broke (`error`: a close event, a connection error, GraphQL errors) or ended (`null`). */
  private broken(error: unknown): void {
    if (this.closed) return;
    this.dispose = null;
    this.generation += 1;
    if (Array.isArray(error)) return this.refused(error as GraphQLFormattedError[]);
    if (!this.operation.resume) {
      if (error === null) return this.finish((each) => each.onEnd(null));
      return this.gap(`the ${this.operation.subgraph} stream broke (${describe(error)}) and cannot be resumed`);
    }
    if (this.attempt >= this.retry.retryAttempts) {
      return this.gap(`the ${this.operation.subgraph} stream could not be resumed after ${this.attempt} attempts (${describe(error)})`);
    }
    const wait = Math.min(this.retry.retryBaseMs * 2 ** this.attempt, this.retry.retryMaxMs);
    this.attempt += 1;
    this.resuming = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.onResumed();
      this.start();
    }, wait);
  }

  /**
   * The subgraph refused the subscription. On resuming, a cursor it no longer replays is a
   * gap; otherwise (the client's own `after`, anything else) the client gets the error.
   */
  private refused(errors: readonly GraphQLFormattedError[]): void {
    const message = errors.map((e) => e.message).join('; ');
    if (this.resuming && errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions?.argumentName === 'after')) {
      return this.gap(`the ${this.operation.subgraph} stream cannot replay what was missed: ${message}`);
    }
    const first = errors[0];
    const error = first ? new GraphQLError(first.message, { path: first.path, extensions: first.extensions }) : new Error(message);
    this.finish((each) => each.onEnd(error));
  }

  private gap(reason: string): void {
    this.finish((each) => each.onGap(reason));
  }

  private finish(tell: (listener: UpstreamListener) => void): void {
    this.close();
    this.onClosed();
    for (const each of [...this.listeners]) tell(each);
  }

  /** The cursor of the stream's end now, from the subgraph (`Query.<field>Cursor`). */
  private head(resume: ResumableOperation): Promise<string> {
    return new Promise((resolve, reject) => {
      let cursor: string | null = null;
      this.client.subscribe<Record<string, unknown>>(
        { query: resume.headQuery },
        {
          next: (result) => {
            const value = result.data?.[resume.headField];
            if (typeof value === 'string') cursor = value;
            else reject(result.errors ? [...result.errors] : new Error(`no ${resume.headField} in the answer`));
          },
          error: reject,
          complete: () => (cursor === null ? reject(new Error(`no ${resume.headField} in the answer`)) : resolve(cursor)),
        },
      );
    });
  }
}

function describe(error: unknown): string {
  const event = error as { code?: number; reason?: string; message?: string } | undefined;
  if (event?.code) return `close ${event.code}${event.reason ? `: ${event.reason}` : ''}`;
  if (Array.isArray(error)) return (error as { message: string }[]).map((e) => e.message).join('; ');
  if (error === null) return 'ended by the subgraph';
  return event?.message ?? String(error);
}
