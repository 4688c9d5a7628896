/**
 * `StatementTemplate` (subgraphs/shared/statement-template.ts): the roll-up write statements
 * compiled once per id count run with other ids of that count and give what a fresh compile
 * gives; a template whose text would depend on more than its ids is refused, not run wrong.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Database } from '../../subgraphs/shared/database.js';
import { StatementTemplate } from '../../subgraphs/shared/statement-template.js';

describe('StatementTemplate on SQLite', () => {
  let database: Database<unknown>;
  let db: Kysely<unknown>;
  beforeAll(async () => {
    database = openDatabase<unknown>({ driver: 'sqlite', file: ':memory:' });
    db = database.db;
    await sql`CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER)`.execute(db);
    await sql`INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3), ('d', 4)`.execute(db);
  });
  afterAll(() => database.close());

  it('runs the text compiled for an id count with other ids of that count, the ids used as often as the statement names them', async () => {
    const builds: number[] = [];
    const template = new StatementTemplate<{ id: string; n: number }>((ids) => {
      builds.push(ids.length);
      return sql<{ id: string; n: number }>`SELECT id, n FROM t WHERE id IN (${sql.join(ids)}) AND n IN (SELECT n FROM t WHERE id IN (${sql.join(ids)})) ORDER BY id`;
    });
    assert.deepEqual((await template.execute(db, ['a', 'c'])).rows, [{ id: 'a', n: 1 }, { id: 'c', n: 3 }]);
    assert.deepEqual((await template.execute(db, ['b', 'd'])).rows, [{ id: 'b', n: 2 }, { id: 'd', n: 4 }]);
    assert.deepEqual((await template.execute(db, ['d'])).rows, [{ id: 'd', n: 4 }]);
    assert.deepEqual(builds, [2, 1], 'built once per id count');
  });

  it('refuses a statement with a parameter that is not one of its ids', async () => {
    const template = new StatementTemplate((ids) => sql`SELECT id FROM t WHERE id IN (${sql.join(ids)}) AND n > ${2}`);
    await assert.rejects(template.execute(db, ['a']), /parameters besides its ids/);
  });
});
