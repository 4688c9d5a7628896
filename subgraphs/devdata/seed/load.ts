/**
 * Loads one source system's part of the generated data set into its store, chunk by chunk
 * (each chunk in one `loadSeed` call, which the store runs as one transaction).
 */
import { DEFAULT_SEED, defaultAnchor, type SeedChunk } from './dataset.js';
import { generateDataset } from './generate.js';

export type SeedPart = keyof SeedChunk;

export interface SeedTarget<P extends SeedPart> {
  loadSeed(part: SeedChunk[P]): Promise<void>;
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
  for (const chunk of dataset) await store.loadSeed(chunk[part]);
}
