/**
 * `npm run build`: compiles the servers, CLIs and schema code to JavaScript in `dist/` with tsc
 * (`tsconfig.build.json`), then copies the files they read at run time (`schema/**\/*.graphql`,
 * and the agent console's browser sources, which the gateway bundles with esbuild on first use)
 * beside them, so `node dist/...` needs neither the TypeScript sources nor tsx. The layout
 * mirrors the sources (`dist/gateway`, `dist/subgraphs`, `dist/schema`), so every path the code
 * finds relative to its own file (`../../schema/crm.graphql`) holds in both.
 *
 *   tsx gateway/build.ts [--out-dir DIR]   (default: dist; the directory is emptied first)
 *
 * Exits non-zero when tsc reports an error.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Directories whose non-TypeScript files the compiled code reads at run time. */
const RUNTIME_FILE_DIRS = ['schema'];
const RUNTIME_FILE = /\.graphql$/;
/** Directories copied whole: browser sources the gateway bundles at run time (gateway/console/bundle.ts). */
const RUNTIME_DIRS = ['gateway/console/src'];

function runtimeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : runtimeFiles(path);
    return RUNTIME_FILE.test(entry.name) ? [path] : [];
  });
}

/** Builds into `outDir` (absolute or relative to the repository); returns tsc's exit code. */
export function build(outDir: string): number {
  const out = resolve(ROOT, outDir);
  rmSync(out, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  for (const dir of RUNTIME_FILE_DIRS) {
    for (const file of runtimeFiles(join(ROOT, dir))) {
      const target = join(out, relative(ROOT, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
  for (const dir of RUNTIME_DIRS) cpSync(join(ROOT, dir), join(out, dir), { recursive: true });
  // The output is ESM wherever it is copied to, with or without the repository's package.json.
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--out-dir');
  process.exitCode = build(flag >= 0 ? (process.argv[flag + 1] ?? 'dist') : 'dist');
}
