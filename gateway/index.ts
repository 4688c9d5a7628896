/** Starts the gateway from environment configuration (see README: Configuration). */
import { gatewayConfig } from './config.js';
import { startGateway } from './server.js';
import { stopOnSignals } from '../subgraphs/shared/shutdown.js';

const gateway = await startGateway(gatewayConfig());
console.log(`gateway ready at ${gateway.graphqlUrl}`);
stopOnSignals('gateway', () => gateway.close());
