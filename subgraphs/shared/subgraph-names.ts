/** The three subgraphs, by the name their SDL file, store schema and variables carry. */
export type SubgraphName = 'crm' | 'callcenter' | 'tickets';

/** Every subgraph, in the order `npm start` starts them. */
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ['crm', 'callcenter', 'tickets'];
