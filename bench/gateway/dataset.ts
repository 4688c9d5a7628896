/**
 * The benchmark's data: seeds the deterministic data set into a temporary directory (the
 * product's own `npm run seed` command, as a child process), then collects real inputs for
 * the workloads through a running gateway: one phone number per customer as the CRM spells
 * it, `after` cursors of list pages, customer ids and tickets whose status the mutation mix
 * can cycle.
 */
import { runNode } from './processes.js';
import { CUSTOMER_VIEW, type BenchInputs, type CycledStatus } from './workloads.js';

/** The data set's fixed "now", so every run seeds the same data. */
export const BENCH_ANCHOR = '2026-11-01T00:00:00.000Z';
export const BENCH_SEED = 7;

export async function seedDataset(customers: number, env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const out = await runNode(
    ['--import', 'tsx', 'subgraphs/devdata/seed/cli.ts', '--customers', String(customers), '--seed', String(BENCH_SEED), '--anchor', BENCH_ANCHOR],
    env,
    cwd,
    15 * 60_000,
  );
  return out.trim().split('\n').find((line) => line.startsWith('Done in')) ?? out.trim();
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string }[];
}

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: GraphQLBody<T> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: (await response.json()) as GraphQLBody<T> };
}

const PAGE = `query BenchInputs($after: String) {
  customers(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id phones { raw } tickets(status: [OPEN, PENDING, HOLD], first: 10) { nodes { id status } } }
  }
}`;

interface Page {
  customers: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; phones: { raw: string }[]; tickets: { nodes: { id: string; status: CycledStatus }[] } | null }[];
  };
}

interface View {
  identifyCaller: { status: string; candidates: { openTickets: { totalCount: number } | null; calls: { nodes: unknown[] } | null }[] };
}

/** Walks every customer through the gateway at `graphqlUrl` (as `headers`' caller). */
export async function collectInputs(graphqlUrl: string, headers: Record<string, string>, listPages = 40): Promise<BenchInputs> {
  const inputs: BenchInputs = { phones: [], hotPhone: '', listCursors: [null], customerIds: [], tickets: [] };
  let after: string | null = null;
  for (;;) {
    const { status, body }: Awaited<ReturnType<typeof postJson<Page>>> = await postJson<Page>(graphqlUrl, { query: PAGE, variables: { after } }, headers);
    if (status !== 200 || !body.data || body.errors) throw new Error(`collecting inputs failed (HTTP ${status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    const { pageInfo, nodes }: Page['customers'] = body.data.customers;
    for (const customer of nodes) {
      inputs.customerIds.push(customer.id);
      const phone = customer.phones[0]?.raw;
      if (phone) inputs.phones.push(phone);
      for (const ticket of customer.tickets?.nodes ?? []) inputs.tickets.push(ticket);
    }
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
    after = pageInfo.endCursor;
    if (inputs.listCursors.length < listPages) inputs.listCursors.push(after);
  }
  // Spread the walk over the whole data set rather than the first customers in id order.
  inputs.phones = interleave(inputs.phones);
  inputs.customerIds = interleave(inputs.customerIds);
  inputs.tickets = interleave(inputs.tickets);
  inputs.hotPhone = await pickHotPhone(graphqlUrl, headers, inputs.phones);
  return inputs;
}

/** A deterministic shuffle: every 97th element, then the next offset, and so on (97 is prime). */
function interleave<T>(list: T[]): T[] {
  const step = 97;
  const out: T[] = [];
  for (let offset = 0; offset < step; offset += 1) for (let i = offset; i < list.length; i += step) out.push(list[i]!);
  return out;
}

/** The first number identifying exactly one customer who has calls and open tickets. */
async function pickHotPhone(graphqlUrl: string, headers: Record<string, string>, phones: string[]): Promise<string> {
  for (const phone of phones.slice(0, 200)) {
    const { body } = await postJson<View>(graphqlUrl, { query: CUSTOMER_VIEW, variables: { phone } }, headers);
    const view = body.data?.identifyCaller;
    const candidate = view?.candidates[0];
    if (view?.status === 'SINGLE' && candidate && (candidate.calls?.nodes.length ?? 0) > 0 && (candidate.openTickets?.totalCount ?? 0) > 0) return phone;
  }
  const fallback = phones[0];
  if (!fallback) throw new Error('the data set has no phone numbers');
  return fallback;
}
