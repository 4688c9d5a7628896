/** Starts the CRM subgraph: `tsx subgraphs/crm/index.ts` (configuration: README; `CRM_SOURCE` chooses the adapter). */
import { runSubgraph } from '../shared/run-subgraph.js';
import { createCrmServer } from './server.js';
import { CrmSourceConfigError, crmSourceConfig, type CrmSourceConfig } from './source/config.js';
import { openCrmSource } from './source/open.js';

// Validated before anything opens: a wrong setting stops the start, naming it (without a stack trace).
let sourceConfig: CrmSourceConfig;
try {
  sourceConfig = crmSourceConfig();
} catch (error) {
  if (!(error instanceof CrmSourceConfigError)) throw error;
  console.error(`The CRM cannot start: ${error.message}`);
  process.exit(1);
}
await runSubgraph('crm', (database) => openCrmSource(sourceConfig, database), createCrmServer);
