/** The ticket port's behaviour over a real Request Tracker 5 (skips with a note when RT is not installed). */
import { describe, it } from 'vitest';
import { RtClient } from '../../subgraphs/tickets/source/rt/client.js';
import { loadRtMapping } from '../../subgraphs/tickets/source/rt/mapping.js';
import { RtTicketSource, rtIdOf } from '../../subgraphs/tickets/source/rt/rt-source.js';
import { skipNote } from '../support/skip.js';
import { RT_SKIP_REASON, RT_TEST_MAPPING_FILE, startRt } from '../support/rt/rt-server.js';
import { ticketsPortSuite } from './port-suite.js';

if (RT_SKIP_REASON === null) {
  ticketsPortSuite('Request Tracker 5', async () => {
    const rt = await startRt();
    const source = new RtTicketSource(loadRtMapping(RT_TEST_MAPPING_FILE), new RtClient({ url: rt.url, token: rt.token, timeoutMs: 30_000 }));
    return {
      source,
      // As an agent does in RT: a comment (internal) or a reply (Correspond, public) on the ticket.
      async addComment(ticketId, body, isPublic) {
        const response = await fetch(`${rt.url}/REST/2.0/ticket/${rtIdOf(ticketId)}/${isPublic ? 'correspond' : 'comment'}`, {
          method: 'POST',
          headers: { authorization: `token ${rt.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ Content: body, ContentType: 'text/plain' }),
        });
        if (!response.ok) throw new Error(`RT refused the comment: ${response.status} ${await response.text()}`);
      },
      async close() {
        await source.close();
        await rt.close();
      },
    };
  });
} else {
  describe('ticket port (Request Tracker 5)', () => {
    it.skip(skipNote('runs against a real RT', RT_SKIP_REASON), () => undefined);
  });
}
