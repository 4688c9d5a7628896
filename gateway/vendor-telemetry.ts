/**
 * Outbound calls the gateway's libraries would make on their own, and the one switch for
 * them. A gateway holding customer data calls only what its operator configured (the
 * subgraphs, a JWKS URL, a database): everything below is off unless
 * `SWITCHBOARD_APOLLO_TELEMETRY=true`.
 *
 * What there is (read from the sources in node_modules):
 * - `@apollo/gateway` (`dist/utilities/opentelemetry.js`, `createDataCollectionExporter`): on
 *   construction, unless `APOLLO_TELEMETRY_DISABLED` is `true`/`1`, starts an OpenTelemetry
 *   meter provider whose resource detectors probe the cloud metadata endpoints (AWS, GCP,
 *   Azure, Alibaba: `169.254.169.254`, `metadata.google.internal`, …) and which exports host
 *   metrics to `https://usage-reporting.api.apollographql.com/v1/metrics` hourly and on shutdown.
 * - `@apollo/server`: usage reporting to Apollo GraphOS when `APOLLO_KEY` and
 *   `APOLLO_GRAPH_REF` are set, schema reporting when `APOLLO_SCHEMA_REPORTING=true`.
 *
 * With the switch on, these follow Apollo's own environment variables as Apollo documents.
 * (The development landing page, Apollo Sandbox, is loaded by the browser from Apollo's CDN,
 * not by the gateway; production serves none.)
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';

/**
 * Turns `@apollo/gateway`'s own telemetry off unless `enabled`. Must run before
 * `new ApolloGateway()`: the library reads `APOLLO_TELEMETRY_DISABLED` from the process
 * environment in its constructor, and offers no other switch.
 */
export function applyGatewayTelemetrySetting(enabled: boolean, env: NodeJS.ProcessEnv = process.env): void {
  if (!enabled) env.APOLLO_TELEMETRY_DISABLED = 'true';
}

/** The Apollo Server plugins that keep usage and schema reporting off unless `enabled`. */
export function reportingPlugins<TContext extends BaseContext>(enabled: boolean): ApolloServerPlugin<TContext>[] {
  return enabled ? [] : [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
}
