/**
 * Finds the reporting adapter of the store a request runs on (one per store, made once),
 * so the reports need no change to the subgraph's port or context.
 */
import type { CallCenterSource } from '../source/port.js';
import { SqlCallCenterStore } from '../source/sql-store.js';
import type { CallReportsSource } from './port.js';
import { SqlCallReports } from './sql-reports.js';

const adapters = new WeakMap<CallCenterSource, CallReportsSource>();

export function reportsOf(source: CallCenterSource): CallReportsSource {
  let reports = adapters.get(source);
  if (!reports) {
    if (!(source instanceof SqlCallCenterStore)) throw new Error('Call-center reports need the SQL store (source/sql-store.ts).');
    reports = new SqlCallReports(source.database.db);
    adapters.set(source, reports);
  }
  return reports;
}
