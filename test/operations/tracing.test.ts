/**
 * OpenTelemetry traces end to end, exported over OTLP/HTTP (JSON) to a real receiver on an
 * ephemeral port: a query's caller `traceparent` is continued by the gateway (with
 * `@apollo/gateway`'s own plan and fetch spans), by the subgraphs it calls and by their SQL;
 * and one CTI webhook's trace runs through the call center's pipeline to the gateway's
 * enrichment (a CRM fetch) and the WebSocket frame of the screen-pop. The screen-pop's
 * delivery latency is in `/metrics`.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ctiSignatureHeaders } from '../../subgraphs/callcenter/cti/signature.js';
import { startTracing, type Tracing } from '../../subgraphs/shared/observability/tracing.js';
import { postGraphQL, startStack, type Stack } from '../support/stack.js';
import { bearer } from '../support/viewers.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}
interface OtlpRequest {
  resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** An OTLP/HTTP traces receiver (`POST /v1/traces`, JSON), keeping every span it is sent. */
function otlpReceiver(): Promise<{ server: Server; url: string; spans: OtlpSpan[]; contentTypes: Set<string> }> {
  const spans: OtlpSpan[] = [];
  const contentTypes = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        contentTypes.add(String(req.headers['content-type']));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpRequest;
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}`, spans, contentTypes });
    }),
  );
}

/** W3C trace ids are hex in `traceparent`; the OTLP JSON encoding writes them as hex too. */
function spansOf(spans: OtlpSpan[], traceId: string): OtlpSpan[] {
  return spans.filter((s) => s.traceId.toLowerCase() === traceId);
}

/** Parent chain from `span` to the root, by span id. */
function ancestry(spans: OtlpSpan[], span: OtlpSpan): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const names = [span.name];
  let current: OtlpSpan | undefined = span;
  while (current?.parentSpanId && (current = byId.get(current.parentSpanId))) names.push(current.name);
  return names;
}

async function waitFor(check: () => boolean, what: string, flush: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await flush();
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('traces', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let tracing: Tracing;
  let stack: Stack;

  beforeAll(async () => {
    receiver = await otlpReceiver();
    // The stack's four servers run in this process: one SDK exports for all of them.
    tracing = (await startTracing('test', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url }))!;
    assert.ok(tracing, 'tracing is on once an endpoint is configured');
    stack = await startStack({ customers: 60 });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await tracing?.shutdown();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  test('tracing is off without an endpoint', async () => {
    assert.equal(await startTracing('off', {}), null);
  });

  test("a query continues the caller's traceparent through the gateway, the subgraphs and SQL", async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const response = await postGraphQL<{ customers: { nodes: { id: string; calls: { totalCount: number } | null }[] } }>(
      stack.gateway.graphqlUrl,
      '{ customers(first: 2) { nodes { id calls(first: 1) { totalCount } } } }',
      undefined,
      { authorization: await bearer('admin'), traceparent },
    );
    assert.equal(response.errors, undefined);
    await waitFor(() => spansOf(receiver.spans, traceId).some((s) => s.name.startsWith('SELECT')), 'SQL spans of the traced query', () => tracing.flush());
    const spans = spansOf(receiver.spans, traceId);
    const names = new Set(spans.map((s) => s.name));
    for (const name of ['POST /graphql', 'gateway.request', 'gateway.validate', 'gateway.plan', 'gateway.fetch']) assert.ok(names.has(name), `span ${name} in ${[...names].join(', ')}`);
    // A SQL statement of the call center, under its server span, under the gateway's fetch, under the caller's request.
    const sql = spans.find((s) => s.name.startsWith('SELECT') && ancestry(spans, s).includes('gateway.fetch'));
    assert.ok(sql, 'a SQL span under a gateway fetch');
    const chain = ancestry(spans, sql);
    assert.equal(chain.filter((n) => n === 'POST /graphql').length, 2, `the subgraph's and the gateway's server spans: ${chain.join(' < ')}`);
    assert.equal(chain.at(-1), 'POST /graphql', 'the root is the gateway request, a child of the caller');
    assert.equal(spans.find((s) => s.name === 'POST /graphql' && !spans.some((p) => p.spanId === s.parentSpanId))?.parentSpanId, traceparent.split('-')[2]);
    assert.ok([...receiver.contentTypes].every((type) => type.startsWith('application/json')));
  });

  test('one trace runs from a CTI webhook to the screen-pop frame on the WebSocket', async () => {
    const agents = (await stack.query<{ agents: { id: string; team: string }[] }>('{ agents { id team } }')).data!.agents;
    const agent = agents[0]!;
    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: await bearer('supervisor', { team: agent.team }) }, onNonLazyError: () => undefined });
    try {
      const frames: { extensions?: unknown }[] = [];
      let received!: () => void;
      const arrived = new Promise<void>((resolve) => (received = resolve));
      client.subscribe({ query: 'subscription { callEvents(types: [OFFERED]) { type call { id from caller { status } } } }' }, { next: (value) => { frames.push(value); received(); }, error: () => received(), complete: () => undefined });
      // The gateway's stream to the call center is open once the call center counts a subscriber.
      const hub = stack.callcenter.server.callEvents;
      const subscribed = Date.now();
      while (hub.stats.subscribers === 0 && Date.now() - subscribed < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
      const traceId = randomBytes(16).toString('hex');
      const body = JSON.stringify({
        events: [{ id: `evt_${randomUUID()}`, callId: `call_trace_${randomUUID().slice(0, 8)}`, type: 'OFFERED', at: new Date().toISOString(), from: '+8613800138000', to: '+864008123456', direction: 'INBOUND', queueId: 'q_support', agentId: agent.id }],
      });
      const response = await fetch(`${stack.callcenter.server.url}/webhooks/cti`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, ...ctiSignatureHeaders(process.env.CTI_WEBHOOK_SECRETS!, body) },
        body,
      });
      assert.equal(response.status, 202);
      await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      assert.equal(frames.length, 1, `one screen-pop frame; spans: ${spansOf(receiver.spans, traceId).map((s) => s.name).join(', ')}`);
      assert.equal(frames[0]!.extensions, undefined, 'the trace carrier stays between the servers');
      await waitFor(() => spansOf(receiver.spans, traceId).some((s) => s.name === 'screen-pop delivery'), 'the screen-pop delivery span', () => tracing.flush());
      const spans = spansOf(receiver.spans, traceId);
      const delivery = spans.find((s) => s.name === 'screen-pop delivery')!;
      assert.deepEqual(ancestry(spans, delivery), ['screen-pop delivery', 'cti.publish', 'POST /webhooks/cti']);
      // The enrichment's subgraph fetch (the CRM: who is calling) is part of the same trace, under the delivery.
      const fetches = spans.filter((s) => s.name === 'POST /graphql' && ancestry(spans, s).includes('screen-pop delivery'));
      assert.ok(fetches.length > 0, `a subgraph request under the delivery: ${spans.map((s) => s.name).join(', ')}`);
      const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
      assert.match(metrics, /switchboard_screen_pop_delivery_seconds_count\{service="gateway"\} [1-9]/);
    } finally {
      await client.dispose();
    }
  });
});
