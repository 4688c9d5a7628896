/**
 * `npm start`: runs the three subgraphs and the gateway as separate processes, as they
 * would be deployed, on their configured ports (4001-4003 and 4000 by default). Each
 * subgraph seeds its embedded store with the demo data set on first start. Prints the URLs,
 * development tokens and an example operation once everything answers, then simulates
 * calls at a gentle rate so screen-pops happen (`--no-simulate` turns that off), and shuts
 * all of it down on Ctrl-C.
 *
 * From the sources (`npm start`) each process runs through tsx; from the build
 * (`node dist/gateway/start-stack.js`, `npm run start:prod`) each runs with plain node on its
 * compiled `.js` file, with no TypeScript at run time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { callEventsConfig, subgraphConfig } from '../subgraphs/shared/config.js';
import { runSimulator } from '../subgraphs/devdata/simulator/simulate.js';
import { secret } from '../subgraphs/shared/secrets.js';
import { EnvError, envValue, readEnv } from '../subgraphs/shared/env/read.js';
import { signDevToken } from './auth/token-cli.js';
import type { SubgraphName } from '../subgraphs/shared/subgraph-server.js';
import { gatewayConfig } from './config.js';
import { GatewayStore } from './store/gateway-store.js';

const STARTUP_TIMEOUT_MS = 180_000;
const SUBGRAPHS: SubgraphName[] = ['crm', 'callcenter', 'tickets'];
const children: { name: string; process: ChildProcess }[] = [];
let stopping = false;

/** True when this file is the compiled `dist/gateway/start-stack.js`, false when run from source by tsx. */
const COMPILED = import.meta.url.endsWith('.js');

/** node's arguments for an entry given as its source path relative to this file (`./index.ts`). */
function nodeArguments(entry: string): string[] {
  const file = fileURLToPath(new URL(COMPILED ? entry.replace(/\.ts$/, '.js') : entry, import.meta.url));
  return COMPILED ? [file] : ['--import', 'tsx', file];
}

function run(name: string, entry: string, env: NodeJS.ProcessEnv): void {
  const args = nodeArguments(entry);
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C reaches only this launcher, which stops
    // the simulator first (it ends its calls through the call center) and then each process once.
    detached: true,
  });
  const prefix = `[${name}]`.padEnd(13);
  console.log(`${prefix}node ${args.join(' ')} (pid ${child.pid})`);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) console.log(`${prefix}${line}`);
    });
  }
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${prefix}exited unexpectedly (${signal ?? `code ${code}`}); stopping everything.`);
    void stop(1);
  });
  children.push({ name, process: child });
}

async function waitForHealth(name: string, url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer on ${url}/health within ${STARTUP_TIMEOUT_MS / 1000} s.`);
}

const simulation = new AbortController();
/** The running simulator: on stop it ends its calls in progress, before the call center goes. */
let simulator: Promise<unknown> = Promise.resolve();
const SIMULATOR_STOP_MS = 5000;

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  simulation.abort();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([simulator, new Promise((resolve) => (timer = setTimeout(resolve, SIMULATOR_STOP_MS)))]);
  clearTimeout(timer);
  // The gateway first, so no request reaches a subgraph that is already closing; then the subgraphs.
  const stopChild = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const gatewayChild = children.find((c) => c.name === 'gateway');
  if (gatewayChild) await stopChild(gatewayChild.process);
  await Promise.all(children.filter((c) => c !== gatewayChild).map((c) => stopChild(c.process)));
  process.exit(exitCode);
}

/**
 * A number for the printed example: a GOLD customer the agent may see in full (their team's),
 * whose number identifies that one customer, so the example shows data, not refusals.
 */
async function examplePhone(graphqlUrl: string, agentToken: string): Promise<string> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
    body: JSON.stringify({ query: '{ customers(first: 100, tier: GOLD) { nodes { recordAccess phones { raw e164 } } } }' }),
  });
  const body = (await response.json()) as { data?: { customers: { nodes: { recordAccess: string | null; phones: { raw: string; e164: string }[] | null }[] } | null } };
  const candidates = (body.data?.customers?.nodes ?? []).filter((c) => c.recordAccess === 'FULL' && (c.phones?.length ?? 0) > 0);
  for (const candidate of candidates) {
    const phone = candidate.phones![0]!;
    const identified = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
      body: JSON.stringify({ query: 'query($p: String!) { identifyCaller(phone: $p) { status } }', variables: { p: phone.e164 } }),
    });
    const status = ((await identified.json()) as { data?: { identifyCaller: { status: string } | null } }).data?.identifyCaller?.status;
    if (status === 'SINGLE') return phone.raw;
  }
  return '135 6170 9456';
}

async function agentTeam(graphqlUrl: string, token: string, agentId: string): Promise<string> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query($id: ID!) { agent(id: $id) { team } }', variables: { id: agentId } }),
  });
  const body = (await response.json()) as { data?: { agent: { team: string } | null } };
  return body.data?.agent?.team ?? 'team-bj';
}

