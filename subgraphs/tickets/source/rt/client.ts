/**
 * A small client of RT 5's REST 2.0 API (https://docs.bestpractical.com/rt/5.0.3/RT/REST2.html)
 * with an auth token (`Authorization: token …`). Searches are paged through to the end. An RT
 * that cannot be reached, times out or answers with a server error is `SUBGRAPH_UNAVAILABLE`
 * naming RT; a refused token says so (401/403) instead of passing as "no tickets".
 */
import { switchboardError } from '../../../../schema/errors.js';

/** One item of an RT collection or a record: RT's field names, values as RT returns them. */
export type RtItem = Record<string, unknown>;

export interface RtClientOptions {
  /** RT's base URL, without `/REST/2.0`. */
  url: string;
  token: string;
  timeoutMs: number;
}

const PER_PAGE = 100;
/** A search larger than this is refused rather than read for ever (pages × PER_PAGE). */
const MAX_PAGES = 50;

/** Quotes a value for TicketSQL: single quotes, backslash escapes. */
export function tsqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export class RtClient {
  private readonly base: string;

  constructor(private readonly options: RtClientOptions) {
    this.base = `${options.url}/REST/2.0`;
  }

  /** The raw response of one request; throws `SUBGRAPH_UNAVAILABLE` when RT cannot be asked. */
  private async send(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: { authorization: `token ${this.options.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw unavailable(`Request Tracker at ${this.options.url} did not answer ${method} ${path}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (response.status === 401 || response.status === 403) {
      throw unavailable(`Request Tracker at ${this.options.url} refused RT_TOKEN (HTTP ${response.status}): check the token and its owner's rights on the queue`);
    }
    if (response.status >= 500) throw unavailable(`Request Tracker at ${this.options.url} failed on ${method} ${path} (HTTP ${response.status})`);
    return { status: response.status, json };
  }

  /** GET a record; `null` for 404. */
  async get(path: string): Promise<RtItem | null> {
    const { status, json } = await this.send('GET', path);
    if (status === 404) return null;
    if (status >= 400) throw rtRefused('GET', path, status, json);
    return json as RtItem;
  }

  /** POST or PUT JSON; the parsed answer (RT answers updates with a list of messages). */
  async write(method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown> {
    const { status, json } = await this.send(method, path, body);
    if (status >= 400) throw rtRefused(method, path, status, json);
    return json;
  }

  /** Every ticket matching TicketSQL `query`, with `fields`, in RT's order `orderBy` (paged to the end). */
  searchTickets(query: string, fields: string, orderBy = 'id', order: 'ASC' | 'DESC' = 'ASC'): Promise<RtItem[]> {
    const params = new URLSearchParams({ query, fields, orderby: orderBy, order, per_page: String(PER_PAGE) });
    return this.pages('GET', `/tickets?${params}`);
  }

  /**
   * The first `perPage` tickets (at most 100, RT's default page limit) matching TicketSQL
   * `query`, ordered by each of `orderBy` ascending: one request. The sync pages with a
   * keyset in `query` instead of page numbers, so tickets changing meanwhile shift nothing.
   */
  async ticketsPage(query: string, fields: string, orderBy: readonly string[], perPage: number): Promise<RtItem[]> {
    const params = new URLSearchParams({ query, fields, per_page: String(perPage), page: '1' });
    for (const field of orderBy) {
      params.append('orderby', field);
      params.append('order', 'ASC');
    }
    const path = `/tickets?${params}`;
    const { status, json } = await this.send('GET', path);
    if (status >= 400) throw rtRefused('GET', '/tickets', status, json);
    return (json as { items?: RtItem[] }).items ?? [];
  }

  /** Every item of a JSON search (`POST /transactions`, `POST /attachments`), with `fields`. */
  searchJson(collection: 'transactions' | 'attachments', conditions: unknown[], fields: string): Promise<RtItem[]> {
    const params = new URLSearchParams({ fields, per_page: String(PER_PAGE), orderby: 'id', order: 'ASC' });
    return this.pages('POST', `/${collection}?${params}`, conditions);
  }

  private async pages(method: 'GET' | 'POST', path: string, body?: unknown): Promise<RtItem[]> {
    const items: RtItem[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const pathOfPage = `${path}&page=${page}`;
      const { status, json } = await this.send(method, pathOfPage, body);
      if (status >= 400) throw rtRefused(method, path, status, json);
      const result = json as { items?: RtItem[]; pages?: number; total?: number };
      items.push(...(result.items ?? []));
      if (!result.pages || page >= result.pages) return items;
    }
    throw unavailable(`Request Tracker search ${path} has more than ${MAX_PAGES * PER_PAGE} results; narrow it`);
  }
}

function unavailable(message: string) {
  return switchboardError('SUBGRAPH_UNAVAILABLE', `${message}.`, { system: 'rt' });
}

function rtRefused(method: string, path: string, status: number, json: unknown) {
  const detail = typeof json === 'object' && json !== null && 'message' in json ? String((json as { message: unknown }).message) : JSON.stringify(json);
  return unavailable(`Request Tracker refused ${method} ${path} (HTTP ${status}): ${detail}`);
}
