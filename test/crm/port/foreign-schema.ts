/**
 * A home-grown CRM's database that looks nothing like Switchboard's, in a throw-away
 * PostgreSQL schema or MySQL/MariaDB database: pinyin-abbreviated tables and columns, integer ids, levels 潜在/意向/成交/流失,
 * Chinese order statuses and activity kinds, phone numbers as free text in two columns of the
 * customer table, the company in a table of its own. `foreignMapping` is the mapping file
 * that describes it (the same as docs/connectors/sql-mapped.md's example).
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { SqlMapping } from '../../../subgraphs/crm/source/sql-mapped/mapping.js';
import { sqlMappingSchema } from '../../../subgraphs/crm/source/sql-mapped/mapping.js';
import type { CrmSeed } from '../../../subgraphs/crm/source/records.js';
import { MYSQL_URL, POSTGRES_URL } from '../../support/databases.js';

const LEVEL = { STANDARD: '潜在', SILVER: '意向', GOLD: '成交', PLATINUM: '成交' } as const;
const STATUS = { PENDING: '待付款', PAID: '已付款', SHIPPED: '已发货', DELIVERED: '已签收', CANCELLED: '已取消', RETURNED: '已退货' } as const;

/** The mapping file (as JSON) for the schema `schema`. */
export function foreignMappingJson(schema: string): unknown {
  return {
    schema,
    customers: {
      from: { table: 'kh_kehu', as: 'k' },
      joins: [{ table: 'gs_gongsi', as: 'g', on: ['k.gs_bh', 'g.gs_bh'] }],
      columns: { id: 'k.kh_bh', displayName: 'k.kh_mc', createdAt: 'k.lr_sj', updatedAt: 'k.xg_sj', tier: 'k.kh_jb', companyName: 'g.gs_mc', companyIndustry: 'g.hy', ownerId: 'k.ywy_gh' },
      tiers: { values: { 潜在: 'STANDARD', 意向: 'SILVER', 成交: 'GOLD', 流失: 'STANDARD' }, otherwise: 'STANDARD' },
    },
    phones: [
      { table: 'kh_kehu', customerId: 'kh_bh', number: 'shouji', types: { values: {}, otherwise: 'MOBILE' } },
      { table: 'kh_kehu', customerId: 'kh_bh', number: 'dianhua', types: { values: {}, otherwise: 'WORK' } },
    ],
    emails: [{ table: 'kh_kehu', customerId: 'kh_bh', email: 'yx' }],
    owners: { table: 'yg_yuangong', id: 'gh', name: 'xm', team: 'bm' },
    orders: {
      table: 'dd_dingdan',
      columns: { id: 'dd_id', customerId: 'kh', number: 'dd_hao', status: 'zt', total: 'je', placedAt: 'xd_sj' },
      statuses: { values: { 待付款: 'PENDING', 已付款: 'PAID', 已发货: 'SHIPPED', 已签收: 'DELIVERED', 已取消: 'CANCELLED', 已退货: 'RETURNED' }, otherwise: 'PENDING' },
      currency: 'CNY',
    },
    activities: {
      table: 'gt_goutong',
      columns: { id: 'id', customerId: 'kh', at: 'sj', type: 'lx', author: 'czy', body: 'nr' },
      types: { values: { 备注: 'NOTE', 电话: 'CALL_LOG', 聊天: 'CHAT_TRANSCRIPT' }, otherwise: 'NOTE' },
    },
  };
}

export function foreignMapping(schema: string): SqlMapping {
  return sqlMappingSchema.parse(foreignMappingJson(schema));
}

