/**
 * The agent console and the supervisor wallboard in real Chromium, against the real stack
 * (three subgraphs and the gateway on ephemeral ports, seeded SQLite): a signed webhook's
 * OFFERED pops on the right agent's screen with CRM and ticket data; actions from the pop
 * reach the CRM and the ticket system; the pop survives a gateway restart with nothing
 * lost; the token hook renews before expiry; the ticket system down shows a banner and the
 * rest; a bot's hand-off shows with its conversation and is accepted from the desk; the
 * wallboard shows today's KPIs and chart. Screenshots go to test-output/console/.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { postGraphQL, startStack, type Stack } from '../support/stack.js';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { createCallCenterServer } from '../../subgraphs/callcenter/server.js';
import { createTicketsServer } from '../../subgraphs/tickets/server.js';
import { CHROMIUM_SKIP_REASON, launchChromium, screenshot, watchErrors, type PageErrors } from './browser.js';
import { skipNote } from '../support/skip.js';

const AGENT = 'agt_001';
const OTHER_AGENT = 'agt_002';
const HOTLINE = '+864008123456';
const GATEWAY_ENV = { SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS: '0' };
const WAIT = { timeout: 15_000 };

interface Caller {
  id: string;
  displayName: string;
  tier: string;
  tags: string[];
  e164: string;
}

describe.skipIf(CHROMIUM_SKIP_REASON)(skipNote('agent console and wallboard in Chromium', CHROMIUM_SKIP_REASON), () => {
  let stack: Stack;
  let browser: Browser;
  let gatewayUrl: string;
  let caller: Caller;
  let restarted: RunningGateway | null = null;
  let restartedCallCenter: { close(): Promise<void> } | null = null;
  let restartedTickets: { close(): Promise<void> } | null = null;
  const restartDir = mkdtempSync(join(tmpdir(), 'switchboard-console-'));

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ customers: 200, subgraphTimeoutMs: 2000, gatewayEnv: GATEWAY_ENV }), launchChromium()]);
    gatewayUrl = stack.gateway.url;
    caller = await findCaller(stack);
  });

  afterAll(async () => {
    // Each one is closed even when another fails (a gateway whose upstream client is still
    // reconnecting can reject its close with the socket's close event); failures are logged.
    for (const [name, resource] of Object.entries({ browser, restarted, restartedCallCenter, restartedTickets, stack })) {
      await resource?.close().catch((error: unknown) => console.error(`closing ${name} failed:`, error));
    }
    rmSync(restartDir, { recursive: true, force: true });
  });

  /** Posts one signed CTI webhook event to the call center and waits until it is applied. */
  async function cti(event: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({ events: [{ id: `evt_${randomUUID()}`, at: new Date().toISOString(), ...event }] });
    const secret = (process.env.CTI_WEBHOOK_SECRETS ?? '').split(',')[0]!;
    const post = () => fetch(`${stack.callcenter.server.url}/webhooks/cti`, { method: 'POST', headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(secret, body) }, body });
    // A sender retries (the event id makes it idempotent): after a restart of the call center
    // the first attempt can meet a pooled connection to the old process.
    const response = await post().catch(post);
    assert.equal(response.status, 202, await response.text());
    await stack.callcenter.server.callEvents.idle();
  }

  const offer = (callId: string, from: string, agentId = AGENT) => cti({ callId, type: 'OFFERED', from, to: HOTLINE, direction: 'INBOUND', queueId: 'q_console', agentId });

  async function openAs(role: 'agent' | 'supervisor', agentId?: string): Promise<{ page: Page; errors: PageErrors }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
    const errors = watchErrors(page);
    await page.goto(`${gatewayUrl}/console`);
    const button = agentId ? page.locator(`button[data-role="agent"][data-agent-id="${agentId}"]`) : page.locator(`button[data-role="${role}"]`);
    await button.click(WAIT);
    await page.waitForSelector('body[data-ready="true"][data-connection="online"]', WAIT);
    return { page, errors };
  }

  const pop = (page: Page, callId: string) => page.locator(`article.pop[data-call-id="${callId}"]`);

  it('serves the console under a strict Content-Security-Policy, and dev sign-in only in development', async () => {
    const response = await fetch(`${gatewayUrl}/console`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /https?:|unsafe-inline|unsafe-eval/);
    assert.equal((await fetch(`${gatewayUrl}/console/app.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
    const production = await import('../../gateway/console/serve.js').then(({ consoleRoutes }) => consoleRoutes({ production: true, jwt: gatewayConfig().jwt }));
    assert.deepEqual(Object.keys(production).sort(), ['GET /console', 'GET /console/', 'GET /console/app.css', 'GET /console/app.js']);
    const withJwks = await import('../../gateway/console/serve.js').then(({ consoleRoutes }) => consoleRoutes({ production: false, jwt: { ...gatewayConfig().jwt, jwksUrl: 'https://idp.example/jwks' } }));
    assert.ok(!('POST /console/dev-token' in withJwks), 'no development tokens where an identity provider signs them');
    // The identities come from this gateway whatever Host the browser names.
    const { identities: list } = JSON.parse(await getWithHost(`${gatewayUrl}/console/dev-identities`, 'attacker.example')) as { identities: { role: string; agentId: string | null }[] };
    assert.ok(list.some((identity) => identity.agentId === AGENT));
    for (const body of ['null', '{"role":"root"}', '{"role":"agent","ttlSeconds":"long"}']) {
      const refused = await fetch(`${gatewayUrl}/console/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(refused.status, 400, body);
      assert.equal(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code, 'BAD_USER_INPUT');
    }
  });

  it("pops a webhook's OFFERED on the right agent's screen with CRM and ticket data", async () => {
    const { page, errors } = await openAs('agent', AGENT);
    const mine = `call_console_${randomUUID().slice(0, 8)}`;
    const theirs = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(theirs, caller.e164, OTHER_AGENT);
    await offer(mine, caller.e164);
    const card = pop(page, mine);
    await card.locator('[data-field="name"]').waitFor(WAIT);
    assert.match(await card.locator('[data-field="name"]').innerText(), new RegExp(caller.displayName));
    assert.equal(await card.locator('[data-field="tier"]').getAttribute('data-tier'), caller.tier);
    assert.deepEqual(await card.locator('[data-field="tag"]').allInnerTexts(), caller.tags);
    assert.equal(await card.locator('[data-field="state"]').innerText(), 'Ringing');
    assert.ok((await card.locator('[data-section="openTickets"] li').count()) > 0, 'open tickets from the ticket system');
    assert.ok((await card.locator('[data-section="orders"] li').count()) > 0, 'orders from the CRM');
    const email = card.locator('[data-field="email"]').first();
    assert.match(await email.innerText(), /\*\*\*.*masked/s, 'the agent sees the email masked, marked as masked');
    assert.equal(await pop(page, theirs).count(), 0, "another agent's call does not pop here");
    await cti({ callId: mine, type: 'ANSWERED', agentId: AGENT });
    await card.locator('[data-field="state"]', { hasText: 'Connected' }).waitFor(WAIT);
    // The README's screenshot, refreshed on request only (so a test run leaves the tree clean).
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') await page.screenshot({ path: new URL('../../docs/images/console-agent.png', import.meta.url).pathname, clip: { x: 0, y: 0, width: 1200, height: 720 } });
    await screenshot(page, 'agent-pop');
    // zh-CN
    const tierInEnglish = await card.locator('[data-field="tier"]').innerText();
    await page.selectOption('select.language', 'zh-CN');
    assert.equal(await card.locator('[data-field="state"]').innerText(), '通话中');
    assert.notEqual(await card.locator('[data-field="tier"]').innerText(), tierInEnglish, 'the tier is translated too');
    await screenshot(page, 'agent-pop-zh-CN');
    await page.selectOption('select.language', 'en');
    assert.deepEqual(errors.all, []);
    await page.close();
  });

  it('writes a note from the pop (keyboard only) onto the customer’s timeline, creates a ticket linked to the call and changes its status', async () => {
    const { page, errors } = await openAs('agent', AGENT);
    const callId = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(callId, caller.e164);
    const card = pop(page, callId);
    await card.locator('[data-field="name"]').waitFor(WAIT);
    const note = `Console note ${randomUUID().slice(0, 6)}`;
    await card.locator('textarea[name="note"]').focus();
    await page.keyboard.type(note);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await card.locator('[data-section="activities"] li', { hasText: note }).waitFor(WAIT);
    const timeline = await stack.query<{ customer: { activities: { nodes: { body?: string; author: string }[] } } }>(
      'query($id: ID!) { customer(id: $id) { activities(types: [NOTE], first: 5) { nodes { author ... on NoteActivity { body } } } } }',
      { id: caller.id },
    );
    assert.ok(timeline.data?.customer.activities.nodes.some((activity) => activity.body === note), 'the note is on the CRM timeline');

    const subject = `Refund request ${randomUUID().slice(0, 6)}`;
    await card.locator('input[name="subject"]').fill(subject);
    await card.locator('.ticket-form button[type="submit"]').click();
    const created = card.locator('.message', { hasText: /Ticket T-\d+ created/ });
    await created.waitFor(WAIT);
    const number = /T-\d+/.exec(await created.innerText())![0];
    const ticket = await stack.query<{ ticketByNumber: { subject: string; status: string; relatedCall: { id: string } | null; requester: { id: string } | null } }>(
      'query($n: String!) { ticketByNumber(number: $n) { subject status relatedCall { id } requester { id } } }',
      { n: number },
    );
    assert.equal(ticket.data?.ticketByNumber.subject, subject);
    assert.equal(ticket.data?.ticketByNumber.relatedCall?.id, callId);
    assert.equal(ticket.data?.ticketByNumber.requester?.id, caller.id);
    await card.locator(`select[data-ticket="${number}"]`).selectOption('PENDING');
    await waitFor(async () => (await stack.query<{ ticketByNumber: { status: string } }>('query($n: String!) { ticketByNumber(number: $n) { status } }', { n: number })).data?.ticketByNumber.status === 'PENDING');
    assert.deepEqual(errors.all, []);
    await page.close();
  });

  it('shows a chooser for a number several customers share, and a search for an unknown caller', async () => {
    const { page, errors } = await openAs('agent', AGENT);
    const shared = await findSharedNumber(stack);
    const multiple = `call_console_${randomUUID().slice(0, 8)}`;
    const unknown = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(multiple, shared);
    await offer(unknown, '+8613912345678');
    const chooser = pop(page, multiple).locator('.chooser button');
    await chooser.first().waitFor(WAIT);
    assert.ok((await chooser.count()) >= 2);
    await chooser.nth(1).press('Enter');
    await pop(page, multiple).locator('[data-field="name"]').waitFor(WAIT);
    const search = pop(page, unknown).locator('input[name="search"]');
    await search.waitFor(WAIT);
    await search.fill(caller.displayName);
    await search.press('Enter');
    await pop(page, unknown).locator(`.chooser button[data-customer-id="${caller.id}"]`).waitFor(WAIT);
    assert.deepEqual(errors.all, []);
    await page.close();
  });

  it('renews an expiring token through the embedding hook before it expires, and no pop is lost', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    const errors = watchErrors(page);
    // The embedding application's hook: tokens that live 8 s.
    // (A string: functions compiled by tsx refer to its `__name` helper, absent in the page.)
    await page.addInitScript(`
      window.tokenCalls = [];
      window.switchboardConsole = {
        getToken: async () => {
          window.tokenCalls.push(Date.now());
          const response = await fetch('/console/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ role: 'agent', agentId: '${AGENT}', subject: 'agent-embedded', ttlSeconds: 8 }) });
          return response.json();
        },
      };
    `);
    await page.goto(`${gatewayUrl}/console`);
    await page.waitForSelector('body[data-ready="true"][data-connection="online"]', WAIT);
    await page.waitForSelector('body[data-token-renewals="2"]', WAIT);
    const calls = (await page.evaluate('window.tokenCalls')) as number[];
    assert.ok(calls[1]! - calls[0]! < 8000, `renewed ${calls[1]! - calls[0]!} ms after the first token, before it expired`);
    // Past the first two tokens' expiry: the live subscription still delivers.
    const callId = `call_console_${randomUUID().slice(0, 8)}`;
    await page.waitForSelector('body[data-connection="online"]', WAIT);
    await offer(callId, caller.e164);
    await pop(page, callId).locator('[data-field="name"]').waitFor(WAIT);
    assert.deepEqual(errors.all, []);
    await page.close();
  });

  it('keeps its pops through a gateway restart and catches up on what happened meanwhile', async () => {
    const { page, errors } = await openAs('agent', AGENT);
    const before = `call_console_${randomUUID().slice(0, 8)}`;
    const during = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(before, caller.e164);
    await pop(page, before).locator('[data-field="name"]').waitFor(WAIT);
    const port = Number(new URL(gatewayUrl).port);
    await stack.gateway.close();
    await page.waitForSelector('[data-banner="offline"]', WAIT);
    // While the gateway is down: the first call is answered, a second one rings.
    await cti({ callId: before, type: 'ANSWERED', agentId: AGENT });
    await offer(during, caller.e164);
    await screenshot(page, 'agent-offline');
    restarted = await startGateway({
      ...gatewayConfig({ ...process.env, ...GATEWAY_ENV, SWITCHBOARD_DATA_DIR: restartDir }),
      port,
      subgraphTimeoutMs: 2000,
      subgraphUrls: { crm: stack.crm.server.graphqlUrl, callcenter: stack.callcenter.server.graphqlUrl, tickets: stack.tickets.server.graphqlUrl },
    });
    await pop(page, during).locator('[data-field="name"]').waitFor({ timeout: 30_000 });
    await pop(page, before).locator('[data-field="state"]', { hasText: 'Connected' }).waitFor(WAIT);
    // Catch-up runs over HTTP and can finish before the socket's next retry (backoff up to
    // 15 s): the banner goes once the socket is back, not necessarily with the first pop.
    await page.waitForSelector('body[data-connection="online"]', { timeout: 30_000 });
    assert.equal(await page.locator('[data-banner="offline"]').count(), 0);
    // And live again after the restart.
    const afterRestart = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(afterRestart, caller.e164);
    await pop(page, afterRestart).waitFor(WAIT);
    assert.deepEqual(errors.unexpected(), []);
    await page.close();
  });

  it("shows a bot's hand-off like a call, with the conversation; the agent accepts it", async () => {
    // The routing rule offers a hand-off to the AVAILABLE agent with the smallest id who has
    // none on offer: that agent's desk is opened before the bot asks.
    const agents = await stack.query<{ agents: { id: string; presence: string }[]; queues: { id: string }[]; pendingHandoffs: { offeredTo: { id: string } | null }[] }>(
      '{ agents { id presence } queues { id } pendingHandoffs { offeredTo { id } } }',
    );
    const busy = new Set(agents.data!.pendingHandoffs.map((p) => p.offeredTo?.id));
    const target = agents.data!.agents.filter((a) => a.presence === 'AVAILABLE' && !busy.has(a.id)).map((a) => a.id).sort()[0];
    assert.ok(target, 'the seed has an available agent');
    // Signed in through the embedding hook: the development sign-in lists the first agents only.
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
    const errors = watchErrors(page);
    await page.addInitScript(`
      window.switchboardConsole = {
        getToken: async () => {
          const response = await fetch('/console/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ role: 'agent', agentId: '${target}', subject: 'agent-handoff' }) });
          return response.json();
        },
      };
    `);
    await page.goto(`${gatewayUrl}/console`);
    await page.waitForSelector('body[data-ready="true"][data-connection="online"]', WAIT);
    await page.waitForTimeout(500);
    // The gateway now serving (an earlier test restarts it).
    const gateway = restarted ?? stack.gateway;
    const { key } = await gateway.store.createApiKey(`console-bot-${randomUUID().slice(0, 6)}`, ['customers:read', 'conversations:write', 'handoffs:write']);
    const bot = <T,>(query: string, variables: Record<string, unknown>) => postGraphQL<T>(gateway.graphqlUrl, query, variables, { 'x-api-key': key });
    const started = await bot<{ startConversation: { id: string } }>('mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }', {
      input: {
        idempotencyKey: `console-${randomUUID()}`,
        channel: 'WEB_CHAT',
        customerId: caller.id,
        messages: [
          { id: 'm1', from: 'CUSTOMER', text: 'Can I get 20 more seats?' },
          { id: 'm2', from: 'BOT', text: 'Let me find a colleague for you.' },
        ],
      },
    });
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const requested = await bot<{ requestHandoff: { id: string } }>('mutation($input: RequestHandoffInput!) { requestHandoff(input: $input) { id } }', {
      input: { idempotencyKey: `console-${randomUUID()}`, queueId: agents.data!.queues[0]!.id, reason: 'Purchase intent: needs sales', conversationId: started.data!.startConversation.id, customerId: caller.id, intent: 'purchase_intent' },
    });
    assert.equal(requested.errors, undefined, JSON.stringify(requested.errors));
    const routed = await stack.query<{ handoff: { offeredTo: { id: string } | null } }>('query($id: ID!) { handoff(id: $id) { offeredTo { id } } }', { id: requested.data!.requestHandoff.id });
    assert.equal(routed.data!.handoff.offeredTo?.id, target);
    const card = page.locator(`article.handoff[data-handoff-id="${requested.data!.requestHandoff.id}"]`);
    await card.locator('[data-field="name"]').waitFor(WAIT);
    assert.equal(await card.locator('[data-field="name"]').innerText(), caller.displayName);
    assert.match(await card.locator('[data-field="reason"]').innerText(), /Purchase intent: needs sales/);
    assert.deepEqual(await card.locator('[data-section="transcript"] li').allInnerTexts(), ['Customer: Can I get 20 more seats?', 'Bot: Let me find a colleague for you.']);
    assert.equal(await card.getAttribute('data-status'), 'OFFERED');
    await screenshot(page, 'agent-handoff');
    await card.locator('button[data-action="accept"]').click();
    await page.waitForSelector(`article.handoff[data-handoff-id="${requested.data!.requestHandoff.id}"][data-status="ACCEPTED"]`, WAIT);
    assert.equal(await card.locator('button[data-action="accept"]').count(), 0, 'nothing left to answer');
    const after = await stack.query<{ handoff: { status: string; acceptedBy: { id: string } | null } }>('query($id: ID!) { handoff(id: $id) { status acceptedBy { id } } }', { id: requested.data!.requestHandoff.id });
    assert.deepEqual(after.data!.handoff, { status: 'ACCEPTED', acceptedBy: { id: target } });
    assert.deepEqual(errors.all, []);
    await page.close();
  });

  it('shows the wallboard: today’s KPIs refreshed on events, queue and agent states, the hourly chart', async () => {
    const { page, errors } = await openAs('supervisor');
    await page.waitForSelector('.wallboard[data-refreshes]', WAIT);
    const offered = async () => Number(await page.locator('[data-kpi="offered"] .value').innerText());
    const waiting = async () => Number(await page.locator('[data-queue="q_console"] [data-field="waiting"]').innerText());
    const first = await offered();
    const waitingBefore = await waiting();
    assert.ok(Number.isInteger(first) && first > 0, `offered today: ${first}`);
    const callId = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(callId, caller.e164);
    await waitFor(async () => (await offered()) === first + 1);
    assert.equal(await waiting(), waitingBefore + 1);
    assert.match(await page.locator('[data-kpi="serviceLevel"] .value').innerText(), /%|—/);
    assert.equal(await page.locator('.chart canvas').count(), 1);
    assert.ok((await page.locator('[data-agent] ').count()) > 0);
    await screenshot(page, 'wallboard');
    assert.deepEqual(errors.all, []);
    await page.close();
  });

  it('with the ticket system down, shows a banner and the rest of the pop', async () => {
    const { page, errors } = await openAs('agent', AGENT);
    await stack.tickets.server.close();
    const callId = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(callId, caller.e164);
    const card = pop(page, callId);
    await card.locator('[data-field="name"]').waitFor(WAIT);
    await page.locator('[data-banner="unavailable"][data-systems~="tickets"]').waitFor(WAIT);
    assert.match(await page.locator('[data-banner="unavailable"]').innerText(), /Ticket system unavailable/);
    assert.equal(await card.locator('[data-section="openTickets"]').getAttribute('data-unavailable'), 'true');
    assert.ok((await card.locator('[data-section="orders"] li').count()) > 0, 'orders still shown');
    assert.equal(await card.locator('[data-field="tier"]').getAttribute('data-tier'), caller.tier);
    await screenshot(page, 'agent-tickets-down');
    // The ticket system comes back: the card fills in and the banner goes by itself.
    restartedTickets = stack.tickets.server = await createTicketsServer({
      source: stack.tickets.source,
      port: Number(new URL(stack.tickets.server.url).port),
    });
    await card.locator('[data-section="openTickets"]:not([data-unavailable]) li').first().waitFor(WAIT);
    await page.locator('[data-banner="unavailable"]').waitFor({ state: 'detached', ...WAIT });
    assert.deepEqual(errors.unexpected(), []);
    await page.close();
  });

  it('keeps its pops through a cut between the gateway and the call center, with no event lost', async () => {
    const { page, errors } = await openAs('agent', AGENT);
    const first = `call_console_${randomUUID().slice(0, 8)}`;
    const second = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(first, caller.e164);
    await pop(page, first).locator('[data-field="name"]').waitFor(WAIT);
    // The call center restarts on its port over the same store: the gateway's upstream stream
    // is cut; events arriving right after it is back must still reach the agent.
    const port = Number(new URL(stack.callcenter.server.url).port);
    await stack.callcenter.server.close();
    restartedCallCenter = stack.callcenter.server = await createCallCenterServer({
      source: stack.callcenter.store as Parameters<typeof createCallCenterServer>[0]['source'],
      port,
      outbox: { dispatcher: false },
    });
    await cti({ callId: first, type: 'ANSWERED', agentId: AGENT });
    await offer(second, caller.e164);
    await pop(page, second).locator('[data-field="name"]').waitFor(WAIT);
    await pop(page, first).locator('[data-field="state"]', { hasText: 'Connected' }).waitFor(WAIT);
    const third = `call_console_${randomUUID().slice(0, 8)}`;
    await offer(third, caller.e164);
    await pop(page, third).waitFor({ timeout: 10_000 });
    assert.deepEqual(errors.unexpected(), []);
    await page.close();
  });
});

