/**
 * Reading the environment through the declared variables (`variables.ts`): every value is
 * checked against its zod schema, and a process refuses to start with one `EnvError` that
 * names each wrong variable and each one missing in production, rather than failing on the
 * first or at the first request that needs it.
 */
import { VARIABLES, type EnvValues, type Service, type VariableName } from './variables.js';

/** The environment is not valid for a process: `problems` has one `NAME must be …`  line per variable. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(
    readonly service: Service | null,
    readonly problems: string[],
  ) {
    super(`Configuration${service ? ` of the ${service}` : ''} is not valid (see README, Configuration):\n  ${problems.join('\n  ')}`);
  }
}

function usedBy(name: VariableName, service: Service | null): boolean {
  return service === null || (VARIABLES[name].usedBy as readonly Service[]).includes(service);
}

function production(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV?.trim() === 'production';
}

/** `NAME: problem` for a variable's value, or `null` when it is valid. */
function problemOf(name: VariableName, env: NodeJS.ProcessEnv): string | null {
  const declared = VARIABLES[name];
  const raw = env[name];
  if (production(env) && declared.requiredInProduction && !raw?.trim()) {
    const required = declared.requiredInProduction === true || declared.requiredInProduction(env);
    if (required) return `${name} must be set in production`;
  }
  const result = declared.schema.safeParse(raw);
  return result.success ? null : `${name} ${result.error.issues.map((issue) => issue.message).join('; ')}`;
}

/**
 * `read()`, or `null` after logging an `EnvError` as one fatal line (every problem named) and
 * setting exit code 1: how an entry point refuses to start on a wrong configuration.
 * Other errors are thrown on.
 */
export function configOrExit<T>(log: { fatal: (message: string) => void }, read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    log.fatal(error.message);
    process.exitCode = 1;
    return null;
  }
}

/**
 * One variable's value (its default when unset). Throws an `EnvError` naming the variable
 * when its value is wrong (or it is missing in production and required there).
 */
export function envValue<K extends VariableName>(name: K, env: NodeJS.ProcessEnv = process.env): EnvValues[K] {
  const problem = problemOf(name, env);
  if (problem) throw new EnvError(null, [problem]);
  return VARIABLES[name].schema.parse(env[name]) as EnvValues[K];
}

/**
 * Every declared variable's value for `service` (its defaults for unset ones). Throws one
 * `EnvError` listing every variable `service` reads that is wrong or missing; variables only other processes read are not checked (theirs: the default).
 * `service` `null`: all variables are checked.
 */
export function readEnv(service: Service | null, env: NodeJS.ProcessEnv = process.env): EnvValues {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(VARIABLES) as VariableName[]) {
    const problem = problemOf(name, env);
    if (problem && usedBy(name, service)) problems.push(problem);
    values[name] = problem ? VARIABLES[name].schema.parse(undefined) : VARIABLES[name].schema.parse(env[name]);
  }
  if (problems.length > 0) throw new EnvError(service, problems);
  return values as EnvValues;
}
