/**
 * The numbers the simulator calls from: seeded customers' numbers (most calls), numbers
 * shared by duplicate customer records (ambiguous: `identifyCaller` gives MULTIPLE), and
 * unknown numbers. Read from the CRM's store when it exists, else generated with the seed
 * generator's defaults (the same customers `npm start` seeds).
 */
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { openEmbeddedCrmStore } from '../../crm/source/embedded/open.js';
import { databaseConfig } from '../../shared/config.js';
import { DEFAULT_SEED, defaultAnchor } from '../../seed/dataset.js';
import { generateDataset } from '../../seed/generate.js';

export interface CallerNumbers {
  /** Numbers of exactly one customer. */
  known: string[];
  /** Numbers shared by several customer records. */
  ambiguous: string[];
  where: string;
}

function split(owners: Map<string, Set<string>>, where: string): CallerNumbers {
  const known: string[] = [];
  const ambiguous: string[] = [];
  for (const [number, customers] of owners) (customers.size > 1 ? ambiguous : known).push(number);
  return { known: known.sort(), ambiguous: ambiguous.sort(), where };
}

async function fromCrmStore(): Promise<CallerNumbers | null> {
  const config = databaseConfig('crm');
  if (config.driver === 'sqlite' && !existsSync(config.file)) return null;
  const crm = await openEmbeddedCrmStore(config);
  try {
    const rows = await sql<{ e164: string; customer_id: string }>`SELECT e164, customer_id FROM customer_phones LIMIT 200000`.execute(crm.database.db);
    if (rows.rows.length === 0) return null;
    const owners = new Map<string, Set<string>>();
    for (const row of rows.rows) owners.set(row.e164, (owners.get(row.e164) ?? new Set()).add(row.customer_id));
    return split(owners, config.driver === 'sqlite' ? config.file : 'the CRM database');
  } finally {
    await crm.close();
  }
}

function fromSeedGenerator(customers = 1000): CallerNumbers {
  const owners = new Map<string, Set<string>>();
  for (const chunk of generateDataset({ seed: DEFAULT_SEED, customers, anchor: defaultAnchor() })) {
    for (const customer of chunk.crm.customers) {
      for (const phone of customer.phones) owners.set(phone.e164, (owners.get(phone.e164) ?? new Set()).add(customer.id));
    }
  }
  return split(owners, `the seed generator (seed ${DEFAULT_SEED}, ${customers} customers)`);
}

export async function loadCallerNumbers(): Promise<CallerNumbers> {
  try {
    const stored = await fromCrmStore();
    if (stored) return stored;
  } catch (error) {
    console.warn(`simulator: could not read the CRM store (${error instanceof Error ? error.message : String(error)}); using the seed generator`);
  }
  return fromSeedGenerator();
}
