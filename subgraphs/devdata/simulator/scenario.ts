/**
 * One simulated call as a timeline of internal CTI events (offsets in simulated
 * milliseconds from the call's arrival): answered (some with a hold), transferred,
 * abandoned in the queue, missed by the agent, voicemail. Timings follow the seed data:
 * waits exponential (~35 s), talk log-normal (median ~3 min), wrap-up 10-120 s.
 */
import type { Prng } from '../seed/prng.js';
import { weighted } from '../seed/prng.js';

export type Outcome = 'ANSWERED' | 'ANSWERED_WITH_HOLD' | 'TRANSFERRED' | 'ABANDONED' | 'MISSED' | 'VOICEMAIL';

export const pickOutcome = weighted<Outcome>([
  ['ANSWERED', 55], ['ANSWERED_WITH_HOLD', 15], ['TRANSFERRED', 8], ['ABANDONED', 12], ['MISSED', 6], ['VOICEMAIL', 4],
]);

export interface PlannedEvent {
  offsetMs: number;
  body: Record<string, unknown>;
}

export interface CallPlan {
  callId: string;
  outcome: Outcome;
  events: PlannedEvent[];
  /** Agents the call occupies (for choosing free agents). */
  agents: string[];
  durationMs: number;
}

export interface CallSetup {
  callId: string;
  from: string | null;
  hotline: string;
  queueId: string;
  agentId: string;
  /** The agent a transfer goes to. */
  transferAgentId: string;
  transferQueueId: string;
}

const S = 1000;

/** Plans one call; `outcome` forces one (for example ABANDONED when no agent is free). */
export function planCall(prng: Prng, setup: CallSetup, outcome: Outcome = pickOutcome(prng)): CallPlan {
  const { callId, agentId } = setup;
  const events: PlannedEvent[] = [];
  let seq = 0;
  const add = (offsetMs: number, type: string, extra: Record<string, unknown> = {}, id = callId) =>
    events.push({ offsetMs: Math.round(offsetMs), body: { callId: id, type, sequence: ++seq, ...extra } });
  const wait = Math.min(180, Math.max(2, prng.exponential(35))) * S;
  add(0, 'OFFERED', { from: setup.from, to: setup.hotline, direction: 'INBOUND', queueId: setup.queueId });
  if (outcome === 'ABANDONED') {
    add(wait, 'ABANDONED', { queueId: setup.queueId, disconnectReason: 'CUSTOMER_DISCONNECT' });
    return { callId, outcome, events, agents: [], durationMs: wait };
  }
  add(Math.min(wait, 3 * S) / 2, 'OFFERED', { queueId: setup.queueId, agentId });
  if (outcome === 'MISSED') {
    add(wait + 20 * S, 'ENDED', { agentId, disconnectReason: 'NO_ANSWER' });
    return { callId, outcome, events, agents: [agentId], durationMs: wait + 20 * S };
  }
  if (outcome === 'VOICEMAIL') {
    const end = wait + prng.float(20, 60) * S;
    add(end, 'ENDED', { disconnectReason: 'VOICEMAIL' });
    return { callId, outcome, events, agents: [agentId], durationMs: end };
  }
  add(wait, 'ANSWERED', { agentId });
  const talk = Math.min(1800, Math.max(8, prng.logNormal(outcome === 'TRANSFERRED' ? 90 : 180, 0.8))) * S;
  const wrapUp = prng.float(10, 120) * S;
  if (outcome === 'TRANSFERRED') {
    const childId = `${callId}-t`;
    const at = wait + talk;
    add(at, 'TRANSFERRED', { parentCallId: callId, queueId: setup.transferQueueId, agentId: setup.transferAgentId }, childId);
    add(at, 'ENDED', { agentId, disconnectReason: 'TRANSFER' });
    add(at + wrapUp, 'WRAP_UP_DONE', { agentId });
    const childWait = prng.float(3, 20) * S;
    const childTalk = Math.max(8, prng.logNormal(180, 0.8)) * S;
    add(at + childWait, 'ANSWERED', { agentId: setup.transferAgentId }, childId);
    add(at + childWait + childTalk, 'ENDED', { agentId: setup.transferAgentId, disconnectReason: 'CUSTOMER_DISCONNECT' }, childId);
    add(at + childWait + childTalk + prng.float(10, 120) * S, 'WRAP_UP_DONE', { agentId: setup.transferAgentId }, childId);
    return { callId, outcome, events, agents: [agentId, setup.transferAgentId], durationMs: at + childWait + childTalk + 120 * S };
  }
  let end = wait + talk;
  if (outcome === 'ANSWERED_WITH_HOLD') {
    const holdAt = wait + talk * prng.float(0.2, 0.6);
    const hold = Math.min(600, 5 + prng.exponential(60)) * S;
    add(holdAt, 'HELD', { agentId });
    add(holdAt + hold, 'RESUMED', { agentId });
    end += hold;
  }
  add(end, 'ENDED', { agentId, disconnectReason: prng.chance(0.6) ? 'CUSTOMER_DISCONNECT' : 'AGENT_DISCONNECT' });
  add(end + wrapUp, 'WRAP_UP_DONE', { agentId });
  return { callId, outcome, events, agents: [agentId], durationMs: end + wrapUp };
}
