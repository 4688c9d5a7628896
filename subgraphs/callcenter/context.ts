/** The per-request context of the call-center subgraph: the source and fresh loaders. */
import { createLoaders, type CallCenterLoaders } from './loaders.js';
import type { CallCenterSource } from './source/port.js';

export interface CallCenterContext {
  source: CallCenterSource;
  loaders: CallCenterLoaders;
}

export function createCallCenterContext(source: CallCenterSource): CallCenterContext {
  return { source, loaders: createLoaders(source) };
}
