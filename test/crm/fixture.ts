/**
 * A small hand-made CRM data set and helpers to run the real CRM server over it (on a
 * SQLite file in a temporary directory, see `test/support/databases.ts`).
 */
import { readPhoneNumber } from '../../subgraphs/shared/phone.js';
import type { RunningServer } from '../../subgraphs/shared/subgraph-server.js';
import { createCrmServer } from '../../subgraphs/crm/server.js';
import { openEmbeddedCrmStore } from '../../subgraphs/crm/source/embedded/open.js';
import type { SqlCrmStore } from '../../subgraphs/crm/source/embedded/store.js';
import type {
  ActivityRecord,
  CrmSeed,
  CustomerRecord,
  CustomerTier,
  OrderRecord,
  PhoneRecord,
  PhoneType,
} from '../../subgraphs/crm/source/records.js';
import { tempSqlite } from '../support/databases.js';
import { internalHeaders } from '../support/viewers.js';

export const CUSTOMER_COUNT = 60;
export const TIERS: CustomerTier[] = ['STANDARD', 'SILVER', 'GOLD', 'PLATINUM'];
/** The number two customer records share (cus_000002 and cus_000003). */
export const SHARED_NUMBER = '+8613900139000';

const hour = 3_600_000;
const base = Date.parse('2026-01-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function phone(raw: string, type: PhoneType): PhoneRecord {
  const reading = readPhoneNumber(raw);
  if (!reading.ok) throw new Error(`Fixture number ${raw} does not normalise: ${reading.message}`);
  return { raw, e164: reading.e164, extension: reading.extension, type };
}

export const customerId = (n: number) => `cus_${String(n).padStart(6, '0')}`;

function customer(n: number): CustomerRecord {
  // cus_000010 and cus_000011 share a creation time: the id breaks the tie.
  const createdAt = iso(base + (n === 11 ? 10 : n) * hour);
  const generic: CustomerRecord = {
    id: customerId(n),
    displayName: `Customer ${n}`,
    tier: TIERS[n % 4]!,
    status: 'ACTIVE',
    phones: [phone(`137 0000 ${String(n).padStart(4, '0')}`, 'MOBILE')],
    emails: [`customer${n}@mail.test`],
    company: null,
    tags: [],
    ownerId: n % 2 === 0 ? 'own_02' : 'own_01',
    nationalId: null,
    createdAt,
    updatedAt: createdAt,
    lastContactAt: null,
  };
  switch (n) {
    case 1:
      return {
        ...generic,
        displayName: 'Zhang Wei',
        tier: 'GOLD',
        phones: [phone('138 0013 8000', 'MOBILE'), phone('(010) 6552 9988', 'LANDLINE')],
        emails: ['zhang.wei@example.com'],
        company: { name: 'Acme Trading', industry: 'Retail' },
        tags: ['vip', 'wholesale'],
        nationalId: '110101199003070011',
        lastContactAt: '2026-03-01T08:00:00.000Z',
      };
    case 2:
      return { ...generic, displayName: 'Li Na', tier: 'PLATINUM', phones: [phone('+86 139 0013 9000', 'MOBILE')], emails: ['li.na@example.cn'] };
    case 3:
      return { ...generic, displayName: 'Wang Fang', tier: 'SILVER', phones: [phone('139-0013-9000', 'WORK')] };
    case 4:
      return { ...generic, displayName: '100% Organic', company: { name: 'Green_Leaf', industry: null } };
    default:
      return generic;
  }
}

function order(n: number, k: number): OrderRecord {
  const placedAt = iso(base + 1000 * hour + n * hour + k * 60_000);
  return {
    id: `ord_${String(n).padStart(6, '0')}_${String(k).padStart(2, '0')}`,
    customerId: customerId(n),
    number: `SO-${n}-${k}`,
    status: k % 2 === 0 ? 'DELIVERED' : 'PAID',
    total: `${100 + k}.50`,
    currency: 'CNY',
    placedAt,
    shipment:
      k % 2 === 0
        ? { carrier: 'SF Express', trackingNumber: `SF${n}${k}`, status: 'DELIVERED', shippedAt: placedAt, deliveredAt: placedAt }
        : null,
  };
}

function activity(n: number, k: number): ActivityRecord {
  const kind = k % 3;
  return {
    id: `act_${String(n).padStart(6, '0')}_${String(k).padStart(2, '0')}`,
    customerId: customerId(n),
    type: kind === 0 ? 'NOTE' : kind === 1 ? 'CALL_LOG' : 'CHAT_TRANSCRIPT',
    at: iso(base + 2000 * hour + n * hour + k * 60_000),
    author: kind === 1 ? 'agt_001' : 'own_01',
    body: kind === 0 ? `Note ${k} about customer ${n}` : null,
    callId: kind === 1 ? `call_${String(n * 100 + k).padStart(7, '0')}` : null,
    durationSeconds: kind === 1 ? 60 + k : null,
    agentId: kind === 1 ? 'agt_001' : null,
    disposition: kind === 1 ? 'ANSWERED' : null,
    recordingRef: null,
    messages: kind === 2 ? [{ from: 'customer', at: iso(base + 2000 * hour), text: 'Hello?' }] : null,
  };
}

/** Orders per customer: 12 for cus_000001, otherwise 0..3. Activities: 25 for cus_000001, otherwise 3. */
export const orderCount = (n: number) => (n === 1 ? 12 : n % 4);
export const activityCount = (n: number) => (n === 1 ? 25 : 3);

export function crmFixture(): CrmSeed {
  const numbers = Array.from({ length: CUSTOMER_COUNT }, (_, i) => i + 1);
  return {
    owners: [
      { id: 'own_01', name: 'Chen Jie', team: 'team-bj' },
      { id: 'own_02', name: 'Zhou Min', team: 'team-sh' },
    ],
    customers: numbers.map(customer),
    orders: numbers.flatMap((n) => Array.from({ length: orderCount(n) }, (_, k) => order(n, k))),
    activities: numbers.flatMap((n) => Array.from({ length: activityCount(n) }, (_, k) => activity(n, k))),
  };
}

// ---- a running CRM ---------------------------------------------------------------------

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface RunningCrm {
  server: RunningServer;
  store: SqlCrmStore;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  /** Runs `fn` and returns how many SQL statements ran meanwhile. */
  countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
  close(): Promise<void>;
}

export async function startCrm(seed: CrmSeed = crmFixture()): Promise<RunningCrm> {
  const database = await tempSqlite('crm');
  const store = await openEmbeddedCrmStore(database.config);
  let server: RunningServer | null = null;
  try {
    await store.loadSeed(seed);
    server = await createCrmServer({ source: store, port: 0 });
  } catch (error) {
    await store.close();
    await database.cleanup();
    throw error;
  }
  const running = server;
  return {
    server: running,
    store,
    async query<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(running.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await internalHeaders()), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    async countStatements(fn) {
      let statements = 0;
      const stop = store.database.onStatement(() => {
        statements += 1;
      });
      try {
        const result = await fn();
        return { result, statements };
      } finally {
        stop();
      }
    },
    async close() {
      await running.close();
      await store.close();
      await database.cleanup();
    },
  };
}

/** Expected order of a customer list: newest first, id breaking ties. */
export function newestFirst(customers: CustomerRecord[]): string[] {
  return [...customers]
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
    .map((c) => c.id);
}
