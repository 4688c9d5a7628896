/**
 * One validated configuration: every variable is declared once (subgraphs/shared/env/variables.ts)
 * with a zod schema; a process with a wrong or missing variable refuses to start with one
 * message naming each; the README's configuration table is the one generated from the
 * declarations; and no source file reads an undeclared variable.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { gatewayConfig } from '../../gateway/config.js';
import { callLogOutboxConfig, subgraphConfig } from '../../subgraphs/shared/config.js';
import { EnvError, envValue, readEnv } from '../../subgraphs/shared/env/read.js';
import { README_PATH, configurationTable, withCurrentTable } from '../../subgraphs/shared/env/readme-table.js';
import { VARIABLES } from '../../subgraphs/shared/env/variables.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    assert.ok(error instanceof EnvError, `expected an EnvError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail('expected the configuration to be refused');
}

/** Runs `file` (TypeScript, through tsx) with `env` only (plus PATH); resolves with its exit code and output. */
function run(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, file)], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the declared variables', () => {
  test('defaults are typed values; set values are parsed', () => {
    const defaults = readEnv(null, {});
    assert.equal(defaults.GATEWAY_PORT, 4000);
    assert.equal(defaults.SWITCHBOARD_DOCUMENT_CACHE_MB, 32 * 1024 * 1024);
    assert.deepEqual(defaults.CALLBACK_DISPOSITIONS, ['MISSED', 'ABANDONED']);
    assert.equal(defaults.REDIS_URL, undefined);
    const set = readEnv(null, { GATEWAY_PORT: ' 0 ', SWITCHBOARD_INTROSPECTION: 'TRUE', CALLBACK_DISPOSITIONS: '', SWITCHBOARD_PHONE_REGION: 'de', SWITCHBOARD_QUERY_PLAN_CACHE_MB: '0.5' });
    assert.equal(set.GATEWAY_PORT, 0);
    assert.equal(set.SWITCHBOARD_INTROSPECTION, true);
    assert.deepEqual(set.CALLBACK_DISPOSITIONS, [], 'set but empty is no disposition, not the default');
    assert.equal(set.SWITCHBOARD_PHONE_REGION, 'DE');
    assert.equal(set.SWITCHBOARD_QUERY_PLAN_CACHE_MB, 512 * 1024);
  });

  test('port 0 means the same to the gateway and to a subgraph', () => {
    assert.equal(gatewayConfig({ GATEWAY_PORT: '0', SWITCHBOARD_JWT_SECRET: 'x' }).port, 0);
    assert.equal(subgraphConfig('crm', { CRM_PORT: '0' }).port, 0);
    assert.deepEqual(problemsOf(() => subgraphConfig('crm', { CRM_PORT: '65536' })), ['CRM_PORT must be a whole number from 0 to 65535, got "65536"']);
  });

  test('one error names every wrong variable the process reads, and only those', () => {
    const env = {
      GATEWAY_PORT: 'abc',
      SWITCHBOARD_BREAKER_FAILURE_PERCENT: '101',
      CRM_URL: 'crm:4001',
      REDIS_URL: 'http://localhost:6379',
      SWITCHBOARD_JWT_SECRET: 'x',
      CALL_EVENTS_CATCH_UP_MINUTES: '-1',
    };
    assert.deepEqual(problemsOf(() => gatewayConfig(env)), [
      'GATEWAY_PORT must be a whole number from 0 to 65535, got "abc"',
      'CRM_URL must be a http or https URL, got "crm:4001"',
      'REDIS_URL must be a redis or rediss URL, got "http://localhost:6379"',
      'SWITCHBOARD_BREAKER_FAILURE_PERCENT must be a whole number from 0 to 100, got "101"',
    ]);
    assert.deepEqual(problemsOf(() => subgraphConfig('callcenter', env)), [
      'REDIS_URL must be a redis or rediss URL, got "http://localhost:6379"',
      'CALL_EVENTS_CATCH_UP_MINUTES must be a number above 0 of minutes, got "-1"',
    ]);
  });

  test('in production, every missing secret is named', () => {
    assert.deepEqual(problemsOf(() => readEnv('gateway', { NODE_ENV: 'production' })), [
      'SWITCHBOARD_JWT_SECRET must be set in production',
      'SWITCHBOARD_INTERNAL_SECRET must be set in production',
      'SWITCHBOARD_WEBHOOK_KEY must be set in production',
    ]);
    assert.equal(readEnv('gateway', { NODE_ENV: 'production', SWITCHBOARD_JWKS_URL: 'https://idp.example.com/jwks', SWITCHBOARD_INTERNAL_SECRET: 's', SWITCHBOARD_WEBHOOK_KEY: 'k' }).SWITCHBOARD_JWT_SECRET, undefined, 'a JWKS replaces the JWT secret');
    assert.deepEqual(problemsOf(() => readEnv('crm', { NODE_ENV: 'production' })), ['SWITCHBOARD_INTERNAL_SECRET must be set in production', 'SWITCHBOARD_PII_KEY must be set in production']);
    assert.deepEqual(problemsOf(() => readEnv('callcenter', { NODE_ENV: 'production', CTI_WEBHOOK_SECRETS: ' ' })), ['SWITCHBOARD_INTERNAL_SECRET must be set in production', 'CTI_WEBHOOK_SECRETS must be set in production']);
  });

  test('a list checks its entries', () => {
    assert.deepEqual(problemsOf(() => envValue('CALLBACK_DISPOSITIONS', { CALLBACK_DISPOSITIONS: 'missed,LATE' })), [
      'CALLBACK_DISPOSITIONS must be a comma-separated list of ANSWERED, ABANDONED, MISSED, TRANSFERRED, VOICEMAIL, EXPIRED, got "missed,LATE"',
    ]);
    assert.deepEqual(callLogOutboxConfig({ CALLBACK_DISPOSITIONS: 'missed, voicemail' }).callbackDispositions, ['MISSED', 'VOICEMAIL']);
  });
});

