/**
 * Before timing: the same requests to every gateway, and their responses compared (HTTP
 * status and body, object keys and the `errors` list in a canonical order). Queries are
 * compared exactly. Mutations are compared exactly where the same request is meaningful
 * three times (createTicket with one idempotency key: created once, replayed twice; a
 * forbidden status move: refused three times); where it is not (moving three tickets that
 * start in the same status, adding the same note three times), each gateway gets its own
 * request and only the new objects' `id` is left out of the comparison.
 */
import { postJson } from './dataset.js';
import {
  ADD_CUSTOMER_NOTE,
  CHANGE_TICKET_STATUS,
  CREATE_TICKET,
  CUSTOMER_LIST,
  CUSTOMER_VIEW,
  NEXT_STATUS,
  WORKLOADS,
  type BenchInputs,
  type RequestBody,
  type Workload,
} from './workloads.js';

export interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
}

export interface Difference {
  workload: Workload;
  request: string;
  between: string;
  details: string[];
}

export interface CheckReport {
  /** Requests compared per workload. */
  compared: Record<Workload, number>;
  differences: Difference[];
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = canonical((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

function normalise(status: number, body: Record<string, unknown>, maskIds: boolean): unknown {
  const copy = canonical(body) as Record<string, unknown>;
  if (Array.isArray(copy.errors)) copy.errors = copy.errors.map((e) => JSON.stringify(e)).sort().map((e) => JSON.parse(e) as unknown);
  if (maskIds && copy.data && typeof copy.data === 'object') {
    for (const result of Object.values(copy.data as Record<string, unknown>)) {
      if (result && typeof result === 'object' && 'id' in result) (result as Record<string, unknown>).id = '<id>';
    }
  }
  return { status, ...copy };
}

/** The paths where two values differ (at most `limit`). */
function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 6): string[] {
  if (out.length >= limit) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}${Array.isArray(a) ? `[${key}]` : `.${key}`}`, out, limit);
    return out;
  }
  const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 300));
  out.push(`${path || '(root)'}: ${show(a)}  vs  ${show(b)}`);
  return out;
}

async function send(target: Target, body: RequestBody): Promise<{ status: number; body: Record<string, unknown> }> {
  const { status, body: parsed } = await postJson<unknown>(target.url, body, target.headers);
  return { status, body: parsed as Record<string, unknown> };
}

function describe(body: RequestBody): string {
  return `${body.operationName} ${JSON.stringify(body.variables)}`;
}

/**
 * Runs the check. Tickets used by the mutation check are removed from `inputs.tickets` (their
 * status changed), so the mutation workload does not cycle them from a wrong status.
 */
export async function checkResponses(targets: Target[], inputs: BenchInputs, samples = 20): Promise<CheckReport> {
  const report: CheckReport = { compared: { 'view-varied': 0, 'view-hot': 0, 'list-50': 0, mutations: 0 }, differences: [] };
  const compare = (workload: Workload, request: string, results: { label: string; value: unknown }[]) => {
    report.compared[workload] += 1;
    const [first, ...rest] = results;
    for (const other of rest) {
      const details = differences(first!.value, other.value);
      if (details.length > 0) report.differences.push({ workload, request, between: `${first!.label} vs ${other.label}`, details });
    }
  };
  const sameRequest = async (workload: Workload, body: RequestBody) => {
    const results = [];
    for (const target of targets) {
      const { status, body: response } = await send(target, body);
      results.push({ label: target.label, value: normalise(status, response, false) });
    }
    compare(workload, describe(body), results);
  };

  for (const workload of WORKLOADS) {
    if (workload === 'view-varied') {
      for (const phone of inputs.phones.slice(0, samples)) await sameRequest(workload, { operationName: 'CustomerView', query: CUSTOMER_VIEW, variables: { phone } });
    } else if (workload === 'view-hot') {
      await sameRequest(workload, { operationName: 'CustomerView', query: CUSTOMER_VIEW, variables: { phone: inputs.hotPhone } });
    } else if (workload === 'list-50') {
      for (const after of inputs.listCursors.slice(0, 3)) await sameRequest(workload, { operationName: 'CustomerList', query: CUSTOMER_LIST, variables: { after } });
    } else {
      const customerId = inputs.customerIds[0]!;
      const key = `bench-check-${Date.now()}`;
      await sameRequest(workload, {
        operationName: 'CreateTicket',
        query: CREATE_TICKET,
        variables: { input: { idempotencyKey: key, requesterId: customerId, subject: 'Benchmark check', priority: 'HIGH', channel: 'PHONE' } },
      });
      // Three tickets in the same status, one per gateway; the first is also refused a forbidden move.
      const status = inputs.tickets[0]?.status ?? 'OPEN';
      const used = inputs.tickets.filter((t) => t.status === status).slice(-targets.length);
      if (used.length === targets.length) {
        inputs.tickets = inputs.tickets.filter((t) => !used.includes(t));
        await sameRequest(workload, { operationName: 'ChangeTicketStatus', query: CHANGE_TICKET_STATUS, variables: { id: used[0]!.id, status: 'CLOSED' } });
        const moved = [];
        for (const [i, target] of targets.entries()) {
          const { status: httpStatus, body } = await send(target, { operationName: 'ChangeTicketStatus', query: CHANGE_TICKET_STATUS, variables: { id: used[i]!.id, status: NEXT_STATUS[status] } });
          moved.push({ label: target.label, value: normalise(httpStatus, body, true) });
        }
        compare(workload, `ChangeTicketStatus ${status} → ${NEXT_STATUS[status]} (one ticket per gateway)`, moved);
      }
      const notes = [];
      for (const target of targets) {
        const { status: httpStatus, body } = await send(target, { operationName: 'AddCustomerNote', query: ADD_CUSTOMER_NOTE, variables: { input: { customerId, body: 'Benchmark check note' } } });
        notes.push({ label: target.label, value: normalise(httpStatus, body, true) });
      }
      compare(workload, 'AddCustomerNote (one note per gateway)', notes);
    }
  }
  return report;
}
