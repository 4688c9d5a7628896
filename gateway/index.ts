/** Starts the gateway from environment configuration (see README: Configuration). */
import { gatewayConfig } from './config.js';
import { configOrExit } from '../subgraphs/shared/env/read.js';
import { startGateway } from './server.js';
import { stopOnSignals } from '../subgraphs/shared/shutdown.js';
import { loggerFor } from '../subgraphs/shared/observability/logger.js';
import { registry } from '../subgraphs/shared/observability/metrics.js';
import { startTracing } from '../subgraphs/shared/observability/tracing.js';

const log = loggerFor('gateway');
// One process, one service: every series without a `service` of its own (process metrics,
// subgraph fetches) is labelled with it, as the dashboard expects.
registry.setDefaultLabels({ service: 'gateway' });

const config = configOrExit(log, () => gatewayConfig());
if (config) {
  const tracing = await startTracing('gateway');
  const gateway = await startGateway(config);
  log.info(`gateway ready at ${gateway.graphqlUrl}`);
  stopOnSignals('gateway', async () => {
    await gateway.close();
    await tracing?.shutdown();
  });
}
