/**
 * CRM activities: the call log an agent writes for an answered call, notes, and chat
 * transcripts.
 */
import { plainActivity, type ActivityRecord } from '../../crm/source/records.js';
import type { CallRecord } from '../../callcenter/source/records.js';
import type { CustomerDraft } from './customers.js';
import type { Prng } from './prng.js';
import { nextId, pad, pickAgent, type State } from './state.js';
import { HOUR, MINUTE, SECOND, iso, shapedTime } from './time.js';
import * as texts from './texts.js';

/** The CALL_LOG activity of an answered call (ends when the call ends; duration = talk + hold). */
export function callLog(state: State, call: CallRecord, customerId: string): ActivityRecord {
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

/** A customer's notes (0-3) and chat transcripts (0-2). */
export function makeNotesAndChats(state: State, prng: Prng, draft: CustomerDraft): ActivityRecord[] {
  const { anchor } = state.settings;
  const created = Date.parse(draft.record.createdAt);
  const out: ActivityRecord[] = [];
  const noteCount = prng.weighted([[0, 35], [1, 35], [2, 20], [3, 10]]);
  for (let i = 0; i < noteCount; i++) {
    const author = draft.record.ownerId && prng.chance(0.6) ? draft.record.ownerId : pickAgent(state, prng, draft.team).id;
    out.push(
      plainActivity({
        id: `act_${pad(nextId(state, 'activity'), 7)}`,
        customerId: draft.record.id,
        type: 'NOTE',
        at: iso(shapedTime(prng, created, anchor - 10 * MINUTE, draft.utcOffset)),
        author,
        body: prng.pick(draft.lang === 'zh' ? texts.NOTES_ZH : texts.NOTES_EN),
      }),
    );
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
