/**
 * Opens the Request Tracker adapter: checks once that RT answers, the token works and the
 * queue exists, then opens the local copy the sync keeps (the embedded store's database) and
 * starts the sync on its schedule (`RT_SYNC_INTERVAL_SECONDS`).
 */
import type { Kysely } from 'kysely';
import { SyncCursorStore } from '../../../shared/sync/cursor-store.js';
import { SyncRunner } from '../../../shared/sync/runner.js';
import type { TicketsSourceConfig } from '../config.js';
import { openEmbeddedTicketsSource } from '../embedded/open.js';
import type { ReportingTicketsDatabase } from '../../reports/tables.js';
import { RtClient } from './client.js';
import { RtTicketSource } from './rt-source.js';
import { RtTicketCopy, RtTicketSync } from './sync.js';

type RtConfig = Extract<TicketsSourceConfig, { kind: 'rt' }>;

/** Rejects naming RT_URL, RT_TOKEN or the mapping's queue when the first request shows one of them is wrong. */
export async function openRtTicketsSource(config: RtConfig, options: { startSync?: boolean } = {}): Promise<RtTicketSource> {
  const client = new RtClient({ url: config.url, token: config.token, timeoutMs: config.timeoutMs });
  const source = new RtTicketSource(config.mapping, client);
  try {
    await source.ping();
  } catch (error) {
    throw new Error(`TICKETS_SOURCE=rt: ${(error as Error).message} (RT_URL=${config.url}, RT_MAPPING_FILE=${config.mappingFile})`, { cause: error });
  }
  const store = await openEmbeddedTicketsSource(config.database);
  try {
    const cursors = await SyncCursorStore.open(store.database as never, config.database);
    const copy = new RtTicketCopy(store.database.db as unknown as Kysely<ReportingTicketsDatabase>, config.mapping.sync.owners);
    const runner = new SyncRunner({
      service: 'tickets',
      job: new RtTicketSync(source, client, config.mapping, copy, config.sync),
      db: store.database.db as unknown as Kysely<unknown>,
      cursors,
      intervalMs: options.startSync === false ? 0 : config.sync.intervalMs,
    });
    await runner.start();
    source.attachCopy({ store, copy, runner });
  } catch (error) {
    await store.close();
    throw error;
  }
  return source;
}
