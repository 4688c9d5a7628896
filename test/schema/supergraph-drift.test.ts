import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { composeSupergraph, SUPERGRAPH_PATH } from '../../schema/compose.js';

test('the committed supergraph is what composing the subgraph SDLs gives (run `npm run compose`)', () => {
  const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
  assert.equal(committed, composeSupergraph(), 'schema/supergraph.graphql is stale: run `npm run compose` and commit it');
});
