/**
 * The mapped-SQL adapter beyond the port suite, on a foreign schema in the test PostgreSQL
 * and the same foreign CRM on the test MySQL/MariaDB:
 * dirty phone data read by the one normaliser, a mapping that does not match the database
 * refused at start naming the path, and batch reads in a constant number of statements.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { CrmSourceConfigError } from '../../subgraphs/crm/source/config.js';
import { sqlMappingSchema } from '../../subgraphs/crm/source/sql-mapped/mapping.js';
import { openMappedSqlCrmSource } from '../../subgraphs/crm/source/sql-mapped/open.js';
import type { MappedSqlCrmSource } from '../../subgraphs/crm/source/sql-mapped/store.js';
import { pageArgs } from '../../subgraphs/shared/pagination.js';
import { CursorKind } from '../../subgraphs/crm/source/port.js';
import { MYSQL_SKIP_REASON, MYSQL_URL, mysqlReachable, POSTGRES_SKIP_REASON, POSTGRES_URL, postgresReachable } from '../support/databases.js';
import { skipNote } from '../support/skip.js';
import { id, portDataset } from './port/dataset.js';
import { createForeignCrm, createForeignCrmMysql, foreignMapping, foreignMappingJson } from './port/foreign-schema.js';

/** One foreign database server: how to create the foreign CRM there and change a row of it. */
interface ForeignServer {
  name: string;
  skip: string | null;
  url: string;
  create(name: string): Promise<() => Promise<void>>;
  /** Runs `statement` (`?` placeholders) inside the foreign CRM `name`. */
  run(name: string, statement: string, values: unknown[]): Promise<void>;
  /** What the server says of a missing column `t.jine`, and of a missing table `gongsi`. */
  missingColumn: RegExp;
  missingTable: RegExp;
}

const servers: ForeignServer[] = [
  {
    name: 'PostgreSQL',
    skip: (await postgresReachable()) ? null : POSTGRES_SKIP_REASON,
    url: POSTGRES_URL,
    create: (name) => createForeignCrm(name, portDataset()),
    run: async (name, statement, values) => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`SET search_path = "${name}"`);
        let n = 0;
        await client.query(statement.replace(/\?/g, () => `$${++n}`), values);
      } finally {
        await client.end();
      }
    },
    missingColumn: /column t\.jine does not exist/,
    missingTable: /relation "gongsi" does not exist/,
  },
  {
    name: 'MySQL/MariaDB',
    skip: (await mysqlReachable()) ? null : MYSQL_SKIP_REASON,
    url: MYSQL_URL,
    create: (name) => createForeignCrmMysql(name, portDataset()),
    run: async (name, statement, values) => {
      const connection = await mysql.createConnection({ uri: MYSQL_URL, database: name, charset: 'utf8mb4' });
      try {
        await connection.query(statement, values);
      } finally {
        await connection.end();
      }
    },
    missingColumn: /Unknown column 't\.jine'/,
    missingTable: /Table '\w+\.gongsi' doesn't exist/,
  },
];

for (const server of servers) {
  describe.skipIf(server.skip !== null)(skipNote(`mapped-SQL adapter on ${server.name}`, server.skip), () => {
    const schema = `foreign_crm_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    let drop: () => Promise<void>;
    let source: MappedSqlCrmSource;
    const run = (statement: string, values: unknown[] = []) => server.run(schema, statement, values);

    beforeAll(async () => {
      drop = await server.create(schema);
      source = await openMappedSqlCrmSource(server.url, foreignMapping(schema));
    });
    afterAll(async () => {
      await source?.close();
      await drop?.();
    });

    test('free-text numbers in any spelling are matched on E.164; words, withheld and unreadable values are left out', async () => {
      await run(`UPDATE kh_kehu SET shouji = ?, dianhua = ? WHERE kh_bh = ?`, ['手机：１３６-００１３-６０００', '+86 (0)10 8765 4321 ext. 12', 110]);
      await run(`UPDATE kh_kehu SET shouji = ?, dianhua = ? WHERE kh_bh = ?`, ['无', 'anonymous', 111]);
      await run(`UPDATE kh_kehu SET shouji = ?, dianhua = NULL WHERE kh_bh = ?`, ['8613600136000', 112]);
      const [fullWidth, landline] = await source.customersByPhoneNumbers(['+8613600136000', '+861087654321']);
      assert.deepEqual(fullWidth!.map((c) => c.id), [id(10), id(12)]);
      assert.deepEqual(landline!.map((c) => [c.id, c.phones.find((p) => p.e164 === '+861087654321')?.extension]), [[id(10), '12']]);
      const [nobody] = await source.customersByIds([id(11)]);
      assert.deepEqual(nobody!.phones, []);
      const found = await source.searchCustomers({ search: '136 0013 6000' }, pageArgs(CursorKind.customers, 5, null));
      assert.deepEqual(found.nodes.map((c) => c.id), [id(10), id(12)], 'newest first');
    });

    test('value maps: 流失 and unknown levels are STANDARD; a tier filter follows the map', async () => {
      await run(`UPDATE kh_kehu SET kh_jb = ? WHERE kh_bh = ?`, ['意向', 104]);
      await run(`UPDATE kh_kehu SET kh_jb = ? WHERE kh_bh = ?`, ['流失', 105]);
      await run(`UPDATE kh_kehu SET kh_jb = ? WHERE kh_bh = ?`, ['VIP?', 106]);
      const [silver, lost, unknown] = await source.customersByIds([id(4), id(5), id(6)]);
      assert.deepEqual([silver!.tier, lost!.tier, unknown!.tier], ['SILVER', 'STANDARD', 'STANDARD']);
      const silvers = await source.searchCustomers({ tier: 'SILVER' }, pageArgs(CursorKind.customers, 5, null));
      assert.deepEqual(silvers.nodes.map((c) => c.id), [id(4)]);
      const standard = await source.searchCustomers({ tier: 'STANDARD' }, pageArgs(CursorKind.customers, 50, null));
      assert.ok(standard.nodes.some((c) => c.id === id(5)) && standard.nodes.some((c) => c.id === id(6)));
      assert.equal(standard.totalCount, 23);
    });

    test('a mapping that does not match the database stops the start, naming the mapping path', async () => {
      const json = foreignMappingJson(schema) as { orders: { columns: Record<string, string> }; customers: { joins: { table: string }[] } };
      json.orders.columns.total = 'jine';
      await assert.rejects(openMappedSqlCrmSource(server.url, sqlMappingSchema.parse(json)), (error: unknown) => {
        assert.ok(error instanceof CrmSourceConfigError);
        assert.match(error.message, /orders \(dd_dingdan\) does not match the database: /);
        assert.match(error.message, server.missingColumn);
        return true;
      });
      const missingTable = foreignMappingJson(schema) as { customers: { joins: { table: string }[] } };
      missingTable.customers.joins[0]!.table = 'gongsi';
      await assert.rejects(openMappedSqlCrmSource(server.url, sqlMappingSchema.parse(missingTable)), (error: unknown) => {
        assert.ok(error instanceof CrmSourceConfigError);
        assert.match(error.message, /customers\.joins\[0\] \(gongsi\) does not match the database: /);
        assert.match(error.message, server.missingTable);
        return true;
      });
    });
  });
}
