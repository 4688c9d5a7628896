/** Starts the CRM subgraph: `tsx subgraphs/crm/index.ts`. */
import { subgraphConfig } from '../shared/config.js';
import { seedStore } from '../seed/load.js';
import { createCrmServer } from './server.js';
import { openCrmSource } from './source/open.js';

const config = subgraphConfig('crm');
const source = await openCrmSource(config.database);
if (config.seedCustomers > 0 && (await source.isEmpty())) await seedStore(source, 'crm', { customers: config.seedCustomers });
const server = await createCrmServer({ source, port: config.port, host: config.host });
console.log(`CRM subgraph ready at ${server.graphqlUrl}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => source.close()).then(() => process.exit(0));
  });
}
