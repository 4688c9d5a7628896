/**
 * The customer part of a screen-pop: tier, tags, contact data (masked values marked as
 * masked), open tickets with a status control, last calls, orders and the timeline, plus
 * the actions: a note on the timeline, a ticket linked to the call. Loaded with
 * `errorPolicy: 'all'`: when a system is down its sections say so and the rest shows.
 */
import { h, replace } from './dom.js';
import { formatTime, t, tOr } from './i18n.js';
import { ADD_NOTE, CHANGE_TICKET_STATUS, CREATE_TICKET, POP_CUSTOMER, TICKET_TRANSITIONS, type CustomerData, type PopCallData, type TicketData } from './operations.js';
import type { PopContext } from './pop.js';

interface ErrorList {
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  message?: string;
}

/** A value the gateway masked (`z***@example.com`, `110***********1234`). */
const isMasked = (value: string) => value.includes('***');
/** The card's sections each system fills (an unavailable system's errors name it, not always a path). */
const SECTIONS_OF: Record<string, string[]> = { tickets: ['openTickets'], callcenter: ['calls'], crm: ['orders', 'activities'] };
/** How often a card with a section missing because its system was down is reloaded. */
const UNAVAILABLE_RETRY_MS = 5000;
/** The record-level rule's related customers are cached for a few seconds at the gateway. */
const RESTRICTED_RETRY_MS = 6000;

export class CustomerCard {
  readonly element = h('div', { class: 'card' });
  private readonly data = h('div', { class: 'card-data' });
  private readonly message = h('p', { class: 'message', role: 'status' });
  private readonly noteBody = h('textarea', { name: 'note', rows: 2 });
  private readonly ticketSubject = h('input', { type: 'text', name: 'subject' });
  private readonly ticketPriority = h('select', { name: 'priority' }, ['LOW', 'NORMAL', 'HIGH', 'URGENT'].map((p) => h('option', { value: p, selected: p === 'NORMAL' }, tOr(`priority_${p}`, p))));
  private readonly actions = h('div', { class: 'actions' });
  private customer: CustomerData | null = null;
  private failedSections = new Set<string>();
  private idempotencyKey = crypto.randomUUID();
  private retriedRestricted = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(readonly customerId: string, private readonly call: PopCallData, private readonly context: PopContext) {
    this.element.dataset.customerId = customerId;
    replace(this.element, this.data, this.actions, this.message);
    this.render();
  }

