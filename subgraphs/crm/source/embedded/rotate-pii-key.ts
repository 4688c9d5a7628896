/**
 * Re-encrypts the CRM's PII under the current key: `tsx subgraphs/crm/source/embedded/rotate-pii-key.ts`.
 * Run it after setting the new `SWITCHBOARD_PII_KEY` with the previous key(s) in
 * `SWITCHBOARD_PII_OLD_KEYS`; afterwards the old keys can be removed. It reads the same
 * configuration as the CRM subgraph (`CRM_DATABASE_URL`, otherwise `data/crm.sqlite`).
 * Also encrypts national IDs stored in plain text by a version before encryption existed.
 */
import { databaseConfig } from '../../../shared/config.js';
import { openEmbeddedCrmStore } from './open.js';
import type { SqlCrmStore } from './store.js';

let store: SqlCrmStore | null = null;
try {
  store = await openEmbeddedCrmStore(databaseConfig('crm'));
  const result = await store.reencryptAll();
  console.log(
    `re-encrypted ${result.reencrypted} of ${result.scanned} national IDs under key ${result.currentKeyId}; ` +
      `${result.reencrypted === 0 ? 'nothing was under an old key' : 'the old keys are no longer needed for them'}.`,
  );
} catch (error) {
  console.error(`PII key rotation stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await store?.close();
}
