/**
 * `tsx subgraphs/tickets/source/rt/sync-cli.ts`: one pass of the RT ticket sync now, on demand,
 * with the tickets subgraph's environment (`TICKETS_SOURCE=rt`, `RT_*`, `TICKETS_DATABASE_URL`
 * or `SWITCHBOARD_DATA_DIR`). It resumes from the copy's cursor like a scheduled pass, and is
 * safe beside a running subgraph (pages are idempotent). Prints the sync's status as JSON;
 * exit status 1 when the pass failed (its message is in `lastError`).
 */
import { databaseConfig } from '../../../shared/config.js';
import { ticketsSourceConfig } from '../config.js';
import { openRtTicketsSource } from './open.js';

const config = ticketsSourceConfig(process.env, databaseConfig('tickets'));
if (config.kind !== 'rt') {
  console.error('The RT sync runs with TICKETS_SOURCE=rt (and RT_URL, RT_TOKEN, RT_MAPPING_FILE).');
  process.exit(2);
}
const source = await openRtTicketsSource(config, { startSync: false });
const runner = source.localCopy!.runner;
const result = await runner.runNow();
console.log(JSON.stringify({ ...result, status: await runner.status() }));
await source.close();
process.exitCode = result.ok ? 0 : 1;