  async load(): Promise<void> {
    try {
      const result = await this.context.connection.apollo.query({ query: POP_CUSTOMER, variables: { id: this.customerId } });
      const errors = (result.error as ErrorList | undefined)?.errors ?? [];
      this.context.status.report(`customer:${this.customerId}`, errors);
      this.failedSections = new Set(errors.filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE').flatMap((e) => SECTIONS_OF[String(e.extensions?.subgraph)] ?? []));
      this.customer = result.data?.customer ?? this.customer;
    } catch (error) {
      this.show(t('failed', { message: (error as Error).message }));
    }
    this.render();
    clearTimeout(this.retry);
    // A system that was down: try again until its sections are back (and the banner goes).
    if (this.failedSections.size > 0 && !this.disposed) this.retry = setTimeout(() => void this.load(), UNAVAILABLE_RETRY_MS);
    if (this.customer?.recordAccess === 'MINIMAL' && !this.retriedRestricted && this.call.state !== 'ENDED') {
      this.retriedRestricted = true;
      setTimeout(() => void this.load(), RESTRICTED_RETRY_MS);
    }
  }

  /** Stops reloading and withdraws this card's part of the banner (the pop was dismissed). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retry);
    this.context.status.report(`customer:${this.customerId}`, []);
  }

  render(): void {
    this.noteBody.placeholder = t('notePlaceholder');
    this.noteBody.setAttribute('aria-label', t('notePlaceholder'));
    this.ticketSubject.setAttribute('aria-label', t('subject'));
    this.ticketSubject.placeholder = t('subject');
    this.ticketPriority.setAttribute('aria-label', t('priority'));
    this.renderData();
    this.renderActions();
  }

  private renderData(): void {
    const c = this.customer;
    if (!c) {
      replace(this.data, h('p', { class: 'loading' }, t('loading')));
      return;
    }
    const masked = (value: string, field: string) => h('span', { 'data-field': field, class: isMasked(value) ? 'masked' : undefined }, value, isMasked(value) ? h('span', { class: 'badge' }, t('masked')) : null);
    replace(
      this.data,
      h('h3', { 'data-field': 'name' }, c.displayName, ' ', h('span', { class: `tier tier-${c.tier}`, 'data-field': 'tier', 'data-tier': c.tier, title: t('tier') }, tOr(`tier_${c.tier}`, c.tier))),
      h('p', { class: 'tags', 'aria-label': t('tags') }, (c.tags ?? []).map((tag) => h('span', { class: 'tag', 'data-field': 'tag' }, tag))),
      c.recordAccess === 'MINIMAL' ? h('p', { class: 'hint' }, t('restricted')) : null,
      h(
        'dl',
        { class: 'facts' },
        c.emails && c.emails.length > 0 ? [h('dt', {}, t('emails')), h('dd', {}, c.emails.map((email) => masked(email, 'email')))] : null,
        c.nationalId ? [h('dt', {}, t('nationalId')), h('dd', {}, masked(c.nationalId, 'nationalId'))] : null,
        c.company ? [h('dt', {}, t('company')), h('dd', {}, c.company.name)] : null,
        [h('dt', {}, t('lastContact')), h('dd', {}, formatTime(c.lastContactAt))],
      ),
      this.section('openTickets', t('openTickets'), c.openTickets?.nodes, (ticket) => this.ticketRow(ticket), this.failedSections.has('openTickets') ? t('ticketsUnavailable') : t('noTickets')),
      this.section('calls', t('lastCalls'), c.calls?.nodes, (call) =>
        h('li', {}, h('time', { datetime: call.startedAt }, formatTime(call.startedAt)), ' ', tOr(`direction_${call.direction}`, call.direction), ' · ', tOr(`state_${call.state}`, call.state), call.disposition ? ` · ${tOr(`disposition_${call.disposition}`, call.disposition)}` : '', call.talkSeconds ? ` · ${t('seconds', { value: call.talkSeconds })}` : ''),
      t('noCalls')),
      this.section('orders', t('orders'), c.orders?.nodes, (order) => h('li', {}, h('strong', {}, order.number), ` · ${order.status} · ${formatTime(order.placedAt)}`), t('noOrders')),
      this.section('activities', t('timeline'), c.activities?.nodes, (activity) =>
        h('li', { 'data-activity-type': activity.type }, h('time', { datetime: activity.at }, formatTime(activity.at)), ' ', h('span', { class: 'tag' }, activity.type), ' ', activity.body ?? (activity.disposition ? tOr(`disposition_${activity.disposition}`, activity.disposition) : ''), h('span', { class: 'author' }, ` — ${activity.author}`)),
      t('noActivities')),
    );
  }

  private section<T>(name: string, title: string, items: T[] | undefined, row: (item: T) => HTMLElement, empty: string): HTMLElement {
    return h(
      'section',
      { class: 'card-section', 'data-section': name, 'data-unavailable': this.failedSections.has(name) ? 'true' : undefined },
      h('h4', {}, title),
      items && items.length > 0 ? h('ul', {}, items.map(row)) : h('p', { class: 'empty' }, empty),
    );
  }

  private ticketRow(ticket: TicketData): HTMLElement {
    const next = TICKET_TRANSITIONS[ticket.status] ?? [];
    const select = h(
      'select',
      { 'aria-label': t('changeStatus', { number: ticket.number }), 'data-ticket': ticket.number, onchange: (event: Event) => void this.changeStatus(ticket, (event.target as HTMLSelectElement).value) },
      h('option', { value: ticket.status, selected: true }, tOr(`ticket_${ticket.status}`, ticket.status)),
      next.map((status) => h('option', { value: status }, tOr(`ticket_${status}`, status))),
    );
    return h('li', { 'data-ticket-number': ticket.number }, h('strong', {}, ticket.number), ` ${ticket.subject} · ${tOr(`priority_${ticket.priority}`, ticket.priority)}`, ticket.slaBreached ? h('span', { class: 'badge warn' }, 'SLA') : null, ' ', select);
  }

  private renderActions(): void {
    replace(
      this.actions,
      h(
        'form',
        { class: 'note-form', onsubmit: (event: Event) => (event.preventDefault(), void this.addNote()) },
        this.noteBody,
        h('button', { type: 'submit' }, t('addNote')),
      ),
      h(
        'form',
        { class: 'ticket-form', onsubmit: (event: Event) => (event.preventDefault(), void this.createTicket()) },
        this.ticketSubject,
        this.ticketPriority,
        h('button', { type: 'submit' }, t('createTicket')),
      ),
    );
  }

  private show(text: string): void {
    this.message.textContent = text;
  }

  private async addNote(): Promise<void> {
    const body = this.noteBody.value.trim();
    if (!body) return;
    const result = await this.context.connection.apollo.mutate({ mutation: ADD_NOTE, variables: { customerId: this.customerId, body } }).catch((error: Error) => ({ data: null, error }));
    if (!result.data) return this.show(t('failed', { message: (result.error as ErrorList | undefined)?.message ?? '' }));
    this.noteBody.value = '';
    this.show(t('noteAdded'));
    await this.load();
  }

  private async createTicket(): Promise<void> {
    const subject = this.ticketSubject.value.trim();
    if (!subject) return;
    const input = { idempotencyKey: this.idempotencyKey, requesterId: this.customerId, subject, priority: this.ticketPriority.value, channel: 'PHONE', relatedCallId: this.call.id, assigneeId: this.context.agentId };
    const result = await this.context.connection.apollo.mutate({ mutation: CREATE_TICKET, variables: { input } }).catch((error: Error) => ({ data: null, error }));
    if (!result.data) return this.show(t('failed', { message: (result.error as ErrorList | undefined)?.message ?? '' }));
    this.idempotencyKey = crypto.randomUUID();
    this.ticketSubject.value = '';
    this.show(t('ticketCreated', { number: result.data.createTicket.number }));
    await this.load();
  }

  private async changeStatus(ticket: TicketData, status: string): Promise<void> {
    if (status === ticket.status) return;
    const result = await this.context.connection.apollo.mutate({ mutation: CHANGE_TICKET_STATUS, variables: { id: ticket.id, status } }).catch((error: Error) => ({ data: null, error }));
    if (!result.data) this.show(t('failed', { message: (result.error as ErrorList | undefined)?.message ?? '' }));
    await this.load();
  }
}
