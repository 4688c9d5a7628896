/**
 * Signed download links of exports: `GET /privacy/export?id=…&expires=…&signature=…`, where
 * `signature` is HMAC-SHA256 (hex) over `id` and `expires` (Unix seconds) with a key derived
 * from `SWITCHBOARD_INTERNAL_SECRET`. Whoever holds an unexpired link may download the
 * document once or more until it expires; it needs no other credentials (the link is given only
 * to the privacy officer who made the export, and the download is logged).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import { ownAuthRoute, sendJson, type RouteSpec } from '../../subgraphs/shared/http.js';
import { secret } from '../../subgraphs/shared/secrets.js';
import { loggerFor } from '../../subgraphs/shared/observability/logger.js';
import type { PrivacyTables } from './tables.js';

const log = loggerFor('gateway');
export const EXPORT_PATH = '/privacy/export';

function linkKey(env?: NodeJS.ProcessEnv): Buffer {
  return createHmac('sha256', secret('SWITCHBOARD_INTERNAL_SECRET', env)).update('switchboard export link').digest();
}

function signature(id: string, expires: number, env?: NodeJS.ProcessEnv): string {
  return createHmac('sha256', linkKey(env)).update(`${id}\u0000${expires}`).digest('hex');
}

/** The link to download export `id` until `expiresAt`. */
export function exportLink(baseUrl: string, id: string, expiresAt: Date, env?: NodeJS.ProcessEnv): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${baseUrl}${EXPORT_PATH}?${new URLSearchParams({ id, expires: String(expires), signature: signature(id, expires, env) }).toString()}`;
}

/** The download route: 403 for a bad signature, 410 once expired or deleted, else the JSON document. */
export function exportDownloadRoute(db: () => Kysely<PrivacyTables>): RouteSpec {
  return ownAuthRoute(async (req: IncomingMessage, res: ServerResponse) => {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const id = params.get('id') ?? '';
    const expires = Number(params.get('expires'));
    const given = Buffer.from(params.get('signature') ?? '', 'utf8');
    const expected = Buffer.from(signature(id, expires), 'utf8');
    if (!id || !Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      sendJson(res, 403, { error: 'This download link is not valid.' });
      return;
    }
    if (expires * 1000 <= Date.now()) {
      sendJson(res, 410, { error: 'This download link has expired; make a new export.' });
      return;
    }
    const row = await db().selectFrom('privacy_exports').select(['document', 'customer_id']).where('id', '=', id).executeTakeFirst();
    if (!row) {
      sendJson(res, 410, { error: 'This export no longer exists; make a new export.' });
      return;
    }
    log.info(`privacy export ${id} of customer ${row.customer_id} downloaded`);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="customer-${row.customer_id}-export.json"`,
      'cache-control': 'no-store',
    });
    res.end(row.document);
  });
}
