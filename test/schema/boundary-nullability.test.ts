/**
 * The nullability rule at the boundaries between systems (schema/boundary-nullability.ts),
 * derived from the composed supergraph: no root field, no field with a scope rule and no
 * reference to another system's entity is non-null, so a new one cannot slip in.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import { boundaryNullabilityViolations } from '../../schema/boundary-nullability.js';
import { composeSupergraph, SUPERGRAPH_PATH } from '../../schema/compose.js';

const sdl = (name: string) => readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8');

/** `text` with `from` replaced by `to`, exactly once. */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `expected exactly one "${from}"`);
  return text.replace(from, to);
}

describe('nullability at the boundaries between systems', () => {
  test('the committed supergraph has no field that one system\'s failure or one refusal could spread from', () => {
    assert.deepEqual(boundaryNullabilityViolations(readFileSync(SUPERGRAPH_PATH, 'utf8')), []);
  });

  test('finds a non-null root field, scope-guarded field or cross-system reference added to a subgraph', () => {
    const supergraph = composeSupergraph({
      crm: edit(
        edit(sdl('crm'), 'after: String): CustomerConnection @requiresScopes', 'after: String): CustomerConnection! @requiresScopes'),
        'total: Decimal @requiresScopes',
        'total: Decimal! @requiresScopes',
      ),
      callcenter: edit(sdl('callcenter'), 'the figures above stay.\n  """\n  customer: Customer\n', 'the figures above stay.\n  """\n  customer: Customer!\n'),
      audit: edit(sdl('audit'), 'customers: [Customer]!', 'customers: [Customer!]'),
    });
    const found = boundaryNullabilityViolations(supergraph).map(({ field, rule }) => `${rule} ${field}`).sort();
    assert.deepEqual(found, ['reference AuditEvent.customers', 'reference CustomerContactVolume.customer', 'root Query.customers', 'scope Order.total'].sort());
  });
});
