import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen.js';

test('the committed resolver types are what codegen generates from the SDLs (run `npm run codegen`)', async () => {
  const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
  assert.equal(outputs.length, Object.keys(config.generates).length);
  for (const { filename, content } of outputs) {
    const committed = readFileSync(resolve(filename), 'utf8');
    assert.equal(committed, content, `${filename} is stale: run \`npm run codegen\` and commit it`);
  }
});
