/**
 * One generation's state: the validated options (`Settings`), the reference data every chunk
 * refers to (owners, agents, queues: PRNG stream 0), the collision-free number plan and the
 * id counters. Ids are sequential (`cus_000001`, `call_0000001`, …), so they depend only on
 * the order of generation.
 */
import type { AccountOwnerRecord } from '../../crm/source/records.js';
import type { AgentPresence, AgentRecord, QueueRecord } from '../../callcenter/source/records.js';
import type { DatasetOptions } from './dataset.js';
import { enName, zhName } from './names.js';
import { NumberPlan } from './phones.js';
import { Prng, weighted } from './prng.js';
import { DAY, SECOND } from './time.js';
import * as vocab from './vocabulary.js';

/** Days before the anchor that the data set's timestamps cover. */
export const WINDOW_DAYS = 180;
/** The most customers one data set may have. */
export const MAX_CUSTOMERS = 1_000_000;

/** The options, checked, with the anchor and the window's start in epoch milliseconds (whole seconds). */
export interface Settings {
  seed: number;
  customers: number;
  callsPerCustomer: number;
  ticketsPerCustomer: number;
  anchor: number;
  windowStart: number;
}

/** Checks the options: RangeError naming the first wrong one. */
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

/** Owners, agents and queues, and owners and agents by team. */
export interface Reference {
  owners: AccountOwnerRecord[];
  agents: AgentRecord[];
  queues: QueueRecord[];
  ownersByTeam: Map<string, AccountOwnerRecord[]>;
  agentsByTeam: Map<string, AgentRecord[]>;
}

export interface State {
  settings: Settings;
  reference: Reference;
  numbers: NumberPlan;
  next: { call: number; ticket: number; comment: number; order: number; activity: number };
}

/** `value` in decimal, zero-padded to `length` digits (ids, money). */
export const pad = (value: number, length: number): string => String(value).padStart(length, '0');

/** The next number of a kind of record (1, 2, …). */
export function nextId(state: State, kind: keyof State['next']): number {
  state.next[kind] += 1;
  return state.next[kind];
}

const pickPresence = weighted<AgentPresence>([['AVAILABLE', 40], ['BUSY', 25], ['AWAY', 10], ['OFFLINE', 25]]);

/** The reference data: the same for every size of data set with the same seed. */
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

/** A fresh generation: reference data built, no number handed out, every counter at 0. */
export function newState(options: DatasetOptions): State {
  const settings = settingsOf(options);
  return {
    settings,
    reference: buildReference(settings.seed),
    numbers: new NumberPlan(),
    next: { call: 0, ticket: 0, comment: 0, order: 0, activity: 0 },
  };
}

/** An agent for work of `team`'s customers (mostly of that team), never `except`. */
export function pickAgent(state: State, prng: Prng, team: string, except?: string | null): AgentRecord {
  const { agentsByTeam, agents } = state.reference;
  const pool = prng.chance(0.85) ? (agentsByTeam.get(team) ?? agents) : agents;
  let agent = prng.pick(pool);
  for (let tries = 0; agent.id === except && tries < 10; tries++) agent = prng.pick(pool);
  if (agent.id === except) agent = agents.find((candidate) => candidate.id !== except) as AgentRecord;
  return agent;
}
