/**
 * `tsx subgraphs/crm/source/hubspot/sync-cli.ts`: one pass of the HubSpot contact sync now, on
 * demand, with the CRM subgraph's environment (`CRM_SOURCE=hubspot`, `CRM_HUBSPOT_*`,
 * `CRM_DATABASE_URL` or `SWITCHBOARD_DATA_DIR`). It resumes from the copy's cursor like a
 * scheduled pass and is safe beside a running subgraph. Prints the sync's status as JSON;
 * exit status 1 when the pass failed (its message is in `lastError`).
 */
import { databaseConfig } from '../../../shared/config.js';
import { crmSourceConfig } from '../config.js';
import { openHubSpotCrmSource } from './open.js';

const config = crmSourceConfig();
if (config.kind !== 'hubspot') {
  console.error('The HubSpot sync runs with CRM_SOURCE=hubspot (and CRM_HUBSPOT_TOKEN or CRM_HUBSPOT_TOKEN_FILE).');
  process.exit(2);
}
// Interval 0: this process runs exactly the one pass asked for.
const source = await openHubSpotCrmSource(config, databaseConfig('crm'), { ...process.env, CRM_HUBSPOT_SYNC_INTERVAL_SECONDS: '0' });
const runner = source.localCopy!.sync.runner;
const result = await runner.runNow();
console.log(JSON.stringify({ ...result, status: await runner.status() }));
await source.close();
process.exitCode = result.ok ? 0 : 1;
