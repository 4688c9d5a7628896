import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import { POSTGRES_SKIP_REASON, postgresReachable, tempPostgresSchema } from '../support/databases.js';
import { skipNote } from '../support/skip.js';
import { ticketsPortSuite } from './port-suite.js';

if (await postgresReachable()) {
  ticketsPortSuite('embedded, PostgreSQL', async () => {
    const db = await tempPostgresSchema('tickets_port');
    const source = await openEmbeddedTicketsSource(db.config);
    return {
      source,
      addComment: (ticketId, body, isPublic) =>
        source.loadSeed({ tickets: [], comments: [{ id: `tcm_${randomUUID().replaceAll('-', '')}`, ticketId, author: 'agt_001', body, public: isPublic, createdAt: new Date().toISOString() }] }),
      async close() {
        await source.close();
        await db.cleanup();
      },
    };
  });
} else {
  describe('ticket port (embedded, PostgreSQL)', () => {
    it.skip(skipNote('runs against PostgreSQL', POSTGRES_SKIP_REASON), () => undefined);
  });
}
