/**
 * `CRM_SOURCE` and its settings are validated at start: each mistake stops the start with a
 * message naming the variable, or the mapping file and the path in it, that is wrong.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { CrmSourceConfigError, crmSourceConfig } from '../../subgraphs/crm/source/config.js';
import { foreignMappingJson } from './port/foreign-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'switchboard-crm-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const refuses = (env: NodeJS.ProcessEnv, ...patterns: RegExp[]) =>
  assert.throws(
    () => crmSourceConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof CrmSourceConfigError, String(error));
      for (const pattern of patterns) assert.match(error.message, pattern);
      return true;
    },
  );

describe('CRM source configuration', () => {
  test('the embedded store is the default and needs nothing', () => {
    assert.deepEqual(crmSourceConfig({}), { kind: 'embedded' });
    assert.deepEqual(crmSourceConfig({ CRM_SOURCE: '' }), { kind: 'embedded' });
  });

  test('an unknown CRM_SOURCE names the choices', () => {
    refuses({ CRM_SOURCE: 'salesforce' }, /CRM_SOURCE="salesforce"/, /embedded, sql-mapped, hubspot/);
  });

  test('sql-mapped names each missing or wrong variable', () => {
    refuses({ CRM_SOURCE: 'sql-mapped' }, /CRM_SQL_URL: is missing/, /CRM_SQL_MAPPING_FILE: is missing/);
    refuses({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: 'oracle://crm@db/crm', CRM_SQL_MAPPING_FILE: 'x.json' }, /CRM_SQL_URL: must be a postgres:\/\/, mysql:\/\/ or mariadb:\/\/ URL/);
    refuses({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: 'postgres://db/crm', CRM_SQL_MAPPING_FILE: join(dir, 'absent.json') }, /CRM_SQL_MAPPING_FILE=.*absent\.json: ENOENT/);
    refuses({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: 'postgres://db/crm', CRM_SQL_MAPPING_FILE: file('broken.json', '{"customers":') }, /broken\.json: .*JSON/);
  });

  test('a mapping file is validated: the message names the path in the file', () => {
    const good = foreignMappingJson('crm') as Record<string, Record<string, unknown>>;
    const url = 'postgres://db/crm';
    const parsed = crmSourceConfig({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: url, CRM_SQL_MAPPING_FILE: file('good.json', good) });
    assert.equal(parsed.kind, 'sql-mapped');
    for (const other of ['mysql://crm@db:3306/crm', 'mariadb://crm@db/crm']) {
      assert.equal(crmSourceConfig({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: other, CRM_SQL_MAPPING_FILE: file('good.json', good) }).kind, 'sql-mapped');
    }
    const badTier = structuredClone(good);
    (badTier.customers!.tiers as { values: Record<string, string> }).values['成交'] = 'DIAMOND';
    refuses({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: url, CRM_SQL_MAPPING_FILE: file('tier.json', badTier) }, /customers\.tiers\.values\.成交/);
    const badAlias = structuredClone(good);
    (badAlias.customers!.columns as Record<string, string>).companyName = 'x.gs_mc';
    refuses({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: url, CRM_SQL_MAPPING_FILE: file('alias.json', badAlias) }, /customers\.columns\.companyName: x\.gs_mc: no table is aliased x/);
    const injection = structuredClone(good);
    (injection.customers!.from as Record<string, string>).table = 'kh; drop table kh';
    refuses({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: url, CRM_SQL_MAPPING_FILE: file('inject.json', injection) }, /customers\.from\.table: must be a table name/);
    const unknownKey = { ...good, extra: true };
    refuses({ CRM_SOURCE: 'sql-mapped', CRM_SQL_URL: url, CRM_SQL_MAPPING_FILE: file('extra.json', unknownKey) }, /extra/);
  });

  test('hubspot needs exactly one token setting; its mapping file is validated too', () => {
    refuses({ CRM_SOURCE: 'hubspot' }, /CRM_HUBSPOT_TOKEN: set exactly one of CRM_HUBSPOT_TOKEN and CRM_HUBSPOT_TOKEN_FILE/);
    refuses({ CRM_SOURCE: 'hubspot', CRM_HUBSPOT_TOKEN: 'a', CRM_HUBSPOT_TOKEN_FILE: '/run/secrets/t' }, /exactly one/);
    refuses({ CRM_SOURCE: 'hubspot', CRM_HUBSPOT_TOKEN: 'a', CRM_HUBSPOT_MAX_RETRIES: 'often' }, /CRM_HUBSPOT_MAX_RETRIES/);
    refuses({ CRM_SOURCE: 'hubspot', CRM_HUBSPOT_TOKEN: 'a', CRM_HUBSPOT_URL: 'not a url' }, /CRM_HUBSPOT_URL: must be an http\(s\) URL/);
    const config = crmSourceConfig({ CRM_SOURCE: 'hubspot', CRM_HUBSPOT_TOKEN: 'pat-1' });
    assert.ok(config.kind === 'hubspot');
    assert.equal(config.baseUrl, 'https://api.hubapi.com');
    assert.deepEqual(config.token, { value: 'pat-1' });
    refuses({ CRM_SOURCE: 'hubspot', CRM_HUBSPOT_TOKEN: 'a', CRM_HUBSPOT_MAPPING_FILE: file('hs.json', { tier: { property: 'Level!', values: {}, otherwise: 'GOLD' } }) }, /tier\.property: must be a HubSpot internal property name/);
  });
});
