/**
 * The one contract by which a system takes part in a data subject's requests
 * (docs/privacy.md): each subgraph implements `PersonalData` over the data it owns and serves
 * it through its own graph fields (`<system>PersonalData`, `<system>EraseCustomer`); the
 * gateway's privacy orchestrator (gateway/privacy/) collects the parts and runs the erasure
 * saga. No system calls another. A new store (conversations, say) is one more `PersonalData`
 * section in the subgraph that owns it, listed with `combineSections`.
 */
import { badUserInput } from '../../../schema/errors.js';

/** Whom a request is about: the CRM's customer id and the customer's phone numbers (E.164) as the CRM holds them. */
export interface DataSubject {
  customerId: string;
  /** Main numbers in E.164; the call center finds calls by them. Empty for the CRM itself. */
  phones: readonly string[];
}

/** One record a system holds about the subject, as plain JSON (no Dates, no Buffers). */
export interface PersonalDataRecord {
  /** What it is, `<system>.<kind>` (`crm.customer`, `callcenter.call`, `tickets.comment`, …). */
  kind: string;
  /** The record's id in its system (unique per kind). */
  id: string;
  data: Record<string, unknown>;
}

/** One system's part of an export. */
export interface PersonalDataPart {
  /** The system (`crm`, `callcenter`, `tickets`, `audit`). */
  source: string;
  records: PersonalDataRecord[];
}

/** What one system's erasure step did; counts only, never values. */
export interface ErasureOutcome {
  source: string;
  /** Records erased or pseudonymised by this run (0 when a repeat found nothing left). */
  erased: number;
  /** Recording references flagged for deletion at the recording store by this run. */
  recordingsFlagged: number;
}

/**
 * A system's (or a section's) personal data about one subject. Both methods are idempotent:
 * `erase` run again after a crash, or after it finished, changes nothing more and succeeds.
 * `erase` runs in one transaction per section, so a failure leaves that section as it was.
 */
export interface PersonalData {
  export(subject: DataSubject): Promise<PersonalDataRecord[]>;
  erase(subject: DataSubject, erasureId: string): Promise<Omit<ErasureOutcome, 'source'>>;
}

/** One `PersonalData` of several sections (customers, orders, later conversations), in order. */
export function combineSections(sections: readonly PersonalData[]): PersonalData {
  return {
    async export(subject) {
      const records: PersonalDataRecord[] = [];
      for (const section of sections) records.push(...(await section.export(subject)));
      return records;
    },
    async erase(subject, erasureId) {
      let erased = 0;
      let recordingsFlagged = 0;
      for (const section of sections) {
        const outcome = await section.erase(subject, erasureId);
        erased += outcome.erased;
        recordingsFlagged += outcome.recordingsFlagged;
      }
      return { erased, recordingsFlagged };
    },
  };
}

/** What erased free text reads as. Never a value that could be mistaken for data. */
export const ERASED_TEXT = '[erased]';

/** The display name of an erased customer. */
export const ERASED_NAME = 'Erased customer';

/** A `PersonalDataRecord` as the graph carries it (`data` as JSON text). */
export function recordToGraph(record: PersonalDataRecord): { kind: string; id: string; data: string } {
  return { kind: record.kind, id: record.id, data: JSON.stringify(record.data) };
}

/**
 * Checks a request's arguments before any system reads or writes: a non-empty customer id,
 * E.164 numbers, and (for erasure) a non-empty erasure id. Throws BAD_USER_INPUT naming the field.
 */
export function validSubject(customerId: string, phones: readonly string[], erasureId?: string): DataSubject {
  if (customerId.trim() === '') throw badUserInput('`customerId` must not be empty.', { field: 'customerId' });
  const invalid = phones.find((phone) => !/^\+[1-9]\d{4,14}$/.test(phone));
  if (invalid !== undefined) throw badUserInput('`phones` must be E.164 numbers.', { field: 'phones' });
  if (erasureId !== undefined && erasureId.trim() === '') throw badUserInput('`erasureId` must not be empty.', { field: 'erasureId' });
  return { customerId, phones };
}
