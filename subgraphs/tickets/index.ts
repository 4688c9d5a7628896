/** Starts the tickets subgraph: `tsx subgraphs/tickets/index.ts`. */
import { subgraphConfig } from '../shared/config.js';
import { seedStore } from '../seed/load.js';
import { createTicketsServer } from './server.js';
import { openTicketsSource } from './source/open.js';

const config = subgraphConfig('tickets');
const source = await openTicketsSource(config.database);
if (config.seedCustomers > 0 && (await source.isEmpty())) await seedStore(source, 'tickets', { customers: config.seedCustomers });
const server = await createTicketsServer({ source, port: config.port, host: config.host });
console.log(`tickets subgraph ready at ${server.graphqlUrl}`);

async function shutdown(): Promise<void> {
  await server.close();
  await source.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
