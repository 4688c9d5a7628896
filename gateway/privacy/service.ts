/**
 * Data-subject requests in the gateway (docs/privacy.md): the erasure saga, the exporter,
 * the download route of exports and the timer that resumes unfinished erasures. Made by
 * `startGateway`; its resolvers are served by the gateway's in-process subgraph
 * (schema/audit.graphql) beside the audit trail.
 */
import type { Kysely } from 'kysely';
import type { RouteSpec } from '../../subgraphs/shared/http.js';
import { loggerFor } from '../../subgraphs/shared/observability/logger.js';
import type { GatewayStore } from '../store/gateway-store.js';
import { ErasureSaga } from './erasure-saga.js';
import { EXPORT_PATH, exportDownloadRoute } from './export-link.js';
import { CustomerExporter } from './exporter.js';
import { privacySettings, type PrivacySettings } from './settings.js';
import { SystemClient } from './system-client.js';
import type { PrivacyTables } from './tables.js';
import { scheduleRetention } from '../../subgraphs/shared/privacy/retention.js';
import { runsBackgroundJobs } from '../../subgraphs/shared/cluster.js';
import { gatewayRetentionTasks } from './retention.js';

const log = loggerFor('gateway');

export class PrivacyService {
  readonly saga: ErasureSaga;
  readonly exporter: CustomerExporter;
  private timer: NodeJS.Timeout | null = null;
  private resuming: Promise<unknown> | null = null;
  private retention: { close(): Promise<void> } | null = null;

  constructor(
    private readonly store: GatewayStore,
    subgraphUrl: (system: string) => string | undefined,
    timeoutMs: number,
    baseUrl: () => string,
    private readonly settings: PrivacySettings = privacySettings(),
  ) {
    const client = new SystemClient(subgraphUrl, timeoutMs);
    this.saga = new ErasureSaga(store, client);
    this.exporter = new CustomerExporter(store, client, settings, () => settings.publicUrl ?? baseUrl());
  }

  /**
   * Resumes unfinished erasures now and every `SWITCHBOARD_ERASURE_RETRY_SECONDS` (not when 0),
   * and schedules the gateway's retention (audit entries, expired exports). In a cluster
   * (`SWITCHBOARD_WORKERS`), only the leader worker does either: the saga's lock against two
   * runs of one erasure is per process, so resuming runs in one process; an erasure asked for
   * again on another worker runs there (its steps are idempotent).
   */
  start(): void {
    this.retention ??= scheduleRetention(
      'gateway',
      gatewayRetentionTasks(this.store.database.db as unknown as Kysely<PrivacyTables>, this.settings.retentionPeriods),
      this.settings.retentionIntervalSeconds,
    );
    if (this.settings.erasureRetrySeconds === 0 || this.timer || !runsBackgroundJobs()) return;
    const tick = () => {
      this.resuming ??= this.saga
        .resumeAll()
        .catch((error: unknown) => log.warn(`resuming erasures failed: ${(error as Error).message}`))
        .finally(() => (this.resuming = null));
    };
    this.timer = setInterval(tick, this.settings.erasureRetrySeconds * 1000);
    this.timer.unref();
    setImmediate(tick);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.retention?.close();
    await this.resuming;
  }

  routes(): Record<string, RouteSpec> {
    return { [`GET ${EXPORT_PATH}`]: exportDownloadRoute(() => this.store.database.db as unknown as Kysely<PrivacyTables>) };
  }
}
