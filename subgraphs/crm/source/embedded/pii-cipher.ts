/**
 * The one place where CRM PII is encrypted at rest: AES-256-GCM, one random 96-bit IV per
 * value, the column and row as additional authenticated data (a sealed value copied into
 * another row or column does not decrypt).
 *
 * Stored form: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64 parts). The key id is the first
 * 8 hex digits of the SHA-256 of the key, so it names the key without revealing it.
 *
 * Keys (base64, 32 bytes): `SWITCHBOARD_PII_KEY` encrypts and decrypts (in development a key
 * is generated with a warning by `secret()`); `SWITCHBOARD_PII_OLD_KEYS` (comma-separated
 * `keyId=base64` or plain `base64`) only decrypt, for rows written before a rotation until
 * `SqlCrmStore.reencryptAll()` (CLI: `rotate-pii-key.ts`) has rewritten them.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { secret } from '../../../shared/secrets.js';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const OLD_KEYS_VARIABLE = 'SWITCHBOARD_PII_OLD_KEYS';

/** Raised when a stored value cannot be decrypted: unknown key, tampered or not sealed at all. */
export class PiiDecryptionError extends Error {
  override readonly name = 'PiiDecryptionError';
}

export function keyIdOf(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function checkKey(key: Uint8Array, source: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new Error(`${source} must be ${KEY_BYTES} bytes, base64-encoded (got ${key.length} bytes).`);
  }
  return Buffer.from(key);
}

function decodeKey(base64: string, source: string): Buffer {
  return checkKey(Buffer.from(base64.trim(), 'base64'), source);
}

/** `keyId=base64,keyId=base64` or `base64,base64`; a given key id must match the key. */
function parseOldKeys(value: string | undefined): Buffer[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, i) => {
      // base64 never contains `=` except as trailing padding, so a `=` followed by more text separates the id.
      const match = /^([0-9a-f]{8})=(.+)$/i.exec(entry);
      const key = decodeKey(match ? match[2]! : entry, `${OLD_KEYS_VARIABLE} entry ${i + 1}`);
      if (match && match[1]!.toLowerCase() !== keyIdOf(key)) {
        throw new Error(`${OLD_KEYS_VARIABLE} entry ${i + 1}: key id ${match[1]} does not match its key (${keyIdOf(key)}).`);
      }
      return key;
    });
}

export class PiiCipher {
  readonly currentKeyId: string;
  private readonly current: Buffer;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(currentKey: Uint8Array, oldKeys: readonly Uint8Array[] = []) {
    this.current = checkKey(currentKey, 'The PII key');
    this.currentKeyId = keyIdOf(this.current);
    const keys = new Map<string, Buffer>();
    for (const key of oldKeys) keys.set(keyIdOf(key), checkKey(key, 'An old PII key'));
    keys.set(this.currentKeyId, this.current);
    this.keys = keys;
  }

  /** From `SWITCHBOARD_PII_KEY` and `SWITCHBOARD_PII_OLD_KEYS`. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): PiiCipher {
    return new PiiCipher(decodeKey(secret('SWITCHBOARD_PII_KEY', env), 'SWITCHBOARD_PII_KEY'), parseOldKeys(env[OLD_KEYS_VARIABLE]));
  }

  /** Seals `plaintext` under the current key; `context` (for example `customers.national_id:cus_1`) must be given again to decrypt. */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.currentKeyId, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
  }

  /** The plaintext; a `PiiDecryptionError` when the key is unknown or the value or its context was altered. */
  decrypt(sealed: string, context: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new PiiDecryptionError(`${context} is not an encrypted value (expected "${VERSION}:<keyId>:…"): run subgraphs/crm/source/embedded/rotate-pii-key.ts to encrypt it.`);
    }
    const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) {
      throw new PiiDecryptionError(`${context} was encrypted with key ${keyId}, which is neither SWITCHBOARD_PII_KEY nor in ${OLD_KEYS_VARIABLE}.`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiDecryptionError(`${context} failed AES-GCM authentication with key ${keyId}: the stored value was altered or belongs to another record.`);
    }
  }

  /** Whether `sealed` should be rewritten: not encrypted, or encrypted under another key than the current one. */
  needsReencryption(sealed: string): boolean {
    return !sealed.startsWith(`${VERSION}:${this.currentKeyId}:`);
  }

  /** Whether `sealed` looks like a value this cipher writes (any key). */
  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}:`) && value.split(':').length === 5;
  }
}
