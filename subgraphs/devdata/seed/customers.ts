/**
 * Customers: a new customer (zh ~70%, en ~30%: name, phones in mixed spellings, emails,
 * company, national id, tier, owner, tags), and the same person entered a second time
 * (`duplicateCustomer`: a name variant sharing a number). A `CustomerDraft` carries what the
 * orders, calls and tickets of the customer need beside the CRM record.
 */
import type { CustomerRecord, CustomerTier } from '../../crm/source/records.js';
import { zhName, enName } from './names.js';
import { nationalId } from './national-id.js';
import { phoneRecord, respell, type GeneratedPhone, type PhoneParts } from './phones.js';
import { weighted, type Prng } from './prng.js';
import { pad, type State } from './state.js';
import { DAY, HOUR, iso, shapedTime, uniformTime } from './time.js';
import * as vocab from './vocabulary.js';

export type Lang = 'zh' | 'en';

/** A customer being generated: the CRM record and what the rest of its data needs. */
export interface CustomerDraft {
  record: CustomerRecord;
  lang: Lang;
  gender: vocab.Gender;
  phones: GeneratedPhone[];
  /** The team whose agents usually handle this customer. */
  team: string;
  utcOffset: number;
  zh?: { family: readonly [string, string]; given: readonly [string, string, vocab.Gender] };
  en?: { first: readonly [string, string | null, vocab.Gender]; last: string };
  duplicateOf: string | null;
  companyDomain: string | null;
}

const pickTier = weighted<CustomerTier>([['STANDARD', 60], ['SILVER', 25], ['GOLD', 12], ['PLATINUM', 3]]);
const pickPhoneCount = weighted<number>([[0, 4], [1, 58], [2, 28], [3, 10]]);

const NORTH_AREAS = new Set(['10', '22', '311', '351', '471', '531', '532', '371', '411', '431', '451']);
const EAST_AREAS = new Set(['21', '25', '512', '571', '574', '27', '551', '791', '510']);

function teamForArea(area: string): string {
  if (NORTH_AREAS.has(area)) return 'team-bj';
  if (EAST_AREAS.has(area)) return 'team-sh';
  return 'team-sz';
}

