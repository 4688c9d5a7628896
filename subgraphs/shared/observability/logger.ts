/**
 * Structured logs for the gateway and every subgraph: one JSON object per line (pino), with
 * `level`, `time`, `service` and, for request lines, `requestId`; pretty-printed when
 * `SWITCHBOARD_LOG_PRETTY=true` (development). `LOG_LEVEL` sets the level (`info` by
 * default, `silent` to turn logs off). Lines go to standard output asynchronously (flushed on
 * exit). Every record is scrubbed (scrub.ts): no token, phone
 * number or national ID reaches a log line.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { scrubText, scrubValue } from './scrub.js';
import { envValue } from '../env/read.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** `LOG_LEVEL`: fatal, error, warn, info, debug, trace or silent. */
  level?: string;
  /** Human-readable lines instead of JSON (`SWITCHBOARD_LOG_PRETTY=true`). */
  pretty?: boolean;
  /** Where lines go (standard output by default); tests pass a stream to read them. */
  destination?: DestinationStream;
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** A root logger; `child({ service })` gives each process part its own. Throws on an unknown level. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (!LEVELS.has(level)) throw new Error(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')}, got ${JSON.stringify(level)}.`);
  const settings: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => scrubValue(record) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
      },
    },
    serializers: { err: (error: unknown) => scrubValue(error) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.pretty) return pino({ ...settings, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
  // Standard output written asynchronously (sonic-boom): lines logged while a write is under
  // way go out together in the next one, instead of one blocking write per line (the access
  // line of every request cost the CRM and the ticket system 4-7% of their CPU under load).
  // pino flushes what is pending when the process exits.
  return pino(settings, pino.destination({ dest: 1, sync: false }));
}

let root: Logger | null = null;
const children = new Map<string, { parent: Logger; child: Logger }>();

function currentRoot(): Logger {
  root ??= createLogger({ level: envValue('LOG_LEVEL'), pretty: envValue('SWITCHBOARD_LOG_PRETTY') });
  return root;
}

function childOf(service: string): Logger {
  const parent = currentRoot();
  let entry = children.get(service);
  if (!entry || entry.parent !== parent) {
    entry = { parent, child: parent.child({ service }) };
    children.set(service, entry);
  }
  return entry.child;
}

/**
 * The process's logger for one part (`gateway`, `crm`, `callcenter`, `tickets`, `pubsub`, …),
 * configured from the environment. Modules may keep it in a constant: it always writes
 * through the current root logger (see `setRootLogger`).
 */
export function loggerFor(service: string): Logger {
  return new Proxy({} as Logger, {
    get(_target, property) {
      const child = childOf(service);
      const value = Reflect.get(child, property, child) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(child) : value;
    },
  });
}

/** Replaces the process's root logger (for example one writing to a stream a test reads); every `loggerFor` logger writes through it from now on. */
export function setRootLogger(logger: Logger): void {
  root = logger;
}
