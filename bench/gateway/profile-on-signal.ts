/**
 * Preloaded into a gateway process for the benchmark's profiles (`--import
 * ./bench/gateway/profile-on-signal.ts`): the first SIGUSR2 starts the V8 CPU profiler, the
 * second stops it and writes the profile to BENCH_PROFILE_FILE. So the profile covers the
 * measured window only, not start-up (module loading) or warm-up.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.BENCH_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      void post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
        .then(() => post('Profiler.start'));
      return;
    }
    running = false;
    void post('Profiler.stop').then(
      (result) => {
        writeFileSync(`${file}.partial`, JSON.stringify((result as { profile: unknown }).profile));
        renameSync(`${file}.partial`, file);
      },
      (error: unknown) => console.error('profile-on-signal: could not stop the profiler:', error),
    );
  });
}
