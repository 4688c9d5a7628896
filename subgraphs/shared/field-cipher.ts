/**
 * The one way a column is encrypted at rest: AES-256-GCM, one random 96-bit IV per value,
 * the column and row as additional authenticated data (a sealed value copied into another
 * row or column does not decrypt). Used for the CRM's national IDs (`SWITCHBOARD_PII_KEY`)
 * and the gateway's webhook signing secrets (`SWITCHBOARD_WEBHOOK_KEY`), each with its own key.
 *
 * Stored form: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64 parts). The key id is the first
 * 8 hex digits of the SHA-256 of the key, so it names the key without revealing it.
 *
 * Keys (base64, 32 bytes): the current key encrypts and decrypts (in development a key is
 * generated with a warning by `secret()`); the old keys (comma-separated `keyId=base64` or
 * plain `base64`) only decrypt, for values written before a rotation until they are rewritten
 * (CRM: `rotate-pii-key.ts`; webhooks: at the gateway's start).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { secret } from './secrets.js';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The variables holding one cipher's keys, and the command that rewrites values under the current key. */
export interface CipherKeys {
  key: 'SWITCHBOARD_PII_KEY' | 'SWITCHBOARD_WEBHOOK_KEY';
  oldKeys: 'SWITCHBOARD_PII_OLD_KEYS' | 'SWITCHBOARD_WEBHOOK_OLD_KEYS';
  rewrite: string;
}

export const PII_KEYS: CipherKeys = { key: 'SWITCHBOARD_PII_KEY', oldKeys: 'SWITCHBOARD_PII_OLD_KEYS', rewrite: 'run subgraphs/crm/source/embedded/rotate-pii-key.ts' };
export const WEBHOOK_KEYS: CipherKeys = { key: 'SWITCHBOARD_WEBHOOK_KEY', oldKeys: 'SWITCHBOARD_WEBHOOK_OLD_KEYS', rewrite: 'restart the gateway' };

/** Raised when a stored value cannot be decrypted: unknown key, tampered or not sealed at all. */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
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
function parseOldKeys(value: string | undefined, variable: string): Buffer[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, i) => {
      // base64 never contains `=` except as trailing padding, so a `=` followed by more text separates the id.
      const match = /^([0-9a-f]{8})=(.+)$/i.exec(entry);
      const key = decodeKey(match ? match[2]! : entry, `${variable} entry ${i + 1}`);
      if (match && match[1]!.toLowerCase() !== keyIdOf(key)) {
        throw new Error(`${variable} entry ${i + 1}: key id ${match[1]} does not match its key (${keyIdOf(key)}).`);
      }
      return key;
    });
}

export class FieldCipher {
  readonly currentKeyId: string;
  private readonly current: Buffer;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(currentKey: Uint8Array, oldKeys: readonly Uint8Array[] = [], readonly names: CipherKeys = PII_KEYS) {
    this.current = checkKey(currentKey, names.key);
    this.currentKeyId = keyIdOf(this.current);
    const keys = new Map<string, Buffer>();
    for (const key of oldKeys) keys.set(keyIdOf(key), checkKey(key, `An old key in ${names.oldKeys}`));
    keys.set(this.currentKeyId, this.current);
    this.keys = keys;
  }

  /** From the variables `names` (the PII key by default). Throws naming the variable when a key is not 32 bytes of base64. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, names: CipherKeys = PII_KEYS): FieldCipher {
    return new FieldCipher(decodeKey(secret(names.key, env), names.key), parseOldKeys(env[names.oldKeys], names.oldKeys), names);
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

  /** The plaintext; a `DecryptionError` when the key is unknown or the value or its context was altered. */
  decrypt(sealed: string, context: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new DecryptionError(`${context} is not an encrypted value (expected "${VERSION}:<keyId>:…"): ${this.names.rewrite} to encrypt it.`);
    }
    const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) {
      throw new DecryptionError(`${context} was encrypted with key ${keyId}, which is neither ${this.names.key} nor in ${this.names.oldKeys}.`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError(`${context} failed AES-GCM authentication with key ${keyId}: the stored value was altered or belongs to another record.`);
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
