/** The per-request context of the tickets subgraph: the port and fresh DataLoaders. */
import { createLoaders, type TicketsLoaders } from './loaders.js';
import type { TicketsSource } from './source/port.js';

export interface TicketsContext {
  source: TicketsSource;
  loaders: TicketsLoaders;
}

export function createContext(source: TicketsSource): TicketsContext {
  return { source, loaders: createLoaders(source) };
}
