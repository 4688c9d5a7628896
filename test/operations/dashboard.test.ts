/**
 * The Grafana dashboard (docs/grafana/switchboard.json) and the alert rules in
 * docs/operations.md cannot drift from the code: every PromQL expression in them parses, and
 * every `switchboard_` metric they name is exported at `GET /metrics` by a running stack (the
 * gateway or a subgraph). Renaming a metric without the dashboard and the alerts fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

const ROOT = new URL('../../', import.meta.url);

interface Target {
  expr: string;
  refId: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: (Target & { datasource?: { type: string; uid: string } })[];
}
interface Variable {
  name: string;
  type: string;
  query: unknown;
  datasource?: { type: string; uid: string };
}
interface Dashboard {
  schemaVersion: number;
  uid: string;
  title: string;
  templating: { list: Variable[] };
  panels: Panel[];
}

const dashboard = JSON.parse(readFileSync(new URL('docs/grafana/switchboard.json', ROOT), 'utf8')) as Dashboard;
const panels = dashboard.panels.filter((panel) => panel.type !== 'row');

/** The PromQL of every dashboard target, with Grafana's variables replaced by what they stand for at query time. */
const dashboardExpressions = panels.flatMap((panel) =>
  (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}" ${target.refId}`, expr: target.expr.replaceAll('$__rate_interval', '5m').replaceAll('$service', 'gateway|crm') })),
);

/** The expression of each row of the alert table in docs/operations.md (its first code span). */
function alertExpressions(): { where: string; expr: string }[] {
  const text = readFileSync(new URL('docs/operations.md', ROOT), 'utf8');
  const section = text.slice(text.indexOf('## Alerts'));
  const rows = section.split('\n').filter((line) => /^\| [^|-][^|]*\| `/.test(line));
  return rows.map((line) => {
    const [, name, expression] = line.split('|');
    return { where: `alert "${name!.trim()}"`, expr: /`([^`]+)`/.exec(expression!)![1]! };
  });
}

/** Syntax errors in `expr`, and the metric names of its selectors. */
function parsePromQL(expr: string): { errors: string[]; metrics: string[] } {
  const errors: string[] = [];
  const metrics: string[] = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter(node) {
      if (node.type.isError) errors.push(`syntax error at ${node.from}: ${JSON.stringify(expr.slice(Math.max(0, node.from - 20), node.to + 20))}`);
      if (node.name === 'VectorSelector') {
        const name = node.node.getChild('Identifier');
        if (name) metrics.push(expr.slice(name.from, name.to));
      }
    },
  });
  if (tree.topNode.name !== 'PromQL') errors.push(`not PromQL: ${tree.topNode.name}`);
  return { errors, metrics };
}

/** The series names a /metrics text can hold: each declared family (a histogram as its _bucket, _sum and _count) and each sample. */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const declared = /^# TYPE (\S+) (\S+)/.exec(line);
    if (declared) {
      const [, name, type] = declared;
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name! + suffix);
      else if (type === 'summary') for (const suffix of ['', '_sum', '_count']) names.add(name! + suffix);
      else names.add(name!);
    } else if (line && !line.startsWith('#')) {
      names.add(/^[^{ ]+/.exec(line)![0]);
    }
  }
  return names;
}

