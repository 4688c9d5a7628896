import { describe, it } from 'node:test';
import { PG_URL, postgresConfig, postgresReachable } from './helpers.js';
import { ticketsSuite } from './suite.js';

if (await postgresReachable()) {
  ticketsSuite('PostgreSQL', postgresConfig);
} else {
  describe('tickets subgraph (PostgreSQL)', () => {
    it('runs against PostgreSQL', (t) => {
      t.skip(`PostgreSQL not reachable at ${PG_URL}`);
    });
  });
}
