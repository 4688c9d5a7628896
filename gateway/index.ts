/** Starts the gateway from environment configuration (see README: Configuration). */
import { gatewayConfig } from './config.js';
import { startGateway } from './server.js';

const gateway = await startGateway(gatewayConfig());
console.log(`gateway ready at ${gateway.graphqlUrl}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void gateway.close().then(() => process.exit(0)));
}
