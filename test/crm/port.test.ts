/**
 * The CRM port's behavioural suite (port/suite.ts) against every adapter: the embedded store
 * on SQLite and on PostgreSQL, the mapped-SQL adapter over a foreign schema on PostgreSQL and MySQL,
 * and the HubSpot adapter against a contract server that validates every request and
 * response against HubSpot's published OpenAPI documents.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { describe, test } from 'vitest';
import type { HubSpotClient } from '../../subgraphs/crm/source/hubspot/client.js';
import { hubSpotMappingSchema } from '../../subgraphs/crm/source/hubspot/mapping.js';
import { HubSpotCrmSource } from '../../subgraphs/crm/source/hubspot/store.js';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import { openMappedSqlCrmSource } from '../../subgraphs/crm/source/sql-mapped/open.js';
import { MYSQL_SKIP_REASON, MYSQL_URL, mysqlReachable, POSTGRES_SKIP_REASON, POSTGRES_URL, postgresReachable, tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';
import { portDataset } from './port/dataset.js';
import { createForeignCrm, createForeignCrmMysql, foreignMapping } from './port/foreign-schema.js';
import { hubSpotHarness } from './port/hubspot-harness.js';
import { portSuite } from './port/suite.js';

const embedded = (temp: () => Promise<TempDatabase>) => async () => {
  const database = await temp();
  const store = await openEmbeddedCrmStore(database.config);
  await store.loadSeed(portDataset());
  return {
    source: store,
    cleanup: async () => {
      await store.close();
      await database.cleanup();
    },
  };
};
const needsPostgres = async () => ((await postgresReachable()) ? null : POSTGRES_SKIP_REASON);

await portSuite({ name: 'the embedded store (SQLite)', skip: async () => null, open: embedded(() => tempSqlite('crm-port')), orders: true, writes: true, status: true });
await portSuite({ name: 'the embedded store (PostgreSQL)', skip: needsPostgres, open: embedded(() => tempPostgresSchema('crm_port')), orders: true, writes: true, status: true });
/** The mapped-SQL adapter over the foreign CRM, created in a fresh schema (database) by `create` on the server at `url`. */
const mappedSql = (where: string, skip: () => Promise<string | null>, url: string, create: typeof createForeignCrm) =>
  portSuite({
    name: `the mapped-SQL adapter (${where})`,
    skip,
    open: async () => {
      const name = `foreign_crm_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const drop = await create(name, portDataset());
      const source = await openMappedSqlCrmSource(url, foreignMapping(name));
      return {
        source,
        cleanup: async () => {
          await source.close();
          await drop();
        },
      };
    },
    orders: true,
    writes: false,
    status: false,
  });
await mappedSql('a foreign schema on PostgreSQL', needsPostgres, POSTGRES_URL, createForeignCrm);
await mappedSql('the same foreign CRM on MySQL/MariaDB', async () => ((await mysqlReachable()) ? null : MYSQL_SKIP_REASON), MYSQL_URL, createForeignCrmMysql);
await portSuite(hubSpotHarness());

// The HubSpot status refusal needs no HubSpot (nothing is sent): checked here too, so it runs where the contract server cannot.
describe('the HubSpot adapter and the customer status, without a contract server', () => {
  test('setStatus and the history answer FORBIDDEN / SOURCE_NOT_SUPPORTED without a request', async () => {
    const source = new HubSpotCrmSource({} as HubSpotClient, hubSpotMappingSchema.parse({}));
    for (const attempt of [source.setStatus(), source.statusChangesByCustomerIds()]) {
      await assert.rejects(attempt, (error: GraphQLError) => error.extensions.code === 'FORBIDDEN' && error.extensions.reason === 'SOURCE_NOT_SUPPORTED');
    }
  });
});
