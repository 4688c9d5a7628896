/**
 * A small hand-made call-center data set for the tests, plus helpers to open a store on
 * a temporary SQLite file or a throw-away PostgreSQL schema (see `test/support/databases.ts`).
 */
import { openCallCenterSource } from '../../subgraphs/callcenter/source/open.js';
import type { SqlCallCenterStore } from '../../subgraphs/callcenter/source/sql-store.js';
import type { AgentRecord, CallCenterSeed, CallRecord, QueueRecord } from '../../subgraphs/callcenter/source/records.js';
import { tempPostgresSchema, tempSqlite, type TempDatabase } from '../support/databases.js';

/** Customer A has two numbers; B one; C one without any call. */
export const A1 = '+8613800138000';
export const A2 = '+8613900139000';
export const B1 = '+8613700000049';
export const C1 = '+8675512345678';
const CENTER = '+862112345678';

export const agents: AgentRecord[] = [
  { id: 'agt_001', name: 'Ada Li', team: 'team-bj', presence: 'AVAILABLE' },
  { id: 'agt_002', name: 'Bo Wang', team: 'team-sh', presence: 'BUSY' },
  { id: 'agt_003', name: 'Chen Yu', team: 'team-bj', presence: 'OFFLINE' },
];

export const queues: QueueRecord[] = [
  { id: 'q_sales', name: 'Sales' },
  { id: 'q_support', name: 'Support' },
];

function call(overrides: Partial<CallRecord> & Pick<CallRecord, 'id' | 'startedAt'>): CallRecord {
  const inbound = (overrides.direction ?? 'INBOUND') === 'INBOUND';
  const customerNumber = overrides.customerNumber === undefined ? null : overrides.customerNumber;
  return {
    direction: 'INBOUND',
    from: inbound ? customerNumber : CENTER,
    to: inbound ? CENTER : (customerNumber ?? CENTER),
    customerNumber,
    state: 'ENDED',
    queueId: null,
    agentId: null,
    parentCallId: null,
    answeredAt: null,
    endedAt: null,
    waitSeconds: 0,
    talkSeconds: 0,
    holdSeconds: 0,
    wrapUpSeconds: 0,
    disposition: 'ANSWERED',
    recordingRef: null,
    recordingSeconds: null,
    ...overrides,
  };
}

export const calls: CallRecord[] = [
  call({
    id: 'call_0000001', customerNumber: A1, startedAt: '2026-11-01T09:00:00.000Z', answeredAt: '2026-11-01T09:00:12.000Z',
    endedAt: '2026-11-01T09:02:12.000Z', waitSeconds: 12, talkSeconds: 120, wrapUpSeconds: 30, agentId: 'agt_001',
    queueId: 'q_sales', recordingRef: 'rec/2026/11/01/call_0000001.wav', recordingSeconds: 120,
  }),
  call({
    id: 'call_0000002', direction: 'OUTBOUND', customerNumber: A2, startedAt: '2026-11-02T10:00:00.000Z',
    answeredAt: '2026-11-02T10:00:05.000Z', endedAt: '2026-11-02T10:05:05.000Z', talkSeconds: 300, agentId: 'agt_002',
  }),
  call({
    id: 'call_0000003', customerNumber: A1, startedAt: '2026-11-03T08:00:00.000Z', answeredAt: '2026-11-03T08:00:20.000Z',
    endedAt: '2026-11-03T08:04:00.000Z', waitSeconds: 20, talkSeconds: 220, agentId: 'agt_001', queueId: 'q_support',
    disposition: 'TRANSFERRED',
  }),
  call({
    id: 'call_0000004', customerNumber: A1, startedAt: '2026-11-03T08:04:00.000Z', answeredAt: '2026-11-03T08:04:10.000Z',
    endedAt: '2026-11-03T08:10:00.000Z', waitSeconds: 10, talkSeconds: 350, holdSeconds: 30, agentId: 'agt_002',
    queueId: 'q_support', parentCallId: 'call_0000003',
  }),
  call({
    id: 'call_0000005', customerNumber: A2, startedAt: '2026-11-04T12:00:00.000Z', endedAt: '2026-11-04T12:00:40.000Z',
    waitSeconds: 40, queueId: 'q_sales', disposition: 'ABANDONED',
  }),
  // Same start as call_0000005: the id breaks the tie (newest first means id DESC).
  call({
    id: 'call_0000006', customerNumber: A2, startedAt: '2026-11-04T12:00:00.000Z', endedAt: '2026-11-04T12:00:30.000Z',
    waitSeconds: 30, queueId: 'q_sales', agentId: 'agt_003', disposition: 'MISSED',
  }),
  call({ id: 'call_0000007', customerNumber: B1, startedAt: '2026-10-01T07:00:00.000Z', agentId: 'agt_003', queueId: 'q_sales' }),
  // Withheld number: no customer side.
  call({ id: 'call_0000008', customerNumber: null, from: null, startedAt: '2026-11-05T11:00:00.000Z', disposition: 'ABANDONED' }),
  // Still going on.
  call({
    id: 'call_0000009', customerNumber: B1, startedAt: '2026-11-06T15:00:00.000Z', answeredAt: '2026-11-06T15:00:03.000Z',
    state: 'CONNECTED', disposition: null, agentId: 'agt_001', queueId: 'q_support', waitSeconds: 3,
  }),
];

/** Newest first, as Customer A's calls must come out. */
export const A_CALLS_NEWEST_FIRST = ['call_0000006', 'call_0000005', 'call_0000004', 'call_0000003', 'call_0000002', 'call_0000001'];

/** Customers for the batching tests: `bulkNumber(i)` has three calls, each with an agent and a queue. */
export const BULK_CUSTOMERS = 50;
export const bulkNumber = (i: number) => `+86139${String(10_000 + i).padStart(8, '0')}`;
const bulkCalls: CallRecord[] = Array.from({ length: BULK_CUSTOMERS * 3 }, (_, n) => {
  const customer = Math.floor(n / 3);
  return call({
    id: `call_${String(1_000 + n).padStart(7, '0')}`,
    customerNumber: bulkNumber(customer),
    startedAt: new Date(Date.UTC(2026, 9, 1 + (n % 3), 8, customer)).toISOString(),
    agentId: agents[n % agents.length]!.id,
    queueId: queues[n % queues.length]!.id,
  });
});

export const fixture: CallCenterSeed = { agents, queues, calls: [...calls, ...bulkCalls] };

export interface OpenedStore {
  store: SqlCallCenterStore;
  /** Closes the store and removes its file or schema. */
  dispose(): Promise<void>;
}

async function openStore(database: TempDatabase): Promise<OpenedStore> {
  let store: SqlCallCenterStore;
  try {
    store = await openCallCenterSource(database.config);
  } catch (error) {
    await database.cleanup();
    throw error;
  }
  return {
    store,
    async dispose() {
      await store.close();
      await database.cleanup();
    },
  };
}

export async function openSqliteStore(): Promise<OpenedStore> {
  return openStore(await tempSqlite('callcenter'));
}

export async function openPostgresStore(): Promise<OpenedStore> {
  return openStore(await tempPostgresSchema('callcenter_test'));
}

/** Runs `fn` and returns how many SQL statements it executed on `store`. */
export async function countStatements<T>(store: SqlCallCenterStore, fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = store.database.onStatement((statement) => statements.push(statement));
  try {
    return { result: await fn(), statements };
  } finally {
    stop();
  }
}
