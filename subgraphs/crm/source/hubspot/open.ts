/**
 * Opens the HubSpot adapter (`CRM_SOURCE=hubspot`): checks the token against HubSpot once at
 * start; given the embedded store's database, opens there the local contact copy and starts
 * its incremental sync on `CRM_HUBSPOT_SYNC_INTERVAL_SECONDS` (`sync.ts`).
 */
import type { DatabaseConfig } from '../../../shared/database.js';
import { envValue } from '../../../shared/env/read.js';
import type { CrmSourceConfig } from '../config.js';
import { openEmbeddedCrmStore } from '../embedded/open.js';
import { HubSpotClient } from './client.js';
import { HubSpotCrmSource } from './store.js';
import { HubSpotContactSync } from './sync.js';

/** Rejects (naming HubSpot's answer) when the token is refused or HubSpot cannot be reached. */
export async function openHubSpotCrmSource(config: Extract<CrmSourceConfig, { kind: 'hubspot' }>, copy?: DatabaseConfig, env: NodeJS.ProcessEnv = process.env): Promise<HubSpotCrmSource> {
  const source = new HubSpotCrmSource(new HubSpotClient(config), config.mapping);
  await source.ping();
  if (copy) {
    const intervalMs = envValue('CRM_HUBSPOT_SYNC_INTERVAL_SECONDS', env) * 1000;
    const store = await openEmbeddedCrmStore(copy);
    try {
      const sync = await HubSpotContactSync.open(source, store, copy, { intervalMs, pageSize: envValue('CRM_HUBSPOT_SYNC_PAGE_SIZE', env) });
      source.localCopy = { store, sync };
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return source;
}
