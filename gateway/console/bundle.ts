/**
 * Builds the agent console (gateway/console/src) with esbuild into memory: one ES module
 * `app.js` and one stylesheet `app.css`, minified, for `/console`. Built once per process,
 * on the first request for the console (so a gateway that nobody opens the console on pays
 * nothing), then served from memory. `npm run build:console` runs the same build to check it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One built file: its bytes and its `Content-Type`. */
export interface ConsoleAsset {
  body: Buffer;
  contentType: string;
}

/** The console's files by name below `/console/`: `index.html`, `app.js`, `app.css`. */
export type ConsoleBundle = Map<string, ConsoleAsset>;

const SOURCE = fileURLToPath(new URL('./src/', import.meta.url));
let cached: Promise<ConsoleBundle> | null = null;

/** The bundle, built on first use and kept; a failed build is retried on the next call. */
export function consoleBundle(): Promise<ConsoleBundle> {
  cached ??= buildConsole().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function buildConsole(): Promise<ConsoleBundle> {
  const result = await build({
    entryPoints: [`${SOURCE}main.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: '/console',
    entryNames: 'app',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
  });
  const files: ConsoleBundle = new Map();
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    files.set(name, { body: Buffer.from(file.contents), contentType: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8' });
  }
  files.set('index.html', { body: readFileSync(`${SOURCE}index.html`), contentType: 'text/html; charset=utf-8' });
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await consoleBundle();
  for (const [name, file] of files) console.log(`${name.padEnd(12)} ${(file.body.length / 1024).toFixed(1)} KiB`);
}
