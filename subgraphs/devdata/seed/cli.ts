/**
 * `npm run seed -- --customers N [--seed S] [--anchor ISO] [--reset]`: generates the data
 * set once and loads each chunk into all three source systems (CRM, call center, tickets)
 * at the locations `databaseConfig()` gives (SQLite files under SWITCHBOARD_DATA_DIR, or
 * PostgreSQL when <NAME>_DATABASE_URL is set).
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { databaseConfig } from '../../shared/config.js';
import type { DatabaseConfig } from '../../shared/database.js';
import type { SubgraphName } from '../../shared/subgraph-server.js';
import { openEmbeddedCrmStore } from '../../crm/source/embedded/open.js';
import { openCallCenterSource } from '../../callcenter/source/open.js';
import { openEmbeddedTicketsSource } from '../../tickets/source/embedded/open.js';
import { DEFAULT_SEED, defaultAnchor, type SeedChunk } from './dataset.js';
import { finishSeed, seedLoadOptions, type SeedTarget } from './load.js';
import { CHUNK_SIZE, generateDataset } from './generate.js';
import { MAX_CUSTOMERS } from './state.js';
import { addChunkTotals, emptyTotals } from './totals.js';

export const USAGE = `Usage: npm run seed -- [--customers N] [--seed S] [--anchor ISO] [--reset]

Generates the deterministic demo data set and loads it into the CRM, the call center and
the ticket system (SQLite files under SWITCHBOARD_DATA_DIR, default ./data, or PostgreSQL
when CRM_DATABASE_URL / CALLCENTER_DATABASE_URL / TICKETS_DATABASE_URL are set).

  --customers N   customers to generate, 0-${MAX_CUSTOMERS} (default 1000); about 10 calls
                  and 2 tickets per customer (benchmark size: 100000)
  --seed S        PRNG seed, an integer (default ${DEFAULT_SEED}); same seed → same data
  --anchor ISO    the data set's "now"; every timestamp lies in the 180 days before it
                  (default: the start of the current UTC day)
  --reset         delete existing SQLite files first (PostgreSQL schemas must be dropped by hand)
  --help          show this help`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface CliOptions {
  customers: number;
  seed: number;
  anchor: string;
  reset: boolean;
}

class UsageError extends Error {}

function parseCli(argv: string[]): CliOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        customers: { type: 'string' },
        seed: { type: 'string' },
        anchor: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const customersText = (values.customers as string | undefined) ?? '1000';
  const customers = Number(customersText);
  if (!/^\d+$/.test(customersText) || customers > MAX_CUSTOMERS) {
    throw new UsageError(`--customers must be a whole number from 0 to ${MAX_CUSTOMERS}, got ${JSON.stringify(customersText)}.`);
  }
  const seedText = (values.seed as string | undefined) ?? String(DEFAULT_SEED);
  const seed = Number(seedText);
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, got ${JSON.stringify(seedText)}.`);
  const anchorText = values.anchor as string | undefined;
  let anchor = defaultAnchor();
  if (anchorText !== undefined) {
    const parsed = Date.parse(anchorText);
    if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(anchorText) || Number.isNaN(parsed)) {
      throw new UsageError(`--anchor must be an ISO-8601 date or date-time such as 2026-11-01T00:00:00Z, got ${JSON.stringify(anchorText)}.`);
    }
    anchor = new Date(parsed).toISOString();
  }
  return { customers, seed, anchor, reset: values.reset === true };
}

interface SeedableStore<P extends keyof SeedChunk> extends SeedTarget<P> {
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}

type Stores = { [P in keyof SeedChunk]: SeedableStore<P> };

function describe(config: DatabaseConfig): string {
  return config.driver === 'sqlite' ? config.file : `PostgreSQL schema "${config.schema}"`;
}

const NAMES: readonly SubgraphName[] = ['crm', 'callcenter', 'tickets'];

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** Runs the seed command; returns the exit code (0 done, 1 refused or failed, 2 bad arguments). */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = { out: console.log, err: console.error }): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`seed: ${error.message}`);
    io.err('Run with --help for usage.');
    return 2;
  }
  if (options === 'help') {
    io.out(USAGE);
    return 0;
  }

  const configs = Object.fromEntries(NAMES.map((name) => [name, databaseConfig(name, env)])) as Record<SubgraphName, DatabaseConfig>;
  if (options.reset) {
    for (const name of NAMES) {
      const config = configs[name];
      if (config.driver === 'sqlite') {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(config.file + suffix, { force: true });
        io.out(`${name}: deleted ${config.file}`);
      } else {
        io.out(`${name}: --reset does not drop PostgreSQL data; drop schema "${config.schema}" by hand if it is not empty.`);
      }
    }
  }

  const opened: { close(): Promise<void> }[] = [];
  try {
    const crm = await openEmbeddedCrmStore(configs.crm);
    opened.push(crm);
    const callcenter = await openCallCenterSource(configs.callcenter);
    opened.push(callcenter);
    const tickets = await openEmbeddedTicketsSource(configs.tickets);
    opened.push(tickets);
    const stores: Stores = { crm, callcenter, tickets };

    const notEmpty: SubgraphName[] = [];
    for (const name of NAMES) if (!(await stores[name].isEmpty())) notEmpty.push(name);
    if (notEmpty.length > 0) {
      for (const name of notEmpty) {
        const config = configs[name];
        io.err(
          config.driver === 'sqlite'
            ? `seed: ${name} already holds data (${config.file}); run with --reset to delete it and seed again.`
            : `seed: ${name} already holds data (${describe(config)}); drop the schema by hand (DROP SCHEMA "${config.schema}" CASCADE) and seed again.`,
        );
      }
      return 1;
    }

    io.out(
      `Seeding ${options.customers} customers (seed ${options.seed}, anchor ${options.anchor}) into ` +
        NAMES.map((name) => `${name}: ${describe(configs[name])}`).join(', '),
    );
    const started = performance.now();
    const totals = emptyTotals();
    const spent: Record<'generate' | SubgraphName, number> = { generate: 0, crm: 0, callcenter: 0, tickets: 0 };
    const chunkCount = Math.max(1, Math.ceil(options.customers / CHUNK_SIZE));
    const reportEvery = Math.max(1, Math.round(chunkCount / 10));
    const dataset = generateDataset({ seed: options.seed, customers: options.customers, anchor: options.anchor });
    const loadOptions = Object.fromEntries(NAMES.map((name) => [name, seedLoadOptions(stores[name])])) as Record<SubgraphName, ReturnType<typeof seedLoadOptions>>;
    let done = 0;
    for (;;) {
      const mark = performance.now();
      const next = dataset.next();
      spent.generate += performance.now() - mark;
      if (next.done) break;
      const chunk = next.value;
      // One store after the other, so the time each system takes is visible.
      const timed = async (name: SubgraphName, load: () => Promise<void>) => {
        const begun = performance.now();
        await load();
        spent[name] += performance.now() - begun;
      };
      await timed('crm', () => stores.crm.loadSeed(chunk.crm, loadOptions.crm));
      await timed('callcenter', () => stores.callcenter.loadSeed(chunk.callcenter, loadOptions.callcenter));
      await timed('tickets', () => stores.tickets.loadSeed(chunk.tickets, loadOptions.tickets));
      addChunkTotals(totals, chunk);
      done += 1;
      if (done % reportEvery === 0 || done === chunkCount) {
        io.out(`  ${totals.customers}/${options.customers} customers, ${totals.calls} calls, ${totals.tickets} tickets (${seconds(performance.now() - started)} s)`);
      }
    }
    // The report tables the chunks left out, summed once, and the planner's statistics (load.ts).
    const rebuilt: string[] = [];
    for (const name of NAMES) {
      const begun = performance.now();
      await finishSeed(stores[name] as SeedTarget<typeof name>);
      spent[name] += performance.now() - begun;
      if (loadOptions[name].deferReports) rebuilt.push(`${name} ${seconds(performance.now() - begun)} s`);
    }
    if (rebuilt.length > 0) io.out(`  report tables summed: ${rebuilt.join(', ')}`);
    io.out(
      `Done in ${seconds(performance.now() - started)} s: ${totals.customers} customers, ${totals.orders} orders, ${totals.activities} activities, ${totals.owners} owners (CRM); ` +
        `${totals.calls} calls, ${totals.agents} agents, ${totals.queues} queues (call center); ${totals.tickets} tickets, ${totals.comments} comments (tickets).`,
    );
    io.out(`  time spent: generating ${seconds(spent.generate)} s, loading crm ${seconds(spent.crm)} s, callcenter ${seconds(spent.callcenter)} s, tickets ${seconds(spent.tickets)} s`);
    return 0;
  } catch (error) {
    io.err(`seed: failed: ${(error as Error).message}`);
    return 1;
  } finally {
    for (const store of opened.reverse()) await store.close();
  }
}

/** Runs `main` on the process arguments and sets the exit code. */
export async function runCli(argv: string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await main(argv);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) await runCli();
