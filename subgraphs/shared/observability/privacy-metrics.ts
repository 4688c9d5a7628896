/**
 * Metrics of data-subject requests and retention (docs/privacy.md), on the process's one
 * registry (metrics.ts), served at `GET /metrics` with the others.
 */
import { Counter } from 'prom-client';
import { registry } from './metrics.js';

export const privacyMetrics = {
  /** Erasure requests, by event (`requested`, `completed`). */
  erasures: new Counter({
    name: 'switchboard_erasure_requests_total',
    help: 'Erasure requests by event: requested (new) or completed (every system erased).',
    labelNames: ['event'] as const,
    registers: [registry],
  }),
  /** Erasure steps run, by system and outcome (`done`, `failed`). */
  erasureSteps: new Counter({
    name: 'switchboard_erasure_steps_total',
    help: 'Runs of one system’s erasure step, by system and outcome (done, failed).',
    labelNames: ['system', 'outcome'] as const,
    registers: [registry],
  }),
  /** Data-subject exports made. */
  exports: new Counter({
    name: 'switchboard_customer_data_exports_total',
    help: 'Customer data exports made, by completeness (complete, partial).',
    labelNames: ['completeness'] as const,
    registers: [registry],
  }),
  /** Records removed by retention, by service and data kind (never counted in a dry run). */
  retentionRemoved: new Counter({
    name: 'switchboard_retention_removed_total',
    help: 'Records removed (or recording references flagged for deletion) by the retention job, by data kind.',
    labelNames: ['service', 'kind'] as const,
    registers: [registry],
  }),
};
