/** The per-request context of the tickets subgraph: the port, fresh DataLoaders and the caller. */
import type { SubgraphBaseContext } from '../shared/subgraph-server.js';
import { createLoaders, type TicketsLoaders } from './loaders.js';
import type { TicketsSource } from './source/port.js';

export interface TicketsContext extends SubgraphBaseContext {
  source: TicketsSource;
  loaders: TicketsLoaders;
}

export function createContext(source: TicketsSource): Omit<TicketsContext, 'viewer'> {
  return { source, loaders: createLoaders(source) };
}
