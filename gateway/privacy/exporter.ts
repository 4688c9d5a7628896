/**
 * `exportCustomerData`: one JSON document with everything every system holds about a customer
 * (each system's part through its graph fields, `systems.ts`; the audit trail's entries about
 * them from the gateway's own store) and a manifest of sources. The document is stored in the
 * gateway store and downloadable through a signed link until it expires (`export-link.ts`);
 * small ones are also returned inline. A system that does not answer is listed `UNAVAILABLE`
 * in the manifest, and the export is marked incomplete: never silently partial.
 *
 * Document shape (`format: switchboard.customer-data-export/1`):
 * `{ format, exportId, customerId, generatedAt, generatedBy, complete, manifest: [{ source,
 * status, records, kinds: {kind: count}, error }], sources: { <source>: [{ kind, id, data }] } }`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { notFound } from '../../schema/errors.js';
import { pageArgs } from '../../subgraphs/shared/pagination.js';
import { privacyMetrics } from '../../subgraphs/shared/observability/privacy-metrics.js';
import type { PersonalDataRecord } from '../../subgraphs/shared/privacy/personal-data.js';
import { AUDIT_CURSOR_KIND, type GatewayStore } from '../store/gateway-store.js';
import { exportLink } from './export-link.js';
import type { PrivacySettings } from './settings.js';
import { SystemUnavailableError, type SystemClient } from './system-client.js';
import { CALL_CENTER, CRM, customerPhones, TICKETS, type PrivacySystem } from './systems.js';
import type { PrivacyTables } from './tables.js';

export const EXPORT_FORMAT = 'switchboard.customer-data-export/1';

export interface ExportSource {
  source: string;
  status: 'COMPLETE' | 'UNAVAILABLE';
  records: number;
  kinds: Record<string, number>;
  error: string | null;
}

export interface CustomerDataExport {
  id: string;
  customerId: string;
  generatedAt: string;
  complete: boolean;
  manifest: ExportSource[];
  bytes: number;
  document: string | null;
  downloadUrl: string;
  expiresAt: string;
}

export class CustomerExporter {
  private readonly db: Kysely<PrivacyTables>;

  constructor(
    private readonly store: GatewayStore,
    private readonly client: SystemClient,
    private readonly settings: PrivacySettings,
    private readonly baseUrl: () => string,
  ) {
    this.db = store.database.db as unknown as Kysely<PrivacyTables>;
  }

  /** NOT_FOUND when the CRM does not know the customer; other failures are in the manifest. */
  async export(customerId: string, generatedBy: string): Promise<CustomerDataExport> {
    const sources: Record<string, PersonalDataRecord[]> = {};
    const manifest: ExportSource[] = [];
    const collect = async (source: string, read: () => Promise<PersonalDataRecord[]>) => {
      try {
        const records = await read();
        sources[source] = records;
        const kinds: Record<string, number> = {};
        for (const record of records) kinds[record.kind] = (kinds[record.kind] ?? 0) + 1;
        manifest.push({ source, status: 'COMPLETE', records: records.length, kinds, error: null });
      } catch (error) {
        if (error instanceof SystemUnavailableError && error.code === 'NOT_FOUND' && source === CRM.system) throw notFound('Customer', customerId);
        sources[source] = [];
        manifest.push({ source, status: 'UNAVAILABLE', records: 0, kinds: {}, error: (error as Error).message.slice(0, 300) });
      }
    };
    const fromSystem = (system: PrivacySystem, phones: string[]) => () => system.export(this.client, { customerId, phones });
    // The CRM first: the call center finds calls by the numbers it holds.
    await collect(CRM.system, fromSystem(CRM, []));
    // Numbers only this customer has (a shared number's calls are found by customer id only).
    let phones: string[] = [];
    try {
      phones = (await customerPhones(this.client, customerId)) ?? [];
    } catch {
      // The CRM is unavailable: its part says so; calls are found by customer id.
    }
    await Promise.all([collect(CALL_CENTER.system, fromSystem(CALL_CENTER, phones)), collect(TICKETS.system, fromSystem(TICKETS, []))]);
    await collect('audit', () => this.auditRecords(customerId));
    manifest.sort((a, b) => ['crm', 'callcenter', 'tickets', 'audit'].indexOf(a.source) - ['crm', 'callcenter', 'tickets', 'audit'].indexOf(b.source));

    const id = randomUUID();
    const generatedAt = new Date();
    const expiresAt = new Date(generatedAt.getTime() + this.settings.exportLinkTtlSeconds * 1000);
    const complete = manifest.every((source) => source.status === 'COMPLETE');
    const document = JSON.stringify({
      format: EXPORT_FORMAT,
      exportId: id,
      customerId,
      generatedAt: generatedAt.toISOString(),
      generatedBy,
      complete,
      manifest,
      sources,
    });
    const bytes = Buffer.byteLength(document, 'utf8');
    await this.db
      .insertInto('privacy_exports')
      .values({ id, customer_id: customerId, created_by: generatedBy, created_at: generatedAt.toISOString(), expires_at: expiresAt.toISOString(), bytes, document })
      .execute();
    privacyMetrics.exports.inc({ completeness: complete ? 'complete' : 'partial' });
    return {
      id,
      customerId,
      generatedAt: generatedAt.toISOString(),
      complete,
      manifest,
      bytes,
      document: bytes <= this.settings.exportInlineBytes ? document : null,
      downloadUrl: exportLink(this.baseUrl(), id, expiresAt),
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** Every audit entry naming the customer, oldest first. */
  private async auditRecords(customerId: string): Promise<PersonalDataRecord[]> {
    const records: PersonalDataRecord[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.store.listAuditEvents({ customerId }, pageArgs(AUDIT_CURSOR_KIND, 100, after, 100));
      for (const event of page.nodes) records.push({ kind: 'audit.event', id: event.id, data: { ...event } });
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    return records.reverse();
  }
}
