/**
 * The environment the benchmarks start Switchboard's processes with: production mode, a data
 * directory of the run's own, nothing seeded by the processes (the benchmark seeds), and fresh
 * random secrets (no development secrets file is written).
 */
import { randomBytes } from 'node:crypto';

/** `process.env` plus the benchmark settings for a run whose files live in `dataDir`. */
export function benchEnvironment(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    SWITCHBOARD_DATA_DIR: dataDir,
    SWITCHBOARD_SEED_CUSTOMERS: '0',
    SWITCHBOARD_JWT_SECRET: randomBytes(32).toString('base64url'),
    SWITCHBOARD_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
    SWITCHBOARD_PII_KEY: randomBytes(32).toString('base64'),
    // Required in production since outbound webhooks seal their secrets (the gateway refuses to start without it).
    SWITCHBOARD_WEBHOOK_KEY: randomBytes(32).toString('base64'),
    SWITCHBOARD_JWKS_URL: '',
    CTI_WEBHOOK_SECRETS: randomBytes(32).toString('base64url'),
  };
}
