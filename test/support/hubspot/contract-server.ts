/**
 * A stand-in for HubSpot's CRM v3 API for the adapter's tests, on an ephemeral port. Every
 * request the adapter sends is checked against HubSpot's published OpenAPI documents
 * (`validator.ts`) before it is served, and every answer, fixtures included, before it is
 * sent; each violation is recorded in `violations` (the tests assert there are none) and
 * answered 400 (request) or 500 (response). Behind it: contacts, companies, notes, calls and
 * owners in memory, with the search semantics the adapter relies on (filter groups OR-ed,
 * filters AND-ed; EQ, IN, NOT_IN, GT(E)/LT(E) on dates; `associations.contact`; `query`; sorts as `[-]property`;
 * `after` as an offset), the bearer token it accepts (`token`, changeable: rotation), and
 * injected failures (`failNext`: 429 with `Retry-After`, 5xx).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nationalNumberOf, toE164 } from '../../../subgraphs/shared/phone.js';
import { loadSpecs } from './spec.js';
import { OpenApiValidator } from './validator.js';

export interface StoredObject {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  /** Contact ids this object is associated with (notes, calls). */
  contacts: string[];
}

export interface HubSpotOwner {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  teams: { id: string; name: string; primary: boolean }[];
}

export interface ContractServer {
  url: string;
  /** Every schema violation seen, request or response, with the operation it belongs to. */
  violations: string[];
  /** Requests served: method, path and status, in order. */
  log: { method: string; path: string; status: number }[];
  /** The access token accepted; set it to simulate a rotation. */
  token: string;
  objects: Record<'contacts' | 'companies' | 'notes' | 'calls', Map<string, StoredObject>>;
  owners: HubSpotOwner[];
  /** Milliseconds every answer is held back (a slow HubSpot). */
  delayMs: number;
  /** The next `count` requests fail with `status` (and `Retry-After: retryAfterSeconds` when given). */
  failNext(status: number, count: number, retryAfterSeconds?: number): void;
  /** Adds a contact (computing HubSpot's searchable phone copies). */
  addContact(id: string, properties: Record<string, string>, createdAt: string): void;
  close(): Promise<void>;
}

type ObjectType = 'contacts' | 'companies' | 'notes' | 'calls';

/** HubSpot's digits-only copy of a phone property: the national number, country code removed. */
function searchableCopy(raw: string | undefined): string {
  if (!raw) return '';
  const e164 = toE164(raw);
  return (e164 ? nationalNumberOf(e164) : null) ?? raw.replace(/\D/g, '');
}

function withSearchable(properties: Record<string, string>): Record<string, string> {
  return {
    ...properties,
    hs_searchable_calculated_phone_number: searchableCopy(properties.phone),
    hs_searchable_calculated_mobile_number: searchableCopy(properties.mobilephone),
  };
}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}

function matches(object: StoredObject, filter: Filter): boolean {
  const actual = filter.propertyName === 'associations.contact' ? object.contacts : [object.properties[filter.propertyName] ?? ''];
  switch (filter.operator) {
    case 'EQ':
      return actual.includes(filter.value ?? '');
    case 'IN':
      return actual.some((v) => (filter.values ?? []).includes(v));
    case 'NOT_IN':
      return !actual.some((v) => (filter.values ?? []).includes(v));
    case 'GTE':
    case 'GT':
    case 'LTE':
    case 'LT': {
      // Dates compare as instants: HubSpot takes epoch milliseconds for date properties.
      const instant = (v: string) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v));
      const [a, b] = [instant(actual[0] ?? ''), instant(filter.value ?? '')];
      return filter.operator === 'GTE' ? a >= b : filter.operator === 'GT' ? a > b : filter.operator === 'LTE' ? a <= b : a < b;
    }
    case 'HAS_PROPERTY':
      return actual.some((v) => v !== '');
    default:
      throw new Error(`the contract server does not implement operator ${filter.operator}`);
  }
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

const errorBody = (message: string, category: string) => ({ message, category, correlationId: randomUUID() });

