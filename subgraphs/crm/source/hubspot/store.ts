/**
 * The HubSpot CRM v3 adapter. Contacts are customers (their associated company as company,
 * `hubspot_owner_id` as owner); identification searches HubSpot's digits-only phone copies
 * with the national number, then reads each candidate's free-text phone properties with the
 * one normaliser and keeps exact E.164 matches. Notes and calls associated with a contact
 * are its timeline; `addNote` and `recordCallLog` write them back (a call log at most once
 * per (contact, call id): looked up by its title `Switchboard call <id>` before creating).
 * Orders are not read from HubSpot: order lists are empty and lifetime values `0.00`.
 * HubSpot documents no active/inactive status of a contact (`lifecyclestage` is a funnel
 * stage each account may customise; docs/connectors/hubspot.md, "Customer status"): every
 * contact is `ACTIVE`, and setting a status or reading its history is refused
 * (customer-status.ts).
 * Every request and response shape follows HubSpot's published OpenAPI documents (tested
 * against them: test/crm/hubspot-contract.test.ts).
 */
import { badUserInput, notFound } from '../../../../schema/errors.js';
import { toPage, type Page, type PageArgs } from '../../../shared/pagination.js';
import { nationalNumberOf, readPhoneNumber } from '../../../shared/phone.js';
import { contactPhones } from '../contact-phones.js';
import { CursorKind, type CallLogInput, type ContactUpdate, type CrmSource, type CustomerFilter } from '../port.js';
import { plainActivity, type AccountOwnerRecord, type ActivityRecord, type ActivityType, type CustomerRecord, type CustomerStatusChangeRecord, type OrderRecord, type PhoneRecord } from '../records.js';
import { callLogActivity, noteActivity, normaliseEmails, searchText, unique } from '../validation.js';
import { DEFAULT_CUSTOMER_STATUS, statusNotKept, type StatusOutcome } from '../customer-status.js';
import { asGraphQLError, type HubSpotClient } from './client.js';
import type { HubSpotMapping } from './mapping.js';
import type { SqlCrmStore } from '../embedded/store.js';
import type { HubSpotContactSync } from './sync.js';

/** HubSpot's `SimplePublicObject`. */
interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}
interface SearchResponse {
  total: number;
  results: HubSpotObject[];
  paging?: { next?: { after: string } };
}
interface BatchResponse {
  results: HubSpotObject[];
}
interface Owner {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  teams?: { name: string; primary: boolean }[];
}

/** HubSpot's search answers at most this many results per request. */
const SEARCH_LIMIT = 200;
/** Timeline entries read per customer and kind (notes, calls). */
const TIMELINE_CAP = 1000;
const CALL_TITLE = (callId: string) => `Switchboard call ${callId}`;

export class HubSpotCrmSource implements CrmSource {
  private owners: { at: number; byId: Map<string, AccountOwnerRecord> } | null = null;

  constructor(
    readonly client: HubSpotClient,
    readonly mapping: HubSpotMapping,
  ) {}

