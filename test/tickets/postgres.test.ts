import { describe, it } from 'vitest';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema } from '../support/databases.js';
import { ticketsSuite } from './suite.js';

if (await postgresReachable()) {
  ticketsSuite('PostgreSQL', () => tempPostgresSchema('tickets_test'));
} else {
  describe('tickets subgraph (PostgreSQL)', () => {
    it('runs against PostgreSQL', (t) => {
      t.skip(POSTGRES_SKIP_REASON);
    });
  });
}