describe('refusing to start', () => {
  test('the gateway exits 1 naming each wrong variable', async () => {
    const { code, output } = await run('gateway/index.ts', { GATEWAY_PORT: 'abc', SWITCHBOARD_MAX_DEPTH: '-3', NODE_ENV: 'production' });
    assert.equal(code, 1, output);
    for (const name of ['GATEWAY_PORT', 'SWITCHBOARD_MAX_DEPTH', 'SWITCHBOARD_JWT_SECRET', 'SWITCHBOARD_INTERNAL_SECRET']) assert.match(output, new RegExp(`${name} must be`), output);
  });

  test('a subgraph exits 1 naming each wrong variable', async () => {
    const { code, output } = await run('subgraphs/tickets/index.ts', { TICKETS_PORT: '-1', SWITCHBOARD_SEED_CUSTOMERS: 'many', TICKETS_DATABASE_URL: 'mysql://db/tickets' });
    assert.equal(code, 1, output);
    for (const name of ['TICKETS_PORT', 'SWITCHBOARD_SEED_CUSTOMERS', 'TICKETS_DATABASE_URL']) assert.match(output, new RegExp(`${name} must be`), output);
  });
});

describe('the README', () => {
  test('its configuration table is the one generated from the declarations (`npm run config:docs`)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    assert.equal(withCurrentTable(readme), readme, 'README.md is stale: run `npm run config:docs`');
    for (const name of Object.keys(VARIABLES)) assert.ok(readme.includes(`| \`${name}\` |`), `${name} has a README row`);
  });

  test('a changed declaration makes the README stale', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    const stale = readme.replace(configurationTable(), configurationTable().replace('`4000`', '`4001`'));
    assert.notEqual(withCurrentTable(stale), stale);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '__generated__' || entry.name === 'console' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('no source reads a variable that is not declared', () => {
  // Written, not read: the switch `@apollo/gateway` itself reads (gateway/vendor-telemetry.ts).
  const notOurs = new Set(['APOLLO_TELEMETRY_DISABLED']);
  const undeclared: string[] = [];
  for (const file of [...sources(join(ROOT, 'gateway')), ...sources(join(ROOT, 'subgraphs'))]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]{2,})\b/g)) {
      const name = match[1]!;
      if (!(name in VARIABLES) && !notOurs.has(name)) undeclared.push(`${relative(ROOT, file)}: ${name}`);
    }
  }
  assert.deepEqual(undeclared, []);
});
