/**
 * Phone numbers for the seed data: China mobiles and landlines plus a few US, UK and Hong
 * Kong numbers, each written the way people type them into a CRM. Numbers are drawn from
 * counters through bijective scrambles, so two customers never share a number by accident
 * (shared numbers are deliberate duplicates) and "unknown caller" numbers never belong to
 * any customer. Some company landlines carry an extension (`010-65529988转8001`). Every raw
 * spelling is read again by the one normaliser (`readPhoneNumber`) when the CRM loads the
 * seed (`crm/source/contact-phones.ts`), which refuses any disagreement.
 */
import { readPhoneNumber } from '../../shared/phone.js';
import type { Prng } from './prng.js';
import type { PhoneType } from '../../crm/source/records.js';
import {
  CN_MOBILE_PREFIXES,
  HK_MOBILE_LEADS,
  SEVEN_DIGIT_AREA_CODES,
  UK_LONDON_LEADS,
  US_AREA_CODES,
  ZH_REGIONS,
} from './vocabulary.js';

export type PhoneParts =
  | { kind: 'CN_MOBILE'; national: string }
  | { kind: 'CN_LANDLINE'; area: string; local: string; extension: string | null }
  | { kind: 'US'; area: string; exchange: string; line: string }
  | { kind: 'UK'; national: string }
  | { kind: 'HK'; local: string };

export interface GeneratedPhone {
  raw: string;
  /** The main number. */
  e164: string;
  extension: string | null;
  type: PhoneType;
  parts: PhoneParts;
}

/** Customer mobiles use scramble inputs below this; unknown callers use inputs from it. */
const UNKNOWN_MOBILE_BASE = 60_000_000;