export async function startContractServer(): Promise<ContractServer> {
  const validator = new OpenApiValidator(loadSpecs());
  const failures: { status: number; retryAfter?: number }[] = [];
  let nextId = 900_000;
  const now = () => new Date().toISOString();

  const state: ContractServer = {
    url: '',
    violations: [],
    log: [],
    token: 'pat-na1-initial-token',
    delayMs: 0,
    objects: { contacts: new Map(), companies: new Map(), notes: new Map(), calls: new Map() },
    owners: [],
    failNext(status, count, retryAfterSeconds) {
      for (let i = 0; i < count; i += 1) failures.push({ status, retryAfter: retryAfterSeconds });
    },
    addContact(id, properties, createdAt) {
      const modified = properties.lastmodifieddate ?? createdAt;
      state.objects.contacts.set(id, { id, properties: withSearchable({ ...properties, lastmodifieddate: modified, createdate: createdAt, hs_object_id: id }), createdAt, updatedAt: modified, archived: false, contacts: [] });
    },
    close: async () => undefined,
  };

  const publicObject = (o: StoredObject, properties?: string[]) => ({
    id: o.id,
    properties: Object.fromEntries(Object.entries(o.properties).filter(([k]) => !properties || properties.includes(k))),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    archived: o.archived,
  });

  function serve(method: string, path: string, params: Record<string, string>, query: URLSearchParams, body: unknown): { status: number; body?: unknown } {
    const objectType = /^\/crm\/v3\/objects\/(\w+)/.exec(path)?.[1] as ObjectType | undefined;
    const store = objectType ? state.objects[objectType] : undefined;
    if (method === 'GET' && path === '/crm/v3/owners') {
      const limit = Number(query.get('limit') ?? 100);
      const offset = Number(query.get('after') ?? 0);
      const page = state.owners.slice(offset, offset + limit);
      const stamp = '2026-01-01T00:00:00.000Z';
      return {
        status: 200,
        body: {
          results: page.map((o) => ({ ...o, type: 'PERSON', archived: false, createdAt: stamp, updatedAt: stamp })),
          ...(offset + limit < state.owners.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
        },
      };
    }
    if (!store) return { status: 404, body: errorBody(`No route for ${method} ${path}`, 'OBJECT_NOT_FOUND') };
    if (method === 'POST' && path.endsWith('/search')) {
      const request = body as { filterGroups: { filters: Filter[] }[]; query?: string; sorts: string[]; properties: string[]; limit: number; after: string };
      let found = [...store.values()].filter((o) => !o.archived);
      if (request.filterGroups.length > 0) found = found.filter((o) => request.filterGroups.some((g) => g.filters.every((f) => matches(o, f))));
      if (request.query) {
        const q = request.query.toLowerCase();
        found = found.filter((o) => ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'company', 'name'].some((k) => (o.properties[k] ?? '').toLowerCase().includes(q)));
      }
      for (const sort of [...request.sorts].reverse()) {
        const descending = sort.startsWith('-');
        const key = sort.replace(/^-/, '');
        const value = (o: StoredObject) => (key === 'createdate' ? o.createdAt : (o.properties[key] ?? ''));
        found.sort((a, b) => {
          const [x, y] = [value(a), value(b)];
          const order = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
          return descending ? -order : order;
        });
      }
      const offset = Number(request.after || 0);
      const limit = Math.min(request.limit, 200);
      const page = found.slice(offset, offset + limit);
      return {
        status: 200,
        body: {
          total: found.length,
          results: page.map((o) => publicObject(o, request.properties)),
          ...(offset + limit < found.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
        },
      };
    }
    if (method === 'POST' && path.endsWith('/batch/read')) {
      const request = body as { inputs: { id: string }[]; properties: string[] };
      const found = request.inputs.map((i) => store.get(i.id)).filter((o): o is StoredObject => o !== undefined && !o.archived);
      const missing = request.inputs.filter((i) => !store.has(i.id)).map((i) => i.id);
      const stamp = now();
      const result = { status: 'COMPLETE', results: found.map((o) => publicObject(o, request.properties)), startedAt: stamp, completedAt: stamp };
      if (missing.length === 0) return { status: 200, body: result };
      return {
        status: 207,
        body: {
          ...result,
          numErrors: 1,
          errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some objects, they may be deleted or not exist.', context: { ids: missing }, errors: [], links: {} }],
        },
      };
    }
    if (method === 'POST' && (objectType === 'notes' || objectType === 'calls') && !params.noteId && !params.callId) {
      const request = body as { properties: Record<string, string>; associations: { to: { id: string } }[] };
      const contacts = request.associations.map((a) => a.to.id);
      if (contacts.some((id) => !state.objects.contacts.has(id))) return { status: 400, body: errorBody('One or more associated objects do not exist.', 'VALIDATION_ERROR') };
      const id = String((nextId += 1));
      const stamp = now();
      const object: StoredObject = { id, properties: { ...request.properties, hs_object_id: id }, createdAt: stamp, updatedAt: stamp, archived: false, contacts };
      store.set(id, object);
      return { status: 201, body: publicObject(object) };
    }
    if (method === 'PATCH' && objectType === 'contacts') {
      const existing = store.get(params.contactId!);
      if (!existing) return { status: 404, body: errorBody(`Object not found. objectId are usually numeric.`, 'OBJECT_NOT_FOUND') };
      existing.updatedAt = now();
      existing.properties = withSearchable({ ...existing.properties, ...(body as { properties: Record<string, string> }).properties, lastmodifieddate: existing.updatedAt });
      return { status: 200, body: publicObject(existing) };
    }
    return { status: 404, body: errorBody(`The contract server does not serve ${method} ${path}`, 'OBJECT_NOT_FOUND') };
  }

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        state.log.push({ method, path: url.pathname, status });
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(body === undefined ? '' : JSON.stringify(body));
      };
      let body: unknown;
      try {
        body = await readBody(request);
      } catch {
        state.violations.push(`${method} ${url.pathname}: the body is not JSON`);
        return send(400, errorBody('Invalid JSON', 'VALIDATION_ERROR'));
      }
      const match = validator.match(method, url.pathname);
      if (!match) {
        state.violations.push(`${method} ${url.pathname}: HubSpot publishes no such operation`);
        return send(404, errorBody('Not found', 'OBJECT_NOT_FOUND'));
      }
      const problems = validator.checkRequest(match, url.searchParams, body);
      if (problems.length > 0) {
        state.violations.push(...problems.map((p) => `${method} ${match.template}: ${p}`));
        return send(400, errorBody(problems.join('; '), 'VALIDATION_ERROR'));
      }
      let answer: { status: number; body?: unknown; headers?: Record<string, string> };
      const failure = request.headers.authorization === `Bearer ${state.token}` ? failures.shift() : undefined;
      if (request.headers.authorization !== `Bearer ${state.token}`) {
        answer = { status: 401, body: errorBody('Authentication credentials not found.', 'INVALID_AUTHENTICATION') };
      } else if (failure) {
        const rateLimited = failure.status === 429;
        answer = {
          status: failure.status,
          body: errorBody(rateLimited ? 'You have reached your secondly limit.' : 'Internal error', rateLimited ? 'RATE_LIMITS' : 'INTERNAL_ERROR'),
          headers: failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) },
        };
      } else {
        answer = serve(method, url.pathname, match.params, url.searchParams, body);
      }
      // Fixtures and errors alike: nothing leaves that HubSpot's documents do not describe.
      const responseProblems = validator.checkResponse(match, answer.status, answer.body);
      if (responseProblems.length > 0) {
        state.violations.push(...responseProblems.map((p) => `${method} ${match.template}: ${p}`));
        return send(500, errorBody('The contract server produced an answer HubSpot would not send', 'INTERNAL_ERROR'));
      }
      if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      send(answer.status, answer.body, answer.headers);
    })().catch((error: unknown) => {
      state.violations.push(`contract server failed: ${error instanceof Error ? error.stack : String(error)}`);
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