/** GET with a Host header of our choosing (fetch does not let one set it). */
function getWithHost(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A seeded customer whose number identifies only them, with tags, an email, open tickets and orders. */
async function findCaller(stack: Stack): Promise<Caller> {
  const result = await stack.query<{ customers: { nodes: (Omit<Caller, 'e164'> & { emails: string[] | null; phones: { e164: string }[]; openTickets: { totalCount: number } | null; orders: { totalCount: number } | null })[] } }>(
    '{ customers(first: 100) { nodes { id displayName tier tags emails phones { e164 } openTickets: tickets(status: [NEW, OPEN, PENDING], first: 1) { totalCount } orders(first: 1) { totalCount } } } }',
  );
  for (const customer of result.data?.customers.nodes ?? []) {
    if (!customer.tags?.length || !customer.emails?.length || !customer.openTickets?.totalCount || !customer.orders?.totalCount || !customer.phones[0]) continue;
    const e164 = customer.phones[0].e164;
    const identified = await stack.query<{ identifyCaller: { status: string } }>('query($p: String!) { identifyCaller(phone: $p) { status } }', { p: e164 });
    if (identified.data?.identifyCaller.status === 'SINGLE') return { id: customer.id, displayName: customer.displayName, tier: customer.tier, tags: customer.tags, e164 };
  }
  throw new Error('no suitable seeded caller');
}

/** A seeded number that several customers share (identifyCaller: MULTIPLE). */
async function findSharedNumber(stack: Stack): Promise<string> {
  const result = await stack.query<{ customers: { nodes: { phones: { e164: string }[] }[] } }>('{ customers(first: 100) { nodes { phones { e164 } } } }');
  const seen = new Map<string, number>();
  for (const customer of result.data?.customers.nodes ?? []) for (const phone of customer.phones) seen.set(phone.e164, (seen.get(phone.e164) ?? 0) + 1);
  for (const [e164] of seen) {
    const identified = await stack.query<{ identifyCaller: { status: string } }>('query($p: String!) { identifyCaller(phone: $p) { status } }', { p: e164 });
    if (identified.data?.identifyCaller.status === 'MULTIPLE') return e164;
  }
  throw new Error('no shared number in the seed');
}