/** (a·x + b) mod m with gcd(a, m) = 1: a bijection on [0, m). Exact: a·x < 2^53. */
function scramble(x: number, modulus: number, a: number, b: number): number {
  return (a * (x % modulus) + b) % modulus;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

/** The main number of `parts` in E.164 (an extension is not part of it). */
export function e164Of(parts: PhoneParts): string {
  switch (parts.kind) {
    case 'CN_MOBILE':
      return `+86${parts.national}`;
    case 'CN_LANDLINE':
      return `+86${parts.area}${parts.local}`;
    case 'US':
      return `+1${parts.area}${parts.exchange}${parts.line}`;
    case 'UK':
      return `+44${parts.national}`;
    case 'HK':
      return `+852${parts.local}`;
  }
}

function group(digits: string, sizes: number[], separator: string): string {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out.filter((part) => part.length > 0).join(separator);
}

/** Full-width forms (U+FF01-U+FF5E) of ASCII digits and punctuation, as a Chinese input method types them. */
function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** How an extension is written after a landline, by spelling number. */
const EXTENSION_SPELLINGS: ((extension: string) => string)[] = [
  (e) => `转${e}`, // 010-65529988转8001
  (e) => ` ext. ${e}`,
  (e) => `-${e}`, // 010-65529988-8001 (switchboard form)
  (e) => ` 分机 ${e}`,
];

/** Spellings of each kind of number, as found in real CRM data. */
const FORMATS: { [K in PhoneParts['kind']]: ((p: Extract<PhoneParts, { kind: K }>) => string)[] } = {
  CN_MOBILE: [
    (p) => group(p.national, [3, 4, 4], ' '), // 138 0013 8000
    (p) => `+86-${group(p.national, [3, 4, 4], '-')}`, // +86-138-0013-8000
    (p) => `86${p.national}`, // 8613800138000
    (p) => p.national, // 13800138000
    (p) => `+86 ${group(p.national, [3, 4, 4], ' ')}`, // +86 138 0013 8000
    (p) => group(p.national, [3, 4, 4], '-'), // 138-0013-8000
    (p) => `+86${p.national}`, // +8613800138000
    (p) => `0086 ${group(p.national, [3, 4, 4], ' ')}`, // 0086 138 0013 8000
    (p) => toFullWidth(group(p.national, [3, 4, 4], '-')), // １３８－００１３－８０００ (a Chinese input method)
  ],
  CN_LANDLINE: [
    (p) => `(0${p.area}) ${group(p.local, p.local.length === 8 ? [4, 4] : [3, 4], ' ')}`, // (010) 6552 9988
    (p) => `0${p.area}-${p.local}`, // 010-65529988
    (p) => `+86 ${p.area} ${group(p.local, p.local.length === 8 ? [4, 4] : [3, 4], ' ')}`, // +86 10 6552 9988
    (p) => `0${p.area}${p.local}`, // 01065529988
    (p) => `+86-${p.area}-${p.local}`, // +86-10-65529988
    (p) => `0${p.area} ${p.local}`, // 010 65529988
    (p) => toFullWidth(`(0${p.area})${p.local}`), // （010）65529988
  ],
  US: [
    (p) => `+1 (${p.area}) ${p.exchange}-${p.line}`,
    (p) => `+1-${p.area}-${p.exchange}-${p.line}`,
    (p) => `001 ${p.area} ${p.exchange} ${p.line}`,
    (p) => `+1${p.area}${p.exchange}${p.line}`,
    (p) => `+1 ${p.area}.${p.exchange}.${p.line}`,
  ],
  UK: [
    (p) => `+44 ${group(p.national, [2, 4, 4], ' ')}`, // +44 20 7946 0958
    (p) => `+44 (0)${group(p.national, [2, 4, 4], ' ')}`, // +44 (0)20 7946 0958
    (p) => `0044 ${group(p.national, [2, 4, 4], ' ')}`,
    (p) => `+44${p.national}`,
  ],
  HK: [
    (p) => `+852 ${group(p.local, [4, 4], ' ')}`,
    (p) => `+852-${group(p.local, [4, 4], '-')}`,
    (p) => `00852 ${p.local}`,
    (p) => `+852${p.local}`,
  ],
};

function formatCount(kind: PhoneParts['kind']): number {
  return FORMATS[kind].length;
}

/** Writes `parts` in spelling number `format` (modulo the kind's spellings). */
export function formatPhone(parts: PhoneParts, format: number): string {
  const list = FORMATS[parts.kind] as ((p: PhoneParts) => string)[];
  const main = (list[format % list.length] as (p: PhoneParts) => string)(parts);
  if (parts.kind !== 'CN_LANDLINE' || parts.extension === null) return main;
  return main + (EXTENSION_SPELLINGS[format % EXTENSION_SPELLINGS.length] as (e: string) => string)(parts.extension);
}

/** `parts` in spelling number `format`, with its main number and extension. */
export function phoneRecord(parts: PhoneParts, format: number, type: PhoneType): GeneratedPhone {
  return { raw: formatPhone(parts, format), e164: e164Of(parts), extension: parts.kind === 'CN_LANDLINE' ? parts.extension : null, type, parts };
}

/** The same number in a different spelling (how a duplicate record typically has it). */
export function respell(phone: GeneratedPhone, prng: Prng): GeneratedPhone {
  const count = formatCount(phone.parts.kind);
  const current = FORMATS[phone.parts.kind].findIndex((format) => (format as (p: PhoneParts) => string)(phone.parts) === phone.raw);
  const next = (Math.max(0, current) + prng.int(1, count - 1)) % count;
  return phoneRecord(phone.parts, next, phone.type);
}

/** Hands out numbers from per-kind counters; one plan per generated data set. */
export class NumberPlan {
  private mobiles = 0;
  private unknown = 0;
  private landlines = 0;
  private us = 0;
  private uk = 0;
  private hk = 0;

  mobile(prng: Prng): PhoneParts {
    if (this.mobiles >= UNKNOWN_MOBILE_BASE) throw new Error('seed generator: out of customer mobile numbers');
    return this.cnMobile(this.mobiles++, prng);
  }

  /** A mobile number that belongs to no customer. */
  unknownMobile(prng: Prng): PhoneParts {
    return this.cnMobile(UNKNOWN_MOBILE_BASE + (this.unknown++ % (100_000_000 - UNKNOWN_MOBILE_BASE)), prng);
  }

  private cnMobile(x: number, prng: Prng): PhoneParts {
    return { kind: 'CN_MOBILE', national: prng.pick(CN_MOBILE_PREFIXES) + pad(scramble(x, 100_000_000, 48_271_007, 13_579_246), 8) };
  }

  /**
   * A landline in `area` (a random city when omitted). Local numbers start with 2-5 or 7;
   * every fourth has an extension (8000-8999), drawn from the counter, not the PRNG.
   */
  landline(prng: Prng, area?: string): PhoneParts {
    const code = area ?? (prng.pick(ZH_REGIONS)[1]);
    const x = this.landlines++;
    const lead = '23457'[x % 5] as string;
    const local = SEVEN_DIGIT_AREA_CODES.has(code)
      ? lead + pad(scramble(Math.floor(x / 5), 1_000_000, 7_919, 424_242), 6)
      : lead + pad(scramble(Math.floor(x / 5), 10_000_000, 7_654_321, 1_234_567), 7);
    const extension = x % 4 === 3 ? String(8000 + (x % 1000)) : null;
    return { kind: 'CN_LANDLINE', area: code, local, extension };
  }

  /** A US, UK or Hong Kong number. */
  foreign(prng: Prng): PhoneParts {
    const kind = prng.weighted([['US', 5], ['UK', 3], ['HK', 4]] as const);
    if (kind === 'US') {
      const p = scramble(this.us++, 8_000_000, 3_000_017, 271_828);
      return { kind: 'US', area: prng.pick(US_AREA_CODES), exchange: String(200 + Math.floor(p / 10_000)), line: pad(p % 10_000, 4) };
    }
    if (kind === 'UK') {
      return { kind: 'UK', national: `20${prng.pick(UK_LONDON_LEADS)}${pad(scramble(this.uk++, 10_000_000, 7_654_321, 31_415), 7)}` };
    }
    const suffix = pad(scramble(this.hk++, 1_000_000, 999_983, 161_803), 6);
    for (const lead of HK_MOBILE_LEADS) {
      const local = lead + suffix;
      if (readPhoneNumber(`+852${local}`).ok) return { kind: 'HK', local };
    }
    throw new Error(`seed generator: no valid Hong Kong number ends in ${suffix}`);
  }
}
