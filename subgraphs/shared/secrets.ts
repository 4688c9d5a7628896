/**
 * Development secrets: when the JWT secret, the internal-token secret or the PII key are
 * not configured, one set is generated on first run into `<data dir>/dev-secrets.json`
 * (mode 0600) with a warning, so `npm start`, `npm run token` and every subgraph process
 * agree without setup. In production (`NODE_ENV=production`) nothing is generated: missing
 * secrets stop the process with a message naming the variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './config.js';
import { EnvError, envValue } from './env/read.js';
import { loggerFor } from './observability/logger.js';

const log = loggerFor('secrets');

interface DevSecrets {
  jwtSecret: string;
  internalSecret: string;
  piiKey: string;
  /** Added later: absent from older files, then generated and written back. */
  webhookKey?: string;
}

let cached: DevSecrets | null = null;

function devSecrets(env: NodeJS.ProcessEnv): DevSecrets {
  if (cached) return cached;
  const dir = dataDir(env);
  const file = join(dir, 'dev-secrets.json');
  if (existsSync(file)) {
    cached = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
    return cached;
  }
  mkdirSync(dir, { recursive: true });
  cached = {
    jwtSecret: randomBytes(32).toString('base64url'),
    internalSecret: randomBytes(32).toString('base64url'),
    piiKey: randomBytes(32).toString('base64'),
    webhookKey: randomBytes(32).toString('base64'),
  };
  try {
    writeFileSync(file, JSON.stringify(cached, null, 2), { mode: 0o600, flag: 'wx' });
    log.warn(`WARNING: generated development secrets in ${file}. Set SWITCHBOARD_JWT_SECRET or SWITCHBOARD_JWKS_URL, SWITCHBOARD_INTERNAL_SECRET, SWITCHBOARD_PII_KEY and SWITCHBOARD_WEBHOOK_KEY in production.`);
  } catch {
    // Another process wrote it first: use theirs.
    cached = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  }
  return cached;
}

/** The secrets `secret()` reads, each with its development fallback. */
export type SecretName = 'SWITCHBOARD_JWT_SECRET' | 'SWITCHBOARD_INTERNAL_SECRET' | 'SWITCHBOARD_PII_KEY' | 'SWITCHBOARD_WEBHOOK_KEY';

/**
 * The configured value of `name`; in development, unset, the generated one (see above);
 * in production, unset, an `EnvError` naming it.
 */
export function secret(name: SecretName, env: NodeJS.ProcessEnv = process.env): string {
  const configured = envValue(name, env);
  if (configured) return configured;
  if (envValue('NODE_ENV', env) === 'production') throw new EnvError(null, [`${name} must be set in production`]);
  const dev = devSecrets(env);
  if (name === 'SWITCHBOARD_WEBHOOK_KEY') return (dev.webhookKey ??= addedSecret(env, 'webhookKey'));
  return name === 'SWITCHBOARD_JWT_SECRET' ? dev.jwtSecret : name === 'SWITCHBOARD_INTERNAL_SECRET' ? dev.internalSecret : dev.piiKey;
}

/** A development secret missing from a file written before it existed: generated and added to the file. */
function addedSecret(env: NodeJS.ProcessEnv, field: 'webhookKey'): string {
  const file = join(dataDir(env), 'dev-secrets.json');
  const current = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const value = current[field] ?? randomBytes(32).toString('base64');
  writeFileSync(file, JSON.stringify({ ...current, [field]: value }, null, 2), { mode: 0o600 });
  return value;
}
