/**
 * The contract between the seed generator and the three source systems: the generator
 * yields the data set in chunks (a few hundred customers with everything that belongs to
 * them), and each system's store loads only its own part of every chunk, in one
 * transaction per chunk. Reference data (owners, agents, queues) comes in the first chunk.
 */
import type { CrmSeed } from '../../crm/source/records.js';
import type { CallCenterSeed } from '../../callcenter/source/records.js';
import type { TicketsSeed } from '../../tickets/source/records.js';

export interface SeedChunk {
  crm: CrmSeed;
  callcenter: CallCenterSeed;
  tickets: TicketsSeed;
}

export interface DatasetOptions {
  /** PRNG seed: the same seed, size and anchor always give the same data. */
  seed: number;
  customers: number;
  /** Calls per customer on average (benchmark size: 10). */
  callsPerCustomer?: number;
  /** Tickets per customer on average (benchmark size: 2). */
  ticketsPerCustomer?: number;
  /** The data set's "now": every timestamp lies before it. ISO-8601. */
  anchor: string;
}

/** The anchor used when none is given: the start of the current UTC day. */
export function defaultAnchor(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

export const DEFAULT_SEED = 20261121;
