/**
 * OpenTelemetry traces, off unless `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set: then each process registers the official Node
 * SDK (`@opentelemetry/sdk-trace-node`: async-local context, W3C `traceparent` propagation)
 * with a batching OTLP/HTTP exporter (`@opentelemetry/exporter-trace-otlp-http`, which also
 * reads the other standard `OTEL_EXPORTER_OTLP_*` variables). Once registered,
 * `@apollo/gateway` emits its own spans (request, parse/validate, plan, execute, fetch).
 *
 * Spans of our own: every HTTP request on every process (the caller's `traceparent` is
 * continued), every SQL statement, and a CTI event's path: webhook → pipeline → pub/sub →
 * subgraph subscription → gateway enrichment → WebSocket frame (`TraceCarrier` crosses
 * Redis and graphql-ws as `extensions.trace`). Without an SDK every call here is a no-op.
 */
import { context, propagation, trace, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import { envValue } from '../env/read.js';

/** The instrumentation scope of every span Switchboard makes itself. */
export const tracer = trace.getTracer('switchboard');

/** A trace context written down to cross a process or a queue: W3C `traceparent` plus when the CTI event was accepted. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
  /** When the webhook that carried the event was accepted (ms since the epoch): the start of screen-pop latency. */
  acceptedAt?: number;
}

/** Handle of the registered SDK. */
export interface Tracing {
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
  /** Exports what is buffered. */
  flush(): Promise<void>;
}

let registered: Tracing | null = null;

/**
 * Registers the SDK for `service` (`service.name`) when an OTLP endpoint is configured;
 * `null` (and nothing registered) otherwise. Once per process: a second call returns the first.
 */
export async function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Promise<Tracing | null> {
  const endpoint = envValue('OTEL_EXPORTER_OTLP_ENDPOINT', env) ?? envValue('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', env);
  if (!endpoint) return null;
  if (registered) return registered;
  // Loaded only when configured: a process without tracing pays nothing for the SDK.
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  // The exporter reads the standard variables itself: hand it the ones given here.
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT ??= env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': envValue('OTEL_SERVICE_NAME', env) ?? `switchboard-${service}` }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 500 })],
  });
  provider.register();
  registered = { shutdown: () => provider.shutdown(), flush: () => provider.forceFlush() };
  return registered;
}

/** The context a request's headers (or a carrier) continue; the active one when they carry none. */
export function extractContext(carrier: Record<string, string | string[] | undefined> | TraceCarrier | null | undefined): Context {
  if (!carrier) return context.active();
  return propagation.extract(context.active(), carrier, {
    get: (c, key) => {
      const value = (c as Record<string, unknown>)[key];
      return typeof value === 'string' || Array.isArray(value) ? (value as string | string[]) : undefined;
    },
    keys: (c) => Object.keys(c),
  });
}

/** The active (or given) context written down (`traceparent`, `tracestate`); empty without a recording span. */
export function carrierOf(ctx: Context = context.active()): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** Adds the active context's `traceparent` (and `tracestate`) to outgoing HTTP headers. */
export function injectHeaders(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}

/**
 * Runs `work` inside a new span (child of `parent`, default the active context), ended when
 * `work` settles; a thrown error is recorded on it and thrown on.
 */
export async function inSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Record<string, string | number | boolean>; parent?: Context }, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, options.parent ?? context.active(), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { SpanKind, SpanStatusCode, context, trace, type Span, type Context };
