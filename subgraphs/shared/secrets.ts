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
  };
  try {
    writeFileSync(file, JSON.stringify(cached, null, 2), { mode: 0o600, flag: 'wx' });
    log.warn(`WARNING: generated development secrets in ${file}. Set SWITCHBOARD_JWT_SECRET or SWITCHBOARD_JWKS_URL, SWITCHBOARD_INTERNAL_SECRET and SWITCHBOARD_PII_KEY in production.`);
  } catch {
    // Another process wrote it first: use theirs.
    cached = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  }
  return cached;
}

export function secret(name: 'SWITCHBOARD_JWT_SECRET' | 'SWITCHBOARD_INTERNAL_SECRET' | 'SWITCHBOARD_PII_KEY', env: NodeJS.ProcessEnv = process.env): string {
  const configured = envValue(name, env);
  if (configured) return configured;
  if (envValue('NODE_ENV', env) === 'production') throw new EnvError(null, [`${name} must be set in production`]);
  const dev = devSecrets(env);
  return name === 'SWITCHBOARD_JWT_SECRET' ? dev.jwtSecret : name === 'SWITCHBOARD_INTERNAL_SECRET' ? dev.internalSecret : dev.piiKey;
}
