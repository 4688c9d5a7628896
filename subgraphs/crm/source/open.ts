/**
 * The CRM's seam: opens the adapter `CRM_SOURCE` names (`config.ts`). The embedded store is
 * the default and needs nothing installed; the others reach a system the company runs.
 */
import type { DatabaseConfig } from '../../shared/database.js';
import type { CrmSourceConfig } from './config.js';
import { openEmbeddedCrmStore } from './embedded/open.js';
import { openHubSpotCrmSource } from './hubspot/open.js';
import type { CrmSource, SeedableCrmSource } from './port.js';
import { openMappedSqlCrmSource } from './sql-mapped/open.js';

/**
 * `database`: where the embedded store lives (`CRM_DATABASE_URL` or `data/crm.sqlite`); with
 * `hubspot`, where the local contact copy its sync keeps lives; unused by `sql-mapped`.
 */
export function openCrmSource(config: CrmSourceConfig, database: DatabaseConfig): Promise<CrmSource | SeedableCrmSource> {
  switch (config.kind) {
    case 'embedded':
      return openEmbeddedCrmStore(database);
    case 'sql-mapped':
      return openMappedSqlCrmSource(config.url, config.mapping);
    case 'hubspot':
      return openHubSpotCrmSource(config, database);
  }
}
