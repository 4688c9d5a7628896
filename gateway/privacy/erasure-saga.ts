/**
 * `eraseCustomer`: a saga with one persisted step per system (`ERASURE_ORDER`). Each step is
 * the system's own idempotent erasure, so running a step again after a crash — halfway through
 * it or after it — is safe. The request and every step's state live in the gateway store
 * (`erasure_requests`, `erasure_steps`); a failed or interrupted request is resumed by asking
 * again or by `resumeAll` (the gateway's retry timer, and at start for requests a crash left
 * `IN_PROGRESS`). The state holds counts and error texts, never the erased values.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { badUserInput, notFound, switchboardError } from '../../schema/errors.js';
import { loggerFor } from '../../subgraphs/shared/observability/logger.js';
import type { GatewayStore } from '../store/gateway-store.js';
import { customerPhones, ERASURE_ORDER, type PrivacySystem } from './systems.js';
import type { SystemClient } from './system-client.js';
import type { PrivacyTables } from './tables.js';
import { privacyMetrics } from '../../subgraphs/shared/observability/privacy-metrics.js';

const log = loggerFor('gateway');

export type ErasureStatus = 'IN_PROGRESS' | 'FAILED' | 'COMPLETED';
export type ErasureStepStatus = 'PENDING' | 'FAILED' | 'DONE';

export interface ErasureStep {
  system: string;
  status: ErasureStepStatus;
  attempts: number;
  erased: number | null;
  recordingsFlagged: number | null;
  lastError: string | null;
  doneAt: string | null;
}

export interface ErasureRequest {
  id: string;
  customerId: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  requestId: string;
  status: ErasureStatus;
  completedAt: string | null;
  steps: ErasureStep[];
}

export const MAX_REASON_LENGTH = 500;
const MAX_ERROR_LENGTH = 300;

export class ErasureSaga {
  private readonly db: Kysely<PrivacyTables>;
  /** Runs in progress in this process, by erasure id: a second caller waits for the first. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    store: GatewayStore,
    private readonly client: SystemClient,
    private readonly systems: readonly PrivacySystem[] = ERASURE_ORDER,
  ) {
    this.db = store.database.db as unknown as Kysely<PrivacyTables>;
  }

  /**
   * Starts (or resumes) the erasure of `customerId` and runs its remaining steps. Returns the
   * request as it stands afterwards: `COMPLETED`, or `FAILED` with the failing step's error.
   * BAD_USER_INPUT for a reason outside 1..500 characters; NOT_FOUND when the CRM does not know
   * the customer (checked only for a new request); SUBGRAPH_UNAVAILABLE when the CRM cannot say.
   */
  async erase(customerId: string, reason: string, requestedBy: string, requestId: string): Promise<ErasureRequest> {
    const trimmed = reason.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_REASON_LENGTH) throw badUserInput(`An erasure's reason must have 1..${MAX_REASON_LENGTH} characters.`, { field: 'reason' });
    let request = await this.byCustomer(customerId);
    if (!request) {
      let phones: string[] | null;
      try {
        phones = await customerPhones(this.client, customerId);
      } catch (error) {
        throw switchboardError('SUBGRAPH_UNAVAILABLE', `The CRM could not confirm customer ${customerId} (${(error as Error).message}); nothing was erased.`, { subgraph: 'crm' });
      }
      if (phones === null) throw notFound('Customer', customerId);
      request = await this.create(customerId, trimmed, requestedBy, requestId);
    }
    await this.run(request.id);
    return (await this.byId(request.id))!;
  }

  /** Resumes every request not `COMPLETED` (the retry timer); returns how many it ran. */
  async resumeAll(): Promise<number> {
    const open = await this.db.selectFrom('erasure_requests').select('id').where('status', '!=', 'COMPLETED').orderBy('requested_at').execute();
    for (const { id } of open) await this.run(id);
    return open.length;
  }

  async byId(id: string): Promise<ErasureRequest | null> {
    const row = await this.db.selectFrom('erasure_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.withSteps(row) : null;
  }

  async byCustomer(customerId: string): Promise<ErasureRequest | null> {
    const row = await this.db.selectFrom('erasure_requests').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
    return row ? this.withSteps(row) : null;
  }

  async byRequestId(requestId: string): Promise<ErasureRequest | null> {
    const row = await this.db.selectFrom('erasure_requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    return row ? this.withSteps(row) : null;
  }

  /** Newest first, at most `limit`; of one customer when given. */
  async list(customerId: string | null, limit = 100): Promise<ErasureRequest[]> {
    let query = this.db.selectFrom('erasure_requests').selectAll();
    if (customerId) query = query.where('customer_id', '=', customerId);
    const rows = await query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return Promise.all(rows.map((row) => this.withSteps(row)));
  }

  private async create(customerId: string, reason: string, requestedBy: string, requestId: string): Promise<ErasureRequest> {
    const id = randomUUID();
    const now = new Date().toISOString();
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('erasure_requests')
          .values({ id, customer_id: customerId, reason, requested_by: requestedBy, requested_at: now, request_id: requestId, status: 'IN_PROGRESS', completed_at: null })
          .execute();
        await trx
          .insertInto('erasure_steps')
          .values(
            this.systems.map((system, position) => ({
              erasure_id: id,
              system: system.system,
              position,
              status: 'PENDING',
              attempts: 0,
              erased: null,
              recordings_flagged: null,
              last_error: null,
              done_at: null,
            })),
          )
          .execute();
      });
      privacyMetrics.erasures.inc({ event: 'requested' });
    } catch (error) {
      // Another request for this customer won the race (unique customer_id): resume that one.
      const existing = await this.byCustomer(customerId);
      if (existing) return existing;
      throw error;
    }
    return (await this.byId(id))!;
  }

  private run(id: string): Promise<void> {
    const current = this.running.get(id);
    if (current) return current;
    const run = this.runSteps(id).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  private async runSteps(id: string): Promise<void> {
    const request = await this.byId(id);
    if (!request || request.status === 'COMPLETED') return;
    await this.db.updateTable('erasure_requests').set({ status: 'IN_PROGRESS' }).where('id', '=', id).execute();
    let phones: string[] | null = null;
    for (const step of request.steps) {
      if (step.status === 'DONE') continue;
      const system = this.systems.find((s) => s.system === step.system);
      await this.db.updateTable('erasure_steps').set({ attempts: step.attempts + 1 }).where('erasure_id', '=', id).where('system', '=', step.system).execute();
      try {
        if (!system) throw new Error(`no system named ${step.system} takes part in erasure`);
        // Read before every run that needs them: the CRM holds the numbers until its own (last) step.
        phones ??= (await customerPhones(this.client, request.customerId)) ?? [];
        const outcome = await system.erase(this.client, { customerId: request.customerId, phones }, id);
        await this.db
          .updateTable('erasure_steps')
          .set({ status: 'DONE', erased: outcome.erased, recordings_flagged: outcome.recordingsFlagged, last_error: null, done_at: new Date().toISOString() })
          .where('erasure_id', '=', id)
          .where('system', '=', step.system)
          .execute();
        privacyMetrics.erasureSteps.inc({ system: step.system, outcome: 'done' });
      } catch (error) {
        const message = (error as Error).message.slice(0, MAX_ERROR_LENGTH);
        await this.db.updateTable('erasure_steps').set({ status: 'FAILED', last_error: message }).where('erasure_id', '=', id).where('system', '=', step.system).execute();
        await this.db.updateTable('erasure_requests').set({ status: 'FAILED' }).where('id', '=', id).execute();
        privacyMetrics.erasureSteps.inc({ system: step.system, outcome: 'failed' });
        log.warn(`erasure ${id}: the ${step.system} step failed (${message}); it will be retried`);
        return;
      }
    }
    await this.db.updateTable('erasure_requests').set({ status: 'COMPLETED', completed_at: new Date().toISOString() }).where('id', '=', id).execute();
    privacyMetrics.erasures.inc({ event: 'completed' });
  }

  private async withSteps(row: PrivacyTables['erasure_requests']): Promise<ErasureRequest> {
    const steps = await this.db.selectFrom('erasure_steps').selectAll().where('erasure_id', '=', row.id).orderBy('position').execute();
    return {
      id: row.id,
      customerId: row.customer_id,
      reason: row.reason,
      requestedBy: row.requested_by,
      requestedAt: row.requested_at,
      requestId: row.request_id,
      status: row.status as ErasureStatus,
      completedAt: row.completed_at,
      steps: steps.map((step) => ({
        system: step.system,
        status: step.status as ErasureStepStatus,
        attempts: Number(step.attempts),
        erased: step.erased === null ? null : Number(step.erased),
        recordingsFlagged: step.recordings_flagged === null ? null : Number(step.recordings_flagged),
        lastError: step.last_error,
        doneAt: step.done_at,
      })),
    };
  }
}
