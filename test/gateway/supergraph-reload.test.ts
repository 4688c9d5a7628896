/**
 * The gateway follows its supergraph file: a recomposed supergraph is served without a
 * restart, and a broken one is refused (with one log line) while the last good one keeps
 * serving. Followed by its path: files replaced by rename (`mv`, `sed -i`, editors) and
 * Kubernetes ConfigMap volumes (a `..data` symlink swapped by rename) are followed too,
 * change after change.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { SUPERGRAPH_PATH } from '../../schema/compose.js';
import { captureLogs, type CapturedLogs } from '../support/log-capture.js';
import { startStack, type Stack } from '../support/stack.js';

const DESCRIPTION = '{ __type(name: "Query") { fields { name description } } }';

describe('supergraph reload', () => {
  let stack: Stack;
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-supergraph-'));
    path = join(dir, 'supergraph.graphql');
    copyFileSync(SUPERGRAPH_PATH, path);
    stack = await startStack({ customers: 10, supergraphPath: path });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function customerDescription(): Promise<string> {
    const { data } = await stack.query<{ __type: { fields: { name: string; description: string }[] } }>(DESCRIPTION);
    return data!.__type.fields.find((f) => f.name === 'customer')!.description;
  }

  async function eventually(check: () => Promise<boolean>): Promise<boolean> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  test('a changed file is served without a restart', async () => {
    const original = await customerDescription();
    assert.match(original, /One customer by id/);
    writeFileSync(path, readFileSync(path, 'utf8').replace('One customer by id.', 'One customer by id (reloaded).'));
    assert.ok(await eventually(async () => (await customerDescription()).includes('(reloaded)')), 'the new description is served');
  });

  test('a broken file is refused and the last good supergraph keeps serving', async () => {
    const good = await customerDescription();
    writeFileSync(path, 'this is not a supergraph');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await customerDescription(), good);
    const { errors, data } = await stack.query<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }');
    assert.equal(errors, undefined);
    assert.ok(data!.customers.totalCount > 0);
  });
});

/** The description of `Query.customer` as served, and a way to wait for a served change. */
function descriptions(stack: () => Stack) {
  async function customerDescription(): Promise<string> {
    const { data } = await stack().query<{ __type: { fields: { name: string; description: string }[] } }>(DESCRIPTION);
    return data!.__type.fields.find((f) => f.name === 'customer')!.description;
  }
  async function served(text: string): Promise<boolean> {
    for (let attempt = 0; attempt < 60; attempt += 1) {
      if ((await customerDescription()).includes(text)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }
  return { customerDescription, served };
}

/** The supergraph with `Query.customer`'s description marked by `label`. */
const labelled = (label: string) => readFileSync(SUPERGRAPH_PATH, 'utf8').replace('One customer by id.', `One customer by id (${label}).`);

describe('supergraph reload across replaced files', () => {
  let stack: Stack;
  let dir: string;
  let path: string;
  let logs: CapturedLogs;
  /** The messages logged so far. */
  const logged = (): string[] => logs.lines.map((line) => String(line.msg));
  beforeAll(async () => {
    logs = captureLogs('warn');
    dir = mkdtempSync(join(tmpdir(), 'switchboard-supergraph-'));
    path = join(dir, 'supergraph.graphql');
    copyFileSync(SUPERGRAPH_PATH, path);
    stack = await startStack({ customers: 10, supergraphPath: path });
  });
  afterAll(async () => {
    logs.restore();
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { customerDescription, served } = descriptions(() => stack);

  /** Writes `content` next to the file and renames it over the file (what `mv` and editors do). */
  function replaceByRename(content: string, name = 'next'): void {
    const temporary = join(dir, `.${name}.tmp`);
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  }

  test('every one of several rename-replacements is served', async () => {
    for (let round = 1; round <= 5; round += 1) {
      replaceByRename(labelled(`rename ${round}`), `round-${round}`);
      assert.ok(await served(`(rename ${round})`), `replacement ${round} is served`);
    }
  });

  test('sed -i (a temporary file renamed over the original), twice', async () => {
    for (const label of ['sed one', 'sed two']) {
      execFileSync('sed', ['-i', `s/One customer by id ([^)]*)\\./One customer by id (${label})./`, path]);
      assert.match(readFileSync(path, 'utf8'), new RegExp(`\\(${label}\\)`));
      assert.ok(await served(`(${label})`), `${label} is served`);
    }
  });

  test('a broken replacement is logged once, the last good supergraph keeps serving, and the next good one is served', async () => {
    const good = await customerDescription();
    const before = logged().length;
    replaceByRename('this is not a supergraph');
    const aboutTheFile = () => logged().slice(before).filter((line) => line.includes(path));
    for (let attempt = 0; attempt < 50 && aboutTheFile().length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    // More polls and watch events pass: still one line.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await customerDescription(), good);
    const lines = aboutTheFile();
    assert.equal(lines.length, 1, `one line about the broken file: ${JSON.stringify(lines)}`);
    assert.match(lines[0]!, /broken|refused/);
    assert.match(lines[0]!, /keeping the last good supergraph/);
    const { errors, data } = await stack.query<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }');
    assert.equal(errors, undefined);
    assert.ok(data!.customers.totalCount > 0);

    replaceByRename('type Query { valid: Int } # valid GraphQL, but no supergraph');
    for (let attempt = 0; attempt < 50 && aboutTheFile().length < 2; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await customerDescription(), good);
    assert.equal(aboutTheFile().length, 2, 'one line for the second broken file');
    assert.match(aboutTheFile()[1]!, /(broken|refused by the gateway).*keeping the last good supergraph/);

    replaceByRename(labelled('after broken'));
    assert.ok(await served('(after broken)'), 'a good file after a broken one is served');
  });
});

describe('supergraph reload from a Kubernetes ConfigMap volume', () => {
  let stack: Stack;
  let dir: string;
  let generation = 0;
  /** Writes a new generation directory and swaps `..data` to it by rename, as the kubelet does. */
  function publish(content: string): void {
    generation += 1;
    const version = `..2026_11_30_12_00_${String(generation).padStart(2, '0')}.000`;
    mkdirSync(join(dir, version));
    writeFileSync(join(dir, version, 'supergraph.graphql'), content);
    symlinkSync(version, join(dir, '..data_tmp'));
    renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
  }
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-configmap-'));
    publish(labelled('configmap 0'));
    symlinkSync(join('..data', 'supergraph.graphql'), join(dir, 'supergraph.graphql'));
    stack = await startStack({ customers: 10, supergraphPath: join(dir, 'supergraph.graphql') });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { customerDescription, served } = descriptions(() => stack);

  test('every swap of the ..data symlink is served, and a broken one is skipped', async () => {
    assert.match(await customerDescription(), /\(configmap 0\)/);
    for (let round = 1; round <= 4; round += 1) {
      publish(labelled(`configmap ${round}`));
      assert.ok(await served(`(configmap ${round})`), `ConfigMap update ${round} is served`);
    }
    publish('not a supergraph at all');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.match(await customerDescription(), /\(configmap 4\)/);
    publish(labelled('configmap fixed'));
    assert.ok(await served('(configmap fixed)'));
  });
});
