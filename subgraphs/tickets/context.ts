/** The per-request context of the tickets subgraph: the port, fresh DataLoaders, live updates and the caller. */
import type { LiveRecords } from '../shared/change-events/live.js';
import type { SubgraphBaseContext, WebSocketConnection } from '../shared/subgraph-server.js';
import { createLoaders, type TicketsLoaders } from './loaders.js';
import type { TicketsSource } from './source/port.js';

export interface TicketsContext extends SubgraphBaseContext {
  source: TicketsSource;
  loaders: TicketsLoaders;
  /** Where committed ticket changes are announced (`Subscription.ticketUpdated`). */
  live: LiveRecords;
  /** The WebSocket connection of a subscription (to close a slow consumer); absent over HTTP. */
  connection?: Pick<WebSocketConnection, 'close'>;
}

export function createContext(source: TicketsSource, live: LiveRecords, connection?: Pick<WebSocketConnection, 'close'>): Omit<TicketsContext, 'viewer'> {
  return { source, loaders: createLoaders(source), live, ...(connection ? { connection } : {}) };
}
