/**
 * Every environment variable the gateway, the three subgraphs and `npm start` read: its kind
 * (a zod schema, `kinds.ts`), its default, who reads it and what it means. This is the one
 * place a variable is declared: values are read through `read.ts` (validated at start, every
 * wrong or missing variable named at once), and the README's configuration table is generated
 * from it (`npm run config:docs`; a test fails when the README is stale).
 *
 * Adding a variable is one entry here (then `npm run config:docs`); read it with
 * `envValue('NAME', env)` or `readEnv(service, env).NAME`.
 */
import { availableParallelism } from 'node:os';
import { isNetwork, LOOPBACK_NETWORKS } from '../address-policy.js';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraph-names.js';
import { flag, list, mebibytes, oneOf, port, positiveNumber, text, url, wholeNumber, kind, Expected, type EnvKind } from './kinds.js';

/** A process that reads variables: the gateway, a subgraph, or the `npm start` launcher. */
export type Service = 'gateway' | SubgraphName | 'npm start';

export const SERVICES: readonly Service[] = ['gateway', ...SUBGRAPH_NAMES, 'npm start'];

/** One variable: its kind (schema and shown default) plus who reads it and what it does. */
export interface EnvVariable<T> extends EnvKind<T> {
  /** The processes that read it (and so refuse to start when it is wrong). */
  usedBy: readonly Service[];
  /** One or two sentences of Markdown for the README. */
  meaning: string;
  /** Must be set when `NODE_ENV=production` (given the other values: `true` or a condition). */
  requiredInProduction?: true | ((env: NodeJS.ProcessEnv) => boolean);
}

const ALL: readonly Service[] = ['gateway', ...SUBGRAPH_NAMES];
const GATEWAY: readonly Service[] = ['gateway'];
const CALLCENTER: readonly Service[] = ['callcenter'];

function variable<T>(k: EnvKind<T>, rest: Omit<EnvVariable<T>, keyof EnvKind<T>> & { default?: string }): EnvVariable<T> {
  return { ...k, ...rest, default: rest.default ?? k.default };
}

type PerSubgraph<Suffix extends string, T> = { [N in SubgraphName as `${Uppercase<N>}_${Suffix}`]: EnvVariable<T> };