function asciiSlug(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

export function makeEmail(prng: Prng, draft: Pick<CustomerDraft, 'lang' | 'zh' | 'en' | 'companyDomain'>, work: boolean): string {
  const n = prng.chance(0.6) ? String(prng.int(1, 9999)) : '';
  if (draft.lang === 'zh' && draft.zh) {
    const family = draft.zh.family[1];
    const given = draft.zh.given[1];
    if (work && draft.companyDomain) return `${given}.${family}@${draft.companyDomain}`;
    const style = prng.int(0, 2);
    if (style === 0) return `${prng.int(1, 9)}${prng.digits(prng.int(5, 9))}@qq.com`;
    if (style === 1) return `${given}.${family}${n}@${prng.pick(vocab.ZH_EMAIL_DOMAINS)}`;
    return `${family}${given}${n}@${prng.pick(vocab.ZH_EMAIL_DOMAINS)}`;
  }
  const first = asciiSlug(draft.en?.first[0] ?? 'info');
  const last = asciiSlug(draft.en?.last ?? 'customer');
  if (work && draft.companyDomain) return `${first}.${last}@${draft.companyDomain}`;
  return prng.chance(0.5)
    ? `${first}.${last}${n}@${prng.pick(vocab.EN_EMAIL_DOMAINS)}`
    : `${first[0] ?? 'x'}${last}${n}@${prng.pick(vocab.EN_EMAIL_DOMAINS)}`;
}

/** Customer number `index` (0-based), new. */
export function newCustomer(state: State, prng: Prng, index: number): CustomerDraft {
  const { settings, reference, numbers } = state;
  const lang: Lang = prng.chance(0.7) ? 'zh' : 'en';
  const id = `cus_${pad(index + 1, 6)}`;
  const createdAt = shapedTime(prng, settings.windowStart, settings.anchor - 7 * DAY, 8);
  const tier = pickTier(prng);
  const phones: GeneratedPhone[] = [];
  const phoneCount = pickPhoneCount(prng);
  let company: CustomerRecord['company'] = null;
  let companyDomain: string | null = null;
  let displayName: string;
  let gender: vocab.Gender;
  let team: string;
  let utcOffset = 8;
  let nationalIdValue: string | null = null;
  let zh: CustomerDraft['zh'];
  let en: CustomerDraft['en'];

  if (lang === 'zh') {
    const name = zhName(prng);
    zh = { family: name.family, given: name.given };
    displayName = name.name;
    gender = name.given[2];
    const [region, area] = prng.pick(vocab.ZH_REGIONS);
    team = teamForArea(area);
    if (prng.chance(0.5)) {
      const [brand, brandPinyin] = prng.pick(vocab.ZH_COMPANY_BRANDS);
      const [kind, industry] = prng.pick(vocab.ZH_COMPANY_KINDS);
      company = { name: `${prng.pick(vocab.ZH_CITIES)}${brand}${kind}有限公司`, industry: prng.chance(0.85) ? industry : null };
      companyDomain = `${brandPinyin}.com.cn`;
    }
    for (let i = 0; i < phoneCount; i++) {
      const landline = i === 0 ? prng.chance(0.08) : prng.chance(company ? 0.6 : 0.35);
      phones.push(
        landline
          ? phoneRecord(numbers.landline(prng, prng.chance(0.8) ? area : undefined), prng.int(0, 6), company && prng.chance(0.7) ? 'WORK' : prng.pick(['LANDLINE', 'HOME'] as const))
          : phoneRecord(numbers.mobile(prng), prng.int(0, 8), 'MOBILE'),
      );
    }
    if (prng.chance(0.85)) nationalIdValue = nationalId(prng, region, gender);
  } else {
    const name = enName(prng);
    en = { first: name.first, last: name.last };
    displayName = name.name;
    gender = name.first[2];
    team = 'team-intl';
    if (prng.chance(0.5)) {
      const brand = prng.pick(vocab.EN_COMPANY_BRANDS);
      const [kind, industry] = prng.pick(vocab.EN_COMPANY_KINDS);
      company = { name: `${brand} ${kind} ${prng.pick(vocab.EN_COMPANY_SUFFIXES)}`, industry: prng.chance(0.85) ? industry : null };
      companyDomain = `${asciiSlug(brand + kind)}.com`;
    }
    const inChina = prng.chance(0.45);
    for (let i = 0; i < phoneCount; i++) {
      const parts: PhoneParts = inChina
        ? i > 0 && prng.chance(0.3) ? numbers.landline(prng) : numbers.mobile(prng)
        : prng.chance(0.8) ? numbers.foreign(prng) : numbers.mobile(prng);
      const format = prng.int(0, 7);
      const type = parts.kind === 'CN_LANDLINE' ? 'WORK' : parts.kind === 'UK' ? prng.pick(['WORK', 'HOME', 'OTHER'] as const) : 'MOBILE';
      phones.push(phoneRecord(parts, format, type));
    }
    const home = phones[0]?.parts.kind;
    utcOffset = home === 'UK' ? 0 : home === 'US' ? prng.pick([-5, -8]) : 8;
  }

  const emails: string[] = [];
  if (!prng.chance(0.12)) {
    const draftish = { lang, zh, en, companyDomain };
    emails.push(makeEmail(prng, draftish, companyDomain !== null && prng.chance(0.5)));
    if (prng.chance(0.2)) {
      const second = makeEmail(prng, draftish, companyDomain !== null && prng.chance(0.5));
      if (!emails.includes(second)) emails.push(second);
    }
  }

  const owners = reference.ownersByTeam.get(team) ?? reference.owners;
  const ownerId = prng.chance(0.9) ? prng.pick(owners).id : null;
  const tagPool = lang === 'zh' ? vocab.CUSTOMER_TAGS_ZH : vocab.CUSTOMER_TAGS_EN;
  const tags = prng.sample(tagPool, prng.weighted([[0, 35], [1, 35], [2, 20], [3, 10]]));
  if (tier === 'GOLD' || tier === 'PLATINUM') {
    const vip = lang === 'zh' ? '大客户' : 'vip';
    if (!tags.includes(vip)) tags.unshift(vip);
  }

  return {
    record: {
      id,
      displayName,
      tier,
      status: 'ACTIVE',
      phones: phones.map(({ raw, e164, extension, type }) => ({ raw, e164, extension, type })),
      emails,
      company,
      tags,
      ownerId,
      nationalId: nationalIdValue,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
      lastContactAt: null,
    },
    lang,
    gender,
    phones,
    team,
    utcOffset,
    zh,
    en,
    duplicateOf: null,
    companyDomain,
  };
}

function variantName(prng: Prng, original: CustomerDraft): string {
  if (original.zh) {
    const family = original.zh.family[0];
    const given = original.zh.given[0];
    const style = prng.weighted([['same', 45], ['homophone', 25], ['spaced', 15], ['honorific', 15]] as const);
    if (style === 'homophone') {
      const last = given.slice(-1);
      const swapped = vocab.ZH_HOMOPHONES[last];
      if (swapped) return family + given.slice(0, -1) + swapped;
    }
    if (style === 'spaced') return `${family} ${given}`;
    if (style === 'honorific') return family + (original.gender === 'M' ? '先生' : '女士');
    return family + given;
  }
  const first = original.en?.first ?? ['Customer', null, 'M'];
  const last = original.en?.last ?? '';
  const style = prng.weighted([['same', 35], ['nickname', 30], ['reversed', 15], ['lower', 10], ['initial', 10]] as const);
  if (style === 'nickname' && first[1]) return `${first[1]} ${last}`;
  if (style === 'reversed') return `${last}, ${first[0]}`;
  if (style === 'lower') return `${first[0]} ${last}`.toLowerCase();
  if (style === 'initial') return `${first[0][0] ?? ''}. ${last}`;
  return `${first[0]} ${last}`;
}

/** The same person entered a second time: a name variant and at least one shared number. */
export function duplicateCustomer(state: State, prng: Prng, index: number, original: CustomerDraft): CustomerDraft {
  const { settings, numbers, reference } = state;
  const shared = prng.pick(original.phones);
  const phones = [prng.chance(0.7) ? respell(shared, prng) : shared];
  if (prng.chance(0.3)) phones.push(phoneRecord(numbers.mobile(prng), prng.int(0, 8), 'MOBILE'));
  const originalCreated = Date.parse(original.record.createdAt);
  const createdAt = uniformTime(prng, originalCreated + HOUR, Math.min(originalCreated + 40 * DAY, settings.anchor - DAY));
  const emailStyle = prng.weighted([['same', 50], ['new', 30], ['none', 20]] as const);
  const emails =
    emailStyle === 'same' && original.record.emails.length > 0
      ? [original.record.emails[0] as string]
      : emailStyle === 'none'
        ? []
        : [makeEmail(prng, original, false)];
  const owners = reference.ownersByTeam.get(original.team) ?? reference.owners;
  return {
    ...original,
    record: {
      id: `cus_${pad(index + 1, 6)}`,
      displayName: variantName(prng, original),
      tier: prng.chance(0.85) ? 'STANDARD' : original.record.tier,
      status: 'ACTIVE',
      phones: phones.map(({ raw, e164, extension, type }) => ({ raw, e164, extension, type })),
      emails,
      company: prng.chance(0.5) ? original.record.company : null,
      tags: prng.chance(0.3) ? [original.lang === 'zh' ? '疑似重复' : 'possible-duplicate'] : [],
      ownerId: prng.chance(0.7) ? prng.pick(owners).id : null,
      nationalId: prng.chance(0.4) ? original.record.nationalId : null,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
      lastContactAt: null,
    },
    phones,
    duplicateOf: original.record.id,
  };
}
