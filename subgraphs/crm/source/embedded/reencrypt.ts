/**
 * Key rotation of the PII sealed at rest: every national ID not under the current key
 * (written under an old key, or stored in plain text before encryption existed) is rewritten
 * under it, in batches of `REENCRYPT_BATCH_ROWS` rows, one transaction each.
 */
import type { Kysely } from 'kysely';
import { PiiCipher } from './pii-cipher.js';
import { nationalIdContext } from './rows.js';
import type { CrmTables } from './tables.js';

/** Rows per batch while re-encrypting. */
const REENCRYPT_BATCH_ROWS = 500;

export interface ReencryptionResult {
  /** Rows with a national ID. */
  scanned: number;
  /** Rows rewritten under the current key (they were under an old key, or not encrypted at all). */
  reencrypted: number;
  currentKeyId: string;
}

/** Safe to run again or to interrupt; old keys are needed until it is done. */
export async function reencryptAll(db: Kysely<CrmTables>, cipher: PiiCipher): Promise<ReencryptionResult> {
  let scanned = 0;
  let reencrypted = 0;
  let lastId = '';
  for (;;) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'national_id'])
      .where('national_id', 'is not', null)
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(REENCRYPT_BATCH_ROWS)
      .execute();
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    scanned += rows.length;
    const stale = rows.filter((row) => cipher.needsReencryption(row.national_id!));
    if (stale.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      for (const row of stale) {
        const context = nationalIdContext(row.id);
        const sealed = row.national_id!;
        const plain = PiiCipher.isSealed(sealed) ? cipher.decrypt(sealed, context) : sealed;
        await trx
          .updateTable('customers')
          .set({ national_id: cipher.encrypt(plain, context) })
          .where('id', '=', row.id)
          // Unchanged since read: a concurrent writer wins, this row is picked up by the next run.
          .where('national_id', '=', sealed)
          .execute();
      }
    });
    reencrypted += stale.length;
  }
  return { scanned, reencrypted, currentKeyId: cipher.currentKeyId };
}
