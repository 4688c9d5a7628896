/**
 * The per-request context of the CRM subgraph: the source, fresh DataLoaders, live updates,
 * and the caller (the viewer from the gateway's internal token, added by the server).
 */
import type { LiveRecords } from '../shared/change-events/live.js';
import type { SubgraphBaseContext, WebSocketConnection } from '../shared/subgraph-server.js';
import { createLoaders, type CrmLoaders } from './loaders.js';
import type { CrmSource } from './source/port.js';

export interface CrmContext extends SubgraphBaseContext {
  source: CrmSource;
  loaders: CrmLoaders;
  /** Where committed customer changes are announced (`Subscription.customerUpdated`). */
  live: LiveRecords;
  /** The WebSocket connection of a subscription (to close a slow consumer); absent over HTTP. */
  connection?: Pick<WebSocketConnection, 'close'>;
}

export function createCrmContext(source: CrmSource, live: LiveRecords, connection?: Pick<WebSocketConnection, 'close'>): Omit<CrmContext, 'viewer'> {
  return { source, loaders: createLoaders(source), live, ...(connection ? { connection } : {}) };
}
