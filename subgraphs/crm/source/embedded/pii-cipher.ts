/**
 * The CRM's cipher for PII at rest (national IDs): the shared field cipher
 * (`subgraphs/shared/field-cipher.ts`) under `SWITCHBOARD_PII_KEY` and
 * `SWITCHBOARD_PII_OLD_KEYS`; `SqlCrmStore.reencryptAll()` (CLI: `rotate-pii-key.ts`)
 * rewrites values under the current key after a rotation.
 */
export { DecryptionError as PiiDecryptionError, FieldCipher as PiiCipher, keyIdOf } from '../../../shared/field-cipher.js';
