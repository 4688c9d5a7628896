/**
 * A bot's hand-off on the agent desk, shown like a call (docs/bots.md): the customer the bot
 * identified, why it asks for a human, the intent, a video room if any, and the conversation
 * so far (summary and the last messages), so the customer never repeats themselves. While it
 * is offered to this agent (or waits in its queue) the agent accepts or declines it; the
 * answer comes back as the hand-off's new state, and events from the stream update it.
 */
import { h, replace } from './dom.js';
import { formatTime, t, tOr } from './i18n.js';
import { ACCEPT_HANDOFF, DECLINE_HANDOFF, type HandoffData } from './operations.js';
import type { DeskContext } from './agent-desk.js';

/** How many of the last messages the card shows. */
const LAST_MESSAGES = 6;

interface ErrorList {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export class HandoffCard {
  readonly element: HTMLElement;
  private readonly header = h('header', { class: 'pop-header' });
  private readonly body = h('div', { class: 'handoff-body' });
  private readonly actions = h('div', { class: 'actions' });
  private readonly message = h('p', { class: 'message', role: 'status' });
  private busy = false;

  constructor(
    public handoff: HandoffData,
    private readonly context: DeskContext & { dismiss(): void },
  ) {
    this.element = h('article', { class: 'pop handoff', 'data-handoff-id': handoff.id, tabindex: '-1' }, this.header, this.body, this.actions, this.message);
    this.update(handoff);
  }

  /** Whether this agent may still answer it: offered to them, or waiting in the queue. */
  get answerable(): boolean {
    const offeredTo = this.handoff.offeredTo?.id ?? null;
    return this.handoff.status === 'OFFERED' && (offeredTo === null || offeredTo === this.context.agentId);
  }

  update(handoff: HandoffData): void {
    this.handoff = handoff;
    this.element.dataset.status = this.displayStatus();
    this.render();
  }

  /** OFFERED, ACCEPTED, EXPIRED, or ELSEWHERE: offered to or accepted by another agent now. */
  private displayStatus(): string {
    const { status, offeredTo, acceptedBy } = this.handoff;
    if (status === 'ACCEPTED' && acceptedBy?.id !== this.context.agentId) return 'ELSEWHERE';
    if (status === 'OFFERED' && offeredTo !== null && offeredTo.id !== this.context.agentId) return 'ELSEWHERE';
    return status;
  }

  render(): void {
    const handoff = this.handoff;
    const status = this.displayStatus();
    this.element.setAttribute('aria-label', `${t('handoff')}: ${handoff.customer?.displayName ?? t('anonymousVisitor')}`);
    replace(
      this.header,
      h('h2', {}, t('handoff')),
      h('span', { class: `state state-${status}`, 'data-field': 'state' }, tOr(`handoff_${status}`, status)),
      handoff.queue ? h('span', { class: 'queue' }, `${t('queue')}: ${handoff.queue.name}`) : null,
      handoff.skill ? h('span', { class: 'queue' }, `${t('skill')}: ${handoff.skill}`) : null,
      h('time', { datetime: handoff.createdAt }, formatTime(handoff.createdAt)),
      status !== 'OFFERED' ? h('button', { type: 'button', class: 'link', onclick: () => this.context.dismiss() }, t('dismiss')) : null,
    );
    const conversation = handoff.conversation;
    const messages = conversation?.messages.slice(-LAST_MESSAGES) ?? [];
    replace(
      this.body,
      handoff.customer
        ? h(
            'p',
            { class: 'who' },
            h('strong', { 'data-field': 'name' }, handoff.customer.displayName),
            ' ',
            h('span', { class: `tier tier-${handoff.customer.tier}`, 'data-field': 'tier', 'data-tier': handoff.customer.tier }, tOr(`tier_${handoff.customer.tier}`, handoff.customer.tier)),
          )
        : h('p', { class: 'who', 'data-field': 'name' }, t('anonymousVisitor')),
      h('p', { 'data-field': 'reason' }, h('strong', {}, `${t('reason')}: `), handoff.reason),
      handoff.intent ? h('p', { 'data-field': 'intent' }, h('strong', {}, `${t('intent')}: `), handoff.intent) : null,
      handoff.rtcRoom ? h('p', { 'data-field': 'rtcRoom' }, h('strong', {}, `${t('videoRoom')}: `), `${handoff.rtcRoom.provider} · ${handoff.rtcRoom.channel}`) : null,
      conversation?.summary ? h('p', { class: 'summary', 'data-field': 'summary' }, conversation.summary) : null,
      conversation
        ? h(
            'ol',
            { class: 'transcript', 'data-section': 'transcript', 'aria-label': t('transcript') },
            messages.map((m) => h('li', { 'data-from': m.from }, h('span', { class: 'from' }, tOr(`participant_${m.from}`, m.from)), ' ', m.text)),
          )
        : null,
      status === 'OFFERED' ? h('p', { class: 'hint' }, t('handoffExpires', { time: formatTime(handoff.expiresAt) })) : null,
    );
    replace(
      this.actions,
      this.answerable
        ? [
            h('button', { type: 'button', 'data-action': 'accept', disabled: this.busy, onclick: () => void this.answer(ACCEPT_HANDOFF, 'acceptHandoff') }, t('accept')),
            ' ',
            h('button', { type: 'button', class: 'secondary', 'data-action': 'decline', disabled: this.busy, onclick: () => void this.answer(DECLINE_HANDOFF, 'declineHandoff') }, t('decline')),
          ]
        : null,
    );
  }

  private async answer(mutation: typeof ACCEPT_HANDOFF | typeof DECLINE_HANDOFF, field: 'acceptHandoff' | 'declineHandoff'): Promise<void> {
    this.busy = true;
    this.message.textContent = '';
    this.render();
    try {
      const result = await this.context.connection.apollo.mutate({ mutation: mutation as typeof ACCEPT_HANDOFF, variables: { id: this.handoff.id } });
      const error = (result.error as ErrorList | undefined)?.errors?.[0];
      const answered = (result.data as Record<string, typeof this.handoff | undefined> | undefined)?.[field];
      if (answered) this.update(answered);
      // CONFLICT: someone else took it, or it expired; the stream brings its state.
      if (error) this.message.textContent = error.extensions?.code === 'CONFLICT' ? t('handoffGone') : t('failed', { message: error.message });
    } catch (error) {
      this.message.textContent = t('failed', { message: (error as Error).message });
    } finally {
      this.busy = false;
      this.render();
    }
  }
}
