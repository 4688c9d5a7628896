/** Starts the gateway from environment configuration (see README: Configuration). */
import { gatewayConfig } from './config.js';
import { startGateway } from './server.js';
import { stopOnSignals } from '../subgraphs/shared/shutdown.js';
import { loggerFor } from '../subgraphs/shared/observability/logger.js';

const log = loggerFor('gateway');

const gateway = await startGateway(gatewayConfig());
log.info(`gateway ready at ${gateway.graphqlUrl}`);
stopOnSignals('gateway', () => gateway.close());
