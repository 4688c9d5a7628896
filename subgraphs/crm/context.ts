/**
 * The per-request context of the CRM subgraph: the source, fresh DataLoaders, and the caller
 * (the viewer from the gateway's internal token, added by the server).
 */
import type { SubgraphBaseContext } from '../shared/subgraph-server.js';
import { createLoaders, type CrmLoaders } from './loaders.js';
import type { CrmSource } from './source/port.js';

export interface CrmContext extends SubgraphBaseContext {
  source: CrmSource;
  loaders: CrmLoaders;
}

export function createCrmContext(source: CrmSource): Omit<CrmContext, 'viewer'> {
  return { source, loaders: createLoaders(source) };
}
