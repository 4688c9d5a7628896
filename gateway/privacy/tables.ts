/** The gateway store's privacy tables (docs/privacy.md): the erasure saga's state and stored exports. */
import type { GatewayTables } from '../store/tables.js';

/** One erasure per customer: asking again resumes it. */
export interface ErasureRequestsTable {
  id: string;
  customer_id: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  /** The gateway request that created it, linking it to its audit event. */
  request_id: string;
  /** `IN_PROGRESS` | `FAILED` | `COMPLETED`. */
  status: string;
  completed_at: string | null;
}

/** One step per (erasure, system). */
export interface ErasureStepsTable {
  erasure_id: string;
  system: string;
  position: number;
  /** `PENDING` | `FAILED` | `DONE`. */
  status: string;
  attempts: number;
  erased: number | null;
  recordings_flagged: number | null;
  last_error: string | null;
  done_at: string | null;
}

/** A finished export document, downloadable through a signed link until `expires_at`. */
export interface PrivacyExportsTable {
  id: string;
  customer_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  bytes: number;
  document: string;
}

export interface PrivacyTables extends GatewayTables {
  erasure_requests: ErasureRequestsTable;
  erasure_steps: ErasureStepsTable;
  privacy_exports: PrivacyExportsTable;
}
