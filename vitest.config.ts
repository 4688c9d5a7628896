/**
 * The test suite's runner settings (vitest 4). Every test file runs in its own child process
 * (`pool: 'forks'`, isolated), as node's test runner did, so no state leaks between files.
 *
 * Two projects: `local` (SQLite, in-process servers on ephemeral ports) runs two files at a
 * time for this 2-core machine; `services` holds the files that talk to the shared PostgreSQL
 * (or MySQL) or Redis and runs them one at a time after `local`, so they never meet each other's schemas,
 * channels or load. A file belongs to `services` when its text mentions PostgreSQL or Redis
 * helpers (see SERVICE_MARKERS), so new files are sorted without editing this list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const TEST_DIR = 'test';
/** Words that mark a test file as using the shared PostgreSQL, MySQL or Redis. */
const SERVICE_MARKERS = /postgresReachable|tempPostgresSchema|openPostgresStore|redisReachable|REDIS_TEST_URL|mysqlReachable/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const serviceFiles = testFiles(TEST_DIR)
  .filter((file) => SERVICE_MARKERS.test(readFileSync(file, 'utf8')))
  .map((file) => file.split('\\').join('/'));

const shared = {
  setupFiles: ['./test/support/env.ts'],
  pool: 'forks' as const,
  isolate: true,
  // Nothing in node's runner timed out by default; servers start slowly on a busy machine.
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  // Resolve a package's extension-less `main` as node does (`.js` before vite's default `.mjs`):
  // graphql's `"main": "index"` would otherwise load its ESM build into code compiled by vitest
  // while CommonJS dependencies such as @apollo/subgraph load its CommonJS build, and graphql
  // refuses to meet a second copy of itself.
  resolve: { extensions: ['.js', '.mjs', '.mts', '.ts', '.jsx', '.tsx', '.json'] },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    maxWorkers: 2,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'local',
          include: [`${TEST_DIR}/**/*.test.ts`],
          exclude: serviceFiles,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'services',
          include: serviceFiles.length > 0 ? serviceFiles : ['no-service-tests'],
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
