/**
 * Endpoints and the delivery log in the gateway's store (SQLite or PostgreSQL, each query
 * written once): registration (the URL's destination checked against the address policy,
 * the signing secret sealed at rest), secret rotation, fan-out of taken-over change events into deliveries (one per
 * endpoint and event: `ON CONFLICT DO NOTHING`), the claim of due deliveries (the shared
 * outbox lease), the outcome of each attempt, the log as admins page through it, replay.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { checkDestination, type AddressPolicy } from '../../subgraphs/shared/address-policy.js';
import { FieldCipher } from '../../subgraphs/shared/field-cipher.js';
import { badUserInput, notFound } from '../../schema/errors.js';
import { CHANGE_EVENT_TYPES, isChangeEventType, wireName, type ChangeEventType } from '../../subgraphs/shared/change-events/registry.js';
import type { ChangeEvent } from '../../subgraphs/shared/change-events/outbox.js';
import { claimDue, type Claim } from '../../subgraphs/shared/outbox/lease.js';
import { toPage, type Page, type PageArgs } from '../../subgraphs/shared/pagination.js';
import { timeOrderedId } from '../../subgraphs/shared/time-ordered-id.js';
import type { WebhookDeliveriesTable, WebhookDeliveryStatus, WebhookEndpointsTable, WebhookTables } from './tables.js';

export const DELIVERY_CURSOR_KIND = 'webhookDeliveries';

export interface WebhookEndpoint {
  id: string;
  url: string;
  eventTypes: ChangeEventType[];
  description: string | null;
  includePersonalData: boolean;
  createdAt: string;
  removedAt: string | null;
  /** Until when the secret before the last rotation still signs deliveries (null: no rotation pending). */
  previousSecretExpiresAt: string | null;
}

/** An endpoint with its signing secrets, as the sender needs them. */
export interface SigningEndpoint extends WebhookEndpoint {
  secret: string;
  /** The secret before the last rotation while it still signs, else null. */
  previousSecret: string | null;
}

/** The secrets a delivery made `now` is signed with: the current one, and the previous one until it expires. */
export function signingSecrets(endpoint: SigningEndpoint, now = new Date()): string[] {
  const previousValid = endpoint.previousSecret !== null && endpoint.previousSecretExpiresAt !== null && Date.parse(endpoint.previousSecretExpiresAt) > now.getTime();
  return previousValid ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

/** The longest overlap of a rotated secret with its successor: 7 days. */
export const MAX_ROTATION_OVERLAP_SECONDS = 7 * 24 * 3600;

/** The AAD of an endpoint's sealed secret: a value copied into another row or column does not decrypt. */
const secretContext = (id: string, column: 'secret' | 'previous_secret') => `webhook_endpoints.${column}:${id}`;

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: ChangeEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  /** Null once the delivery is no longer PENDING. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  payload: string;
  giveUpAt: string;
}

export interface RegisterInput {
  url: string;
  eventTypes: readonly string[];
  description?: string | null;
  includePersonalData?: boolean | null;
}

export interface DeliveryFilter {
  endpointId?: string | null;
  eventId?: string | null;
  status?: WebhookDeliveryStatus | null;
}

/** The JSON body of a delivery (Standard Webhooks' recommended `type` / `timestamp` / `data`). */
export function deliveryBody(event: ChangeEvent, includePersonalData: boolean): string {
  const data = includePersonalData && event.personal ? { ...event.data, personal: event.personal } : event.data;
  return JSON.stringify({ id: event.id, type: wireName(event.type), timestamp: event.occurredAt, data });
}

/** The `webhook-id` of an event's delivery to an endpoint: the same however often it is derived. */
export function deliveryId(endpointId: string, eventId: string): string {
  return `msg_${createHash('sha256').update(`${endpointId}\n${eventId}`).digest('hex').slice(0, 32)}`;
}

/** A stored secret in the clear: sealed ones are decrypted, plain ones (written before sealing existed) taken as they are. */
function openSecret(cipher: FieldCipher, stored: string, context: string): string {
  return FieldCipher.isSealed(stored) ? cipher.decrypt(stored, context) : stored;
}

function toEndpoint(row: Selectable<WebhookEndpointsTable>, cipher: FieldCipher): SigningEndpoint {
  return {
    id: row.id,
    url: row.url,
    eventTypes: JSON.parse(row.event_types) as ChangeEventType[],
    description: row.description,
    includePersonalData: Number(row.include_personal_data) === 1,
    createdAt: row.created_at,
    removedAt: row.removed_at,
    previousSecretExpiresAt: row.previous_secret === null ? null : row.previous_secret_until,
    secret: openSecret(cipher, row.secret, secretContext(row.id, 'secret')),
    previousSecret: row.previous_secret === null ? null : openSecret(cipher, row.previous_secret, secretContext(row.id, 'previous_secret')),
  };
}

function publicEndpoint({ secret: _secret, previousSecret: _previous, ...endpoint }: SigningEndpoint): WebhookEndpoint {
  return endpoint;
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
    deliveredAt: row.delivered_at,
    payload: row.payload,
    giveUpAt: row.give_up_at,
  };
}

