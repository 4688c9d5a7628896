/**
 * The agent view: one screen-pop per call offered to the signed-in agent, and one card per
 * bot hand-off offered to them (handoff-card.ts), from `Subscription.callEvents(agentId)`.
 * Never loses a pop: every event is applied once (by event id), and after any gap — a
 * reconnect, a resubscribe after an error, a renewed token — the desk catches up with
 * `callEventsSince(after: last cursor)`, `activeCalls` and `pendingHandoffs` (hand-off
 * events are not replayed; docs/subscriptions.md, "Catching up after a reconnect"). Hand-offs
 * waiting in a queue (offered to nobody) show there too, for any agent to accept.
 */
import type { Connection } from './connection.js';
import { backoffMs } from './connection.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { HandoffCard } from './handoff-card.js';
import { ACTIVE_CALLS, EVENTS_SINCE, PENDING_HANDOFFS, SCREEN_POP, type CallEventData, type HandoffData, type PopCallData } from './operations.js';
import { Pop } from './pop.js';
import type { Session } from './session.js';
import type { Status } from './status.js';

/** How far along a call is: catch-up data never moves a pop backwards. */
const STATE_RANK: Record<string, number> = { RINGING: 0, CONNECTED: 1, ON_HOLD: 1, WRAP_UP: 2, ENDED: 3 };

/** How long after subscribing the desk catches up once more (see `settle`). */
const SUBSCRIPTION_SETTLE_MS = 1500;

export interface DeskContext {
  connection: Connection;
  session: Session;
  status: Status;
  agentId: string;
}

export class AgentDesk {
  readonly element = h('section', { class: 'desk', 'aria-label': t('agentView') });
  private readonly list = h('div', { class: 'pops', 'aria-live': 'polite' });
  private readonly empty = h('p', { class: 'empty' });
  private readonly pops = new Map<string, Pop>();
  private readonly handoffs = new Map<string, HandoffCard>();
  private readonly seen = new Set<string>();
  private lastCursor: string | null = null;
  private subscription: { unsubscribe(): void } | null = null;
  private failures = 0;
  private catchingUp: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly context: DeskContext) {
    replace(this.element, this.empty, this.list);
    this.render();
  }

  start(): void {
    this.subscribe();
    void this.catchUp();
    this.context.connection.onReconnected(() => {
      void this.catchUp();
      this.settle();
    });
  }

  /**
   * graphql-ws does not acknowledge a subscription: between sending it and the call center
   * streaming it, an event could pass unseen. One more catch-up once it has surely started
   * closes that window (events already applied are skipped by id).
   */
  private settle(): void {
    setTimeout(() => void this.catchUp(), SUBSCRIPTION_SETTLE_MS);
  }

  stop(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
  }

  /** Re-renders texts after a language change. */
  render(): void {
    this.empty.textContent = t('noPops');
    this.empty.hidden = this.pops.size + this.handoffs.size > 0;
    this.element.setAttribute('aria-label', t('agentView'));
    for (const pop of this.pops.values()) pop.render();
    for (const card of this.handoffs.values()) card.render();
  }

  private subscribe(): void {
    const { apollo } = this.context.connection;
    this.subscription = apollo.subscribe({ query: SCREEN_POP, variables: { agentId: this.context.agentId }, errorPolicy: 'all' }).subscribe({
      next: (result) => {
        this.failures = 0;
        const errors = (result.error as { errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined)?.errors;
        this.context.status.report('screen-pop', errors);
        if (result.data?.callEvents) this.apply(result.data.callEvents, true);
      },
      // The socket gave up (fatal close code such as 4401 or 4429) or the subscription was
      // refused: subscribe again after a backoff, with a fresh token when it had expired.
      error: (error: unknown) => this.resubscribe(error),
      complete: () => this.resubscribe(null),
    });
    this.settle();
  }

  private resubscribe(error: unknown): void {
    this.subscription = null;
    if (this.stopped) return;
    const code = (error as { code?: number } | null)?.code;
    const delay = backoffMs(this.failures++);
    setTimeout(() => {
      void (async () => {
        if (code === 4401) await this.context.session.renew();
        if (this.stopped) return;
        this.subscribe();
        await this.catchUp();
      })();
    }, delay);
  }

  /** Loads what was missed, then the calls going on now; concurrent calls share one run. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.runCatchUp().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async runCatchUp(): Promise<void> {
    const { apollo } = this.context.connection;
    const agentId = this.context.agentId;
    try {
      let after = this.lastCursor;
      while (after) {
        const page = await apollo.query({
          query: EVENTS_SINCE,
          variables: { after, agentId },
        });
        const connection = page.data?.callEventsSince;
        if (!connection) break; // cursor outside the window: activeCalls below is the truth
        for (const event of connection.nodes) this.apply(event, false);
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      }
      const active = await apollo.query({ query: ACTIVE_CALLS, variables: { agentId } });
      this.context.status.report('active-calls', (active.error as { errors?: [] } | undefined)?.errors);
      for (const call of active.data?.activeCalls ?? []) this.upsert(call, false);
      const pending = await apollo.query({ query: PENDING_HANDOFFS });
      this.context.status.report('pending-handoffs', (pending.error as { errors?: [] } | undefined)?.errors);
      for (const handoff of pending.data?.pendingHandoffs ?? []) {
        const offeredTo = handoff.offeredTo?.id ?? null;
        if (offeredTo === null || offeredTo === agentId || this.handoffs.has(handoff.id)) this.upsertHandoff(handoff);
      }
    } catch {
      // Offline: the next reconnection catches up again.
    }
  }

  /** Applies one event once; `live` events always win, caught-up ones only move forward. */
  private apply(event: CallEventData, live: boolean): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    // Caught-up events come in stream order after the old cursor; at worst a catch-up moves
    // the cursor back behind a live event that overtook it, and the next one skips it by id.
    this.lastCursor = event.cursor;
    if (event.call) this.upsert(event.call, live);
    else if (event.handoff) this.upsertHandoff(event.handoff);
  }

  /** Shows a hand-off, or updates its card (events arrive in the order they happened). */
  private upsertHandoff(handoff: HandoffData): void {
    const existing = this.handoffs.get(handoff.id);
    if (existing) {
      existing.update(handoff);
      return;
    }
    const card = new HandoffCard(handoff, { ...this.context, dismiss: () => this.dismissHandoff(handoff.id) });
    this.handoffs.set(handoff.id, card);
    this.list.prepend(card.element);
    this.render();
  }

  private dismissHandoff(id: string): void {
    this.handoffs.get(id)?.element.remove();
    this.handoffs.delete(id);
    this.render();
  }

  private upsert(call: PopCallData, live: boolean): void {
    const existing = this.pops.get(call.id);
    if (existing) {
      if (live || (STATE_RANK[call.state] ?? 0) >= (STATE_RANK[existing.call.state] ?? 0)) existing.update(call);
      return;
    }
    const pop = new Pop(call, { ...this.context, dismiss: () => this.dismiss(call.id) });
    this.pops.set(call.id, pop);
    this.list.prepend(pop.element);
    this.render();
  }

  private dismiss(callId: string): void {
    this.pops.get(callId)?.dispose();
    this.pops.get(callId)?.element.remove();
    this.pops.delete(callId);
    this.render();
  }
}
