/** Starts the tickets subgraph: `tsx subgraphs/tickets/index.ts` (configuration: README). */
import { runSubgraph } from '../shared/run-subgraph.js';
import { createTicketsServer } from './server.js';
import { openTicketsSource } from './source/open.js';

await runSubgraph('tickets', openTicketsSource, createTicketsServer);
