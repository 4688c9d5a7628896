/**
 * What every subgraph's `index.ts` does: read and validate its configuration (a wrong or
 * missing variable: one fatal line naming each, exit code 1), open its store, seed the
 * demo data set into an empty embedded store (a source without `loadSeed`, a connector to a
 * system the company runs, is never seeded), serve, and close cleanly on SIGINT/SIGTERM
 * (once, however many signals arrive; open requests drain first: `shutdown.ts`).
 *
 * With `SWITCHBOARD_WORKERS` above 1 (`cluster.ts`) this process becomes the primary: it opens
 * the store once (migrations) and seeds it, closes it, and forks the workers, which open it
 * and serve on the shared port. Every subgraph publishes live updates (`customerUpdated`,
 * `callEvents`, `ticketUpdated`) that subscribers on any worker must hear, so it needs `REDIS_URL` then.
 */
import { seedStore, type SeedTarget } from '../devdata/seed/load.js';
import type { SeedChunk } from '../devdata/seed/dataset.js';
import { subgraphConfig } from './config.js';
import { configOrExit, envValue } from './env/read.js';
import { clusterOrServe } from './cluster.js';
import { secret } from './secrets.js';
import { shutdownDrainMs, stopOnSignals } from './shutdown.js';
import type { DatabaseConfig } from './database.js';
import type { RunningServer, SubgraphName } from './subgraph-server.js';
import { loggerFor } from './observability/logger.js';
import { registry } from './observability/metrics.js';
import { startTracing } from './observability/tracing.js';

const log = loggerFor('subgraph');

interface Store<P extends keyof SeedChunk> extends Partial<SeedTarget<P>> {
  isEmpty?(): Promise<boolean>;
  close(): Promise<void>;
}

const seedable = <P extends keyof SeedChunk>(store: Store<P>): store is Store<P> & SeedTarget<P> & { isEmpty(): Promise<boolean> } =>
  typeof store.loadSeed === 'function' && typeof store.isEmpty === 'function';

/**
 * Starts subgraph `name`: `open` opens its store from the validated database configuration
 * (applying migrations), `serve` serves it on the configured port and host. Resolves once the
 * process serves (or, as a cluster primary, once the workers are forked); a wrong
 * configuration logs one fatal line and sets exit code 1 instead; a failing `open` or `serve` rejects.
 */
export async function runSubgraph<P extends SubgraphName & keyof SeedChunk, S extends Store<P>>(
  name: P,
  open: (config: DatabaseConfig) => Promise<S>,
  serve: (options: { source: S; port: number; host: string }) => Promise<RunningServer>,
): Promise<void> {
  // One process, one service: series without a `service` of their own (process metrics, CTI
  // rejections) are labelled with it, as the dashboard expects.
  registry.setDefaultLabels({ service: name });
  const config = configOrExit(log, () => subgraphConfig(name));
  if (!config) return;
  const seedIfEmpty = async (source: S) => {
    if (config.seedCustomers > 0 && seedable(source) && (await source.isEmpty())) {
      log.info(`seeding ${config.seedCustomers} demo customers into the empty ${name} store`);
      await seedStore(source, name, { customers: config.seedCustomers });
    }
  };
  const mode = await clusterOrServe({
    service: name,
    workers: envValue('SWITCHBOARD_WORKERS'),
    redisUrl: envValue('REDIS_URL') ?? null,
    sharedStateReason: `the ${name} subgraph publishes live updates that a subscription served by any worker must receive (pub/sub in one process's memory otherwise)`,
    drainMs: shutdownDrainMs(),
    prepare: async () => {
      // Development secrets generated (when unset) before the workers read them, not by two at once.
      secret('SWITCHBOARD_INTERNAL_SECRET');
      const source = await open(config.database);
      try {
        await seedIfEmpty(source);
      } finally {
        await source.close();
      }
    },
  });
  if (mode !== 'serve') return;
  const tracing = await startTracing(name);
  const source = await open(config.database);
  await seedIfEmpty(source);
  const server = await serve({ source, port: config.port, host: config.host });
  log.info(`${name} subgraph ready at ${server.graphqlUrl}`);
  stopOnSignals(name, async () => {
    await server.close();
    await source.close();
    await tracing?.shutdown();
  });
}
