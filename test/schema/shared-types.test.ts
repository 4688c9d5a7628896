/**
 * Value types several subgraphs declare (federation needs each subgraph that returns one to
 * declare it) are declared identically, descriptions included: composition merges shareable
 * types field by field and would accept a field or enum value that drifted in one SDL, which a
 * client would then get from one system and not another.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, print, type DefinitionNode } from 'graphql';
import { describe, it } from 'vitest';

const SUBGRAPHS = ['crm', 'callcenter', 'tickets', 'audit', 'webhooks'] as const;

/** Declared in several SDLs and meant to be the same everywhere. */
const IDENTICAL = ['DateTime', 'PageInfo', 'RecordAccess', 'InteractionStamp', 'TimeRangeInput', 'DurationPercentiles', 'CustomerWindowInput', 'CopyReconciliation', 'CopyDifference', 'CopyDifferenceReason'];

function declarations(): Map<string, { subgraph: string; printed: string }[]> {
  const found = new Map<string, { subgraph: string; printed: string }[]>();
  for (const subgraph of SUBGRAPHS) {
    const document = parse(readFileSync(new URL(`../../schema/${subgraph}.graphql`, import.meta.url), 'utf8'));
    for (const definition of document.definitions as readonly (DefinitionNode & { name?: { value: string } })[]) {
      if (!definition.name || definition.kind.endsWith('Extension')) continue;
      found.set(definition.name.value, [...(found.get(definition.name.value) ?? []), { subgraph, printed: print(definition) }]);
    }
  }
  return found;
}

describe('value types shared by subgraphs', () => {
  const found = declarations();
  for (const name of IDENTICAL) {
    it(`${name} is declared the same in every SDL that declares it`, () => {
      const copies = found.get(name) ?? [];
      assert.ok(copies.length >= 2, `${name} is declared in ${copies.map((c) => c.subgraph).join(', ') || 'no SDL'}`);
      for (const copy of copies.slice(1)) assert.equal(copy.printed, copies[0]!.printed, `${name} in ${copy.subgraph} differs from ${copies[0]!.subgraph}`);
    });
  }
});