describe('the Grafana dashboard file', () => {
  test('is a schemaVersion 39 dashboard with a Prometheus datasource variable and a service variable', () => {
    assert.equal(dashboard.schemaVersion, 39);
    assert.equal(dashboard.uid, 'switchboard');
    const datasource = dashboard.templating.list.find((variable) => variable.name === 'datasource');
    assert.equal(datasource?.type, 'datasource');
    assert.equal(datasource?.query, 'prometheus');
    const service = dashboard.templating.list.find((variable) => variable.name === 'service');
    assert.equal(service?.type, 'query');
    assert.deepEqual(service?.datasource, { type: 'prometheus', uid: '${datasource}' });
  });

  test('has its rows and panels, each on the chosen data source, with unique ids', () => {
    const rows = dashboard.panels.filter((panel) => panel.type === 'row').map((panel) => panel.title);
    assert.deepEqual(rows, ['Traffic', 'Errors', 'Latency', 'Subgraphs (seen from the gateway)', 'Protection and CTI', 'Processes']);
    const ids = dashboard.panels.map((panel) => panel.id);
    assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
    for (const panel of panels) {
      assert.ok(panel.targets && panel.targets.length > 0, `panel "${panel.title}" has a query`);
      assert.deepEqual(panel.datasource, { type: 'prometheus', uid: '${datasource}' }, panel.title);
      for (const target of panel.targets) assert.deepEqual(target.datasource, { type: 'prometheus', uid: '${datasource}' }, panel.title);
    }
    const titles = panels.map((panel) => panel.title);
    for (const title of [
      'GraphQL operations/s by service and outcome',
      'GraphQL errors/s by code',
      'GraphQL operation latency p50 / p95 / p99 by service',
      'Subgraph fetch latency p50 / p95 / p99',
      'Subgraph unavailability',
      'Circuit breaker state per subgraph',
      'Rate-limit rejections/s',
      'CTI webhook rejections/s by reason',
      'Resident memory',
      'Event-loop lag p99',
    ]) {
      assert.ok(titles.includes(title), `a panel "${title}"`);
    }
  });

  test('every expression, on the dashboard and in the alert table, is valid PromQL', () => {
    const alerts = alertExpressions();
    assert.ok(alerts.length >= 8, `the alert table of docs/operations.md was found (${alerts.length} rows)`);
    for (const { where, expr } of [...dashboardExpressions, ...alerts]) {
      assert.ok(!expr.includes('$'), `${where}: no Grafana variable left in ${expr}`);
      assert.deepEqual(parsePromQL(expr).errors, [], `${where}: ${expr}`);
      // A quantile is taken over the rate of a histogram's buckets, grouped by `le`.
      if (expr.includes('histogram_quantile')) assert.match(expr, /sum by \([^)]*\ble\)[^]*rate\(switchboard_\w+_bucket\b/, where);
    }
  });
});

describe('the metrics the dashboard and the alerts name', () => {
  let stack: Stack;
  const exported = new Set<string>();
  let gatewayText = '';

  beforeAll(async () => {
    stack = await startStack({ customers: 5 });
    // One operation across all three subgraphs, so that operation, subgraph and breaker series exist.
    const warm = await stack.query('query DashboardWarm { customers(first: 1) { nodes { id calls(first: 1) { totalCount } tickets(first: 1) { totalCount } } } }');
    assert.equal(warm.errors, undefined, JSON.stringify(warm.errors));
    for (const url of [stack.gateway.url, stack.crm.server.url, stack.callcenter.server.url, stack.tickets.server.url]) {
      const response = await fetch(`${url}/metrics`);
      assert.equal(response.status, 200, url);
      const text = await response.text();
      if (url === stack.gateway.url) gatewayText = text;
      for (const name of exportedNames(text)) exported.add(name);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  test('every switchboard_ metric in an expression is exported by the gateway or a subgraph', () => {
    const missing: string[] = [];
    const named = new Set<string>();
    for (const { where, expr } of [...dashboardExpressions, ...alertExpressions()]) {
      for (const metric of parsePromQL(expr).metrics) {
        // The one metric from outside: the blackbox exporter's probe of /health/ready.
        if (metric === 'probe_success') continue;
        assert.match(metric, /^switchboard_/, `${where}: ${metric}`);
        named.add(metric);
        if (!exported.has(metric)) missing.push(`${where}: ${metric}`);
      }
    }
    assert.deepEqual(missing, [], `not in any /metrics:\n${missing.join('\n')}`);
    // What the issue asks the dashboard to show.
    for (const metric of [
      'switchboard_graphql_operations_total',
      'switchboard_graphql_errors_total',
      'switchboard_graphql_operation_duration_seconds_bucket',
      'switchboard_subgraph_fetch_duration_seconds_bucket',
      'switchboard_subgraph_fetch_duration_seconds_count',
      'switchboard_subgraph_breaker_state',
      'switchboard_rate_limit_rejections_total',
      'switchboard_cti_webhook_rejections_total',
      'switchboard_process_resident_memory_bytes',
      'switchboard_nodejs_eventloop_lag_p99_seconds',
    ]) {
      assert.ok(named.has(metric), `the dashboard or the alerts use ${metric}`);
    }
  });

  test('after one operation the gateway has series with the labels the panels group by', () => {
    assert.match(gatewayText, /switchboard_graphql_operations_total\{service="gateway",operation="DashboardWarm",outcome="ok"\} 1/);
    assert.match(gatewayText, /switchboard_graphql_operation_duration_seconds_bucket\{le="[^"]+",service="gateway",operation="DashboardWarm"\} 1/);
    for (const subgraph of ['crm', 'callcenter', 'tickets']) {
      assert.match(gatewayText, new RegExp(`switchboard_subgraph_fetch_duration_seconds_count\\{subgraph="${subgraph}",outcome="ok"\\} [1-9]`), subgraph);
      assert.match(gatewayText, new RegExp(`switchboard_subgraph_breaker_state\\{service="gateway",subgraph="${subgraph}"\\} 0`), subgraph);
    }
  });
});
