/**
 * The deterministic seed generator: a realistic, messy data set for the three source
 * systems, yielded in chunks of CHUNK_SIZE customers with everything that belongs to them
 * (orders, activities, calls, tickets), so memory stays bounded at any size. The same
 * options always give the same data: one seeded PRNG stream per chunk, sequential ids, no
 * clock, no Math.random(). Scenarios and proportions are described in README.md.
 */
import { engagementFor } from './engagement.js';
import type { DatasetOptions, SeedChunk } from './dataset.js';
import type {
  AccountOwnerRecord,
  ActivityRecord,
  CustomerRecord,
  CustomerTier,
  OrderRecord,
  OrderStatus,
} from '../crm/source/records.js';
import type { AgentPresence, AgentRecord, CallDirection, CallDisposition, CallRecord, QueueRecord } from '../callcenter/source/records.js';
import type { TicketChannel, TicketCommentRecord, TicketPriority, TicketRecord, TicketStatus } from '../tickets/source/records.js';
import { Prng, weighted } from './prng.js';
import { NumberPlan, e164Of, phoneRecord, respell, type GeneratedPhone, type PhoneParts } from './phones.js';
import { nationalId } from './national-id.js';
import * as vocab from './vocabulary.js';
import * as texts from './texts.js';

export const CHUNK_SIZE = 500;
export const WINDOW_DAYS = 180;
export const MAX_CUSTOMERS = 1_000_000;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Calls start at least this long before the anchor, so every seeded call has ENDED by then. */
const CALL_HORIZON = 6 * HOUR;

/** SLA targets by priority, in hours: first reply, resolution. */
export const SLA_HOURS: Readonly<Record<TicketPriority, readonly [number, number]>> = {
  URGENT: [1, 4],
  HIGH: [4, 24],
  NORMAL: [24, 72],
  LOW: [72, 168],
};

export interface DatasetTotals {
  owners: number;
  customers: number;
  orders: number;
  activities: number;
  agents: number;
  queues: number;
  calls: number;
  tickets: number;
  comments: number;
}

export function emptyTotals(): DatasetTotals {
  return { owners: 0, customers: 0, orders: 0, activities: 0, agents: 0, queues: 0, calls: 0, tickets: 0, comments: 0 };
}

/** Adds one chunk's record counts to `totals` (mutates and returns it). */
export function addChunkTotals(totals: DatasetTotals, chunk: SeedChunk): DatasetTotals {
  totals.owners += chunk.crm.owners.length;
  totals.customers += chunk.crm.customers.length;
  totals.orders += chunk.crm.orders.length;
  totals.activities += chunk.crm.activities.length;
  totals.agents += chunk.callcenter.agents.length;
  totals.queues += chunk.callcenter.queues.length;
  totals.calls += chunk.callcenter.calls.length;
  totals.tickets += chunk.tickets.tickets.length;
  totals.comments += chunk.tickets.comments.length;
  return totals;
}

// ---------------------------------------------------------------------------------------
// Options and shared state

interface Settings {
  seed: number;
  customers: number;
  callsPerCustomer: number;
  ticketsPerCustomer: number;
  anchor: number;
  windowStart: number;
}

function settingsOf(options: DatasetOptions): Settings {
  const { seed, customers } = options;
  const callsPerCustomer = options.callsPerCustomer ?? 10;
  const ticketsPerCustomer = options.ticketsPerCustomer ?? 2;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  if (!Number.isInteger(customers) || customers < 0 || customers > MAX_CUSTOMERS) {
    throw new RangeError(`customers must be a whole number from 0 to ${MAX_CUSTOMERS}, got ${String(customers)}`);
  }
  if (!(callsPerCustomer >= 0 && callsPerCustomer <= 1000)) throw new RangeError('callsPerCustomer must be between 0 and 1000');
  if (!(ticketsPerCustomer >= 0 && ticketsPerCustomer <= 100)) throw new RangeError('ticketsPerCustomer must be between 0 and 100');
  const anchor = Date.parse(options.anchor);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(options.anchor) || Number.isNaN(anchor)) {
    throw new RangeError(`anchor must be an ISO-8601 date-time, got ${JSON.stringify(options.anchor)}`);
  }
  const anchorSecond = Math.floor(anchor / SECOND) * SECOND;
  return { seed, customers, callsPerCustomer, ticketsPerCustomer, anchor: anchorSecond, windowStart: anchorSecond - WINDOW_DAYS * DAY };
}

interface Reference {
  owners: AccountOwnerRecord[];
  agents: AgentRecord[];
  queues: QueueRecord[];
  ownersByTeam: Map<string, AccountOwnerRecord[]>;
  agentsByTeam: Map<string, AgentRecord[]>;
}

