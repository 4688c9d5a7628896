/** Starts the call-center subgraph: `tsx subgraphs/callcenter/index.ts`. */
import { subgraphConfig } from '../shared/config.js';
import { seedStore } from '../seed/load.js';
import { createCallCenterServer } from './server.js';
import { openCallCenterSource } from './source/open.js';

const config = subgraphConfig('callcenter');
const source = await openCallCenterSource(config.database);
if (config.seedCustomers > 0 && (await source.isEmpty())) {
  await seedStore(source, 'callcenter', { customers: config.seedCustomers });
}
const server = await createCallCenterServer({ source, port: config.port, host: config.host });
console.log(`callcenter subgraph ready at ${server.graphqlUrl}`);

const stop = async () => {
  await server.close();
  await source.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
