/**
 * A subgraph answers an operation it has seen before without Apollo Server's pipeline
 * (subgraphs/shared/prepared-operations.ts). The client must not be able to tell: for each
 * kind of answer (data, a resolver error with partial data, a mutation, variables that do not
 * coerce, an unknown operation name, another `accept`), the second request of the same text
 * gets exactly the first one's status, content type, cache-control and body, and the counter
 * shows which path answered it. Real ticket subgraph on port 0, over SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../tickets/helpers.js';
import { tempSqlite, type TempDatabase } from '../support/databases.js';
import { internalHeaders } from '../support/viewers.js';

interface Answer {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  body: string;
}

let database: TempDatabase;
let harness: Harness;
beforeAll(async () => {
  database = await tempSqlite('prepared');
  harness = await startHarness(database.config);
});
afterAll(async () => {
  await harness?.close();
  await database?.cleanup();
});

const GATEWAY_ACCEPT = 'application/graphql-response+json, application/json';

async function post(body: unknown, accept: string | null = GATEWAY_ACCEPT): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(await internalHeaders()) };
  if (accept !== null) headers.accept = accept;
  const response = await fetch(harness.server.graphqlUrl, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, contentType: response.headers.get('content-type'), cacheControl: response.headers.get('cache-control'), body: await response.text() };
}

/** Sends `body` twice; returns both answers and how many of the two the prepared path took. */
async function twice(body: unknown, accept?: string | null): Promise<{ first: Answer; second: Answer; prepared: number }> {
  const before = harness.server.preparedCount;
  const first = await post(body, accept);
  const second = await post(body, accept);
  return { first, second, prepared: harness.server.preparedCount - before };
}

describe('prepared operations answer as Apollo Server does', () => {
  it('data: the second request is prepared, byte for byte the same answer', async () => {
    const { first, second, prepared } = await twice({ query: 'query One($id: ID!) { ticket(id: $id) { id status subject } }', variables: { id: 'tkt_000003' }, operationName: 'One' });
    expect(JSON.parse(first.body)).toEqual({ data: { ticket: { id: 'tkt_000003', status: 'OPEN', subject: 'Subject of tkt_000003' } } });
    expect(second).toEqual(first);
    expect(first.contentType).toBe('application/graphql-response+json; charset=utf-8');
    expect(first.cacheControl).toBe('no-store');
    expect(prepared).toBe(1);
  });

  it('a resolver error with partial data: same errors (code, path), same data', async () => {
    const { first, second, prepared } = await twice({ query: '{ a: ticket(id: "tkt_000003") { id } b: ticket(id: "tkt_nope") { id } }' });
    const parsed = JSON.parse(first.body) as { data: unknown; errors: { path: string[]; extensions: { code: string } }[] };
    expect(parsed.data).toEqual({ a: { id: 'tkt_000003' }, b: null });
    expect(parsed.errors.map((e) => [e.path, e.extensions.code])).toEqual([[['b'], 'NOT_FOUND']]);
    expect(second).toEqual(first);
    expect(prepared).toBe(1);
  });

  it('a mutation refused by the rules: same error, and it ran once per request', async () => {
    const body = { query: 'mutation M($id: ID!) { changeTicketStatus(id: $id, status: NEW) { id status } }', variables: { id: 'tkt_closed' } };
    const { first, second, prepared } = await twice(body);
    const parsed = JSON.parse(first.body) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(parsed.data).toEqual({ changeTicketStatus: null });
    expect(parsed.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(second).toEqual(first);
    expect(prepared).toBe(1);
  });

  it('variables that do not coerce: Apollo Server answers both times (400, BAD_USER_INPUT)', async () => {
    const query = 'query Two($id: ID!) { ticket(id: $id) { id } }';
    await post({ query, variables: { id: 'tkt_000003' } }); // the text is known from here on
    const { first, second, prepared } = await twice({ query, variables: { id: { not: 'an id' } } });
    expect(first.status).toBe(400);
    expect((JSON.parse(first.body) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(second).toEqual(first);
    expect(prepared).toBe(0);
  });

  it('an operation name not in the text: Apollo Server answers both times', async () => {
    const query = 'query Three { ticket(id: "tkt_000003") { id } }';
    await post({ query });
    const { first, second, prepared } = await twice({ query, operationName: 'Other' });
    expect(first.status).toBe(400);
    expect(second).toEqual(first);
    expect(prepared).toBe(0);
  });

  it('an invalid text is never prepared', async () => {
    const { first, second, prepared } = await twice({ query: '{ ticket(id: "tkt_000003") { nope } }' });
    expect(first.status).toBe(400);
    expect(second).toEqual(first);
    expect(prepared).toBe(0);
  });

  it('each accept header gets the content type Apollo Server chose for it', async () => {
    const query = '{ ticket(id: "tkt_000004") { id } }';
    const none = await twice({ query }, null);
    expect(none.second).toEqual(none.first);
    expect(none.first.contentType).toBe('application/json; charset=utf-8');
    const json = await twice({ query }, 'application/json');
    expect(json.second).toEqual(json.first);
    expect(json.first.contentType).toBe('application/json; charset=utf-8');
    // A type Apollo Server cannot answer with is refused (406) and never learned.
    const html = await twice({ query }, 'text/html');
    expect(html.first.status).toBe(406);
    expect(html.second).toEqual(html.first);
    expect(html.prepared).toBe(0);
  });
});
