/**
 * The console's link to the gateway: one Apollo Client whose queries and mutations go over
 * HTTP (`/graphql`) and whose subscriptions go over graphql-ws (`ws(s)://…/graphql`,
 * docs/subscriptions.md), both with the session's current token. The socket reconnects by
 * itself with exponential backoff (0.5 s doubling to 15 s, with jitter) for as long as the
 * page is open; a renewed token restarts it (close code 4205) so the gateway never closes
 * it for an expired token. `onReconnected` listeners run after every connection but the
 * first: that is where views catch up (`activeCalls`, `callEventsSince`).
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import type { Session } from './session.js';
import type { Status } from './status.js';

const BACKOFF_START_MS = 500;
/** The close code of our own restart after a token renewal (graphql-ws reconnects after it). */
const RESTART_CODE = 4205;
const BACKOFF_MAX_MS = 15_000;

/** Backoff before the `attempt`-th retry (0-based), in ms, with ±50 % jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** attempt);
  return base * (0.5 + Math.random() / 2);
}

export interface Connection {
  apollo: ApolloClient;
  ws: Client;
  /** Runs after each reconnection (not the first connection). */
  onReconnected(listener: () => void): void;
  close(): void;
}

export function connect(session: Session, status: Status): Connection {
  const listeners = new Set<() => void>();
  let socket: WebSocket | null = null;
  let connectedBefore = false;
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createClient({
    url: wsUrl,
    connectionParams: () => ({ authorization: `Bearer ${session.token}` }),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffMs(retries))),
    keepAlive: 10_000,
    on: {
      connected: (opened) => {
        socket = opened as WebSocket;
        status.setOnline(true);
        if (connectedBefore) for (const listener of listeners) listener();
        connectedBefore = true;
      },
      closed: (event) => {
        socket = null;
        // Our own restart for a renewed token reconnects at once: not worth an offline banner.
        if ((event as CloseEvent | undefined)?.code !== RESTART_CODE) status.setOnline(false);
      },
    },
  });
  // A new token: reconnect with it now rather than be closed when the old one expires.
  session.onRenewed(() => {
    if (socket?.readyState === WebSocket.OPEN) socket.close(RESTART_CODE, 'Client restart: renewed token');
  });
  const http = new HttpLink({
    uri: '/graphql',
    // An expired token (a laptop that slept through the renewal): renew once and retry.
    fetch: async (input, init) => {
      const send = () => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${session.token}`);
        return fetch(input, { ...init, headers });
      };
      const response = await send();
      if (response.status !== 401) return response;
      await session.renew();
      return send();
    },
  });
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    http,
  );
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache(),
    defaultOptions: {
      query: { errorPolicy: 'all', fetchPolicy: 'network-only' },
      mutate: { errorPolicy: 'all' },
    },
  });
  return {
    apollo,
    ws,
    onReconnected: (listener) => listeners.add(listener),
    close: () => {
      void ws.dispose();
      apollo.stop();
    },
  };
}

// Partial data is data: every query and mutation of the console runs with errorPolicy 'all'.
// (Apollo Client 4 types its default options by declaration merging into its namespaces.)
/* eslint-disable @typescript-eslint/no-namespace */
declare module '@apollo/client' {
  export namespace ApolloClient {
    export namespace DeclareDefaultOptions {
      interface Query {
        errorPolicy: 'all';
      }
      interface Mutate {
        errorPolicy: 'all';
      }
    }
  }
}
/* eslint-enable @typescript-eslint/no-namespace */