/** The foreign tables' rows for `seed`, in column order (timestamps as `Date`). */
function foreignRows(seed: CrmSeed): Record<'yg_yuangong' | 'gs_gongsi' | 'kh_kehu' | 'dd_dingdan' | 'gt_goutong', unknown[][]> {
  const at = (iso: string | null) => (iso === null ? null : new Date(iso));
  const rows = { yg_yuangong: [] as unknown[][], gs_gongsi: [] as unknown[][], kh_kehu: [] as unknown[][], dd_dingdan: [] as unknown[][], gt_goutong: [] as unknown[][] };
  for (const owner of seed.owners) rows.yg_yuangong.push([owner.id, owner.name, owner.team]);
  for (const c of seed.customers) {
    let companyId: number | null = null;
    if (c.company) {
      companyId = rows.gs_gongsi.length + 1;
      rows.gs_gongsi.push([companyId, c.company.name, c.company.industry]);
    }
    const mobile = c.phones.find((p) => p.type === 'MOBILE')?.raw ?? null;
    const landline = c.phones.find((p) => p.type !== 'MOBILE')?.raw ?? null;
    rows.kh_kehu.push([Number(c.id), c.displayName, LEVEL[c.tier], companyId, c.ownerId, mobile, landline, c.emails[0] ?? null, at(c.createdAt), at(c.updatedAt)]);
  }
  for (const o of seed.orders) rows.dd_dingdan.push([Number(o.id), Number(o.customerId), o.number, STATUS[o.status], o.total, at(o.placedAt)]);
  for (const a of seed.activities) rows.gt_goutong.push([Number(a.id), Number(a.customerId), a.type === 'NOTE' ? '备注' : '电话', at(a.at), a.author, a.body]);
  return rows;
}

/** Creates the foreign schema `schema` (must not exist) holding `seed` in the test PostgreSQL; returns the cleanup. */
export async function createForeignCrm(schema: string, seed: CrmSeed): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path = "${schema}"`);
    await client.query(`
      CREATE TABLE gs_gongsi (gs_bh integer PRIMARY KEY, gs_mc varchar(100) NOT NULL, hy varchar(50));
      CREATE TABLE yg_yuangong (gh varchar(10) PRIMARY KEY, xm varchar(50) NOT NULL, bm varchar(50));
      CREATE TABLE kh_kehu (kh_bh integer PRIMARY KEY, kh_mc varchar(100), kh_jb varchar(10), gs_bh integer REFERENCES gs_gongsi,
        ywy_gh varchar(10), shouji varchar(40), dianhua varchar(40), yx varchar(100), lr_sj timestamptz NOT NULL, xg_sj timestamptz);
      CREATE TABLE dd_dingdan (dd_id integer PRIMARY KEY, kh integer NOT NULL, dd_hao varchar(30), zt varchar(10), je numeric(12, 2), xd_sj timestamptz);
      CREATE TABLE gt_goutong (id bigint PRIMARY KEY, kh integer NOT NULL, lx varchar(10), sj timestamptz, czy varchar(30), nr text);`);
    for (const [table, rows] of Object.entries(foreignRows(seed))) {
      for (const row of rows) await client.query(`INSERT INTO ${table} VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`, row);
    }
  } finally {
    await client.end();
  }
  return async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => admin.end());
  };
}

/**
 * Creates the same foreign CRM as the database `database` (must not exist) on the test
 * MySQL-compatible server, with MySQL's own types (DATETIME(3) in UTC, DECIMAL, utf8mb4);
 * returns the cleanup.
 */
export async function createForeignCrmMysql(database: string, seed: CrmSeed): Promise<() => Promise<void>> {
  const connection = await mysql.createConnection({ uri: MYSQL_URL, timezone: 'Z', charset: 'utf8mb4', multipleStatements: true });
  try {
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await connection.query(`USE \`${database}\``);
    await connection.query(`
      CREATE TABLE gs_gongsi (gs_bh int PRIMARY KEY, gs_mc varchar(100) NOT NULL, hy varchar(50));
      CREATE TABLE yg_yuangong (gh varchar(10) PRIMARY KEY, xm varchar(50) NOT NULL, bm varchar(50));
      CREATE TABLE kh_kehu (kh_bh int PRIMARY KEY, kh_mc varchar(100), kh_jb varchar(10), gs_bh int REFERENCES gs_gongsi (gs_bh),
        ywy_gh varchar(10), shouji varchar(40), dianhua varchar(40), yx varchar(100), lr_sj datetime(3) NOT NULL, xg_sj datetime(3));
      CREATE TABLE dd_dingdan (dd_id int PRIMARY KEY, kh int NOT NULL, dd_hao varchar(30), zt varchar(10), je decimal(12, 2), xd_sj datetime(3));
      CREATE TABLE gt_goutong (id bigint PRIMARY KEY, kh int NOT NULL, lx varchar(10), sj datetime(3), czy varchar(30), nr text);`);
    for (const [table, rows] of Object.entries(foreignRows(seed))) {
      if (rows.length > 0) await connection.query(`INSERT INTO ${table} VALUES ?`, [rows]);
    }
  } finally {
    await connection.end();
  }
  return async () => {
    const admin = await mysql.createConnection({ uri: MYSQL_URL });
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``).finally(() => admin.end());
  };
}
