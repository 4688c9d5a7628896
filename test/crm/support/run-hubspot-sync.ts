/**
 * Runs one HubSpot contact sync in its own process, so a test can kill it mid-run:
 * `tsx test/crm/support/run-hubspot-sync.ts <HubSpot URL> <token> <SQLite file> <page size>`.
 */
import { HubSpotClient } from '../../../subgraphs/crm/source/hubspot/client.js';
import { HubSpotCrmSource } from '../../../subgraphs/crm/source/hubspot/store.js';
import { HubSpotContactSync } from '../../../subgraphs/crm/source/hubspot/sync.js';
import { openEmbeddedCrmStore } from '../../../subgraphs/crm/source/embedded/open.js';
import { TEST_MAPPING } from '../port/hubspot-harness.js';

const [url, token, file, pageSize] = process.argv.slice(2) as [string, string, string, string];
const config = { driver: 'sqlite' as const, file };
const target = await openEmbeddedCrmStore(config);
const source = new HubSpotCrmSource(new HubSpotClient({ baseUrl: url, token: { value: token }, maxRetries: 0, timeoutMs: 5000 }), TEST_MAPPING);
const sync = await HubSpotContactSync.open(source, target, config, { pageSize: Number(pageSize) });
console.log(`synced ${await sync.runOnce()}`);
await target.close();