/** Checks an endpoint URL: absolute http(s) without credentials; https only when `httpsOnly`. */
export function checkEndpointUrl(url: string, httpsOnly: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badUserInput(`${JSON.stringify(url)} is not an absolute URL.`, { argumentName: 'input.url' });
  }
  const allowed = httpsOnly ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(parsed.protocol)) throw badUserInput(`A webhook URL must use ${allowed.join(' or ')}, got ${parsed.protocol}.`, { argumentName: 'input.url' });
  if (parsed.username || parsed.password) throw badUserInput('A webhook URL must not carry credentials.', { argumentName: 'input.url' });
  if (url.length > 2000) throw badUserInput('A webhook URL has at most 2,000 characters.', { argumentName: 'input.url' });
  return parsed.toString();
}

/** What registration checks a URL against: the scheme rule and where it may point. */
export interface EndpointRules {
  /** Only https endpoint URLs (production). */
  httpsOnly: boolean;
  addressPolicy: AddressPolicy;
}

export class WebhookStore {
  private readonly db: Kysely<WebhookTables>;

  /**
   * Over the gateway store's database (which has the webhook tables, migrations `0002_webhooks`
   * and `0004_webhook_secret_rotation`); secrets are sealed and opened with `cipher`
   * (`SWITCHBOARD_WEBHOOK_KEY`).
   */
  constructor(
    db: Kysely<WebhookTables>,
    private readonly cipher: FieldCipher,
  ) {
    this.db = db;
  }

