/**
 * `npm run simulate -- [--url URL] [--rate N] [--duration S] [--agents N] [--speedup X] [--seed N]`:
 * sends realistic signed CTI webhooks to a running call center (see `simulate.ts`).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { callEventsConfig } from '../../shared/config.js';
import { DEFAULT_SIMULATOR_URL, runSimulator } from './simulate.js';

export const USAGE = `Usage: npm run simulate -- [options]

Sends realistic signed CTI webhooks (calls offered, answered, held, transferred,
abandoned, missed, ended) to a call-center service, signed with the first secret of
CTI_WEBHOOK_SECRETS (or the development secret).

  --url URL        webhook URL (default ${DEFAULT_SIMULATOR_URL})
  --rate N         mean calls per minute, Poisson arrivals (default 6)
  --duration S     stop starting calls after S seconds (default: run until Ctrl-C)
  --agents N       agents agt_001 … taking calls (default 20)
  --speedup X      run simulated time X times faster (default 1)
  --seed N         PRNG seed for a repeatable run
  --help           show this help`;

function positive(name: string, value: string | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number, got ${JSON.stringify(value)}`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' }, agents: { type: 'string' },
        speedup: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    process.once('SIGTERM', () => controller.abort());
    await runSimulator({
      url: values.url ?? DEFAULT_SIMULATOR_URL,
      secret: callEventsConfig().webhookSecrets[0]!,
      ratePerMinute: positive('rate', values.rate, 6),
      durationSeconds: values.duration === undefined ? 0 : positive('duration', values.duration, 0),
      agents: positive('agents', values.agents, 20, true),
      speedup: positive('speedup', values.speedup, 1),
      seed: values.seed === undefined ? undefined : positive('seed', values.seed, 1, true),
      signal: controller.signal,
    });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
