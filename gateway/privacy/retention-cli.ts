/**
 * `npm run retention -- --dry-run` · `npm run retention` (removes)
 * Runs the retention tasks of the call center and the gateway stores (the databases the same
 * environment variables select as `npm start`) once, and prints one line per data kind: its
 * period, its cutoff and how many records are past it (dry run) or were removed. The running
 * processes do the same every `SWITCHBOARD_RETENTION_INTERVAL_SECONDS` (docs/privacy.md).
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { databaseConfig } from '../../subgraphs/shared/config.js';
import { openDatabase } from '../../subgraphs/shared/database.js';
import { migrateAtOpen } from '../../subgraphs/shared/migrations.js';
import { retentionPeriods, runRetention, type RetentionReport } from '../../subgraphs/shared/privacy/retention.js';
import { CALLCENTER_MIGRATIONS } from '../../subgraphs/callcenter/source/migrations.js';
import { callCenterRetentionTasks } from '../../subgraphs/callcenter/privacy/retention.js';
import type { CallCenterPrivacyTables } from '../../subgraphs/callcenter/privacy/tables.js';
import { gatewayDatabaseConfig } from '../store/gateway-store.js';
import { GATEWAY_MIGRATIONS } from '../store/migrations.js';
import { gatewayRetentionTasks } from './retention.js';
import type { PrivacyTables } from './tables.js';

function print(report: RetentionReport): void {
  for (const line of report.lines) {
    const what = line.cutoff === null ? 'kept forever' : `${report.dryRun ? 'would remove' : 'removed'} ${line.count} (before ${line.cutoff})`;
    console.log(`${report.service} ${line.kind} (${line.kind === 'EXPORTS' ? 'expired links' : `${line.periodDays} days`}): ${what}`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log('Usage: npm run retention [-- --dry-run]');
    return 0;
  }
  const dryRun = values['dry-run'] === true;
  const periods = retentionPeriods();
  const stores = [
    { service: 'callcenter', config: databaseConfig('callcenter'), plan: CALLCENTER_MIGRATIONS, tasks: (db: Kysely<unknown>) => callCenterRetentionTasks(db as Kysely<CallCenterPrivacyTables>, periods) },
    { service: 'gateway', config: gatewayDatabaseConfig(), plan: GATEWAY_MIGRATIONS, tasks: (db: Kysely<unknown>) => gatewayRetentionTasks(db as Kysely<PrivacyTables>, periods) },
  ];
  for (const store of stores) {
    const database = openDatabase<unknown>(store.config);
    try {
      await migrateAtOpen(database, store.config, store.plan);
      print(await runRetention(store.service, store.tasks(database.db), { dryRun }));
    } catch (error) {
      console.error(`${store.service}: ${(error as Error).message}`);
      return 1;
    } finally {
      await database.close();
    }
  }
  return 0;
}

process.exitCode = await main();
