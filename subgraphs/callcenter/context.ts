/** The per-request context of the call-center subgraph: the source, fresh loaders and the caller. */
import type { SubgraphBaseContext } from '../shared/subgraph-server.js';
import { createLoaders, type CallCenterLoaders } from './loaders.js';
import type { CallCenterSource } from './source/port.js';

export interface CallCenterContext extends SubgraphBaseContext {
  source: CallCenterSource;
  loaders: CallCenterLoaders;
}

export function createCallCenterContext(source: CallCenterSource): Omit<CallCenterContext, 'viewer'> {
  return { source, loaders: createLoaders(source) };
}
