/**
 * The call center's port: what the subgraph needs from the call-center system, batch
 * first (every lookup takes a list and answers in input order), so one GraphQL request
 * costs a constant number of round trips whatever the number of parents.
 */
import type { Page, PageArgs } from '../../shared/pagination.js';
import type { StatementListener } from '../../shared/database.js';
import type { AgentRecord, CallCenterSeed, CallRecord, QueueRecord } from './records.js';
import type { LoadSeedOptions } from '../../devdata/seed/load.js';

/** The `kind` of cursors of a customer's call list (a cursor of another list is refused). */
export const CUSTOMER_CALLS_CURSOR = 'Customer.calls';

/** Statement counting, for tests and diagnostics (see `subgraphs/shared/database.ts`). */
export interface StatementCounter {
  readonly dialect: 'sqlite' | 'postgres';
  readonly statementCount: number;
  onStatement(listener: StatementListener): () => void;
  /** Resolves when the database answers (readiness). */
  ping(): Promise<void>;
}

export interface CallCenterSource {
  /** Calls by id, in input order; `null` for unknown ids. */
  callsByIds(ids: readonly string[]): Promise<(CallRecord | null)[]>;
  agentsByIds(ids: readonly string[]): Promise<(AgentRecord | null)[]>;
  queuesByIds(ids: readonly string[]): Promise<(QueueRecord | null)[]>;
  /** All agents (of one team when given), by id. */
  listAgents(team?: string): Promise<AgentRecord[]>;
  /** All queues, by id. */
  listQueues(): Promise<QueueRecord[]>;
  /**
   * For each customer (the set of its E.164 numbers), one page of the calls whose
   * customer-side number is any of them, newest first (startedAt DESC, id DESC), with the
   * total count. One statement for the whole batch; an empty set gets an empty page.
   */
  callsByCustomerNumbers(numberSets: readonly (readonly string[])[], page: PageArgs): Promise<Page<CallRecord>[]>;
  /** For each customer (set of numbers), its most recent call or `null`. */
  lastCallByCustomerNumbers(numberSets: readonly (readonly string[])[]): Promise<(CallRecord | null)[]>;
  /**
   * Loads one seed chunk's call-center part in one transaction (rows already present are
   * kept), with the report tables kept current unless `options.deferReports` (then
   * `rebuildReports` after the last chunk).
   */
  loadSeed(part: CallCenterSeed, options?: LoadSeedOptions): Promise<void>;
  /** Sums the report tables (roll-ups, contact gaps, histograms) from every stored call again, in one transaction. */
  rebuildReports(): Promise<void>;
  /** True when the store holds no agents, queues or calls. */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
  readonly database: StatementCounter;
}