  private get contactProperties(): string[] {
    return unique(['firstname', 'lastname', 'email', 'company', 'associatedcompanyid', 'hubspot_owner_id', 'createdate', 'lastmodifieddate', 'notes_last_contacted',
      ...this.mapping.phones.map((p) => p.property), ...(this.mapping.tier.property ? [this.mapping.tier.property] : [])]);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw asGraphQLError(error);
    }
  }

  private search(object: string, body: { filterGroups: unknown[]; query?: string; sorts: string[]; properties: string[]; limit: number; after: string }): Promise<SearchResponse> {
    return this.client.request<SearchResponse>('POST', `/crm/v3/objects/${object}/search`, body);
  }

  /** Every result of a search, page after page (at most `cap`). */
  private async searchAll(object: string, filterGroups: unknown[], properties: string[], sorts: string[], cap = TIMELINE_CAP): Promise<{ total: number; results: HubSpotObject[] }> {
    const results: HubSpotObject[] = [];
    let after = '0';
    for (;;) {
      const page = await this.search(object, { filterGroups, sorts, properties, limit: SEARCH_LIMIT, after });
      results.push(...page.results);
      const next = page.paging?.next?.after;
      if (!next || results.length >= cap) return { total: page.total, results };
      after = next;
    }
  }

  // ---- reads -------------------------------------------------------------------------

  async customersByIds(ids: readonly string[]): Promise<(CustomerRecord | null)[]> {
    const wanted = unique(ids).filter((id) => /^\d+$/.test(id));
    if (wanted.length === 0) return ids.map(() => null);
    const contacts = await this.call(() => this.batchRead('contacts', wanted, this.contactProperties));
    const byId = new Map((await this.toCustomers(contacts)).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async batchRead(object: string, ids: string[], properties: string[]): Promise<HubSpotObject[]> {
    const results: HubSpotObject[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const page = await this.client.request<BatchResponse>('POST', `/crm/v3/objects/${object}/batch/read`, {
        inputs: ids.slice(i, i + 100).map((id) => ({ id })),
        properties,
        propertiesWithHistory: [],
      });
      results.push(...page.results.filter((o) => !o.archived));
    }
    return results;
  }

  async customersByPhoneNumbers(e164s: readonly string[]): Promise<CustomerRecord[][]> {
    const endings = unique(e164s.map(nationalNumberOf).filter((n): n is string => n !== null));
    if (endings.length === 0) return e164s.map(() => []);
    const filterGroups = this.mapping.searchablePhones.map((propertyName) => ({ filters: [{ propertyName, operator: 'IN', values: endings }] }));
    const found = await this.call(() => this.searchAll('contacts', filterGroups, this.contactProperties, ['hs_object_id']));
    const customers = await this.toCustomers(found.results);
    return e164s.map((e164) => customers.filter((c) => c.phones.some((p) => p.e164 === e164)).sort((a, b) => Number(a.id) - Number(b.id)));
  }

  async searchCustomers(filter: CustomerFilter, page: PageArgs): Promise<Page<CustomerRecord>> {
    const search = searchText(filter.search);
    const reading = search === '' ? null : readPhoneNumber(search);
    const filters: unknown[] = [];
    const tier = this.mapping.tier;
    if (filter.tier && tier.property) {
      const values = Object.entries(tier.values).filter(([, t]) => t === filter.tier).map(([v]) => v);
      if (tier.otherwise === filter.tier) filters.push({ propertyName: tier.property, operator: 'NOT_IN', values: Object.keys(tier.values).filter((v) => !values.includes(v)) });
      else filters.push({ propertyName: tier.property, operator: 'IN', values });
    }
    const filterGroups =
      reading?.ok
        ? this.mapping.searchablePhones.map((propertyName) => ({ filters: [...filters, { propertyName, operator: 'EQ', value: nationalNumberOf(reading.e164)! }] }))
        : filters.length > 0 ? [{ filters }] : [];
    const offset = page.after ? Number(page.after.key) : 0;
    const result = await this.call(() =>
      this.search('contacts', {
        filterGroups,
        ...(reading?.ok || search === '' ? {} : { query: search }),
        sorts: ['-createdate'],
        properties: this.contactProperties,
        limit: page.first + 1,
        after: String(offset),
      }),
    );
    const customers = await this.toCustomers(result.results);
    const rows = customers.map((customer, i) => ({ customer, position: offset + i + 1 }));
    const asPage = toPage(CursorKind.customers, rows, page.first, result.total, (row) => ({ key: String(row.position), id: row.customer.id }));
    return { ...asPage, nodes: asPage.nodes.map((row) => row.customer) };
  }

  async ownersByIds(ids: readonly string[]): Promise<(AccountOwnerRecord | null)[]> {
    const now = Date.now();
    if (!this.owners || now - this.owners.at > this.mapping.ownersCacheSeconds * 1000) {
      const byId = new Map<string, AccountOwnerRecord>();
      let after: string | undefined;
      do {
        const page = await this.call(() => this.client.request<{ results: Owner[]; paging?: { next?: { after: string } } }>('GET', '/crm/v3/owners', undefined, { limit: 500, ...(after ? { after } : {}) }));
        for (const o of page.results) {
          const name = [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || o.id;
          byId.set(o.id, { id: o.id, name, team: (o.teams ?? []).find((t) => t.primary)?.name ?? o.teams?.[0]?.name ?? '' });
        }
        after = page.paging?.next?.after;
      } while (after);
      this.owners = { at: now, byId };
    }
    return ids.map((id) => this.owners!.byId.get(id) ?? null);
  }

  async lifetimeValuesByCustomerIds(ids: readonly string[]): Promise<string[]> {
    return ids.map(() => '0.00');
  }

  async ordersByCustomerIds(ids: readonly string[], page: PageArgs): Promise<Page<OrderRecord>[]> {
    return ids.map(() => toPage(CursorKind.orders, [] as OrderRecord[], page.first, 0, (o) => ({ key: o.placedAt, id: o.id })));
  }

  async activitiesByCustomerIds(ids: readonly string[], types: readonly ActivityType[] | null, page: PageArgs): Promise<Page<ActivityRecord>[]> {
    const wanted = new Set<ActivityType>(types && types.length > 0 ? types : ['NOTE', 'CALL_LOG', 'CHAT_TRANSCRIPT']);
    return Promise.all(
      ids.map(async (customerId) => {
        const association = [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: customerId }] }];
        const [notes, calls] = await this.call(() =>
          Promise.all([
            wanted.has('NOTE') ? this.searchAll('notes', association, ['hs_note_body', 'hs_timestamp', 'hubspot_owner_id'], ['-hs_timestamp']) : null,
            wanted.has('CALL_LOG')
              ? this.searchAll('calls', association, ['hs_call_title', 'hs_call_body', 'hs_call_duration', 'hs_call_disposition', 'hs_call_recording_url', 'hs_timestamp', 'hubspot_owner_id'], ['-hs_timestamp'])
              : null,
          ]),
        );
        const all = [...(notes?.results ?? []).map((n) => toNote(customerId, n)), ...(calls?.results ?? []).map((c) => toCall(customerId, c))].sort((a, b) =>
          a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1,
        );
        const after = page.after;
        const rest = after ? all.filter((a) => a.at < after.key || (a.at === after.key && a.id < after.id)) : all;
        return toPage(CursorKind.activities, rest.slice(0, page.first + 1), page.first, all.length, (a) => ({ key: a.at, id: a.id }));
      }),
    );
  }

  /**
   * The contacts created in `[fromMs, toMs)` (epoch ms; HubSpot's `createdate`), by id, as
   * customers with their `lastmodifieddate`: what the copy's reconciliation compares. Stops
   * after `cap` contacts; `total` is HubSpot's count of every match.
   */
  async contactsCreatedBetween(fromMs: number, toMs: number, cap: number): Promise<{ total: number; contacts: { customer: CustomerRecord; modifiedAt: string }[] }> {
    const filters = [
      { propertyName: 'createdate', operator: 'GTE', value: String(fromMs) },
      { propertyName: 'createdate', operator: 'LT', value: String(toMs) },
    ];
    const { total, results } = await this.call(() => this.searchAll('contacts', [{ filters }], unique([...this.contactProperties, 'lastmodifieddate']), ['hs_object_id'], cap));
    const customers = await this.toCustomers(results);
    return { total, contacts: results.map((contact, i) => ({ customer: customers[i]!, modifiedAt: timestamp(contact.properties.lastmodifieddate, contact.updatedAt) })) };
  }

  /**
   * One page of contacts modified at or after `sinceMs` (epoch ms; 0: all), oldest change
   * first (`lastmodifieddate`, then id), as customers with their `lastmodifieddate`: what the
   * incremental sync (`sync.ts`) copies. `after` is HubSpot's offset within this query.
   */
  async contactsChangedSince(sinceMs: number, after: string, limit: number): Promise<{ changes: { customer: CustomerRecord; modifiedAt: string }[]; next: string | null }> {
    const page = await this.call(() =>
      this.search('contacts', {
        filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(sinceMs) }] }],
        sorts: ['lastmodifieddate', 'hs_object_id'],
        properties: unique([...this.contactProperties, 'lastmodifieddate']),
        limit,
        after,
      }),
    );
    const customers = await this.toCustomers(page.results);
    return {
      changes: page.results.map((contact, i) => ({ customer: customers[i]!, modifiedAt: timestamp(contact.properties.lastmodifieddate, contact.updatedAt) })),
      next: page.paging?.next?.after ?? null,
    };
  }

  // Every argument is ignored: HubSpot keeps no customer status (see the module comment).
  async statusChangesByCustomerIds(): Promise<Page<CustomerStatusChangeRecord>[]> {
    throw statusNotKept('HubSpot');
  }

  // ---- writes --------------------------------------------------------------------------

  async setStatus(): Promise<StatusOutcome<CustomerRecord>> {
    throw statusNotKept('HubSpot');
  }

  private async requireContact(customerId: string): Promise<void> {
    const [customer] = await this.customersByIds([customerId]);
    if (!customer) throw notFound('Customer', customerId);
  }

  async addNote(customerId: string, body: string, author: string): Promise<ActivityRecord> {
    const activity = noteActivity(customerId, body, author);
    await this.requireContact(customerId);
    const created = await this.call(() =>
      this.client.request<HubSpotObject>('POST', '/crm/v3/objects/notes', {
        properties: { hs_note_body: activity.body!, hs_timestamp: activity.at },
        associations: [{ to: { id: customerId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: this.mapping.associationTypes.noteToContact }] }],
      }),
    );
    return { ...activity, id: `note_${created.id}` };
  }

  async recordCallLog(input: CallLogInput): Promise<ActivityRecord> {
    const activity = callLogActivity(input);
    await this.requireContact(input.customerId);
    const title = CALL_TITLE(activity.callId!);
    const existing = await this.call(() =>
      this.search('calls', {
        filterGroups: [{ filters: [{ propertyName: 'hs_call_title', operator: 'EQ', value: title }, { propertyName: 'associations.contact', operator: 'EQ', value: input.customerId }] }],
        sorts: ['hs_timestamp'],
        properties: ['hs_call_title', 'hs_call_body', 'hs_call_duration', 'hs_call_disposition', 'hs_call_recording_url', 'hs_timestamp'],
        limit: 1,
        after: '0',
      }),
    );
    if (existing.results[0]) return toCall(input.customerId, existing.results[0]);
    const created = await this.call(() =>
      this.client.request<HubSpotObject>('POST', '/crm/v3/objects/calls', {
        properties: {
          hs_timestamp: activity.at,
          hs_call_title: title,
          hs_call_body: `Agent ${activity.agentId ?? 'unknown'} (${activity.author})`,
          hs_call_duration: String(activity.durationSeconds! * 1000),
          hs_call_disposition: activity.disposition ?? '',
          hs_call_status: 'COMPLETED',
          ...(activity.recordingRef ? { hs_call_recording_url: activity.recordingRef } : {}),
        },
        associations: [{ to: { id: input.customerId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: this.mapping.associationTypes.callToContact }] }],
      }),
    );
    return { ...activity, id: `call_${created.id}` };
  }

  async updateContact(customerId: string, update: ContactUpdate): Promise<CustomerRecord> {
    const phones = update.phones == null ? null : contactPhones(update.phones);
    const emails = update.emails == null ? null : normaliseEmails(update.emails);
    const properties: Record<string, string> = {};
    if (phones !== null) {
      const slots = this.mapping.phones;
      const unplaced = phones.filter((p) => !slots.some((s) => s.type === p.type));
      const perType = new Map<string, number>();
      phones.forEach((p) => perType.set(p.type, (perType.get(p.type) ?? 0) + 1));
      const crowded = [...perType].find(([type, n]) => n > slots.filter((s) => s.type === type).length);
      if (unplaced.length > 0 || crowded) {
        throw badUserInput(`HubSpot holds one number per phone property (${slots.map((s) => `${s.property}: ${s.type}`).join(', ')}).`, { argumentName: 'phones' });
      }
      for (const slot of slots) properties[slot.property] = '';
      const used = new Set<string>();
      for (const p of phones) {
        const slot = slots.find((s) => s.type === p.type && !used.has(s.property))!;
        used.add(slot.property);
        properties[slot.property] = p.extension ? `${p.e164} ext. ${p.extension}` : p.e164;
      }
    }
    if (emails !== null) {
      if (emails.length > 1) throw badUserInput('HubSpot holds one email per contact (the `email` property).', { argumentName: 'emails' });
      properties.email = emails[0] ?? '';
    }
    await this.requireContact(customerId);
    if (Object.keys(properties).length > 0) {
      await this.call(() => this.client.request('PATCH', `/crm/v3/objects/contacts/${encodeURIComponent(customerId)}`, { properties }));
    }
    const [customer] = await this.customersByIds([customerId]);
    if (!customer) throw notFound('Customer', customerId);
    return customer;
  }

  async ping(): Promise<void> {
    await this.call(() => this.client.request('GET', '/crm/v3/owners', undefined, { limit: 1 }));
  }

  /** The local copy the contact sync keeps (`open.ts`, `sync.ts`); null when opened without one. */
  localCopy: { store: SqlCrmStore; sync: HubSpotContactSync } | null = null;

  /** Stops the sync (waiting for its page in progress) and closes the copy. */
  async close(): Promise<void> {
    if (this.localCopy) {
      await this.localCopy.sync.close();
      await this.localCopy.store.close();
    }
  }

  // ---- mapping ---------------------------------------------------------------------------

  private async toCustomers(contacts: HubSpotObject[]): Promise<CustomerRecord[]> {
    const companyIds = unique(contacts.map((c) => c.properties.associatedcompanyid ?? '').filter((id) => /^\d+$/.test(id)));
    const companies = companyIds.length === 0 ? [] : await this.call(() => this.batchRead('companies', companyIds, ['name', 'industry']));
    const companyById = new Map(companies.map((c) => [c.id, c]));
    return contacts.map((contact) => {
      const p = contact.properties;
      const company = companyById.get(p.associatedcompanyid ?? '');
      const phones: PhoneRecord[] = [];
      for (const slot of this.mapping.phones) {
        const raw = (p[slot.property] ?? '').trim();
        const reading = raw === '' ? null : readPhoneNumber(raw);
        if (reading?.ok && !phones.some((x) => x.e164 === reading.e164 && x.extension === reading.extension)) {
          phones.push({ raw, e164: reading.e164, extension: reading.extension, type: slot.type });
        }
      }
      const tierValue = this.mapping.tier.property ? (p[this.mapping.tier.property] ?? '').trim() : '';
      const displayName = [p.firstname, p.lastname].filter((x) => x && x.trim()).join(' ').trim() || p.email || `Contact ${contact.id}`;
      return {
        id: contact.id,
        displayName,
        tier: this.mapping.tier.values[tierValue] ?? this.mapping.tier.otherwise,
        status: DEFAULT_CUSTOMER_STATUS,
        phones,
        emails: p.email ? [p.email.trim().toLowerCase()] : [],
        company: company ? { name: company.properties.name ?? '', industry: company.properties.industry ?? null } : p.company ? { name: p.company, industry: null } : null,
        tags: [],
        ownerId: p.hubspot_owner_id || null,
        nationalId: null,
        createdAt: new Date(contact.createdAt).toISOString(),
        updatedAt: new Date(contact.updatedAt).toISOString(),
        lastContactAt: p.notes_last_contacted ? new Date(p.notes_last_contacted).toISOString() : null,
      };
    });
  }
}

