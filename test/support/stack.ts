/**
 * Starts the whole product for a test, the way a user runs it but in one process: three
 * real subgraph servers over real SQLite files in a temporary directory, seeded with the
 * deterministic demo generator, and the real gateway in front, all on ephemeral ports.
 * `close()` stops everything and deletes the files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { createCallCenterServer, type CallCenterServerOptions, type RunningCallCenter } from '../../subgraphs/callcenter/server.js';
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import type { CallEventsOptions } from '../../subgraphs/callcenter/events/runtime.js';
import { createCrmServer } from '../../subgraphs/crm/server.js';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import { crmSourceConfig } from '../../subgraphs/crm/source/config.js';
import { openMappedSqlCrmSource } from '../../subgraphs/crm/source/sql-mapped/open.js';
import { seedStore } from '../../subgraphs/devdata/seed/load.js';
import type { RunningServer } from '../../subgraphs/shared/subgraph-server.js';
import type { Database, DatabaseConfig } from '../../subgraphs/shared/database.js';
import { bearer, type TestRole } from './viewers.js';
import { createTicketsServer } from '../../subgraphs/tickets/server.js';
import type { DispatcherOptions } from '../../subgraphs/callcenter/outbox/dispatcher.js';
import { openEmbeddedTicketsSource } from '../../subgraphs/tickets/source/embedded/open.js';
import type { TicketsSource } from '../../subgraphs/tickets/source/port.js';
import { SqlTicketStore } from '../../subgraphs/tickets/source/embedded/sql-store.js';

/** The data set's fixed "now", so every run sees the same data. */
export const TEST_ANCHOR = '2026-11-01T00:00:00.000Z';
export const TEST_SEED = 7;

export interface RunningSubgraph {
  server: RunningServer;
  store: { database: Pick<Database<unknown>, 'statementCount' | 'onStatement'>; close(): Promise<void> };
}

