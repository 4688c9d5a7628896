/** Mixed-case tolerant access to vendor JSON: `pick(obj, 'contactId')` also finds `ContactId` or `contactid`. */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const fold = (key: string) => key.replace(/[_-]/g, '').toLowerCase();

/** The value under `key`, matched case- and separator-insensitively (`contactId`, `ContactId`, `contact_id`). */
export function pick(object: Json | undefined, key: string): unknown {
  if (!object) return undefined;
  if (key in object) return object[key];
  const wanted = fold(key);
  for (const [name, value] of Object.entries(object)) if (fold(name) === wanted) return value;
  return undefined;
}

export function pickString(object: Json | undefined, key: string): string | null {
  const value = pick(object, key);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function pickObject(object: Json | undefined, key: string): Json | undefined {
  const value = pick(object, key);
  return isObject(value) ? value : undefined;
}

/** How many keys of `object` are not among `known` (compared case-insensitively). */
export function countUnknownKeys(object: Json, known: readonly string[]): number {
  const folded = new Set(known.map(fold));
  return Object.keys(object).filter((key) => !folded.has(fold(key))).length;
}
