/**
 * The lead status model, in one place: the product's statuses, the moves between them, and
 * the company's own labels mapped onto them (`SWITCHBOARD_LEAD_STATUS_MAP`, JSON object of
 * label → status, e.g. `{"潜在":"NEW","意向":"QUALIFIED","成交":"CONVERTED","流失":"LOST"}`).
 * See docs/bots.md, "Leads and opportunities".
 */
import { envValue } from '../../shared/env/read.js';
import { badUserInput } from '../../../schema/errors.js';
import type { LeadStatus } from './engagement-records.js';

export const LEAD_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST'];

/** Allowed moves; CONVERTED is reached only by conversion and is final. */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'QUALIFIED', 'LOST'],
  CONTACTED: ['QUALIFIED', 'LOST'],
  QUALIFIED: ['CONTACTED', 'LOST'],
  CONVERTED: [],
  LOST: ['NEW'],
};

/** BAD_USER_INPUT unless `from` → `to` is an allowed move (the same status is not a move). */
export function checkLeadTransition(from: LeadStatus, to: LeadStatus): void {
  if (!LEAD_TRANSITIONS[from].includes(to)) {
    const allowed = LEAD_TRANSITIONS[from];
    throw badUserInput(
      `A lead cannot move from ${from} to ${to}${to === 'CONVERTED' ? ' (use convertLead)' : ''}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}.`,
      { argumentName: 'status', from, to },
    );
  }
}

/** A label → value map read from `variable` (JSON object); values must be in `allowed`. Throws at start-up on a bad map. */
function readMap<T extends string>(variable: 'SWITCHBOARD_LEAD_STATUS_MAP', allowed: readonly T[], env: NodeJS.ProcessEnv): ReadonlyMap<string, T> {
  const text = envValue(variable, env)?.trim();
  if (!text) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${variable} is not JSON: expected an object of label → status.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${variable} must be a JSON object of label → status.`);
  const map = new Map<string, T>();
  for (const [label, value] of Object.entries(parsed)) {
    if (!allowed.includes(value as T)) throw new Error(`${variable}: ${JSON.stringify(label)} maps to ${JSON.stringify(value)}, not one of ${allowed.join(', ')}.`);
    map.set(label.trim(), value as T);
  }
  return map;
}

export interface StatusMaps {
  lead: ReadonlyMap<string, LeadStatus>;
}

export function statusMapsFromEnv(env: NodeJS.ProcessEnv = process.env): StatusMaps {
  return {
    lead: readMap('SWITCHBOARD_LEAD_STATUS_MAP', LEAD_STATUSES, env),
  };
}

/** The product status of a company label; BAD_USER_INPUT for an unknown one. */
export function mapLeadLabel(maps: StatusMaps, label: string): LeadStatus {
  const status = maps.lead.get(label.trim());
  if (!status) {
    const known = [...maps.lead.keys()];
    throw badUserInput(`${JSON.stringify(label)} is not a lead status label of this company${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (SWITCHBOARD_LEAD_STATUS_MAP is empty)'}.`, {
      argumentName: 'externalStatus',
    });
  }
  return status;
}
