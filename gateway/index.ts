/**
 * Starts the gateway from environment configuration (see README: Configuration). With
 * `SWITCHBOARD_WORKERS` above 1 this process becomes the cluster primary
 * (`subgraphs/shared/cluster.ts`): it applies the gateway store's migrations once and forks the
 * workers, which serve on the shared port. Its rate-limit counters live in each process's
 * memory without Redis, so several workers need `REDIS_URL` unless rate limiting is off.
 */
import { gatewayConfig } from './config.js';
import { configOrExit, envValue } from '../subgraphs/shared/env/read.js';
import { startGateway } from './server.js';
import { clusterOrServe } from '../subgraphs/shared/cluster.js';
import { shutdownDrainMs, stopOnSignals } from '../subgraphs/shared/shutdown.js';
import { loggerFor } from '../subgraphs/shared/observability/logger.js';
import { registry } from '../subgraphs/shared/observability/metrics.js';
import { startTracing } from '../subgraphs/shared/observability/tracing.js';
import { GatewayStore } from './store/gateway-store.js';
import { secret } from '../subgraphs/shared/secrets.js';

const log = loggerFor('gateway');
// One process, one service: every series without a `service` of their own (process metrics,
// subgraph fetches) is labelled with it, as the dashboard expects.
registry.setDefaultLabels({ service: 'gateway' });

const config = configOrExit(log, () => gatewayConfig());
if (config) {
  const { user, service } = config.rateLimit;
  const rateLimited = [user.operations, user.cost, service.operations, service.cost].some((budget) => budget > 0);
  const mode = await clusterOrServe({
    service: 'gateway',
    workers: envValue('SWITCHBOARD_WORKERS'),
    redisUrl: config.redisUrl,
    sharedStateReason: rateLimited
      ? "its rate-limit counters would be kept in each worker's memory, letting each caller the budget once per worker (or turn rate limiting off: all four SWITCHBOARD_RATE_LIMIT_* budgets 0)"
      : null,
    drainMs: shutdownDrainMs(),
    prepare: async () => {
      // Development secrets generated (when unset) before the workers read them, not by two at once.
      secret('SWITCHBOARD_INTERNAL_SECRET');
      // Migrations once, before any worker opens the store.
      await (await GatewayStore.open(config.database)).close();
    },
  });
  if (mode === 'serve') {
    const tracing = await startTracing('gateway');
    const gateway = await startGateway(config);
    log.info(`gateway ready at ${gateway.graphqlUrl}`);
    stopOnSignals('gateway', async () => {
      await gateway.close();
      await tracing?.shutdown();
    });
  }
}
