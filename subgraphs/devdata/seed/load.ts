/**
 * Loads one source system's part of the generated data set into its store, chunk by chunk
 * (each chunk in one `loadSeed` call, which the store runs as one transaction). A store that
 * keeps report tables derived from its rows (roll-ups, histograms, contact gaps) and offers
 * `rebuildReports` loads the chunks without them and sums them once at the end: keeping them
 * per chunk took most of a 100,000-customer seed's time (24 of 35 minutes in the call center).
 */
import { DEFAULT_SEED, defaultAnchor, type SeedChunk } from './dataset.js';
import { generateDataset } from './generate.js';

export type SeedPart = keyof SeedChunk;

/** How `loadSeed` treats the report tables derived from the rows it inserts. */
export interface LoadSeedOptions {
  /**
   * Insert the rows only and leave the report tables as they are: the caller calls the
   * store's `rebuildReports()` once after the last chunk (until then the reports are wrong).
   * Default false: every chunk keeps them current in its own transaction.
   */
  deferReports?: boolean;
}

export interface SeedTarget<P extends SeedPart> {
  loadSeed(part: SeedChunk[P], options?: LoadSeedOptions): Promise<void>;
  /** Sums the store's report tables from every stored row again, in one transaction (stores that keep any). */
  rebuildReports?(): Promise<void>;
  /** Refreshes the database's planner statistics after the load (`Database.analyze`). */
  analyze?(): Promise<void>;
}

/** The options every chunk of a seed is loaded with: reports deferred when the store can rebuild them. */
export function seedLoadOptions<P extends SeedPart>(store: SeedTarget<P>): LoadSeedOptions {
  return { deferReports: typeof store.rebuildReports === 'function' };
}

/** After the last chunk: sums the report tables the chunks left out (`seedLoadOptions`), then refreshes the planner's statistics. */
export async function finishSeed<P extends SeedPart>(store: SeedTarget<P>): Promise<void> {
  if (seedLoadOptions(store).deferReports) await store.rebuildReports!();
  await store.analyze?.();
}

export interface SeedStoreOptions {
  customers: number;
  seed?: number;
  /** ISO-8601; defaults to the start of the current UTC day. */
  anchor?: string;
}

export async function seedStore<P extends SeedPart>(store: SeedTarget<P>, part: P, options: SeedStoreOptions): Promise<void> {
  const dataset = generateDataset({
    seed: options.seed ?? DEFAULT_SEED,
    customers: options.customers,
    anchor: options.anchor ?? defaultAnchor(),
  });
  const loadOptions = seedLoadOptions(store);
  for (const chunk of dataset) await store.loadSeed(chunk[part], loadOptions);
  await finishSeed(store);
}