interface State {
  settings: Settings;
  reference: Reference;
  numbers: NumberPlan;
  next: { call: number; ticket: number; comment: number; order: number; activity: number };
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/** `new Date(ms).toISOString()`, several times faster (the day part is cached). */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size > 5000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const rest = ms - day * DAY;
  const millis = rest % SECOND;
  return (
    prefix +
    TWO_DIGITS[Math.floor(rest / HOUR)] +
    ':' +
    TWO_DIGITS[Math.floor((rest % HOUR) / MINUTE)] +
    ':' +
    TWO_DIGITS[Math.floor((rest % MINUTE) / SECOND)] +
    (millis === 0 ? '.000Z' : `.${String(millis).padStart(3, '0')}Z`)
  );
}
const pad = (value: number, length: number): string => String(value).padStart(length, '0');
const toSecond = (ms: number): number => Math.floor(ms / SECOND) * SECOND;

function nextId(state: State, kind: keyof State['next']): number {
  state.next[kind] += 1;
  return state.next[kind];
}

// ---------------------------------------------------------------------------------------
// Reference data: owners, agents, queues

function zhName(prng: Prng): { name: string; family: readonly [string, string]; given: readonly [string, string, vocab.Gender] } {
  const family = prng.chance(0.03) ? prng.pick(vocab.ZH_FAMILY_NAMES.slice(-3)) : prng.pick(vocab.ZH_FAMILY_NAMES);
  const given = prng.pick(vocab.ZH_GIVEN_NAMES);
  return { name: family[0] + given[0], family, given };
}

function enName(prng: Prng): { name: string; first: readonly [string, string | null, vocab.Gender]; last: string } {
  const first = prng.pick(vocab.EN_FIRST_NAMES);
  const last = prng.pick(vocab.EN_LAST_NAMES);
  return { name: `${first[0]} ${last}`, first, last };
}

const pickPresence = weighted<AgentPresence>([['AVAILABLE', 40], ['BUSY', 25], ['AWAY', 10], ['OFFLINE', 25]]);

function buildReference(seed: number): Reference {
  const prng = new Prng(seed, 0);
  const owners: AccountOwnerRecord[] = [];
  for (const [team, count] of vocab.OWNER_TEAMS) {
    for (let i = 0; i < count; i++) {
      owners.push({ id: `own_${pad(owners.length + 1, 2)}`, name: team === 'team-intl' ? enName(prng).name : zhName(prng).name, team });
    }
  }
  const agents: AgentRecord[] = [];
  for (const [team, count] of vocab.AGENT_TEAMS) {
    for (let i = 0; i < count; i++) {
      agents.push({ id: `agt_${pad(agents.length + 1, 3)}`, name: team === 'team-intl' ? enName(prng).name : zhName(prng).name, team, presence: pickPresence(prng) });
    }
  }
  const queues = vocab.QUEUES.map(([id, name]) => ({ id, name }));
  const ownersByTeam = new Map<string, AccountOwnerRecord[]>();
  for (const owner of owners) ownersByTeam.set(owner.team, [...(ownersByTeam.get(owner.team) ?? []), owner]);
  const agentsByTeam = new Map<string, AgentRecord[]>();
  for (const agent of agents) agentsByTeam.set(agent.team, [...(agentsByTeam.get(agent.team) ?? []), agent]);
  return { owners, agents, queues, ownersByTeam, agentsByTeam };
}

// ---------------------------------------------------------------------------------------
// Time helpers

/** Local hour-of-day shape: mostly business hours, some evenings, a few at night. */
function timeOfDaySeconds(prng: Prng): number {
  const r = prng.next();
  if (r < 0.82) return 9 * 3600 + Math.floor(prng.next() * 9 * 3600);
  if (r < 0.97) return 18 * 3600 + Math.floor(prng.next() * 5 * 3600);
  return (23 * 3600 + Math.floor(prng.next() * 10 * 3600)) % (24 * 3600);
}

/** A whole-second instant in [lower, upper] with a realistic local time of day. */
function shapedTime(prng: Prng, lower: number, upper: number, utcOffsetHours: number): number {
  if (upper <= lower) return toSecond(lower);
  const uniform = lower + prng.next() * (upper - lower);
  const offset = utcOffsetHours * HOUR;
  const localDayStart = Math.floor((uniform + offset) / DAY) * DAY - offset;
  const shaped = localDayStart + timeOfDaySeconds(prng) * SECOND;
  const chosen = shaped >= lower && shaped <= upper ? shaped : uniform;
  return Math.max(toSecond(chosen), Math.ceil(lower / SECOND) * SECOND);
}

function uniformTime(prng: Prng, lower: number, upper: number): number {
  if (upper <= lower) return toSecond(lower);
  return Math.max(toSecond(lower + prng.next() * (upper - lower)), Math.ceil(lower / SECOND) * SECOND);
}

// ---------------------------------------------------------------------------------------
// Customers

type Lang = 'zh' | 'en';

