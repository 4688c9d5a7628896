/**
 * The numbers the simulator calls from: seeded customers' numbers (most calls), numbers
 * shared by duplicate customer records (ambiguous: `identifyCaller` gives MULTIPLE), and
 * unknown numbers. Taken from the deterministic demo data set (`../seed`), never from a
 * subgraph's store: the simulator talks to the system only through the CTI webhook. The
 * subgraphs seed an empty store with the same data set (seed `DEFAULT_SEED`,
 * `SWITCHBOARD_SEED_CUSTOMERS` customers), so these are the numbers `npm start` serves.
 */
import { envValue } from '../../shared/env/read.js';
import { DEFAULT_SEED, defaultAnchor } from '../seed/dataset.js';
import { generateDataset } from '../seed/generate.js';

export interface CallerNumbers {
  /** Numbers of exactly one customer. */
  known: string[];
  /** Numbers shared by several customer records. */
  ambiguous: string[];
  where: string;
}

/**
 * At most this many customers' numbers are generated: a bigger data set (`npm run seed --
 * --customers 100000`) starts with the same customers, so its first thousand are enough.
 */
const MAX_CALLER_CUSTOMERS = 1000;

/**
 * The caller numbers of the demo data set's first `customers` customers (default: the
 * smaller of `SWITCHBOARD_SEED_CUSTOMERS` and 1,000; none when it is 0, and every call
 * then comes from an unknown number).
 */
export function loadCallerNumbers(customers = Math.min(envValue('SWITCHBOARD_SEED_CUSTOMERS'), MAX_CALLER_CUSTOMERS)): CallerNumbers {
  const owners = new Map<string, Set<string>>();
  for (const chunk of generateDataset({ seed: DEFAULT_SEED, customers, anchor: defaultAnchor() })) {
    for (const customer of chunk.crm.customers) {
      for (const phone of customer.phones) owners.set(phone.e164, (owners.get(phone.e164) ?? new Set()).add(customer.id));
    }
  }
  const known: string[] = [];
  const ambiguous: string[] = [];
  for (const [number, ids] of owners) (ids.size > 1 ? ambiguous : known).push(number);
  return { known: known.sort(), ambiguous: ambiguous.sort(), where: `the demo data set (seed ${DEFAULT_SEED}, ${customers} customers)` };
}
