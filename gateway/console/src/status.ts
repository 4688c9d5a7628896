/**
 * What the banner says: whether the live connection is up, and which systems answered
 * `SUBGRAPH_UNAVAILABLE` (by `extensions.subgraph`) in the latest results. A system is
 * listed until a result without that error arrives from the same operation kind.
 */
import { h, replace } from './dom.js';
import { t, tOr } from './i18n.js';

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

export class Status {
  online = false;
  /** Systems by name, per source (the operation that reported them). */
  private readonly unavailable = new Map<string, Set<string>>();

  constructor(private readonly banner: HTMLElement, private readonly indicator: HTMLElement) {
    this.render();
  }

  setOnline(online: boolean): void {
    this.online = online;
    document.body.dataset.connection = online ? 'online' : 'offline';
    this.render();
  }

  /** Records the errors of one result of `source` (replacing that source's previous ones). */
  report(source: string, errors: readonly GraphQLErrorLike[] | undefined): void {
    const systems = new Set<string>();
    for (const error of errors ?? []) {
      if (error.extensions?.code === 'SUBGRAPH_UNAVAILABLE') systems.add(String(error.extensions.subgraph ?? 'unknown'));
    }
    this.unavailable.set(source, systems);
    this.render();
  }

  /** The systems currently reported unavailable, sorted. */
  systems(): string[] {
    const all = new Set<string>();
    for (const systems of this.unavailable.values()) for (const system of systems) all.add(system);
    return [...all].sort();
  }

  render(): void {
    replace(this.indicator, h('span', { class: this.online ? 'dot online' : 'dot offline', 'aria-hidden': 'true' }), this.online ? t('online') : t('offline'));
    const messages: HTMLElement[] = [];
    if (!this.online) messages.push(h('p', { class: 'banner offline', 'data-banner': 'offline' }, t('offlineBanner')));
    const systems = this.systems();
    if (systems.length > 0) {
      messages.push(
        h('p', { class: 'banner unavailable', 'data-banner': 'unavailable', 'data-systems': systems.join(' ') }, t('unavailableBanner', { systems: systems.map((name) => tOr(`system_${name}`, name)).join(', ') })),
      );
    }
    replace(this.banner, messages);
  }
}
