/**
 * The per-request context of the CRM subgraph: the source, fresh DataLoaders, live updates,
 * and the caller (the viewer from the gateway's internal token, added by the server).
 */
import type { LiveRecords } from '../shared/change-events/live.js';
import type { SubgraphBaseContext, WebSocketConnection } from '../shared/subgraph-server.js';
import { createEngagementLoaders, type EngagementLoaders } from './engagement-loaders.js';
import { createLoaders, type CrmLoaders } from './loaders.js';
import type { EngagementSource } from './source/engagement-port.js';
import type { StatusMaps } from './source/lead-status.js';
import type { CrmSource } from './source/port.js';

export interface CrmContext extends SubgraphBaseContext {
  source: CrmSource;
  loaders: CrmLoaders;
  /** Where committed customer changes are announced (`Subscription.customerUpdated`). */
  live: LiveRecords;
  /** The WebSocket connection of a subscription (to close a slow consumer); absent over HTTP. */
  connection?: Pick<WebSocketConnection, 'close'>;
  /** Conversations, leads, identities, shipment events (docs/bots.md). */
  engagement: EngagementSource;
  engagementLoaders: EngagementLoaders;
  /** The company's lead status and opportunity stage labels (`SWITCHBOARD_LEAD_STATUS_MAP`). */
  statusMaps: StatusMaps;
}

/** One request's (or one WebSocket connection's) context; `engagement` goes with `source` (source/engagement-of.ts). */
export function createCrmContext(
  source: CrmSource,
  live: LiveRecords,
  statusMaps: StatusMaps,
  engagement: EngagementSource,
  connection?: Pick<WebSocketConnection, 'close'>,
): Omit<CrmContext, 'viewer'> {
  return { source, loaders: createLoaders(source), live, engagement, engagementLoaders: createEngagementLoaders(engagement), statusMaps, ...(connection ? { connection } : {}) };
}
