/**
 * Stopping a server process cleanly: `close()` functions that are safe to call twice (also
 * concurrently: a terminal's Ctrl-C sends SIGINT to the whole process group and `npm start`
 * then sends SIGTERM), and the one signal handler every entry point (gateway, subgraphs) uses.
 */
import { envValue } from './env/read.js';
import { loggerFor } from './observability/logger.js';

const log = loggerFor('shutdown');

/** How long open HTTP requests may take to finish once a server is closing (ms): `SWITCHBOARD_SHUTDOWN_DRAIN_MS`, default 10 s. */
export function shutdownDrainMs(env: NodeJS.ProcessEnv = process.env): number {
  return envValue('SWITCHBOARD_SHUTDOWN_DRAIN_MS', env);
}

/**
 * `close` run at most once: every call (concurrent or later) gets the promise of the first.
 * For the `close()` of anything that owns sockets, timers or handles.
 */
export function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

/**
 * Stops the process on the first SIGINT or SIGTERM: runs `stop` once, exits 0 when it
 * resolves and 1 (after logging) when it fails. Later signals only log that the stop is
 * under way; `stop` itself bounds how long it takes (the HTTP drain time).
 */
export function stopOnSignals(name: string, stop: () => Promise<void>): void {
  const stopOnce = once(stop);
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      log.info(`${name}: ${signal} received, already stopping`);
      return;
    }
    signalled = true;
    stopOnce().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, `${name}: stopping failed`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
