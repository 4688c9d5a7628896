/** The CRM's privacy tables (consent, erasure markers) beside its own (`../source/tables.ts`). */
import type { CrmTables } from '../source/embedded/tables.js';

/** The latest decision per (customer, purpose). */
export interface CustomerConsentsTable {
  customer_id: string;
  /** `SERVICE_CONTACT` | `MARKETING` | `RECORDING`. */
  purpose: string;
  /** `GRANTED` | `WITHDRAWN`. */
  status: string;
  source: string;
  recorded_at: string;
  recorded_by: string;
}

/** One row per erased customer: the CRM's step of the erasure saga is done. */
export interface CustomerErasuresTable {
  customer_id: string;
  erasure_id: string;
  erased_at: string;
}

export interface CrmPrivacyTables extends CrmTables {
  customer_consents: CustomerConsentsTable;
  customer_erasures: CustomerErasuresTable;
}
