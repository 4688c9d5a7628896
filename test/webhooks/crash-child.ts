/**
 * Run by test/webhooks/outbox-crash.test.ts in its own process: opens the ticket store at
 * argv[2] and creates a ticket, dying by SIGKILL at the moment argv[3] names:
 * `inside` — right after the change event's INSERT ran, before the transaction commits;
 * `after` — right after `createTicket` returned (committed). Prints the ticket's key first.
 */
import { openEmbeddedTicketsSource as openTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';

const [file, when, key] = process.argv.slice(2);
const store = await openTicketsSource({ driver: 'sqlite', file: file! });
if (when === 'inside') {
  store.database.onStatement((sql) => {
    if (/insert into "change_events"/i.test(sql)) process.kill(process.pid, 'SIGKILL');
  });
}
await store.createTicket({ idempotencyKey: key!, requesterId: 'cus_crash', subject: 'Crash test' });
if (when === 'after') process.kill(process.pid, 'SIGKILL');