export interface Stack {
  gateway: RunningGateway;
  crm: RunningSubgraph;
  callcenter: RunningSubgraph & { server: RunningCallCenter };
  /** The gateway's graphql-ws URL. */
  wsUrl: string;
  /**
   * The tickets subgraph over its configured source (`source`); `store` is that source when it
   * is the embedded store (statement counts), null over an external ticket system (RT).
   */
  tickets: { server: RunningServer; source: TicketsSource; store: RunningSubgraph['store'] | null };
  /**
   * Starts a new CRM server on the port of the first one, over the same store (after a test
   * closed `crm.server` to simulate an outage); `crm.server` is the new one afterwards.
   */
  restartCrm(): Promise<void>;
  /**
   * POSTs an operation to the gateway and returns the HTTP status and parsed body. Sent as
   * an admin unless `headers` say otherwise (`{}` sends no credentials at all).
   */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** As `query`, with a development token for `role`. */
  queryAs<T = Record<string, unknown>>(role: TestRole, query: string, variables?: Record<string, unknown>, token?: Parameters<typeof bearer>[1]): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function postGraphQL<T>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export interface StackOptions {
  customers?: number;
  subgraphTimeoutMs?: number;
  /** Replace a subgraph's URL (for example with a server that never answers). */
  subgraphUrls?: Record<string, string>;
  /** Serve this supergraph file instead of `schema/supergraph.graphql`. */
  supergraphPath?: string;
  /** Environment for the gateway's configuration (on top of the process's). */
  gatewayEnv?: NodeJS.ProcessEnv;
  /**
   * The CRM's source settings (`CRM_SOURCE`, `CRM_SQL_URL`, `CRM_SQL_MAPPING_FILE`, …; only
   * these, not the process's): the seeded embedded store when unset. A `sql-mapped` CRM is
   * served as it is (nothing seeded into it); the call center and tickets are seeded as usual.
   */
  crmEnv?: NodeJS.ProcessEnv;
  /** Where the embedded CRM store lives (a `tempPostgresSchema` config, say); default a SQLite file of the stack. */
  crmDatabase?: DatabaseConfig;
  /** Live-event settings of the call center (for example Redis for several instances). */
  callEvents?: CallEventsOptions;
  /** Bot hand-off settings of the call center (timeout, sweep interval). */
  handoffs?: CallCenterServerOptions['handoffs'];
  /**
   * Run the call-log outbox's dispatcher, with an API key created for the service account
   * `call-log` (subject `service:call-log`) in the gateway's store. Without it no dispatcher runs.
   */
  /**
   * Environment choosing the tickets subgraph's source (`TICKETS_SOURCE=rt`, `RT_URL`, … as
   * `test/support/rt/rt-server.ts` gives it). Default: the embedded SQLite store, seeded. An
   * external source is not seeded: its tickets are whatever the test puts there.
   */
  ticketsEnv?: NodeJS.ProcessEnv;
  callLog?: {
    dispatcher?: Partial<Omit<DispatcherOptions, 'apiKey' | 'gatewayUrl'>>;
    callbackDispositions?: string[];
    callbackQueues?: string[];
  };
}

/** The scopes of the call-log service account (as `npm start` creates it). */
export const CALL_LOG_SCOPES = ['customers:read', 'customers:write', 'tickets:write'];

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
  const seed = { customers: options.customers ?? 300, seed: TEST_SEED, anchor: TEST_ANCHOR };
  const started: { close(): Promise<void> }[] = [];
  try {
    const crmConfig = crmSourceConfig(options.crmEnv ?? {});
    if (crmConfig.kind === 'hubspot') throw new Error('startStack serves the embedded or a sql-mapped CRM (the HubSpot adapter has its contract tests).');
    const crmStore =
      crmConfig.kind === 'sql-mapped'
        ? await openMappedSqlCrmSource(crmConfig.url, crmConfig.mapping)
        : await openEmbeddedCrmStore(options.crmDatabase ?? { driver: 'sqlite', file: join(dir, 'crm.sqlite') });
    started.push(crmStore);
    const callStore = await openCallCenterSource({ driver: 'sqlite', file: join(dir, 'callcenter.sqlite') });
    started.push(callStore);
    const ticketStore = await openTicketSource(options.ticketsEnv, join(dir, 'tickets.sqlite'));
    started.push(ticketStore);
    await Promise.all([
      ...('loadSeed' in crmStore ? [seedStore(crmStore, 'crm', seed)] : []),
      seedStore(callStore, 'callcenter', seed),
      ticketStore instanceof SqlTicketStore ? seedStore(ticketStore, 'tickets', seed) : Promise.resolve(),
    ]);
    const crmServer = await createCrmServer({ source: crmStore, port: 0 });
    started.push(crmServer);
    const callServer = await createCallCenterServer({
      source: callStore,
      port: 0,
      callEvents: options.callEvents,
      handoffs: options.handoffs,
      outbox: { dispatcher: false, callbackDispositions: options.callLog?.callbackDispositions, callbackQueues: options.callLog?.callbackQueues },
    });
    started.push(callServer);
    const ticketServer = await createTicketsServer({ source: ticketStore, port: 0 });
    started.push(ticketServer);
    const gateway = await startGateway({
      // The webhook dispatcher polls the subgraphs' outboxes in the background (statements a
      // test counting them would see): on only when a test asks (`SWITCHBOARD_WEBHOOKS: 'true'`).
      ...gatewayConfig({ ...process.env, SWITCHBOARD_DATA_DIR: dir, SWITCHBOARD_API_KEY_CACHE_MS: '0', SWITCHBOARD_WEBHOOKS: 'false', ...options.gatewayEnv }),
      ...(options.supergraphPath ? { supergraphPath: options.supergraphPath } : {}),
      port: 0,
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? 3000,
      subgraphUrls: {
        crm: crmServer.graphqlUrl,
        callcenter: callServer.graphqlUrl,
        tickets: ticketServer.graphqlUrl,
        ...options.subgraphUrls,
      },
    });
    started.push(gateway);
    if (options.callLog) {
      const { key } = await gateway.store.createApiKey('call-log', CALL_LOG_SCOPES);
      await callServer.outbox.startDispatcher({ ...options.callLog.dispatcher, gatewayUrl: gateway.graphqlUrl, apiKey: key });
    }
    const crmPort = Number(new URL(crmServer.url).port);
    const stack: Stack = {
      gateway,
      crm: { server: crmServer, store: crmStore },
      callcenter: { server: callServer, store: callStore },
      wsUrl: gateway.graphqlUrl.replace(/^http/, 'ws'),
      tickets: { server: ticketServer, source: ticketStore, store: ticketStore instanceof SqlTicketStore ? ticketStore : null },
      async restartCrm() {
        const server = await createCrmServer({ source: crmStore, port: crmPort });
        started.push(server);
        stack.crm.server = server;
      },
      query: async (query, variables, headers) => postGraphQL(gateway.graphqlUrl, query, variables, headers ?? { authorization: await bearer('admin') }),
      queryAs: async (role, query, variables, token) => postGraphQL(gateway.graphqlUrl, query, variables, { authorization: await bearer(role, token) }),
      async close() {
        await closeAll(started);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return stack;
  } catch (error) {
    await closeAll(started);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The embedded store in `file`, or the source `env` configures. The configured path (zod, the RT
 * adapter) is imported only when asked for: stacks without it start exactly as before.
 */
async function openTicketSource(env: NodeJS.ProcessEnv | undefined, file: string): Promise<TicketsSource> {
  if (env === undefined) return openEmbeddedTicketsSource({ driver: 'sqlite', file });
  const [{ ticketsSourceConfig }, { openTicketsSource }] = await Promise.all([import('../../subgraphs/tickets/source/config.js'), import('../../subgraphs/tickets/source/open.js')]);
  return openTicketsSource(ticketsSourceConfig(env, { driver: 'sqlite', file }));
}

async function closeAll(started: { close(): Promise<void> }[]): Promise<void> {
  // Servers first (reverse start order), then stores; a server closed twice is fine.
  for (const item of [...started].reverse()) {
    await item.close().catch(() => undefined);
  }
}
