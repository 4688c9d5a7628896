/**
 * The gateway's store: SQLite by default (`<data dir>/gateway.sqlite`), PostgreSQL with
 * `GATEWAY_DATABASE_URL`. Holds hashed API keys and the append-only audit trail.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { resolve } from 'node:path';
import { isScope, type Scope } from '../../schema/access.js';
import { badUserInput } from '../../schema/errors.js';
import { dataDir } from '../../subgraphs/shared/config.js';
import { envValue } from '../../subgraphs/shared/env/read.js';
import { openDatabase, type Database, type DatabaseConfig } from '../../subgraphs/shared/database.js';
import { migrateAtOpen } from '../../subgraphs/shared/migrations.js';
import { toPage, type Page, type PageArgs } from '../../subgraphs/shared/pagination.js';
import { timeOrderedId } from '../../subgraphs/shared/time-ordered-id.js';
import { GATEWAY_MIGRATIONS } from './migrations.js';
import type { GatewayTables } from './tables.js';

export function gatewayDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = envValue('GATEWAY_DATABASE_URL', env);
  if (url) return { driver: 'postgres', url, schema: 'gateway' };
  return { driver: 'sqlite', file: resolve(dataDir(env), 'gateway.sqlite') };
}

export interface ApiKey {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
}

export type AuditEventKind = 'SENSITIVE_READ' | 'MUTATION';
export type AuditOutcome = 'OK' | 'PARTIAL' | 'ERROR';

export interface AuditEvent {
  id: string;
  at: string;
  subject: string;
  role: string;
  operationName: string | null;
  kind: AuditEventKind;
  fields: string[];
  customerIds: string[];
  outcome: AuditOutcome;
  requestId: string;
}

export interface AuditEventFilter {
  subject?: string | null;
  customerId?: string | null;
  kind?: AuditEventKind | null;
  from?: string | null;
  to?: string | null;
}

export const AUDIT_CURSOR_KIND = 'audit';

const KEY_PREFIX = 'sbk';

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export class GatewayStore {
  private constructor(readonly database: Database<GatewayTables>) {}

  /** Opens the store; pending migrations are applied, or refused per `SWITCHBOARD_MIGRATE_ON_START`. */
  static async open(config: DatabaseConfig): Promise<GatewayStore> {
    const database = openDatabase<GatewayTables>(config);
    try {
      await migrateAtOpen(database, config, GATEWAY_MIGRATIONS);
    } catch (error) {
      await database.close();
      throw error;
    }
    return new GatewayStore(database);
  }

  /** Creates a service-account key; the returned `key` is shown once and never stored. */
  async createApiKey(name: string, scopes: string[]): Promise<{ key: string; apiKey: ApiKey }> {
    if (!/^[\w.-]{1,64}$/.test(name)) throw badUserInput('An API key name is 1-64 letters, digits, dots, dashes or underscores.');
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length > 0) throw badUserInput(`Unknown scopes: ${unknown.join(', ')}.`);
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const secretPart = randomBytes(24).toString('base64url');
    const apiKey: ApiKey = { id, name, scopes: scopes as Scope[], createdAt: new Date().toISOString(), revokedAt: null };
    await this.database.db
      .insertInto('api_keys')
      .values({ id, name, scopes: JSON.stringify(scopes), secret_hash: hashSecret(secretPart), created_at: apiKey.createdAt, revoked_at: null })
      .execute();
    return { key: `${KEY_PREFIX}_${id}_${secretPart}`, apiKey };
  }

  /** The key's record when `key` is a valid, unrevoked key; otherwise `null`. */
  async verifyApiKey(key: string): Promise<ApiKey | null> {
    const match = /^sbk_([a-f0-9]{16})_([\w-]{32})$/.exec(key);
    if (!match) return null;
    const row = await this.database.db.selectFrom('api_keys').selectAll().where('id', '=', match[1]!).executeTakeFirst();
    if (!row || row.revoked_at !== null) return null;
    const expected = Buffer.from(row.secret_hash, 'hex');
    const actual = Buffer.from(hashSecret(match[2]!), 'hex');
    if (!timingSafeEqual(expected, actual)) return null;
    return { id: row.id, name: row.name, scopes: JSON.parse(row.scopes) as Scope[], createdAt: row.created_at, revokedAt: row.revoked_at };
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const result = await this.database.db
      .updateTable('api_keys')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async listApiKeys(): Promise<ApiKey[]> {
    const rows = await this.database.db.selectFrom('api_keys').selectAll().orderBy('created_at').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, scopes: JSON.parse(row.scopes) as Scope[], createdAt: row.created_at, revokedAt: row.revoked_at }));
  }

  /** Appends events in one transaction (multi-row inserts); the trail has no update or delete. */
  async appendAuditEvents(events: Omit<AuditEvent, 'id' | 'at'>[]): Promise<AuditEvent[]> {
    const at = new Date().toISOString();
    const full = events.map((event): AuditEvent => ({ ...event, id: timeOrderedId('aud'), at }));
    if (full.length === 0) return full;
    await this.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('audit_events')
        .values(
          full.map((event) => ({
            id: event.id,
            at: event.at,
            subject: event.subject,
            role: event.role,
            operation_name: event.operationName,
            kind: event.kind,
            fields: JSON.stringify(event.fields),
            customer_ids: JSON.stringify(event.customerIds),
            outcome: event.outcome,
            request_id: event.requestId,
          })),
        )
        .execute();
      const links = full.flatMap((event) => event.customerIds.map((customerId) => ({ event_id: event.id, customer_id: customerId })));
      if (links.length > 0) await trx.insertInto('audit_event_customers').values(links).execute();
    });
    return full;
  }

  async listAuditEvents(filter: AuditEventFilter, page: PageArgs): Promise<Page<AuditEvent>> {
    let query = this.database.db.selectFrom('audit_events');
    if (filter.subject) query = query.where('subject', '=', filter.subject);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    // Ids are stored as a JSON array of strings; a quoted match finds one exactly.
    if (filter.customerId) {
      const customerId = filter.customerId;
      query = query.where('id', 'in', (eb) => eb.selectFrom('audit_event_customers').select('event_id').where('customer_id', '=', customerId));
    }
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    let rows = query.selectAll();
    if (page.after) {
      const { key, id } = page.after;
      rows = rows.where((eb) => eb.or([eb('at', '<', key), eb.and([eb('at', '=', key), eb('id', '<', id)])]));
    }
    const found = await rows.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.first + 1).execute();
    const events = found.map(
      (row): AuditEvent => ({
        id: row.id,
        at: row.at,
        subject: row.subject,
        role: row.role,
        operationName: row.operation_name,
        kind: row.kind as AuditEventKind,
        fields: JSON.parse(row.fields) as string[],
        customerIds: JSON.parse(row.customer_ids) as string[],
        outcome: row.outcome as AuditOutcome,
        requestId: row.request_id,
      }),
    );
    return toPage(AUDIT_CURSOR_KIND, events, page.first, Number(total), (event) => ({ key: event.at, id: event.id }));
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
