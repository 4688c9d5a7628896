/**
 * Deny by default (docs/authorization.md): a field of the API schema without a rule and
 * without an `@authenticated` marking stops composition, and a supergraph composed elsewhere
 * with such a field stops the gateway at start and is refused on reload. A field added to a
 * type that carries a rule inherits it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { composeSupergraph, SUBGRAPHS, subgraphSdls, SUPERGRAPH_PATH } from '../../schema/compose.js';
import { readSecurityRules } from '../../gateway/authz/security-rules.js';
import { startStack } from '../support/stack.js';

/** The subgraph SDLs with `extra` appended to one of them. */
function withExtra(subgraph: string, extra: string): Record<string, string> {
  const sdls = subgraphSdls();
  sdls[subgraph] += `\n${extra}\n`;
  return sdls;
}

/** Composes without the deny-by-default check, as a build elsewhere might. */
function composeUnchecked(sdls: Record<string, string>): string {
  const result = composeServices(SUBGRAPHS.map(({ name, url }) => ({ name, url, typeDefs: parse(sdls[name]!) })));
  assert.equal(result.errors, undefined);
  return result.supergraphSdl!;
}

describe('deny by default', () => {
  test('the committed supergraph has a rule for every field', () => {
    assert.doesNotThrow(() => readSecurityRules(readFileSync(SUPERGRAPH_PATH, 'utf8')));
  });

  test('composition fails naming each unguarded field', () => {
    const sdls = withExtra('crm', 'extend type Query { newLookup(id: ID!): Customer }\nextend type Customer { secretNote: String }\nextend type Customer { emptyRule: String @requiresScopes(scopes: []) }');
    assert.throws(() => composeSupergraph(sdls), (error: Error) => {
      assert.match(error.message, /3 field\(s\) of the API schema have no authorization rule/);
      assert.match(error.message, /Customer\.emptyRule/, 'a rule that requires nothing guards nothing');
      assert.match(error.message, /Query\.newLookup/);
      assert.match(error.message, /Customer\.secretNote/);
      return true;
    });
  });

  test('a rule on the field, on its type or its return type, or @authenticated, guards it', () => {
    const sdls = withExtra(
      'crm',
      [
        'extend type Query { lookupA(id: ID!): Customer @requiresScopes(scopes: [["customers:read"]]) }',
        'extend type Query { lookupB: Company }', // Company carries customers:read
        'extend type Query { serverTime: String @authenticated }',
        'extend type Order { giftWrapped: Boolean }', // Order carries customers:read or orders:read
      ].join('\n'),
    );
    const { rules } = readSecurityRules(composeSupergraph(sdls));
    assert.deepEqual(rules.fields.get('Order.giftWrapped')?.scopes, [['customers:read'], ['orders:read']]);
    assert.deepEqual(rules.fields.get('Query.lookupB')?.scopes, [['customers:read']]);
    assert.equal(rules.fields.get('Query.serverTime')?.authenticated, true);
  });

  test('the gateway refuses to start on an unguarded supergraph, and refuses it on reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-deny-'));
    try {
      const path = join(dir, 'supergraph.graphql');
      const unguarded = composeUnchecked(withExtra('callcenter', 'extend type Query { liveNumbers: [String!]! }'));
      writeFileSync(path, unguarded);
      await assert.rejects(startStack({ customers: 1, supergraphPath: path }), /Query\.liveNumbers/);

      writeFileSync(path, readFileSync(SUPERGRAPH_PATH, 'utf8'));
      const stack = await startStack({ customers: 1, supergraphPath: path });
      try {
        writeFileSync(path, unguarded);
        await new Promise((resolve) => setTimeout(resolve, 600));
        const response = await stack.query('{ liveNumbers }');
        assert.equal(response.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED', 'the unguarded field is not served');
      } finally {
        await stack.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
