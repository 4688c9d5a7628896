/** Starts the CRM subgraph: `tsx subgraphs/crm/index.ts` (configuration: README). */
import { runSubgraph } from '../shared/run-subgraph.js';
import { createCrmServer } from './server.js';
import { openCrmSource } from './source/open.js';

await runSubgraph('crm', openCrmSource, createCrmServer);