// Every process's variables at once, so a wrong one is named before anything starts.
try {
  readEnv(null);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const simulate = !process.argv.includes('--no-simulate') && envValue('SWITCHBOARD_SIMULATE');
// Should the launcher end without `stop` (an uncaught error), its processes go with it.
process.on('exit', () => {
  for (const { process: child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});
// Every signal: the first one stops, later ones (a second Ctrl-C) find `stopping` set.
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

// Development secrets are created once here, before four processes would race to create them.
if (!envValue('SWITCHBOARD_JWKS_URL')) secret('SWITCHBOARD_JWT_SECRET');
secret('SWITCHBOARD_INTERNAL_SECRET');
secret('SWITCHBOARD_PII_KEY');
secret('SWITCHBOARD_WEBHOOK_KEY');
const gateway = gatewayConfig();
const subgraphEnv: NodeJS.ProcessEnv = {
  // Readable lines, and only warnings and errors, so the printed tokens stay in view
  // (`LOG_LEVEL=info npm start` shows every request's access line).
  SWITCHBOARD_LOG_PRETTY: process.env.NODE_ENV === 'production' ? 'false' : 'true',
  LOG_LEVEL: 'warn',
  ...process.env,
};
for (const name of SUBGRAPHS) {
  const config = subgraphConfig(name);
  subgraphEnv[`${name.toUpperCase()}_URL`] ??= `http://${config.host}:${config.port}/graphql`;
}
// Call-log outbox: a development key for the call-log service account, given to the call
// center only (the previous run's key is revoked; only hashes are stored).
const CALL_LOG_ACCOUNT = 'call-log-dev';
const callCenterEnv: NodeJS.ProcessEnv = { ...subgraphEnv };
callCenterEnv.SWITCHBOARD_GATEWAY_URL ??= `http://${gateway.host}:${gateway.port}/graphql`;
if (!callCenterEnv.CALL_LOG_API_KEY) {
  const store = await GatewayStore.open(gateway.database);
  try {
    for (const old of await store.listApiKeys()) if (old.name === CALL_LOG_ACCOUNT && old.revokedAt === null) await store.revokeApiKey(old.id);
    callCenterEnv.CALL_LOG_API_KEY = (await store.createApiKey(CALL_LOG_ACCOUNT, ['customers:read', 'customers:write', 'tickets:write'])).key;
  } finally {
    await store.close();
  }
}
try {
  for (const name of SUBGRAPHS) run(name, `../subgraphs/${name}/index.ts`, name === 'callcenter' ? callCenterEnv : subgraphEnv);
  await Promise.all(
    SUBGRAPHS.map((name) => {
      const config = subgraphConfig(name);
      return waitForHealth(name, `http://${config.host}:${config.port}`);
    }),
  );
  run('gateway', './index.ts', subgraphEnv);
  const gatewayUrl = `http://${gateway.host}:${gateway.port}`;
  await waitForHealth('gateway', gatewayUrl);
  const adminToken = await signDevToken({ role: 'admin', sub: 'admin-1' });
  const team = await agentTeam(`${gatewayUrl}/graphql`, adminToken, 'agt_001');
  const agentToken = await signDevToken({ role: 'agent', sub: 'agent-1', team, agentId: 'agt_001' });
  const supervisorToken = await signDevToken({ role: 'supervisor', sub: 'supervisor-1', team });
  const phone = await examplePhone(`${gatewayUrl}/graphql`, agentToken);
  console.log(`
Switchboard is running.
  Gateway      ${gatewayUrl}/graphql   (open it in a browser for GraphiQL)
  Console      ${gatewayUrl}/console   (agent screen-pops and the supervisor wallboard)
  CRM          ${subgraphEnv.CRM_URL}
  Call center  ${subgraphEnv.CALLCENTER_URL}
  Tickets      ${subgraphEnv.TICKETS_URL}

Development tokens (8 h; more with \`npm run token -- --role <role> --sub <name>\`):
  agent (agt_001, ${team})  ${agentToken}
  supervisor (${team})      ${supervisorToken}
  admin                     ${adminToken}

Try the unified customer view as the agent:
  curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${agentToken}' \\
    -d '{"query":"query($phone: String!) { identifyCaller(phone: $phone) { status candidates { displayName tier phones { e164 type } openTickets: tickets(status: [NEW, OPEN, PENDING], first: 5) { totalCount } calls(first: 5) { nodes { startedAt state agent { name } } } orders(first: 3) { nodes { number status } } } } }","variables":{"phone":"${phone}"}}'

Watch live screen-pops for agt_001 (simulated calls arrive every few seconds):
  npm run watch -- --agent agt_001
${simulate ? '' : '(the call simulator is off: --no-simulate)\n'}
Ctrl-C stops everything.`);
  if (simulate) {
    const callcenter = subgraphConfig('callcenter');
    simulator = runSimulator({
      url: `http://${callcenter.host}:${callcenter.port}/webhooks/cti`,
      secret: callEventsConfig().webhookSecrets[0]!,
      ratePerMinute: 6,
      agents: 5,
      signal: simulation.signal,
      log: (line) => console.log(`[simulator]  ${line}`),
    }).catch((error: unknown) => console.error(`[simulator]  stopped: ${(error as Error).message}`));
  }
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}
