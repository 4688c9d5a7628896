/**
 * The kinds of value an environment variable may hold, as zod schemas over the raw text
 * (`string | undefined`; an empty or blank value counts as unset). Each kind gives its
 * schema and the default the README shows; a wrong value is one zod issue whose message says
 * what was expected and what was given (the variable's name is added by `read.ts`).
 */
import { z } from 'zod';

/** A variable's schema: raw text (or `undefined` when unset) in, the typed value out. */
export type EnvSchema<T> = z.ZodType<T, string | undefined>;

/** A kind of value: its schema and the default as the README's table shows it (Markdown). */
export interface EnvKind<T> {
  schema: EnvSchema<T>;
  default: string;
}

/** Returned by a parser for a value it refuses: says what was expected, e.g. `a whole number`. */
export class Expected {
  constructor(readonly what: string) {}
}

const UNSET = 'unset';

function code(value: unknown): string {
  return `\`${String(value)}\``;
}

/**
 * A kind from a parser of the (trimmed, non-empty) text; unset gives `fallback`.
 * The issue message is `must be <what>, got "<raw>"`.
 */
export function kind<T>(parse: (text: string) => T | Expected, fallback: T, shown?: string): EnvKind<T>;
export function kind<T>(parse: (text: string) => T | Expected, fallback?: undefined, shown?: string): EnvKind<T | undefined>;
export function kind<T>(parse: (text: string) => T | Expected, fallback?: T, shown?: string): EnvKind<T | undefined> {
  return build(parse, fallback, shown);
}

/** `blankIsValue`: a set but blank value is parsed (as `''`) instead of counting as unset. */
function build<T>(parse: (text: string) => T | Expected, fallback: T | undefined, shown: string | undefined, blankIsValue = false): EnvKind<T | undefined> {
  const schema = z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = raw?.trim();
      if (raw === undefined || (!text && !blankIsValue)) return fallback;
      const parsed = parse(text ?? '');
      if (parsed instanceof Expected) {
        ctx.addIssue({ code: 'custom', message: `must be ${parsed.what}, got ${JSON.stringify(raw)}` });
        return z.NEVER;
      }
      return parsed;
    });
  return { schema, default: shown ?? (fallback === undefined ? UNSET : code(fallback)) };
}

interface Range {
  min?: number;
  max?: number;
}

function rangeText({ min = 0, max }: Range): string {
  return max === undefined ? (min === 0 ? '' : ` of at least ${min}`) : ` from ${min} to ${max}`;
}

/** A whole number (default range: 0 and up). */
export function wholeNumber(fallback: number, range?: Range & { unit?: string }): EnvKind<number>;
export function wholeNumber(fallback?: undefined, range?: Range & { unit?: string }): EnvKind<number | undefined>;
export function wholeNumber(fallback?: number, range: Range & { unit?: string } = {}): EnvKind<number | undefined> {
  const { min = 0, max } = range;
  const what = `a whole number${range.unit ? ` of ${range.unit}` : ''}${rangeText(range)}`;
  return build((text) => {
    const value = Number(text);
    return Number.isInteger(value) && value >= min && (max === undefined || value <= max) ? value : new Expected(what);
  }, fallback, undefined);
}

/** A TCP port (0: any free one). */
export function port(fallback: number): EnvKind<number> {
  return wholeNumber(fallback, { max: 65535 });
}

/** A number above 0, fractions allowed. */
export function positiveNumber(fallback: number, unit?: string): EnvKind<number> {
  return build((text) => {
    const value = Number(text);
    return Number.isFinite(value) && value > 0 ? value : new Expected(`a number above 0${unit ? ` of ${unit}` : ''}`);
  }, fallback, undefined) as EnvKind<number>;
}

/** `true` or `false` (any case). */
export function flag(fallback: boolean): EnvKind<boolean>;
export function flag(fallback?: undefined, shown?: string): EnvKind<boolean | undefined>;
export function flag(fallback?: boolean, shown?: string): EnvKind<boolean | undefined> {
  return build((text) => (/^true$/i.test(text) ? true : /^false$/i.test(text) ? false : new Expected('true or false')), fallback, shown);
}

/** Any text. */
export function text(fallback: string, shown?: string): EnvKind<string>;
export function text(fallback?: undefined, shown?: string): EnvKind<string | undefined>;
export function text(fallback?: string, shown?: string): EnvKind<string | undefined> {
  return build((value) => value, fallback, shown);
}

/** An absolute URL with one of `protocols` (e.g. `['http:', 'https:']`). */
export function url(protocols: readonly string[], shown?: string): EnvKind<string | undefined> {
  const what = `a ${protocols.map((p) => p.replace(/:$/, '')).join(' or ')} URL`;
  return build((value) => {
    try {
      return protocols.includes(new URL(value).protocol) ? value : new Expected(what);
    } catch {
      return new Expected(what);
    }
  }, undefined, shown);
}

/** One of `values` (matched without regard to case, given back as spelled in `values`). */
export function oneOf<const V extends string>(values: readonly V[], fallback: V): EnvKind<V>;
export function oneOf<const V extends string>(values: readonly V[], fallback?: undefined, shown?: string): EnvKind<V | undefined>;
export function oneOf<const V extends string>(values: readonly V[], fallback?: V, shown?: string): EnvKind<V | undefined> {
  return build((value) => values.find((v) => v.toLowerCase() === value.toLowerCase()) ?? new Expected(`one of ${values.join(', ')}`), fallback, shown);
}

/**
 * A comma-separated list (blank entries dropped); each entry must pass `item` when given.
 * Set but empty is the empty list (unset: `fallback`).
 */
export function list(fallback: readonly string[] | undefined, item?: { check: (entry: string) => boolean; what: string }, shown?: string): EnvKind<string[] | undefined> {
  const parse = (value: string): string[] | Expected => {
    const entries = value.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
    if (item && !entries.every(item.check)) return new Expected(`a comma-separated list of ${item.what}`);
    return entries;
  };
  return build(parse, fallback ? [...fallback] : undefined, shown ?? (fallback ? code(fallback.join(',')) : undefined), true);
}

/** A size in MiB (fractions allowed), given back in bytes. */
export function mebibytes(fallbackMib: number): EnvKind<number> {
  const k = positiveNumber(fallbackMib, 'MiB');
  return { schema: k.schema.transform((value) => Math.round(value * 1024 * 1024)), default: k.default };
}
