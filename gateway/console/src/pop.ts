/**
 * One screen-pop: the call (number, queue, state), who is calling (SINGLE: the customer;
 * MULTIPLE: a chooser; NONE: a customer search) and, once a customer is known, the card
 * (customer-card.ts) with its actions. Forms survive updates of the call: only the header
 * and the identification part are redrawn when an event arrives.
 */
import { h, replace } from './dom.js';
import { t, tOr, formatTime } from './i18n.js';
import { CustomerCard } from './customer-card.js';
import { SEARCH_CUSTOMERS, type Candidate, type PopCallData } from './operations.js';
import type { DeskContext } from './agent-desk.js';

export interface PopContext extends DeskContext {
  dismiss(): void;
}

export class Pop {
  readonly element: HTMLElement;
  private readonly header = h('header', { class: 'pop-header' });
  private readonly identify = h('div', { class: 'identify' });
  private readonly cardSlot = h('div', { class: 'card-slot' });
  private card: CustomerCard | null = null;
  private searchResults: Candidate[] | null = null;
  private searchText = '';

  constructor(public call: PopCallData, private readonly context: PopContext) {
    this.element = h('article', { class: 'pop', 'data-call-id': call.id, tabindex: '-1' }, this.header, this.identify, this.cardSlot);
    this.update(call);
  }

  update(call: PopCallData): void {
    this.call = call;
    this.element.dataset.state = call.state;
    this.element.dataset.callerStatus = call.caller?.status ?? 'NONE';
    const candidates = call.caller?.candidates ?? [];
    if (!this.card && call.caller?.status === 'SINGLE' && candidates[0]) this.choose(candidates[0].id);
    this.render();
  }

  render(): void {
    const call = this.call;
    const number = call.from ?? t('withheld');
    this.element.setAttribute('aria-label', `${t('incoming')} ${number}`);
    replace(
      this.header,
      h('h2', {}, h('span', { class: 'number' }, number)),
      h('span', { class: `state state-${call.state}`, 'data-field': 'state' }, tOr(`state_${call.state}`, call.state)),
      call.queue ? h('span', { class: 'queue' }, `${t('queue')}: ${call.queue.name}`) : null,
      h('time', { datetime: call.startedAt }, formatTime(call.startedAt)),
      call.state === 'ENDED' ? h('button', { type: 'button', class: 'link', onclick: () => this.context.dismiss() }, t('dismiss')) : null,
    );
    this.renderIdentify();
    this.card?.render();
  }

  private renderIdentify(): void {
    const caller = this.call.caller;
    if (caller?.status === 'MULTIPLE') {
      replace(
        this.identify,
        h('p', { class: 'hint' }, t('multiple')),
        h(
          'ul',
          { class: 'chooser', role: 'list' },
          caller.candidates.map((candidate) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: this.card?.customerId === candidate.id ? 'candidate chosen' : 'candidate', 'aria-pressed': String(this.card?.customerId === candidate.id), 'data-customer-id': candidate.id, onclick: () => this.choose(candidate.id) },
                h('strong', {}, candidate.displayName),
                ' ',
                h('span', { class: `tier tier-${candidate.tier}` }, tOr(`tier_${candidate.tier}`, candidate.tier)),
                ' ',
                (candidate.tags ?? []).map((tag) => h('span', { class: 'tag' }, tag)),
              ),
            ),
          ),
        ),
      );
      return;
    }
    if (caller?.status === 'SINGLE' || this.card) {
      replace(this.identify);
      return;
    }
    this.renderSearch();
  }

  private renderSearch(): void {
    const input = h('input', { type: 'search', name: 'search', value: this.searchText, 'aria-label': t('searchCustomers'), placeholder: t('searchCustomers'), oninput: (event: Event) => (this.searchText = (event.target as HTMLInputElement).value) });
    const form = h(
      'form',
      {
        class: 'search',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void this.search();
        },
      },
      input,
      h('button', { type: 'submit' }, t('search')),
    );
    replace(
      this.identify,
      h('p', { class: 'hint', 'data-field': 'unknown' }, t('unknownCaller')),
      form,
      h('p', { class: 'hint small' }, t('createCustomerNote')),
      this.searchResults === null
        ? null
        : this.searchResults.length === 0
          ? h('p', { class: 'empty' }, t('noResults'))
          : h(
              'ul',
              { class: 'chooser', role: 'list' },
              this.searchResults.map((candidate) =>
                h('li', {}, h('button', { type: 'button', class: 'candidate', 'data-customer-id': candidate.id, onclick: () => this.choose(candidate.id) }, h('strong', {}, candidate.displayName), ' ', h('span', { class: `tier tier-${candidate.tier}` }, tOr(`tier_${candidate.tier}`, candidate.tier)))),
              ),
            ),
    );
  }

  private async search(): Promise<void> {
    const text = this.searchText.trim();
    if (!text) return;
    const result = await this.context.connection.apollo.query({ query: SEARCH_CUSTOMERS, variables: { search: text } }).catch(() => null);
    this.searchResults = result?.data?.customers.nodes ?? [];
    this.renderIdentify();
  }

  /** The pop is going away: its card stops reloading. */
  dispose(): void {
    this.card?.dispose();
  }

  private choose(customerId: string): void {
    if (this.card?.customerId === customerId) return;
    this.card?.dispose();
    this.card = new CustomerCard(customerId, this.call, this.context);
    replace(this.cardSlot, this.card.element);
    void this.card.load();
    this.renderIdentify();
  }
}
