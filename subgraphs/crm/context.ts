/**
 * The per-request context of the CRM subgraph: the source, fresh DataLoaders, and the caller
 * (the viewer from the gateway's internal token, added by the server).
 */
import type { SubgraphBaseContext } from '../shared/subgraph-server.js';
import { createEngagementLoaders, type EngagementLoaders } from './engagement-loaders.js';
import { createLoaders, type CrmLoaders } from './loaders.js';
import type { EngagementSource } from './source/engagement-port.js';
import { SqlEngagementStore } from './source/engagement-store.js';
import type { StatusMaps } from './source/lead-status.js';
import type { CrmSource } from './source/port.js';

export interface CrmContext extends SubgraphBaseContext {
  source: CrmSource;
  loaders: CrmLoaders;
  /** Conversations, leads, identities, shipment events (docs/bots.md). */
  engagement: EngagementSource;
  engagementLoaders: EngagementLoaders;
  /** The company's lead status and opportunity stage labels (`SWITCHBOARD_LEAD_STATUS_MAP`). */
  statusMaps: StatusMaps;
}

/** `engagement` defaults to the engagement store over the CRM's own database. */
export function createCrmContext(source: CrmSource, statusMaps: StatusMaps, engagement: EngagementSource = new SqlEngagementStore(source.database)): Omit<CrmContext, 'viewer'> {
  return { source, loaders: createLoaders(source), engagement, engagementLoaders: createEngagementLoaders(engagement), statusMaps };
}