const timestamp = (value: string | null | undefined, fallback: string): string => {
  if (!value) return new Date(fallback).toISOString();
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? new Date(fallback).toISOString() : new Date(ms).toISOString();
};

function toNote(customerId: string, note: HubSpotObject): ActivityRecord {
  return plainActivity({
    id: `note_${note.id}`,
    customerId,
    type: 'NOTE',
    at: timestamp(note.properties.hs_timestamp, note.createdAt),
    author: note.properties.hubspot_owner_id ?? '',
    body: (note.properties.hs_note_body ?? '').replace(/<[^>]*>/g, ''),
  });
}

function toCall(customerId: string, call: HubSpotObject): ActivityRecord {
  const p = call.properties;
  const title = p.hs_call_title ?? '';
  const duration = Number(p.hs_call_duration ?? '');
  return {
    id: `call_${call.id}`,
    customerId,
    type: 'CALL_LOG',
    at: timestamp(p.hs_timestamp, call.createdAt),
    author: p.hubspot_owner_id ?? '',
    body: p.hs_call_body ?? null,
    callId: title.startsWith('Switchboard call ') ? title.slice('Switchboard call '.length) : `hubspot:${call.id}`,
    durationSeconds: Number.isFinite(duration) ? Math.round(duration / 1000) : null,
    agentId: null,
    disposition: p.hs_call_disposition || null,
    recordingRef: p.hs_call_recording_url || null,
    messages: null,
  };
}

