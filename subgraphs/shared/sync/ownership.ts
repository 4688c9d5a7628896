/**
 * The conflict rule of a synced copy: each copied field has one owner, the system whose value
 * wins. It is declared in the adapter's mapping file (`sync.owners`), never decided by which
 * write came last. Seed rule: the system that holds the field owns it (RT owns a ticket's
 * status, HubSpot a contact's phones); the fields only Switchboard keeps belong to
 * `switchboard`.
 *
 * A copy has several writers: the sync (writing what the source system holds) and Switchboard
 * itself (writing through what it just did, e.g. who assigned a ticket it created). For each
 * field a writer that owns it replaces the copy's value; a writer that does not own it only
 * fills in a record the copy does not have yet (there is nothing to conflict with), and never
 * overwrites the owner's value, however late it comes.
 *
 * Validated at start with zod: an unknown field, or an owner that never writes the field
 * (e.g. `assignedBy` owned by RT, which does not record it), is refused with its path.
 */
import { z } from 'zod';

/** What the adapter declares for one copied field: its seed owner and every system that writes it. */
export interface FieldOwnership<S extends string> {
  /** The seed rule's owner: the system that holds the field. */
  owner: S;
  /** The systems that write this field into the copy (the owner among them). */
  writers: readonly S[];
}

/** A validated owner per field. */
export type Owners<F extends string, S extends string> = Record<F, S>;

/**
 * The zod schema of `sync.owners` for the fields `fields` declares: an object of field →
 * owning system, each optional (default: the seed owner), strict (unknown fields refused),
 * each owner one of the field's writers.
 */
export function ownersSchema<F extends string, S extends string>(fields: Record<F, FieldOwnership<S>>) {
  const shape = Object.fromEntries(
    (Object.entries(fields) as [F, FieldOwnership<S>][]).map(([field, { owner, writers }]) => [
      field,
      z
        .string()
        .refine((value) => (writers as readonly string[]).includes(value), {
          message: `must be ${writers.map((w) => `"${w}"`).join(' or ')}: only ${writers.length === 1 ? 'that system writes' : 'those systems write'} ${field} into the copy`,
        })
        .default(owner),
    ]),
  ) as Record<F, z.ZodDefault<z.ZodString>>;
  return z
    .object(shape)
    .strict()
    .prefault({} as never)
    .transform((value) => value as unknown as Owners<F, S>);
}

/** The seed owners of `fields` (every field owned by the system that holds it). */
export function seedOwners<F extends string, S extends string>(fields: Record<F, FieldOwnership<S>>): Owners<F, S> {
  return Object.fromEntries((Object.entries(fields) as [F, FieldOwnership<S>][]).map(([field, { owner }]) => [field, owner])) as Owners<F, S>;
}

/**
 * The record the copy keeps when `writer` writes `incoming` over `existing` (null: not in the
 * copy yet): fields `writer` owns come from `incoming`; every other field keeps `existing`'s
 * value, or `incoming`'s when there is no existing record. Fields not in `owners` are taken
 * from `incoming` (identity and bookkeeping fields such as the id).
 */
export function mergeByOwner<T extends object, S extends string>(existing: T | null, incoming: T, writer: NoInfer<S>, owners: Partial<Record<keyof T, S>>): T {
  if (existing === null) return { ...incoming };
  const merged = { ...incoming };
  for (const [field, owner] of Object.entries(owners) as [keyof T, S][]) {
    if (owner !== writer && field in existing) merged[field] = existing[field];
  }
  return merged;
}
