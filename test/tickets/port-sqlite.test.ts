import { randomUUID } from 'node:crypto';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import { tempSqlite } from '../support/databases.js';
import { ticketsPortSuite } from './port-suite.js';

ticketsPortSuite('embedded, SQLite', async () => {
  const db = await tempSqlite('tickets_port');
  const source = await openEmbeddedTicketsSource(db.config);
  return {
    source,
    // The embedded store has no comment-writing API of its own: comments arrive with its data.
    addComment: (ticketId, body, isPublic) =>
      source.loadSeed({ tickets: [], comments: [{ id: `tcm_${randomUUID().replaceAll('-', '')}`, ticketId, author: 'agt_001', body, public: isPublic, createdAt: new Date().toISOString() }] }),
    async close() {
      await source.close();
      await db.cleanup();
    },
  };
});
