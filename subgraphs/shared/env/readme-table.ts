/**
 * The README's configuration table, generated from the declared variables (`variables.ts`):
 * one row per variable with its default, the processes that read it and its meaning. The
 * table sits between two marker comments in README.md; `npm run config:docs` rewrites it and
 * `npm run config:docs -- --check` (and test/operations/config.test.ts) fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VARIABLES, type EnvVariable } from './variables.js';

export const TABLE_START = '<!-- configuration table: generated from subgraphs/shared/env/variables.ts by `npm run config:docs`; do not edit by hand -->';
export const TABLE_END = '<!-- end of configuration table -->';

/** The README this project ships (the repository's top level). */
export const README_PATH = fileURLToPath(new URL('../../../README.md', import.meta.url));

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Markdown table of every declared variable, in declaration order. */
export function configurationTable(): string {
  const rows = (Object.entries(VARIABLES) as [string, EnvVariable<unknown>][]).map(
    ([name, v]) => `| \`${name}\` | ${cell(v.default)} | ${v.usedBy.join(', ')} | ${cell(v.meaning)} |`,
  );
  return ['| variable | default | read by | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the current table; throws when a marker is missing. */
export function withCurrentTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the configuration table markers:\n${TABLE_START}\n${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${configurationTable()}\n${readme.slice(end)}`;
}

/** CLI: rewrite the README's table, or with `--check` exit 1 when it differs from the declarations. */
export function main(argv: string[], path = README_PATH): number {
  const readme = readFileSync(path, 'utf8');
  const updated = withCurrentTable(readme);
  if (argv.includes('--check')) {
    if (updated === readme) return 0;
    console.error('README.md: the configuration table is stale; run `npm run config:docs`.');
    return 1;
  }
  if (updated !== readme) writeFileSync(path, updated);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