interface CustomerDraft {
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

function makeEmail(prng: Prng, draft: Pick<CustomerDraft, 'lang' | 'zh' | 'en' | 'companyDomain'>, work: boolean): string {
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

function newCustomer(state: State, prng: Prng, index: number): CustomerDraft {
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
function duplicateCustomer(state: State, prng: Prng, index: number, original: CustomerDraft): CustomerDraft {
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

// ---------------------------------------------------------------------------------------
// Orders

const ORDER_STATUS = weighted<OrderStatus>([['PENDING', 5], ['PAID', 8], ['SHIPPED', 10], ['DELIVERED', 62], ['CANCELLED', 8], ['RETURNED', 7]]);
const pickOrderCount = weighted<number>([[0, 25], [1, 25], [2, 18], [3, 12], [4, 9], [5, 6], [6, 5]]);
const CNY_PRICES = weighted<number>([[1990, 10], [3900, 12], [5900, 12], [8990, 12], [12900, 12], [19900, 10], [29900, 9], [39900, 6], [59900, 5], [89900, 4], [129900, 3], [199900, 2], [299900, 1.5], [499900, 1], [699900, 0.5]]);
const USD_PRICES = weighted<number>([[999, 12], [1999, 14], [4900, 14], [9900, 12], [14900, 8], [29900, 5], [49900, 3], [99900, 1]]);

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
}

function trackingNumber(prng: Prng, carrier: string): string {
  switch (carrier) {
    case '顺丰速运':
    case 'SF Express':
      return `SF${prng.int(1, 9)}${prng.digits(12)}`;
    case '京东物流':
      return `JDVA${prng.digits(11)}`;
    case '中通快递':
      return `7${prng.digits(13)}`;
    case 'EMS':
      return `E${String.fromCharCode(65 + prng.int(0, 25))}${prng.digits(9)}CN`;
    case '圆通速递':
      return `YT${prng.digits(13)}`;
    case '韵达快递':
      return `43${prng.digits(13)}`;
    case 'DHL Express':
      return prng.digits(10);
    default:
      return prng.digits(12);
  }
}

function makeOrders(state: State, prng: Prng, draft: CustomerDraft): OrderRecord[] {
  const { anchor } = state.settings;
  const created = Date.parse(draft.record.createdAt);
  const count = draft.duplicateOf ? prng.int(0, 1) : pickOrderCount(prng);
  const orders: OrderRecord[] = [];
  for (let i = 0; i < count; i++) {
    let status = ORDER_STATUS(prng);
    const recentFrom = (maxAgeMs: number, minAgeMs: number) => Math.max(created + HOUR, anchor - minAgeMs - prng.next() * (maxAgeMs - minAgeMs));
    const placed = toSecond(
      status === 'PENDING'
        ? recentFrom(36 * HOUR, 10 * MINUTE)
        : status === 'PAID'
          ? recentFrom(3 * DAY, 2 * HOUR)
          : status === 'SHIPPED'
            ? recentFrom(6 * DAY, DAY)
            : shapedTime(prng, created, anchor - HOUR, draft.utcOffset),
    );
    const usd = draft.lang === 'en' && prng.chance(0.6);
    const prices = usd ? USD_PRICES : CNY_PRICES;
    let cents = 0;
    for (let item = prng.int(1, 3); item > 0; item--) cents += prices(prng) * prng.int(1, 2);
    if (!usd && cents < 9900 && prng.chance(0.7)) cents += 1000; // shipping fee
    if (prng.chance(0.15)) cents -= Math.min(Math.floor(cents / 10), usd ? 1000 : 5000); // coupon

    const shippedAt = placed + toSecond(prng.float(4 * HOUR, 48 * HOUR));
    const deliveredAt = shippedAt + toSecond(prng.float(DAY, 5 * DAY));
    if ((status === 'DELIVERED' || status === 'RETURNED') && deliveredAt >= anchor) status = 'SHIPPED';
    if (status === 'SHIPPED' && shippedAt >= anchor) status = 'PAID';
    const carrier = prng.pick(draft.lang === 'zh' || !usd ? vocab.CARRIERS_ZH : vocab.CARRIERS_EN);
    let shipment: OrderRecord['shipment'] = null;
    if (status === 'PAID' && prng.chance(0.5)) {
      shipment = { carrier, trackingNumber: trackingNumber(prng, carrier), status: 'PREPARING', shippedAt: null, deliveredAt: null };
    } else if (status === 'SHIPPED') {
      shipment = { carrier, trackingNumber: trackingNumber(prng, carrier), status: 'IN_TRANSIT', shippedAt: iso(shippedAt), deliveredAt: null };
    } else if (status === 'DELIVERED' || status === 'RETURNED') {
      shipment = { carrier, trackingNumber: trackingNumber(prng, carrier), status: status === 'DELIVERED' ? 'DELIVERED' : 'RETURNED', shippedAt: iso(shippedAt), deliveredAt: iso(deliveredAt) };
    }
    const n = nextId(state, 'order');
    orders.push({
      id: `ord_${pad(n, 7)}`,
      customerId: draft.record.id,
      number: `SO${iso(placed).slice(2, 10).replaceAll('-', '')}${pad(n, 7)}`,
      status,
      total: money(cents),
      currency: usd ? 'USD' : 'CNY',
      placedAt: iso(placed),
      shipment,
    });
  }
  return orders;
}

// ---------------------------------------------------------------------------------------
// Calls

const INBOUND_DISPOSITION = weighted<CallDisposition>([['ANSWERED', 70.5], ['ABANDONED', 13], ['MISSED', 4], ['TRANSFERRED', 6], ['VOICEMAIL', 2.5]]);
const OUTBOUND_DISPOSITION = weighted<CallDisposition>([['ANSWERED', 80], ['MISSED', 12], ['TRANSFERRED', 2], ['VOICEMAIL', 6]]);

interface CallTarget {
  lang: Lang;
  team: string;
  tier: CustomerTier;
  utcOffset: number;
  /** The CRM customer the call belongs to (reporting columns); null for unknown and withheld callers. */
  customerId: string | null;
}

function inboundQueue(prng: Prng, target: CallTarget): string {
  if (target.lang === 'en') return prng.weighted([['q_en_support', 60], ['q_sales', 20], ['q_billing', 20]] as const);
  if ((target.tier === 'GOLD' || target.tier === 'PLATINUM') && prng.chance(0.6)) return 'q_vip';
  return prng.weighted([['q_support', 50], ['q_sales', 25], ['q_billing', 25]] as const);
}

function pickAgent(state: State, prng: Prng, team: string, except?: string | null): AgentRecord {
  const { agentsByTeam, agents } = state.reference;
  const pool = prng.chance(0.85) ? (agentsByTeam.get(team) ?? agents) : agents;
  let agent = prng.pick(pool);
  for (let tries = 0; agent.id === except && tries < 10; tries++) agent = prng.pick(pool);
  if (agent.id === except) agent = agents.find((candidate) => candidate.id !== except) as AgentRecord;
  return agent;
}

const talkSeconds = (prng: Prng, median = 180): number => Math.max(8, Math.min(7200, Math.round(prng.logNormal(median, 0.8))));
const holdSeconds = (prng: Prng): number => (prng.chance(0.75) ? 0 : Math.min(900, Math.round(5 + prng.exponential(60))));

/**
 * One call to or from `customerNumber` (null: withheld caller) in [lower, upper]: one
 * record, or two when it was transferred (the answered first leg and the new leg).
 */
function makeCall(state: State, prng: Prng, customerNumber: string | null, target: CallTarget, lower: number, upper: number): CallRecord[] {
  const direction: CallDirection = customerNumber === null || prng.chance(0.8) ? 'INBOUND' : 'OUTBOUND';
  let disposition = direction === 'INBOUND' ? INBOUND_DISPOSITION(prng) : OUTBOUND_DISPOSITION(prng);
  const hotline = target.lang === 'en' && prng.chance(0.5) ? vocab.INTL_HOTLINE : prng.pick(vocab.HOTLINES);

  let start: number;
  if (prng.chance(0.006)) {
    // A late call that runs past midnight UTC.
    const day = Math.floor((lower + prng.next() * (upper - lower)) / DAY) * DAY;
    start = day + 23 * HOUR + 40 * MINUTE + prng.int(0, 1100) * SECOND;
    if (start < lower || start > upper) start = shapedTime(prng, lower, upper, target.utcOffset);
    else disposition = 'ANSWERED';
  } else {
    start = shapedTime(prng, lower, upper, target.utcOffset);
  }
  const spansMidnight = (start % DAY) >= 23 * HOUR + 40 * MINUTE && disposition === 'ANSWERED';

  let wait: number;
  switch (disposition) {
    case 'ABANDONED':
      wait = prng.chance(0.35) ? prng.int(2, 19) : 20 + Math.round(prng.exponential(60));
      break;
    case 'MISSED':
    case 'VOICEMAIL':
      wait = prng.int(20, 40);
      break;
    default:
      wait = direction === 'INBOUND' ? Math.min(900, Math.max(1, Math.round(prng.exponential(35)))) : prng.int(4, 30);
  }

  const id = `call_${pad(nextId(state, 'call'), 7)}`;
  const answered = disposition === 'ANSWERED' || disposition === 'TRANSFERRED';
  const agent = disposition === 'ABANDONED' || disposition === 'VOICEMAIL' ? null : pickAgent(state, prng, target.team);
  const talk = answered ? (spansMidnight ? prng.int(25 * 60, 45 * 60) : talkSeconds(prng, disposition === 'TRANSFERRED' ? 90 : 180)) : 0;
  const hold = answered ? holdSeconds(prng) : 0;
  const voicemail = disposition === 'VOICEMAIL' ? prng.int(8, 90) : 0;
  const answeredAt = answered ? start + wait * SECOND : null;
  const endedAt = start + (wait + talk + hold + voicemail) * SECOND;
  const from = direction === 'INBOUND' ? customerNumber : hotline;
  const to = direction === 'INBOUND' ? hotline : (customerNumber as string);
  const queueId = direction === 'INBOUND' ? inboundQueue(prng, target) : null;

  const call: CallRecord = {
    id,
    direction,
    from,
    to,
    customerNumber,
    state: 'ENDED',
    queueId,
    agentId: agent?.id ?? null,
    parentCallId: null,
    startedAt: iso(start),
    answeredAt: answeredAt === null ? null : iso(answeredAt),
    endedAt: iso(endedAt),
    waitSeconds: wait,
    talkSeconds: talk,
    holdSeconds: hold,
    wrapUpSeconds: answered ? prng.int(10, 120) : 0,
    disposition,
    recordingRef: answered || voicemail > 0 ? `rec_${id}` : null,
    recordingSeconds: answered ? talk + hold : voicemail > 0 ? voicemail : null,
    customerId: target.customerId,
    customerTier: target.customerId === null ? null : target.tier,
  };
  if (disposition !== 'TRANSFERRED') return [call];

  // The new leg: same caller, offered to another agent (often another queue) at the moment of transfer.
  const legId = `call_${pad(nextId(state, 'call'), 7)}`;
  const legWait = Math.max(2, Math.round(3 + prng.exponential(20)));
  const legAgent = pickAgent(state, prng, prng.chance(0.7) ? target.team : prng.pick([...state.reference.agentsByTeam.keys()]), call.agentId);
  const legTalk = talkSeconds(prng);
  const legHold = holdSeconds(prng);
  const legAnswered = endedAt + legWait * SECOND;
  const leg: CallRecord = {
    ...call,
    id: legId,
    queueId: direction === 'INBOUND' ? prng.pick(['q_billing', 'q_support', 'q_sales', target.lang === 'en' ? 'q_en_support' : 'q_vip']) : null,
    agentId: legAgent.id,
    parentCallId: id,
    startedAt: iso(endedAt),
    answeredAt: iso(legAnswered),
    endedAt: iso(legAnswered + (legTalk + legHold) * SECOND),
    waitSeconds: legWait,
    talkSeconds: legTalk,
    holdSeconds: legHold,
    wrapUpSeconds: prng.int(10, 120),
    disposition: 'ANSWERED',
    recordingRef: `rec_${legId}`,
    recordingSeconds: legTalk + legHold,
  };
  return [call, leg];
}

// ---------------------------------------------------------------------------------------
// Activities

function callLog(state: State, call: CallRecord, customerId: string): ActivityRecord {
  return {
    id: `act_${pad(nextId(state, 'activity'), 7)}`,
    customerId,
    type: 'CALL_LOG',
    at: call.endedAt as string,
    author: call.agentId ?? 'svc_cti',
    body: null,
    callId: call.id,
    durationSeconds: call.talkSeconds + call.holdSeconds,
    agentId: call.agentId,
    disposition: call.disposition,
    recordingRef: call.recordingRef,
    messages: null,
  };
}

function makeNotesAndChats(state: State, prng: Prng, draft: CustomerDraft): ActivityRecord[] {
  const { anchor } = state.settings;
  const created = Date.parse(draft.record.createdAt);
  const out: ActivityRecord[] = [];
  const noteCount = prng.weighted([[0, 35], [1, 35], [2, 20], [3, 10]]);
  for (let i = 0; i < noteCount; i++) {
    const author = draft.record.ownerId && prng.chance(0.6) ? draft.record.ownerId : pickAgent(state, prng, draft.team).id;
    out.push({
      id: `act_${pad(nextId(state, 'activity'), 7)}`,
      customerId: draft.record.id,
      type: 'NOTE',
      at: iso(shapedTime(prng, created, anchor - 10 * MINUTE, draft.utcOffset)),
      author,
      body: prng.pick(draft.lang === 'zh' ? texts.NOTES_ZH : texts.NOTES_EN),
      callId: null,
      durationSeconds: null,
      agentId: null,
      disposition: null,
      recordingRef: null,
      messages: null,
    });
  }
  const chatCount = prng.weighted([[0, 65], [1, 28], [2, 7]]);
  for (let i = 0; i < chatCount; i++) {
    const agent = pickAgent(state, prng, draft.team);
    const script = prng.pick(draft.lang === 'zh' ? texts.CHATS_ZH : texts.CHATS_EN);
    let at = shapedTime(prng, created, anchor - HOUR, draft.utcOffset);
    const startedAt = at;
    const messages = script.map((text, line) => {
      if (line > 0) at += prng.int(10, 150) * SECOND;
      return { from: line % 2 === 0 ? draft.record.displayName : agent.name, at: iso(at), text };
    });
    out.push({
      id: `act_${pad(nextId(state, 'activity'), 7)}`,
      customerId: draft.record.id,
      type: 'CHAT_TRANSCRIPT',
      at: iso(startedAt),
      author: agent.id,
      body: null,
      callId: null,
      durationSeconds: null,
      agentId: null,
      disposition: null,
      recordingRef: null,
      messages,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Tickets

const PRIORITY = weighted<TicketPriority>([['LOW', 20], ['NORMAL', 55], ['HIGH', 18], ['URGENT', 7]]);
const VIP_PRIORITY = weighted<TicketPriority>([['LOW', 10], ['NORMAL', 45], ['HIGH', 30], ['URGENT', 15]]);
const CHANNEL = weighted<TicketChannel>([['EMAIL', 40], ['WEB', 25], ['CHAT', 20], ['PHONE', 15]]);
const STATUS_FRESH = weighted<TicketStatus>([['NEW', 60], ['OPEN', 40]]);
const STATUS_YOUNG = weighted<TicketStatus>([['NEW', 20], ['OPEN', 30], ['PENDING', 18], ['HOLD', 7], ['SOLVED', 20], ['CLOSED', 5]]);
const STATUS_OLD = weighted<TicketStatus>([['NEW', 1], ['OPEN', 2.5], ['PENDING', 2], ['HOLD', 1.5], ['SOLVED', 20], ['CLOSED', 73]]);
const COMMENT_COUNT = weighted<number>([[0, 20], [1, 30], [2, 25], [3, 15], [4, 10]]);

/** A delay of about `median` ms that still ends before `limit` (and after `minimum`). */
function boundedDelay(prng: Prng, median: number, from: number, minimum: number, limit: number): number {
  const room = limit - from;
  let delay = Math.max(minimum, prng.logNormal(median, 0.75));
  if (from + delay >= limit) delay = minimum + (room - minimum) * prng.float(0.2, 0.95);
  return toSecond(from + delay) - from;
}

interface AnsweredCall {
  call: CallRecord;
}

function makeTickets(
  state: State,
  prng: Prng,
  draft: CustomerDraft,
  answeredCalls: AnsweredCall[],
): { tickets: TicketRecord[]; comments: TicketCommentRecord[] } {
  const { anchor, ticketsPerCustomer } = state.settings;
  const created = Date.parse(draft.record.createdAt);
  const tickets: TicketRecord[] = [];
  const comments: TicketCommentRecord[] = [];
  const count = prng.poisson(ticketsPerCustomer * (draft.duplicateOf ? 0.3 : 1) * prng.logNormal(1, 0.6) * 0.835);
  const orderHint = `SO${prng.digits(13)}`;
  const vip = draft.record.tier === 'GOLD' || draft.record.tier === 'PLATINUM';
  for (let i = 0; i < count; i++) {
    const linked = answeredCalls.length > 0 && prng.chance(0.44) ? prng.pick(answeredCalls).call : null;
    const priority = (vip ? VIP_PRIORITY : PRIORITY)(prng);
    const [firstReplyHours, resolutionHours] = SLA_HOURS[priority];
    const firstReplyTarget = firstReplyHours * HOUR;
    const resolutionTarget = resolutionHours * HOUR;

    let createdAt: number;
    if (linked) {
      createdAt = Date.parse(linked.endedAt as string) + (linked.wrapUpSeconds + prng.int(30, 600)) * SECOND;
    } else if (prng.chance(0.12)) {
      createdAt = Math.max(created + HOUR, uniformTime(prng, anchor - 5 * DAY, anchor - 10 * MINUTE));
    } else {
      createdAt = shapedTime(prng, created, anchor - 10 * MINUTE, draft.utcOffset);
    }
    const age = anchor - createdAt;
    const status = (age < 2 * HOUR ? STATUS_FRESH : age < resolutionTarget ? STATUS_YOUNG : STATUS_OLD)(prng);
    const limit = anchor - MINUTE;

    let firstRespondedAt: number | null = null;
    let solvedAt: number | null = null;
    let closedAt: number | null = null;
    if (status !== 'NEW') {
      firstRespondedAt = createdAt + boundedDelay(prng, firstReplyTarget * 0.25, createdAt, MINUTE / 2, limit - MINUTE);
    }
    if (status === 'SOLVED' || status === 'CLOSED') {
      const base = firstRespondedAt as number;
      solvedAt = base + boundedDelay(prng, resolutionTarget * 0.2, base, MINUTE / 2, limit);
      if (status === 'CLOSED') closedAt = solvedAt + boundedDelay(prng, 2 * DAY, solvedAt, SECOND, anchor - SECOND);
    }
    const firstReplyDue = createdAt + firstReplyTarget;
    const resolutionDue = createdAt + resolutionTarget;
    const slaBreached = (firstRespondedAt ?? anchor) > firstReplyDue || (solvedAt ?? anchor) > resolutionDue;
    const slaDueAt = solvedAt !== null ? null : firstRespondedAt === null ? firstReplyDue : resolutionDue;

    const assignee =
      status === 'NEW' && prng.chance(0.4)
        ? null
        : linked?.agentId && prng.chance(0.75)
          ? linked.agentId
          : pickAgent(state, prng, draft.team).id;
    const ticketNumber = nextId(state, 'ticket');
    const ticketId = `tkt_${pad(ticketNumber, 6)}`;
    const template = prng.pick(
      linked
        ? draft.lang === 'zh' ? texts.PHONE_TICKETS_ZH : texts.PHONE_TICKETS_EN
        : draft.lang === 'zh' ? texts.TICKETS_ZH : texts.TICKETS_EN,
    );

    // Comments: the first public agent reply lands exactly at firstRespondedAt.
    const drafts: Omit<TicketCommentRecord, 'id'>[] = [];
    const commentCount = COMMENT_COUNT(prng);
    const end = solvedAt ?? limit;
    const lang = draft.lang;
    for (let c = 0; c < commentCount; c++) {
      if (c === 0 && firstRespondedAt !== null) {
        drafts.push({ ticketId, author: assignee ?? pickAgent(state, prng, draft.team).id, body: prng.pick(lang === 'zh' ? texts.AGENT_REPLIES_ZH : texts.AGENT_REPLIES_EN), public: true, createdAt: iso(firstRespondedAt) });
        continue;
      }
      const kind = firstRespondedAt === null ? prng.weighted([['customer', 70], ['internal', 30]] as const) : prng.weighted([['customer', 45], ['agent', 35], ['internal', 20]] as const);
      const from = kind === 'agent' ? (firstRespondedAt as number) : createdAt;
      const at = uniformTime(prng, from + SECOND, Math.max(from + SECOND, end));
      if (kind === 'customer') {
        drafts.push({ ticketId, author: draft.record.id, body: prng.pick(lang === 'zh' ? texts.CUSTOMER_REPLIES_ZH : texts.CUSTOMER_REPLIES_EN), public: true, createdAt: iso(at) });
      } else {
        const internal = kind === 'internal';
        drafts.push({
          ticketId,
          author: assignee ?? pickAgent(state, prng, draft.team).id,
          body: prng.pick(internal ? (lang === 'zh' ? texts.INTERNAL_NOTES_ZH : texts.INTERNAL_NOTES_EN) : lang === 'zh' ? texts.AGENT_REPLIES_ZH : texts.AGENT_REPLIES_EN),
          public: !internal,
          createdAt: iso(at),
        });
      }
    }
    drafts.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    let updatedAt = Math.max(createdAt, firstRespondedAt ?? 0, solvedAt ?? 0, closedAt ?? 0);
    for (const comment of drafts) {
      updatedAt = Math.max(updatedAt, Date.parse(comment.createdAt));
      comments.push({ id: `tcm_${pad(nextId(state, 'comment'), 7)}`, ...comment });
    }

    tickets.push({
      id: ticketId,
      number: `T-${100_000 + ticketNumber}`,
      subject: template.subject.replace('{order}', orderHint),
      description: template.description.replace('{order}', orderHint),
      status,
      priority,
      channel: linked ? 'PHONE' : CHANNEL(prng),
      requesterId: draft.record.id,
      assigneeId: assignee,
      relatedCallId: linked?.id ?? null,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      slaDueAt: slaDueAt === null ? null : iso(slaDueAt),
      slaBreached,
      firstRespondedAt: firstRespondedAt === null ? null : iso(firstRespondedAt),
      solvedAt: solvedAt === null ? null : iso(solvedAt),
      idempotencyKey: null,
      requesterTier: draft.record.tier,
      category: template.category,
    });
  }
  return { tickets, comments };
}

// ---------------------------------------------------------------------------------------
// Chunks

/**
 * Mean calls per customer with a phone, so that with transfer legs (~5%), unknown numbers
 * (~5%) and withheld callers (~2%) the total comes to `callsPerCustomer` per customer.
 */
const BASE_CALL_SHARE = 0.885;
const UNKNOWN_CALL_SHARE = 0.05;
const WITHHELD_CALL_SHARE = 0.02;

function emptyChunk(): SeedChunk {
  return {
    crm: { owners: [], customers: [], orders: [], activities: [] },
    callcenter: { agents: [], queues: [], calls: [] },
    tickets: { tickets: [], comments: [] },
  };
}

function generateChunk(state: State, chunkIndex: number, first: number, count: number): SeedChunk {
  const { settings } = state;
  const prng = new Prng(settings.seed, chunkIndex + 1);
  const chunk = emptyChunk();
  if (chunkIndex === 0) {
    chunk.crm.owners = state.reference.owners.map((owner) => ({ ...owner }));
    chunk.callcenter.agents = state.reference.agents.map((agent) => ({ ...agent }));
    chunk.callcenter.queues = state.reference.queues.map((queue) => ({ ...queue }));
    chunk.tickets.agentTeams = state.reference.agents.map((agent) => ({ agentId: agent.id, team: agent.team }));
  }
  const drafts: CustomerDraft[] = [];
  const callUpper = settings.anchor - CALL_HORIZON;
  const meanCalls = (settings.callsPerCustomer * BASE_CALL_SHARE) / 0.96 / Math.exp(0.7 ** 2 / 2);

  for (let offset = 0; offset < count; offset++) {
    const index = first + offset;
    let draft: CustomerDraft | null = null;
    if (drafts.length >= 5 && prng.chance(0.028)) {
      const original = prng.pick(drafts);
      if (original.duplicateOf === null && original.phones.length > 0) draft = duplicateCustomer(state, prng, index, original);
    }
    draft ??= newCustomer(state, prng, index);
    drafts.push(draft);
    const record = draft.record;
    const created = Date.parse(record.createdAt);

    chunk.crm.orders.push(...makeOrders(state, prng, draft));

    // Calls on the customer's numbers, mostly the first one.
    const answered: AnsweredCall[] = [];
    const activities: ActivityRecord[] = [];
    if (draft.phones.length > 0) {
      const callCount = prng.poisson(meanCalls * prng.logNormal(1, 0.7) * (draft.duplicateOf ? 0.3 : 1));
      const target: CallTarget = { lang: draft.lang, team: draft.team, tier: record.tier, utcOffset: draft.utcOffset, customerId: record.id };
      const lower = Math.max(settings.windowStart, created - 2 * DAY);
      for (let c = 0; c < callCount; c++) {
        const phone = draft.phones.length === 1 || prng.chance(0.7) ? (draft.phones[0] as GeneratedPhone) : prng.pick(draft.phones);
        for (const call of makeCall(state, prng, phone.e164, target, lower, callUpper)) {
          chunk.callcenter.calls.push(call);
          if (call.answeredAt !== null) {
            answered.push({ call });
            if (prng.chance(0.5)) activities.push(callLog(state, call, record.id));
          }
        }
      }
    }
    activities.push(...makeNotesAndChats(state, prng, draft));
    chunk.crm.activities.push(...activities);

    const { tickets, comments } = makeTickets(state, prng, draft, answered);
    chunk.tickets.tickets.push(...tickets);
    chunk.tickets.comments.push(...comments);

    let lastContact: string | null = null;
    for (const activity of activities) if (lastContact === null || activity.at > lastContact) lastContact = activity.at;
    record.lastContactAt = lastContact;
    const touched = uniformTime(prng, created + MINUTE, Math.min(created + 30 * DAY, settings.anchor - MINUTE));
    const updated = Math.max(touched, lastContact === null ? 0 : Date.parse(lastContact));
    record.updatedAt = iso(updated);
    chunk.crm.customers.push(record);
  }

  // Calls no customer can be matched to: unknown numbers (some calling repeatedly) and withheld callers.
  const customerCalls = chunk.callcenter.calls.length;
  const unknownCount = Math.round((customerCalls * UNKNOWN_CALL_SHARE) / BASE_CALL_SHARE);
  const withheldCount = Math.round((customerCalls * WITHHELD_CALL_SHARE) / BASE_CALL_SHARE);
  const unknownNumbers: string[] = [];
  for (let i = 0; i < unknownCount + withheldCount; i++) {
    const withheld = i >= unknownCount;
    let number: string | null = null;
    if (!withheld) {
      if (unknownNumbers.length > 0 && prng.chance(0.2)) number = prng.pick(unknownNumbers);
      else {
        const parts = state.numbers.unknownMobile(prng);
        number = phoneRecord(parts, prng.int(0, 7), 'MOBILE').e164;
        if (number !== e164Of(parts)) throw new Error('seed generator bug: unknown number mismatch');
        unknownNumbers.push(number);
      }
    }
    const lang: Lang = prng.chance(0.85) ? 'zh' : 'en';
    const target: CallTarget = { lang, team: lang === 'en' ? 'team-intl' : prng.pick(['team-bj', 'team-sh', 'team-sz']), tier: 'STANDARD', utcOffset: 8, customerId: null };
    chunk.callcenter.calls.push(...makeCall(state, prng, number, target, settings.windowStart, callUpper));
  }
  chunk.crm.engagement = engagementFor(chunk.crm, settings.seed, chunkIndex, settings.anchor);
  return chunk;
}

/**
 * Yields the data set chunk by chunk: CHUNK_SIZE customers each (the last may be smaller),
 * with the reference data (owners, agents, queues) in the first chunk only. With zero
 * customers it yields one chunk holding just the reference data.
 */
export function* generateDataset(options: DatasetOptions): Generator<SeedChunk, void, undefined> {
  const settings = settingsOf(options);
  const state: State = {
    settings,
    reference: buildReference(settings.seed),
    numbers: new NumberPlan(),
    next: { call: 0, ticket: 0, comment: 0, order: 0, activity: 0 },
  };
  const chunks = Math.max(1, Math.ceil(settings.customers / CHUNK_SIZE));
  for (let chunkIndex = 0; chunkIndex < chunks; chunkIndex++) {
    const first = chunkIndex * CHUNK_SIZE;
    yield generateChunk(state, chunkIndex, first, Math.min(CHUNK_SIZE, settings.customers - first));
  }
}
