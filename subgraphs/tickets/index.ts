/** Starts the tickets subgraph: `tsx subgraphs/tickets/index.ts` (configuration: README). */
import { runSubgraph } from '../shared/run-subgraph.js';
import { createTicketsServer } from './server.js';
import { ticketsSourceConfig } from './source/config.js';
import { openTicketsSource } from './source/open.js';

// TICKETS_SOURCE picks the adapter (embedded by default); a misconfiguration stops the start here.
await runSubgraph('tickets', (database) => openTicketsSource(ticketsSourceConfig(process.env, database)), createTicketsServer);
