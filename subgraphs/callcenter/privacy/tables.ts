/** The call center's privacy table beside its own (`../source/tables.ts`, events, outbox). */
import type { CallCenterTables } from '../source/tables.js';
import type { CallReportingColumns } from '../reports/tables.js';
import type { CtiTables } from '../events/tables.js';
import type { OutboxTables } from '../outbox/tables.js';

/**
 * Recording references to delete at the recording store, written by erasure and retention
 * (docs/privacy.md). The recording store's deletion job reads the `PENDING` ones and marks them
 * `DELETED`; the reference has left the call already.
 */
export interface RecordingDeletionsTable {
  ref: string;
  call_id: string;
  /** `ERASURE` or `RETENTION`. */
  reason: string;
  /** The erasure's id for `ERASURE`; null for `RETENTION`. */
  erasure_id: string | null;
  requested_at: string;
  /** `PENDING` | `DELETED`. */
  status: string;
}

export type CallCenterPrivacyTables = Omit<CallCenterTables, 'calls'> &
  CtiTables &
  OutboxTables & {
    calls: CallCenterTables['calls'] & CallReportingColumns;
    recording_deletions: RecordingDeletionsTable;
  };