  /**
   * Registers an endpoint; the secret (`whsec_` + 24 random bytes, base64) is returned here
   * only. BAD_USER_INPUT (argument `input.url`) for a URL whose host is refused by the address
   * policy (`reason: DESTINATION_NOT_ALLOWED`) or does not resolve (`reason: HOST_NOT_FOUND`).
   */
  async register(input: RegisterInput, rules: EndpointRules): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const url = checkEndpointUrl(input.url, rules.httpsOnly);
    const eventTypes = [...new Set(input.eventTypes)];
    if (eventTypes.length === 0) throw badUserInput('Name at least one event type.', { argumentName: 'input.eventTypes' });
    const unknown = eventTypes.filter((type) => !isChangeEventType(type));
    if (unknown.length > 0) throw badUserInput(`Unknown event types: ${unknown.join(', ')}.`, { argumentName: 'input.eventTypes' });
    const description = input.description?.trim() || null;
    if (description !== null && description.length > 200) throw badUserInput('A description has at most 200 characters.', { argumentName: 'input.description' });
    await checkDestination(new URL(url), rules.addressPolicy).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EDESTINATIONREFUSED') throw badUserInput(`The webhook URL may not be used: ${error.message}.`, { argumentName: 'input.url', reason: 'DESTINATION_NOT_ALLOWED' });
      throw badUserInput(`The webhook URL's host ${new URL(url).hostname} does not resolve (${error.code ?? error.message}).`, { argumentName: 'input.url', reason: 'HOST_NOT_FOUND' });
    });
    const endpoint: SigningEndpoint = {
      id: timeOrderedId('whe'),
      url,
      eventTypes: eventTypes as ChangeEventType[],
      description,
      includePersonalData: input.includePersonalData === true,
      createdAt: new Date().toISOString(),
      removedAt: null,
      previousSecretExpiresAt: null,
      secret: newSecret(),
      previousSecret: null,
    };
    await this.db
      .insertInto('webhook_endpoints')
      .values({
        id: endpoint.id,
        url: endpoint.url,
        event_types: JSON.stringify(endpoint.eventTypes),
        description: endpoint.description,
        include_personal_data: endpoint.includePersonalData ? 1 : 0,
        secret: this.cipher.encrypt(endpoint.secret, secretContext(endpoint.id, 'secret')),
        previous_secret: null,
        previous_secret_until: null,
        created_at: endpoint.createdAt,
        removed_at: null,
      })
      .execute();
    return { endpoint: publicEndpoint(endpoint), secret: endpoint.secret };
  }

  /**
   * Gives an endpoint a new secret, returned here only. For `overlapSeconds` (0 to
   * `MAX_ROTATION_OVERLAP_SECONDS`) deliveries carry a signature under each secret (Standard
   * Webhooks allows several), so the receiver can switch at any time in between; a second
   * rotation within the overlap drops the oldest secret. NOT_FOUND for an unknown or removed
   * endpoint, BAD_USER_INPUT for an overlap out of range; nothing changes then.
   */
  async rotateSecret(id: string, overlapSeconds: number, now = new Date()): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_ROTATION_OVERLAP_SECONDS) {
      throw badUserInput(`The overlap is a whole number of seconds from 0 to ${MAX_ROTATION_OVERLAP_SECONDS} (7 days), got ${overlapSeconds}.`, { argumentName: 'previousSecretValidForSeconds' });
    }
    const [current] = await this.endpointsByIds([id]);
    if (!current || current.removedAt !== null) throw notFound('WebhookEndpoint', id);
    const secret = newSecret();
    const until = new Date(now.getTime() + overlapSeconds * 1000).toISOString();
    await this.db
      .updateTable('webhook_endpoints')
      .set({
        secret: this.cipher.encrypt(secret, secretContext(id, 'secret')),
        previous_secret: overlapSeconds > 0 ? this.cipher.encrypt(current.secret, secretContext(id, 'previous_secret')) : null,
        previous_secret_until: overlapSeconds > 0 ? until : null,
      })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .execute();
    const [rotated] = await this.endpointsByIds([id]);
    return { endpoint: publicEndpoint(rotated!), secret };
  }

  /**
   * Seals secrets stored in plain text (before sealing existed) or under an old key, and
   * forgets previous secrets past their overlap; run at the gateway's start. Returns how many
   * endpoints were rewritten. Each row is rewritten only if it is still as it was read.
   */
  async sealSecrets(now = new Date()): Promise<number> {
    const rows = await this.db.selectFrom('webhook_endpoints').selectAll().execute();
    let rewritten = 0;
    for (const row of rows) {
      const expired = row.previous_secret !== null && (row.previous_secret_until === null || Date.parse(row.previous_secret_until) <= now.getTime());
      const reseal = (stored: string | null) => stored !== null && this.cipher.needsReencryption(stored);
      if (!expired && !reseal(row.secret) && !reseal(row.previous_secret)) continue;
      const endpoint = toEndpoint(row, this.cipher);
      const previous = expired || endpoint.previousSecret === null ? null : this.cipher.encrypt(endpoint.previousSecret, secretContext(row.id, 'previous_secret'));
      const result = await this.db
        .updateTable('webhook_endpoints')
        .set({
          secret: this.cipher.encrypt(endpoint.secret, secretContext(row.id, 'secret')),
          previous_secret: previous,
          previous_secret_until: previous === null ? null : row.previous_secret_until,
        })
        .where('id', '=', row.id)
        .where('secret', '=', row.secret)
        .executeTakeFirst();
      rewritten += Number(result.numUpdatedRows);
    }
    return rewritten;
  }

  /** Removes an endpoint: no further deliveries; its pending ones become FAILED. */
  async remove(id: string): Promise<WebhookEndpoint> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('webhook_endpoints').set({ removed_at: now }).where('id', '=', id).where('removed_at', 'is', null).execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({ status: 'FAILED', last_error: 'endpoint removed', lease_owner: null, lease_until: null })
        .where('endpoint_id', '=', id)
        .where('status', '=', 'PENDING')
        .execute();
    });
    const [endpoint] = await this.endpointsByIds([id]);
    if (!endpoint) throw notFound('WebhookEndpoint', id);
    return publicEndpoint(endpoint);
  }

  /** Endpoints not removed, oldest first. */
  async listEndpoints(): Promise<WebhookEndpoint[]> {
    return (await this.activeEndpoints()).map(publicEndpoint);
  }

  async activeEndpoints(): Promise<SigningEndpoint[]> {
    const rows = await this.db.selectFrom('webhook_endpoints').selectAll().where('removed_at', 'is', null).orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => toEndpoint(row, this.cipher));
  }

  async endpointsByIds(ids: readonly string[]): Promise<SigningEndpoint[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('webhook_endpoints').selectAll().where('id', 'in', [...new Set(ids)]).execute();
    return rows.map((row) => toEndpoint(row, this.cipher));
  }

  /**
   * Takes events over: one PENDING delivery per event and active endpoint registered for its
   * type, due at once, given up after `retryForMs`. Already present (the same event taken
   * over again): left as it is. Returns how many deliveries are new.
   */
  async fanOut(events: readonly ChangeEvent[], retryForMs: number, now = new Date()): Promise<number> {
    const endpoints = await this.activeEndpoints();
    const at = now.toISOString();
    const giveUpAt = new Date(now.getTime() + retryForMs).toISOString();
    const rows = events.flatMap((event) =>
      endpoints
        .filter((endpoint) => endpoint.eventTypes.includes(event.type) && endpoint.createdAt <= event.occurredAt)
        .map((endpoint) => ({
          id: deliveryId(endpoint.id, event.id),
          endpoint_id: endpoint.id,
          event_id: event.id,
          event_type: event.type,
          payload: deliveryBody(event, endpoint.includePersonalData),
          status: 'PENDING' as const,
          attempts: 0,
          next_attempt_at: at,
          give_up_at: giveUpAt,
          created_at: at,
        })),
    );
    let inserted = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const result = await this.db
        .insertInto('webhook_deliveries')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
        .returning('id')
        .execute();
      inserted += result.length;
    }
    return inserted;
  }

  /** Leases due deliveries (the shared outbox claim). */
  async claim(claim: Claim): Promise<WebhookDelivery[]> {
    const rows = await claimDue<Selectable<WebhookDeliveriesTable>, WebhookTables>(this.db, 'webhook_deliveries', claim);
    return rows.map(toDelivery).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  /** Records an attempt's outcome for a delivery `owner` still holds: DELIVERED, FAILED (given up) or PENDING again at `nextAttemptAt`. */
  async recordAttempt(
    id: string,
    owner: string,
    outcome: { status: WebhookDeliveryStatus; statusCode: number | null; error: string | null; at: string; nextAttemptAt?: string },
  ): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: outcome.status,
        attempts: eb('attempts', '+', 1),
        last_attempt_at: outcome.at,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        delivered_at: outcome.status === 'DELIVERED' ? outcome.at : null,
        ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
        lease_owner: null,
        lease_until: null,
      }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  /** Puts a delivery back in the queue, due now, with `retryForMs` to succeed (same id and body). */
  async replay(id: string, retryForMs: number, now = new Date()): Promise<WebhookDelivery> {
    const [delivery] = await this.deliveriesByIds([id]);
    if (!delivery) throw notFound('WebhookDelivery', id);
    const [endpoint] = await this.endpointsByIds([delivery.endpointId]);
    if (!endpoint || endpoint.removedAt !== null) throw badUserInput(`The endpoint of delivery ${id} was removed; register it again.`, { argumentName: 'id' });
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: 'PENDING',
        next_attempt_at: now.toISOString(),
        give_up_at: new Date(now.getTime() + retryForMs).toISOString(),
        delivered_at: null,
        lease_owner: null,
        lease_until: null,
      })
      .where('id', '=', id)
      .execute();
    const [replayed] = await this.deliveriesByIds([id]);
    return replayed!;
  }

  /** Deletes DELIVERED and FAILED deliveries created before `before` (their bodies may hold opted-in personal data); returns how many. */
  async purgeFinished(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('webhook_deliveries')
      .where('status', 'in', ['DELIVERED', 'FAILED'])
      .where('created_at', '<', before.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deliveriesByIds(ids: readonly string[]): Promise<WebhookDelivery[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', 'in', [...new Set(ids)]).execute();
    return rows.map(toDelivery);
  }

  /** The delivery log, newest first. */
  async listDeliveries(filter: DeliveryFilter, page: PageArgs): Promise<Page<WebhookDelivery>> {
    let query = this.db.selectFrom('webhook_deliveries');
    if (filter.endpointId) query = query.where('endpoint_id', '=', filter.endpointId);
    if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
    if (filter.status) query = query.where('status', '=', filter.status);
    const { total } = await query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
    let rows = query.selectAll();
    if (page.after) {
      const { key, id } = page.after;
      rows = rows.where((eb) => eb.or([eb('created_at', '<', key), eb.and([eb('created_at', '=', key), eb('id', '<', id)])]));
    }
    const found = await rows.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.first + 1).execute();
    return toPage(DELIVERY_CURSOR_KIND, found.map(toDelivery), page.first, Number(total), (delivery) => ({ key: delivery.createdAt, id: delivery.id }));
  }
}

/** Every event type's GraphQL name (for the schema test). */
export const EVENT_TYPE_NAMES = Object.keys(CHANGE_EVENT_TYPES) as ChangeEventType[];
