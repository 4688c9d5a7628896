/** Opens the HubSpot adapter (`CRM_SOURCE=hubspot`): checks the token against HubSpot once at start. */
import type { CrmSourceConfig } from '../config.js';
import { HubSpotClient } from './client.js';
import { HubSpotCrmSource } from './store.js';

/** Rejects (naming HubSpot's answer) when the token is refused or HubSpot cannot be reached. */
export async function openHubSpotCrmSource(config: Extract<CrmSourceConfig, { kind: 'hubspot' }>): Promise<HubSpotCrmSource> {
  const source = new HubSpotCrmSource(new HubSpotClient(config), config.mapping);
  await source.ping();
  return source;
}
