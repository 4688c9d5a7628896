/**
 * The supervisor wallboard: queue and agent states and today's KPIs (offered, answered,
 * abandoned, service level, average speed of answer; definitions in docs/reporting.md),
 * with a chart of the day by hour (uPlot). Live: every call event from the subscription
 * (the supervisor's team, docs/subscriptions.md) schedules a refresh, at most one every
 * 500 ms; after a reconnect it refreshes at once. "Today" is the browser's local day in
 * its time zone.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Connection } from './connection.js';
import { backoffMs } from './connection.js';
import { h, replace } from './dom.js';
import { t, tOr, language } from './i18n.js';
import { WALLBOARD, WALLBOARD_EVENTS, type WallboardData } from './operations.js';
import type { Status } from './status.js';

const REFRESH_DEBOUNCE_MS = 500;

export interface WallboardContext {
  connection: Connection;
  status: Status;
  team: string | null;
}

/** `[from, to)` of the local day containing `now`, with the browser's time zone. */
export function today(now = new Date()): { from: string; to: string; timeZone: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

export class Wallboard {
  readonly element = h('section', { class: 'wallboard' });
  private readonly kpis = h('div', { class: 'kpis', role: 'group' });
  private readonly chartBox = h('figure', { class: 'chart', 'data-chart': 'hourly' });
  private readonly queues = h('div', { class: 'queues' });
  private readonly agents = h('div', { class: 'agents' });
  private readonly updated = h('p', { class: 'updated', role: 'status' });
  private data: WallboardData | null = null;
  private chart: uPlot | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private subscription: { unsubscribe(): void } | null = null;
  private failures = 0;
  private refreshes = 0;

  constructor(private readonly context: WallboardContext) {
    replace(this.element, this.kpis, this.chartBox, h('div', { class: 'tables' }, this.queues, this.agents), this.updated);
  }

  start(): void {
    this.subscribe();
    void this.refresh();
    this.context.connection.onReconnected(() => void this.refresh());
  }

  private subscribe(): void {
    this.subscription = this.context.connection.apollo.subscribe({ query: WALLBOARD_EVENTS, errorPolicy: 'all' }).subscribe({
      next: () => {
        this.failures = 0;
        this.schedule();
      },
      error: () => this.resubscribe(),
      complete: () => this.resubscribe(),
    });
  }

  private resubscribe(): void {
    this.subscription = null;
    setTimeout(() => {
      this.subscribe();
      void this.refresh();
    }, backoffMs(this.failures++));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    try {
      const result = await this.context.connection.apollo.query({ query: WALLBOARD, variables: { team: this.context.team, range: today() } });
      this.context.status.report('wallboard', (result.error as { errors?: [] } | undefined)?.errors);
      if (result.data) this.data = result.data;
      this.refreshes += 1;
      this.element.dataset.refreshes = String(this.refreshes);
    } catch {
      // Offline: refreshed again after the reconnect.
    }
    this.render();
  }

  render(): void {
    const data = this.data;
    const totals = data?.callCenterMetrics?.totals;
    const tile = (key: string, label: string, value: string) => h('div', { class: 'kpi', 'data-kpi': key }, h('span', { class: 'label' }, label), h('span', { class: 'value' }, value));
    const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);
    replace(
      this.kpis,
      tile('offered', t('offered'), String(totals?.offered ?? '—')),
      tile('answered', t('answered'), String(totals?.answered ?? '—')),
      tile('abandoned', t('abandoned'), String(totals?.abandoned ?? '—')),
      tile('serviceLevel', t('serviceLevel'), percent(totals?.serviceLevel)),
      tile('asa', t('asa'), totals?.averageSpeedOfAnswer === null || totals?.averageSpeedOfAnswer === undefined ? '—' : t('seconds', { value: totals.averageSpeedOfAnswer.toFixed(1) })),
    );
    this.renderQueues(data);
    this.renderAgents(data);
    this.renderChart(data);
    this.updated.textContent = t('updated', { time: new Intl.DateTimeFormat(language(), { timeStyle: 'medium' }).format(new Date()) });
  }

  private renderQueues(data: WallboardData | null): void {
    const calls = data?.activeCalls ?? [];
    const now = Date.now();
    replace(
      this.queues,
      h('h3', {}, t('queues')),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('queue')), h('th', { scope: 'col' }, t('waiting')), h('th', { scope: 'col' }, t('talking')), h('th', { scope: 'col' }, t('longestWait')))),
        h(
          'tbody',
          {},
          (data?.queues ?? []).map((queue) => {
            const mine = calls.filter((call) => call.queue?.id === queue.id);
            const waiting = mine.filter((call) => call.state === 'RINGING');
            const longest = waiting.reduce((max, call) => Math.max(max, Math.round((now - Date.parse(call.startedAt)) / 1000)), 0);
            return h(
              'tr',
              { 'data-queue': queue.id },
              h('th', { scope: 'row' }, queue.name),
              h('td', { 'data-field': 'waiting' }, waiting.length),
              h('td', { 'data-field': 'talking' }, mine.filter((call) => call.state === 'CONNECTED' || call.state === 'ON_HOLD').length),
              h('td', {}, waiting.length ? t('seconds', { value: longest }) : '—'),
            );
          }),
        ),
      ),
    );
  }

  private renderAgents(data: WallboardData | null): void {
    const calls = data?.activeCalls ?? [];
    replace(
      this.agents,
      h('h3', {}, t('agents')),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('agent')), h('th', { scope: 'col' }, t('presence')), h('th', { scope: 'col' }, t('call')))),
        h(
          'tbody',
          {},
          (data?.agents ?? []).map((agent) => {
            const call = calls.find((c) => c.agent?.id === agent.id);
            return h(
              'tr',
              { 'data-agent': agent.id },
              h('th', { scope: 'row' }, agent.name),
              h('td', { class: `presence presence-${agent.presence}` }, tOr(`presence_${agent.presence}`, agent.presence)),
              h('td', { 'data-field': 'call-state' }, call ? tOr(`state_${call.state}`, call.state) : '—'),
            );
          }),
        ),
      ),
    );
  }

  private renderChart(data: WallboardData | null): void {
    const groups = data?.callCenterMetrics?.groups ?? [];
    const xs = groups.map((group) => Date.parse(group.key ?? '') / 1000);
    const series: uPlot.AlignedData = [xs, groups.map((g) => g.offered), groups.map((g) => g.answered), groups.map((g) => g.abandoned)];
    const width = Math.max(320, this.chartBox.clientWidth || 720);
    if (this.chart && this.chart.series[1]?.label === t('offered')) {
      this.chart.setData(series);
      return;
    }
    this.chart?.destroy();
    replace(this.chartBox, h('figcaption', {}, t('today')));
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    this.chart = new uPlot(
      {
        width,
        height: 220,
        scales: { x: { time: true } },
        series: [
          {},
          { label: t('offered'), stroke: '#2563eb', fill: 'rgba(37, 99, 235, 0.25)', paths: bars, points: { show: false } },
          { label: t('answered'), stroke: '#16a34a', width: 2 },
          { label: t('abandoned'), stroke: '#dc2626', width: 2 },
        ],
        axes: [{}, { label: '' }],
      },
      series,
      this.chartBox,
    );
  }
}