/** The same variable for each subgraph: `CRM_<suffix>`, `CALLCENTER_<suffix>`, `TICKETS_<suffix>`. */
function perSubgraph<Suffix extends string, T>(suffix: Suffix, make: (name: SubgraphName) => EnvVariable<T>): PerSubgraph<Suffix, T> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_${suffix}`, make(name)])) as PerSubgraph<Suffix, T>;
}

/** The ports each subgraph listens on by default. */
export const DEFAULT_PORTS: Record<SubgraphName, number> = { crm: 4001, callcenter: 4002, tickets: 4003 };

/** Origins allowed by default outside production: a frontend dev server (Vite) on this machine. */
export const DEVELOPMENT_CORS_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173';

/** Dispositions a call may end with (`CALLBACK_DISPOSITIONS` names some of them). */
export const DISPOSITIONS = ['ANSWERED', 'ABANDONED', 'MISSED', 'TRANSFERRED', 'VOICEMAIL', 'EXPIRED'] as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = (shown?: string) => url(['http:', 'https:'], shown);

/** The most worker processes `SWITCHBOARD_WORKERS` may ask for (a typo such as `40000` is refused, not forked). */
export const MAX_WORKERS = 256;

/** `SWITCHBOARD_WORKERS`: a whole number from 1 to `MAX_WORKERS`, or `auto` (this machine's `os.availableParallelism()`). */
const workers = kind((value) => {
  if (/^auto$/i.test(value)) return availableParallelism();
  const count = Number(value);
  return Number.isInteger(count) && count >= 1 && count <= MAX_WORKERS ? count : new Expected(`a whole number from 1 to ${MAX_WORKERS} or auto`);
}, 1);

export const VARIABLES = {
  NODE_ENV: variable(text(undefined), {
    usedBy: ALL,
    meaning:
      '`production`: introspection off (unless `SWITCHBOARD_INTROSPECTION=true`), no GraphiQL, no cross-origin access unless `SWITCHBOARD_CORS_ORIGINS` is set, no stack traces, no schema detail in errors (no "Did you mean …?" suggestions; an error refusing a request names nothing of the schema the request did not write: `on type "…"`), no generated secrets: unset ones stop the process',
  }),
  GATEWAY_PORT: variable(port(4000), { usedBy: GATEWAY, meaning: 'the port the gateway listens on (`0`: any free port)' }),
  GATEWAY_HOST: variable(text('127.0.0.1'), { usedBy: GATEWAY, meaning: 'the address the gateway listens on' }),
  ...perSubgraph('URL', (name) =>
    variable(httpUrl(), { usedBy: GATEWAY, default: `the URL in the supergraph (\`localhost:${DEFAULT_PORTS[name]}\`)`, meaning: `where the gateway finds the ${name} subgraph's GraphQL endpoint` }),
  ),
  ...perSubgraph('PORT', (name) => variable(port(DEFAULT_PORTS[name]), { usedBy: [name, 'npm start'], meaning: `the port the ${name} subgraph listens on` })),
  ...perSubgraph('HOST', (name) => variable(text('127.0.0.1'), { usedBy: [name, 'npm start'], meaning: `the address the ${name} subgraph listens on` })),
  ...perSubgraph('DATABASE_URL', (name) =>
    variable(url(['postgres:', 'postgresql:']), {
      usedBy: [name],
      meaning: `a PostgreSQL URL: the ${name} store lives in PostgreSQL (schema \`${name}\`) instead of SQLite (\`<data dir>/${name}.sqlite\`)`,
    }),
  ),
  SWITCHBOARD_SUBGRAPH_TIMEOUT_MS: variable(wholeNumber(3000, { unit: 'milliseconds' }), {
    usedBy: GATEWAY,
    meaning:
      "each request's one deadline, from its arrival (over WebSocket: each operation and each subscription event): the record-access lookup, every subgraph fetch and the audit write share it; a subgraph not answered by then has its fields `null` with a `SUBGRAPH_UNAVAILABLE` error (each with its path)",
  }),
  SWITCHBOARD_SUPERGRAPH: variable(text(undefined, '`schema/supergraph.graphql`'), {
    usedBy: GATEWAY,
    meaning:
      "the supergraph file the gateway loads and watches: followed by its path, so replacing it (`mv`, `sed -i`, editors, a Kubernetes ConfigMap's `..data` swap) is picked up every time; a broken file is logged once and the last good one keeps serving",
  }),
  SWITCHBOARD_INTROSPECTION: variable(flag(undefined, 'on, off when `NODE_ENV=production`'), { usedBy: GATEWAY, meaning: 'schema introspection' }),
  SWITCHBOARD_DATA_DIR: variable(text('data', '`./data`'), { usedBy: [...ALL, 'npm start'], meaning: 'where the embedded SQLite files and the generated development secrets live' }),
  SWITCHBOARD_MIGRATE_ON_START: variable(flag(true), {
    usedBy: ALL,
    meaning:
      'each store applies its pending schema migrations when it opens; `false`: a store with pending migrations refuses to start, naming them, and `npm run migrate` applies them ([Upgrading](#upgrading))',
  }),
  SWITCHBOARD_SEED_CUSTOMERS: variable(wholeNumber(1000), { usedBy: SUBGRAPH_NAMES, meaning: 'demo customers seeded into an empty store on first start (`0`: none)' }),
  SWITCHBOARD_PHONE_REGION: variable(
    kind((value) => (isSupportedCountry(value.toUpperCase()) ? value.toUpperCase() : new Expected('an ISO 3166 alpha-2 region code libphonenumber knows')), 'CN'),
    { usedBy: ALL, meaning: 'the region (ISO 3166 code) numbers without a country code are read in ([Phone numbers](#phone-numbers))' },
  ),
  SWITCHBOARD_JWKS_URL: variable(httpUrl(), { usedBy: [...GATEWAY, 'npm start'], meaning: "production: the identity provider's JWKS; tokens must be RS256 or ES256" }),
  SWITCHBOARD_JWT_SECRET: variable(text(undefined, 'generated into `data/dev-secrets.json`'), {
    usedBy: [...GATEWAY, 'npm start'],
    meaning: 'development: the HS256 secret tokens are signed with (`npm run token`); required in production unless `SWITCHBOARD_JWKS_URL` is set',
    requiredInProduction: (env) => !env.SWITCHBOARD_JWKS_URL?.trim(),
  }),
  SWITCHBOARD_JWT_ISSUER: variable(text('switchboard-dev'), { usedBy: GATEWAY, meaning: 'the `iss` every token must carry' }),
  SWITCHBOARD_JWT_AUDIENCE: variable(text('switchboard'), { usedBy: GATEWAY, meaning: 'the `aud` every token must carry' }),
  SWITCHBOARD_JWT_CLOCK_SKEW_SECONDS: variable(wholeNumber(30, { unit: 'seconds' }), { usedBy: GATEWAY, meaning: 'allowance for `exp` and `nbf`' }),
  SWITCHBOARD_JWKS_COOLDOWN_MS: variable(wholeNumber(30_000, { unit: 'milliseconds' }), { usedBy: GATEWAY, meaning: 'least time between key-set refetches for an unknown `kid`' }),
  SWITCHBOARD_INTERNAL_SECRET: variable(text(undefined, 'generated'), {
    usedBy: [...ALL, 'npm start'],
    meaning: "signs the gateway's internal tokens to the subgraphs; the same on all of them",
    requiredInProduction: true,
  }),
  SWITCHBOARD_PII_KEY: variable(text(undefined, 'generated'), {
    usedBy: ['crm', 'npm start'],
    meaning: 'AES-256-GCM key (base64, 32 bytes) for national IDs at rest',
    requiredInProduction: true,
  }),
  SWITCHBOARD_PII_OLD_KEYS: variable(text(undefined), {
    usedBy: ['crm'],
    meaning: 'earlier PII keys (comma-separated, `keyId=base64` or `base64`) that still decrypt during a rotation',
  }),
  SWITCHBOARD_WEBHOOK_KEY: variable(text(undefined, 'generated'), {
    usedBy: ['gateway', 'npm start'],
    meaning: 'AES-256-GCM key (base64, 32 bytes) for the outbound webhooks\' signing secrets at rest ([docs/webhooks-out.md](docs/webhooks-out.md))',
    requiredInProduction: true,
  }),
  SWITCHBOARD_WEBHOOK_OLD_KEYS: variable(text(undefined), {
    usedBy: ['gateway'],
    meaning: 'earlier webhook keys (comma-separated, `keyId=base64` or `base64`) that still decrypt; the gateway rewrites the secrets under the current key at start',
  }),
  SWITCHBOARD_API_KEY_CACHE_MS: variable(wholeNumber(30_000, { unit: 'milliseconds' }), { usedBy: GATEWAY, meaning: 'how long a verified API key is trusted: a revocation takes effect within this' }),
  SWITCHBOARD_REJECT_UNAUTHORIZED: variable(flag(false), { usedBy: GATEWAY, meaning: 'refuse operations selecting unauthorized fields instead of removing the fields' }),
  GATEWAY_DATABASE_URL: variable(url(['postgres:', 'postgresql:']), {
    usedBy: [...GATEWAY, 'npm start'],
    meaning: 'PostgreSQL for API keys and the audit trail (unset: `<data dir>/gateway.sqlite`)',
  }),
  CTI_WEBHOOK_SECRETS: variable(list(undefined, undefined, 'a development secret, with a warning'), {
    usedBy: CALLCENTER,
    meaning:
      'CTI webhook secrets, comma-separated, all accepted (two during a rotation): the Switchboard HMAC secret, the EventBridge API key, the Twilio auth token, the Tencent Basic password',
    requiredInProduction: true,
  }),
  CTI_WEBHOOK_TOLERANCE_SECONDS: variable(positiveNumber(300, 'seconds'), { usedBy: CALLCENTER, meaning: 'the largest accepted clock difference of a signed webhook' }),
  REDIS_URL: variable(url(['redis:', 'rediss:'], 'unset (in-process)'), {
    usedBy: ALL,
    meaning:
      'Redis pub/sub between instances (and worker processes) of a subgraph, so every subscriber gets every event (`callEvents`, `ticketUpdated`, `customerUpdated`); on the gateway, the rate-limit counters several gateway instances share (Redis down: each instance counts in memory until it is back). Required with `SWITCHBOARD_WORKERS` above 1 ([details](docs/operations.md#several-processes-per-service-switchboard_workers))',
  }),
  CALL_EVENTS_CATCH_UP_MINUTES: variable(positiveNumber(15, 'minutes'), {
    usedBy: CALLCENTER,
    meaning: 'how far back `callEventsSince` and `callEvents(after:)` replay (and so the longest call-center outage the gateway bridges without a 4521)',
  }),
  CALL_EVENTS_SUBSCRIBER_BUFFER: variable(positiveNumber(1000, 'events'), { usedBy: CALLCENTER, meaning: 'events buffered per call-center subscriber (a gateway) before it is dropped as a slow consumer' }),
  CALL_EXPIRY_SILENCE_SECONDS: variable(positiveNumber(4 * 3600, 'seconds'), {
    usedBy: CALLCENTER,
    default: '`14400` (4 h)',
    meaning:
      'a call without any event for this long is no longer active (it stops granting agents record access at once) and is ended with disposition `EXPIRED`, shown apart in reports ([details](docs/cti-webhooks.md#how-events-are-applied))',
  }),
  SWITCHBOARD_WS_MAX_QUEUED_EVENTS: variable(wholeNumber(256), { usedBy: GATEWAY, meaning: 'per subscriber: events waiting to be sent; past it, the socket is closed with 4520 (slow consumer)' }),
  SWITCHBOARD_WS_MAX_BUFFERED_BYTES: variable(wholeNumber(1 << 20), { usedBy: GATEWAY, meaning: 'per subscriber: unsent bytes; past it, the socket is closed with 4520 (slow consumer)' }),
  SWITCHBOARD_CORS_ORIGINS: variable(list(undefined, undefined, `none when \`NODE_ENV=production\`, else \`${DEVELOPMENT_CORS_ORIGINS}\``), {
    usedBy: GATEWAY,
    meaning:
      "comma-separated origins (`scheme://host[:port]`) whose browser pages may call the gateway over HTTP and WebSocket; others get 403. The gateway's own origin and clients sending no `Origin` are always allowed",
  }),
  SWITCHBOARD_MAX_COST: variable(wholeNumber(20_000), { usedBy: GATEWAY, meaning: 'demand control: operations estimated above this cost are refused before they run (`COST_ESTIMATED_TOO_EXPENSIVE`)' }),
  SWITCHBOARD_MAX_DEPTH: variable(wholeNumber(15), { usedBy: GATEWAY, meaning: 'demand control: operations nested deeper are refused before they run (`MAX_DEPTH_EXCEEDED`)' }),
  SWITCHBOARD_MAX_TOKENS: variable(wholeNumber(10_000), {
    usedBy: GATEWAY,
    meaning: 'tokens in a document, checked while parsing, on HTTP and WebSocket (`GRAPHQL_PARSE_FAILED`, HTTP 400)',
  }),
  SWITCHBOARD_MAX_SELECTIONS: variable(wholeNumber(5_000), {
    usedBy: GATEWAY,
    meaning: 'selections once every fragment spread is expanded, checked while validating (`GRAPHQL_VALIDATION_FAILED`, HTTP 400)',
  }),
  SWITCHBOARD_RATE_LIMIT_OPERATIONS: variable(wholeNumber(6000), {
    usedBy: GATEWAY,
    meaning:
      'operations per user (token subject) per window; over it, the operation is refused with HTTP 429, `Retry-After` and `RATE_LIMITED` (`extensions.retryAfterSeconds`); `0` turns this budget off',
  }),
  SWITCHBOARD_RATE_LIMIT_COST: variable(wholeNumber(5_000_000), {
    usedBy: GATEWAY,
    meaning: 'summed estimated cost (as demand control estimates it) per user per window, refused likewise; `0` turns this budget off',
  }),
  SWITCHBOARD_RATE_LIMIT_SERVICE_OPERATIONS: variable(wholeNumber(undefined), {
    usedBy: GATEWAY,
    default: 'the user value',
    meaning: "the operations budget for each API key's service account",
  }),
  SWITCHBOARD_RATE_LIMIT_SERVICE_COST: variable(wholeNumber(undefined), {
    usedBy: GATEWAY,
    default: 'the user value',
    meaning: "the cost budget for each API key's service account; all four budgets `0` turn rate limiting off",
  }),
  SWITCHBOARD_RATE_LIMIT_WINDOW_SECONDS: variable(wholeNumber(60, { min: 1, unit: 'seconds' }), { usedBy: GATEWAY, meaning: "the window the budgets count over, from a caller's first operation in it" }),
  SWITCHBOARD_BREAKER_MIN_REQUESTS: variable(wholeNumber(5), {
    usedBy: GATEWAY,
    meaning: "a subgraph's circuit breaker opens only once at least this many requests went to it within the window",
  }),
  SWITCHBOARD_BREAKER_FAILURE_PERCENT: variable(wholeNumber(50, { max: 100 }), {
    usedBy: GATEWAY,
    meaning:
      'the breaker opens when more than this percentage failed (down, timed out, no GraphQL answer); open, its fields fail at once with `SUBGRAPH_UNAVAILABLE` instead of waiting for the timeout; `100` turns breakers off',
  }),
  SWITCHBOARD_BREAKER_WINDOW_MS: variable(wholeNumber(10_000, { min: 1, unit: 'milliseconds' }), { usedBy: GATEWAY, meaning: 'the rolling window breaker requests are counted over' }),
  SWITCHBOARD_BREAKER_COOLDOWN_MS: variable(wholeNumber(5000, { unit: 'milliseconds' }), {
    usedBy: GATEWAY,
    meaning: 'how long an open breaker fails fast before one probe request may go through (success closes it)',
  }),
  SWITCHBOARD_PERSISTED_OPERATIONS: variable(text(undefined), {
    usedBy: GATEWAY,
    meaning: 'a JSON manifest `{ "operations": [{ "client", "query", "maxCost", "maxDepth" }] }`: these exact operations get their own limits',
  }),
  SWITCHBOARD_AUTHORIZATION_CACHE_MB: variable(mebibytes(16), { usedBy: GATEWAY, meaning: 'the byte budget of the cache of operations as each set of scopes may run them' }),
  SWITCHBOARD_DOCUMENT_CACHE_MB: variable(mebibytes(32), {
    usedBy: GATEWAY,
    meaning: 'memory for parsed operations, reused by operation text; least recently used go first. Sizes are estimates of the heap an entry keeps alive (a 5 KB operation: about 300 KB parsed)',
  }),
  SWITCHBOARD_QUERY_PLAN_CACHE_MB: variable(mebibytes(32), { usedBy: GATEWAY, meaning: 'memory for query plans, reused by operation text, and again for the operations prepared with them (operation and result shaper); least recently used go first' }),
  SWITCHBOARD_SUBSCRIPTION_PLAN_CACHE_MB: variable(mebibytes(8), { usedBy: GATEWAY, meaning: 'memory for subscription plans' }),
  SWITCHBOARD_CALLER_CACHE_MB: variable(mebibytes(8), { usedBy: GATEWAY, meaning: 'memory for each per-caller cache: verified tokens, API keys, internal tokens, related customers' }),
  SUBGRAPH_DOCUMENT_CACHE_MB: variable(mebibytes(16), { usedBy: SUBGRAPH_NAMES, meaning: "each subgraph: memory for parsed operations (every distinct gateway operation sends distinct ones); Apollo Server's document store and the prepared operations each get this budget, holding the same documents" }),
  SWITCHBOARD_RELATED_CUSTOMERS_TTL_MS: variable(wholeNumber(5000, { unit: 'milliseconds' }), { usedBy: GATEWAY, meaning: "how long an agent's active calls and open tickets are reused for the record-level rule" }),
  CALL_LOG_API_KEY: variable(text(undefined, 'set by `npm start` (a development key)'), {
    usedBy: CALLCENTER,
    meaning:
      "the service account's API key for writing call logs and callback tickets through the gateway; unset: they wait in the outbox ([details](subgraphs/callcenter/README.md#call-logging-and-callback-tickets-call-log-outbox))",
  }),
  SWITCHBOARD_GATEWAY_URL: variable(httpUrl('`http://127.0.0.1:4000/graphql`'), { usedBy: CALLCENTER, meaning: 'the gateway the call-log outbox writes through' }),
  CALLBACK_DISPOSITIONS: variable(list(['MISSED', 'ABANDONED'], { check: (d) => (DISPOSITIONS as readonly string[]).includes(d.toUpperCase()), what: DISPOSITIONS.join(', ') }), {
    usedBy: CALLCENTER,
    meaning: 'which dispositions of inbound calls from a known customer make a callback ticket (set but empty: none)',
  }),
  CALLBACK_QUEUES: variable(list([], undefined, 'empty (all queues)'), { usedBy: CALLCENTER, meaning: 'the queues whose calls get callback tickets' }),
  CALL_LOG_RETRY_MIN_SECONDS: variable(positiveNumber(1, 'seconds'), { usedBy: CALLCENTER, meaning: "the call-log outbox's first retry delay (exponential, with jitter)" }),
  CALL_LOG_RETRY_MAX_SECONDS: variable(positiveNumber(300, 'seconds'), { usedBy: CALLCENTER, meaning: "the cap of the call-log outbox's retry delay; at least `CALL_LOG_RETRY_MIN_SECONDS`" }),
  LOG_LEVEL: variable(oneOf(LOG_LEVELS, 'info'), {
    usedBy: ALL,
    meaning: '`fatal`, `error`, `warn`, `info` (one access line per request), `debug`, `trace` or `silent`; lines are JSON with `service` and `requestId`, scrubbed of tokens, phone numbers and national IDs',
  }),
  SWITCHBOARD_LOG_PRETTY: variable(flag(false), { usedBy: [...ALL, 'npm start'], meaning: '`true`: human-readable log lines (development) instead of JSON' }),
  SWITCHBOARD_APOLLO_TELEMETRY: variable(flag(false), {
    usedBy: GATEWAY,
    meaning:
      "`true` lets the Apollo libraries call Apollo's services on their own: `@apollo/gateway`'s telemetry (cloud metadata probes, metrics to `usage-reporting.api.apollographql.com`, also governed by `APOLLO_TELEMETRY_DISABLED`) and, with `APOLLO_KEY`/`APOLLO_GRAPH_REF`/`APOLLO_SCHEMA_REPORTING`, usage and schema reporting. Off, the gateway connects only to what is configured here (subgraphs, JWKS, databases); subgraphs never report ([details](gateway/vendor-telemetry.ts))",
  }),
  SWITCHBOARD_WORKERS: variable(workers, {
    usedBy: ALL,
    meaning:
      'worker processes of this gateway or subgraph (`node:cluster`), sharing its port: a whole number, or `auto` for one per core (`os.availableParallelism()`). Above 1 the first process migrates and seeds once, forks the workers, replaces one that dies and stops them all on SIGINT/SIGTERM; `REDIS_URL` must be set (on the gateway: unless rate limiting is off) ([details](docs/operations.md#several-processes-per-service-switchboard_workers))',
  }),
  SWITCHBOARD_SHUTDOWN_DRAIN_MS: variable(wholeNumber(10_000, { unit: 'milliseconds' }), {
    usedBy: ALL,
    meaning: 'on SIGINT/SIGTERM (once, however many arrive) each server stops accepting connections and lets open requests finish for at most this long before cutting them off',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: variable(httpUrl(), {
    usedBy: ALL,
    meaning:
      'OpenTelemetry traces: the OTLP/HTTP collector (e.g. `http://otel-collector:4318`; spans go to `/v1/traces`). Unset: no tracing. The other standard `OTEL_EXPORTER_OTLP_*` variables (headers, timeout, compression) apply too ([details](docs/operations.md#traces))',
  }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: variable(httpUrl(), { usedBy: ALL, meaning: 'the full OTLP/HTTP traces URL, instead of `OTEL_EXPORTER_OTLP_ENDPOINT`' }),
  OTEL_SERVICE_NAME: variable(text(undefined, '`switchboard-<process>`'), { usedBy: ALL, meaning: "the traces' `service.name`" }),
  SWITCHBOARD_WEBHOOKS: variable(flag(true), {
    usedBy: GATEWAY,
    meaning: '`false`: this gateway instance sends no outbound webhooks (registration through the graph still works; another instance sends)',
  }),
  WEBHOOK_RETRY_MIN_MS: variable(wholeNumber(5000, { min: 1, unit: 'milliseconds' }), {
    usedBy: GATEWAY,
    meaning: "outbound webhooks: the first retry delay (exponential backoff with jitter, [details](docs/webhooks-out.md#retries))",
  }),
  WEBHOOK_RETRY_MAX_MS: variable(wholeNumber(3_600_000, { min: 1, unit: 'milliseconds' }), { usedBy: GATEWAY, meaning: 'outbound webhooks: the cap of the retry delay' }),
  WEBHOOK_RETRY_FOR_MS: variable(wholeNumber(86_400_000, { min: 1, unit: 'milliseconds' }), {
    usedBy: GATEWAY,
    meaning: 'outbound webhooks: how long a delivery is retried before it is FAILED (it can still be replayed)',
  }),
  WEBHOOK_TIMEOUT_MS: variable(wholeNumber(10_000, { min: 1, unit: 'milliseconds' }), { usedBy: GATEWAY, meaning: 'outbound webhooks: the time one delivery attempt may take' }),
  WEBHOOK_CONCURRENCY: variable(wholeNumber(8, { min: 1 }), { usedBy: GATEWAY, meaning: 'outbound webhooks: deliveries in flight per gateway instance' }),
  WEBHOOK_POLL_MS: variable(wholeNumber(1000, { min: 1, unit: 'milliseconds' }), { usedBy: GATEWAY, meaning: "outbound webhooks: how often the subgraphs' change-event outboxes are read" }),
  WEBHOOK_ALLOW_HTTP: variable(flag(false), { usedBy: GATEWAY, meaning: 'in production, allow `http://` webhook endpoint URLs (otherwise `https://` only)' }),
  WEBHOOK_ALLOWED_NETWORKS: variable(
    list(undefined, { check: isNetwork, what: 'IP networks in CIDR notation (10.0.0.0/8, fd00::/8) or addresses' }, `\`${LOOPBACK_NETWORKS.join(',')}\`, none when \`NODE_ENV=production\``),
    {
      usedBy: GATEWAY,
      meaning:
        'networks beyond the public internet that webhook endpoints may be in; any other private, loopback, link-local (cloud metadata), shared or reserved address is refused at registration and at every delivery ([docs/webhooks-out.md](docs/webhooks-out.md#where-deliveries-may-go))',
    },
  ),
  SWITCHBOARD_EXPORT_LINK_TTL_SECONDS: variable(wholeNumber(3600, { unit: 'seconds' }), {
    usedBy: GATEWAY,
    meaning: "how long a customer-data export's signed download link works ([docs/privacy.md](docs/privacy.md))",
  }),
  SWITCHBOARD_EXPORT_INLINE_BYTES: variable(wholeNumber(262_144, { unit: 'bytes' }), { usedBy: GATEWAY, meaning: 'exports larger than this are only downloadable, not returned inline' }),
  SWITCHBOARD_PUBLIC_URL: variable(httpUrl("the gateway's listening address"), { usedBy: GATEWAY, meaning: "the gateway's URL as clients reach it, for export download links" }),
  SWITCHBOARD_ERASURE_RETRY_SECONDS: variable(wholeNumber(60, { unit: 'seconds' }), { usedBy: GATEWAY, meaning: 'how often the gateway resumes unfinished erasures (`0`: only when asked again)' }),
  SWITCHBOARD_RETENTION_CALL_EVENTS_DAYS: variable(wholeNumber(90, { unit: 'days' }), { usedBy: ALL, meaning: 'retention of call events (`0`: kept forever)' }),
  SWITCHBOARD_RETENTION_RECORDINGS_DAYS: variable(wholeNumber(180, { unit: 'days' }), { usedBy: ALL, meaning: 'retention of recording references: past it they are flagged for deletion at the recording store (`0`: kept forever)' }),
  SWITCHBOARD_RETENTION_AUDIT_DAYS: variable(wholeNumber(730, { unit: 'days' }), { usedBy: ALL, meaning: 'retention of audit entries (`0`: kept forever)' }),
  SWITCHBOARD_RETENTION_CONVERSATIONS_DAYS: variable(wholeNumber(365, { unit: 'days' }), { usedBy: ALL, meaning: 'retention of chat conversations (`0`: kept forever)' }),
  SWITCHBOARD_RETENTION_INTERVAL_SECONDS: variable(wholeNumber(3600, { unit: 'seconds' }), {
    usedBy: ALL,
    meaning: 'how often each process removes what is past its retention period (`0`: not scheduled; `npm run retention -- --dry-run` reports what would go)',
  }),
  HANDOFF_TIMEOUT_SECONDS: variable(positiveNumber(120, 'seconds'), {
    usedBy: CALLCENTER,
    meaning: "how long a bot's hand-off waits for an agent before it falls back to a ticket ([docs/bots.md](docs/bots.md))",
  }),
  HANDOFF_RECORD_ACCESS_HOURS: variable(positiveNumber(8, 'hours'), {
    usedBy: CALLCENTER,
    meaning: 'how long after accepting a hand-off an agent keeps full access to its customer (record-level rule, [docs/authorization.md](docs/authorization.md))',
  }),
  HANDOFF_SWEEP_SECONDS: variable(positiveNumber(5, 'seconds'), { usedBy: CALLCENTER, meaning: 'how often the call center looks for hand-offs past their timeout' }),
  SWITCHBOARD_LEAD_STATUS_MAP: variable(text(undefined), {
    usedBy: ['crm'],
    meaning: 'the company\'s own lead stages as a JSON object of label → status (`{"潜在":"NEW","意向":"QUALIFIED","成交":"CONVERTED","流失":"LOST"}`), checked at start ([docs/bots.md](docs/bots.md))',
  }),
  // Connectors: which system a subgraph wraps. Each connector also checks its own settings
  // together at start (subgraphs/crm/source/config.ts, subgraphs/tickets/source/config.ts).
  CRM_SOURCE: variable(oneOf(['embedded', 'sql-mapped', 'hubspot'] as const, 'embedded'), {
    usedBy: ['crm'],
    meaning:
      'the CRM behind the CRM subgraph: `embedded` (its own store), `sql-mapped` (an existing SQL database through a mapping file, [docs/connectors/sql-mapped.md](docs/connectors/sql-mapped.md)) or `hubspot` ([docs/connectors/hubspot.md](docs/connectors/hubspot.md))',
  }),
  CRM_SQL_URL: variable(text(undefined), { usedBy: ['crm'], meaning: '`sql-mapped`: the foreign database (`postgres://…`, or `mysql://…` / `mariadb://…` for MySQL 8 and MariaDB 10.5+)' }),
  CRM_SQL_MAPPING_FILE: variable(text(undefined), { usedBy: ['crm'], meaning: '`sql-mapped`: the JSON file mapping its tables, columns and values' }),
  CRM_HUBSPOT_TOKEN: variable(text(undefined), { usedBy: ['crm'], meaning: '`hubspot`: a private app access token (or `CRM_HUBSPOT_TOKEN_FILE`)' }),
  CRM_HUBSPOT_TOKEN_FILE: variable(text(undefined), { usedBy: ['crm'], meaning: '`hubspot`: a file holding the token, re-read when it changes (rotation without a restart)' }),
  CRM_HUBSPOT_URL: variable(httpUrl('`https://api.hubapi.com`'), { usedBy: ['crm'], meaning: "`hubspot`: the API's base URL" }),
  CRM_HUBSPOT_MAPPING_FILE: variable(text(undefined), { usedBy: ['crm'], meaning: '`hubspot`: optional JSON mapping of properties and values' }),
  CRM_HUBSPOT_MAX_RETRIES: variable(wholeNumber(4, { max: 10 }), { usedBy: ['crm'], meaning: '`hubspot`: retries of a 429 (after `Retry-After`), 5xx or timeout' }),
  CRM_HUBSPOT_TIMEOUT_MS: variable(wholeNumber(10_000, { min: 100, max: 120_000, unit: 'milliseconds' }), { usedBy: ['crm'], meaning: '`hubspot`: the time one API request may take' }),
  TICKETS_SOURCE: variable(oneOf(['embedded', 'rt'] as const, 'embedded'), {
    usedBy: ['tickets'],
    meaning: 'the ticket system behind the tickets subgraph: `embedded` (its own store) or `rt` (Request Tracker 5, [docs/connectors/request-tracker.md](docs/connectors/request-tracker.md))',
  }),
  RT_URL: variable(httpUrl(), { usedBy: ['tickets'], meaning: "`rt`: RT's base URL (`https://rt.example.com`)" }),
  RT_TOKEN: variable(text(undefined), { usedBy: ['tickets'], meaning: '`rt`: an RT auth token of the user Switchboard acts as' }),
  RT_MAPPING_FILE: variable(text(undefined), { usedBy: ['tickets'], meaning: '`rt`: the JSON file mapping queues, statuses, priorities and custom fields' }),
  RT_TIMEOUT_MS: variable(wholeNumber(10_000, { min: 1, unit: 'milliseconds' }), { usedBy: ['tickets'], meaning: '`rt`: the time one REST 2.0 request may take' }),
  // Connector syncs: the local copy reports read (docs/connectors.md, "What is live and what is synced").
  RT_SYNC_INTERVAL_SECONDS: variable(wholeNumber(300, { unit: 'seconds' }), {
    usedBy: ['tickets'],
    meaning: '`rt`: seconds between passes of the incremental sync of RT tickets into the local copy the ticket reports read (`0`: only on demand, `tsx subgraphs/tickets/source/rt/sync-cli.ts`)',
  }),
  RT_SYNC_PAGE_SIZE: variable(wholeNumber(100, { min: 1, max: 100 }), { usedBy: ['tickets'], meaning: '`rt`: tickets per request of the sync (RT answers at most 100 a page)' }),
  RT_SYNC_OVERLAP_SECONDS: variable(wholeNumber(60, { max: 86_400, unit: 'seconds' }), {
    usedBy: ['tickets'],
    meaning: "`rt`: how far each sync pass reaches back before its cursor (RT's times have one-second steps and changes may commit late; re-copying is harmless)",
  }),
  CRM_HUBSPOT_SYNC_INTERVAL_SECONDS: variable(wholeNumber(300, { unit: 'seconds' }), {
    usedBy: ['crm'],
    meaning: '`hubspot`: seconds between passes of the incremental sync of HubSpot contacts into the local copy (`0`: only on demand, `tsx subgraphs/crm/source/hubspot/sync-cli.ts`)',
  }),
  CRM_HUBSPOT_SYNC_PAGE_SIZE: variable(wholeNumber(100, { min: 1, max: 200 }), { usedBy: ['crm'], meaning: '`hubspot`: contacts per search request of the sync (HubSpot answers at most 200)' }),
  SWITCHBOARD_SIMULATE: variable(flag(true), { usedBy: ['npm start'], meaning: '`false`: `npm start` runs no call simulator (as `--no-simulate`)' }),
} satisfies Record<string, EnvVariable<unknown>>;

/** A declared variable's name. */
export type VariableName = keyof typeof VARIABLES;

/** The typed value of each variable once read (its default when unset). */
export type EnvValues = { [K in VariableName]: (typeof VARIABLES)[K] extends EnvVariable<infer T> ? T : never };
