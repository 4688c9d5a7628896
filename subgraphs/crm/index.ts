/** Starts the CRM subgraph: `tsx subgraphs/crm/index.ts` (configuration: README; `CRM_SOURCE` chooses the adapter). */
import { runSubgraph } from '../shared/run-subgraph.js';
import { createCrmServer } from './server.js';
import { crmSourceConfig } from './source/config.js';
import { openCrmSource } from './source/open.js';

// Validated before anything opens: a wrong setting stops the start naming it.
const sourceConfig = crmSourceConfig();
await runSubgraph('crm', (database) => openCrmSource(sourceConfig, database), createCrmServer);
