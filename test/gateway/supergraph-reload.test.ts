/**
 * The gateway follows its supergraph file: a recomposed supergraph is served without a
 * restart, and a broken one is refused while the last good one keeps serving.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SUPERGRAPH_PATH } from '../../schema/compose.js';
import { startStack, type Stack } from '../support/stack.js';

const DESCRIPTION = '{ __type(name: "Query") { fields { name description } } }';

describe('supergraph reload', () => {
  let stack: Stack;
  let dir: string;
  let path: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-supergraph-'));
    path = join(dir, 'supergraph.graphql');
    copyFileSync(SUPERGRAPH_PATH, path);
    stack = await startStack({ customers: 10, supergraphPath: path });
  });
  after(async () => {
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
