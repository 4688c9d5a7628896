/**
 * `StatementTemplate` (subgraphs/shared/statement-template.ts): the roll-up write statements
 * compiled once per id count run with other ids of that count and give what a fresh compile
 * gives; a template whose text would depend on more than its ids is refused, not run wrong.
 * `PreparedStatement`, its general form for the per-event statements, likewise.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Database } from '../../subgraphs/shared/database.js';
import { PreparedStatement, StatementTemplate } from '../../subgraphs/shared/statement-template.js';

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

describe('PreparedStatement on SQLite', () => {
  let database: Database<{ t: { id: string; n: number } }>;
  beforeAll(async () => {
    database = openDatabase<{ t: { id: string; n: number } }>({ driver: 'sqlite', file: ':memory:' });
    await sql`CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('builds a statement once per value count and shape, with its constants kept and each value where its stand-in was', async () => {
    const builds: string[] = [];
    const insert = new PreparedStatement<typeof database.db, { id: string }>((db, slots, shape) => {
      builds.push(`${slots.length} ${shape}`);
      const rows: { id: string; n: number }[] = [];
      for (let i = 0; i < slots.length; i += 2) rows.push({ id: slots[i]!, n: slots[i + 1] as unknown as number });
      return db.insertInto('t').values(rows).onConflict((oc) => oc.column('id').doUpdateSet({ n: 0 })).returning('id');
    });
    assert.deepEqual((await insert.execute(database.db, ['a', 1, 'b', 2], '2')).rows, [{ id: 'a' }, { id: 'b' }]);
    assert.deepEqual((await insert.execute(database.db, ['c', 3, 'd', 4], '2')).rows, [{ id: 'c' }, { id: 'd' }]);
    assert.deepEqual((await insert.execute(database.db, ['e', 5], '1')).rows, [{ id: 'e' }]);
    assert.deepEqual(builds, ['4 2', '2 1']);
    // A constant of the builder (`n <> 3`, the update's 0) stays a parameter of the compiled text.
    const bigger = new PreparedStatement<typeof database.db, { id: string }>((db, [min]) => db.selectFrom('t').select('id').where('n', '>=', min as unknown as number).where('n', '<>', 3).orderBy('id'));
    assert.deepEqual((await bigger.execute(database.db, [2])).rows.map((r) => r.id), ['b', 'd', 'e']);
    await insert.execute(database.db, ['a', 9], '1');
    assert.deepEqual((await bigger.execute(database.db, [0])).rows.map((r) => r.id), ['a', 'b', 'd', 'e']);
  });

  it('refuses a builder that leaves a value out', async () => {
    const wrong = new PreparedStatement<typeof database.db, { id: string }>((db, [id]) => db.selectFrom('t').select('id').where('id', '=', id!));
    await assert.rejects(wrong.execute(database.db, ['a', 'b']), /uses 1 of its 2 values/);
  });
});
