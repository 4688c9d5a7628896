/**
 * The reporting additions to the call center's store, idempotent and the same for SQLite and
 * PostgreSQL: the `customer_id` / `customer_tier` columns of `calls` and the indexes the
 * reports use. Called at the end of `source/migrations.ts`.
 * Part of migration 0001 (the release 0.1 schema), so frozen: a later change is a new entry
 * at the end of the store's list in `source/migrations.ts`.
 */
import type { Kysely } from 'kysely';
import { createContactGaps, rebuildContactGaps } from './contact-gaps.js';
import type { CallCenterTables } from '../source/tables.js';
import { addColumnIfMissing } from '../../shared/migrations.js';

const INDEXES: [name: string, columns: string[]][] = [
  // A customer's calls (top customers, call summaries, the previous/next contact of a caller),
  // with what tells a contact from other calls, so those seeks read the index only.
  ['calls_report_customer', ['customer_id', 'started_at', 'direction', 'queue_id', 'parent_call_id', 'disposition']],
  // Range scans of every metric block (contacts, handling, repeats, tiers), read from the
  // index only: it holds every column those blocks touch, so no row costs a table lookup.
  [
    'calls_report_range',
    ['started_at', 'direction', 'queue_id', 'parent_call_id', 'agent_id', 'disposition', 'wait_seconds', 'answered_at', 'talk_seconds', 'hold_seconds', 'wrap_up_seconds', 'customer_id', 'customer_number', 'customer_tier'],
  ],
];

/** Indexes replaced by a wider one above. */
const SUPERSEDED = ['calls_report_started_at'];

export async function migrateCallReporting(db: Kysely<CallCenterTables>): Promise<void> {
  await addColumnIfMissing(db, 'calls', 'customer_id');
  await addColumnIfMissing(db, 'calls', 'customer_tier');
  for (const name of SUPERSEDED) await db.schema.dropIndex(name).ifExists().execute();
  for (const [name, columns] of INDEXES) {
    await db.schema.createIndex(name).ifNotExists().on('calls').columns(columns).execute();
  }
}

/** The range index of 0001 with the contact gaps added, so the repeat-contact block reads the index only. */
const RANGE_INDEX_WITH_GAPS = [...(INDEXES.find(([name]) => name === 'calls_report_range')?.[1] ?? []), 'prev_contact_gap', 'next_contact_gap'];

/**
 * Migration 0005: the contact-gap columns of `calls`, computed for the calls stored
 * (reports/contact-gaps.ts), and `calls_report_range` rebuilt with them.
 */
export async function migrateContactGaps(db: Kysely<unknown>): Promise<void> {
  // Dropped first: filling two columns it would hold costs less without it.
  await db.schema.dropIndex('calls_report_range').ifExists().execute();
  await createContactGaps(db);
  await rebuildContactGaps(db);
  await db.schema.createIndex('calls_report_range').on('calls').columns(RANGE_INDEX_WITH_GAPS).execute();
}
