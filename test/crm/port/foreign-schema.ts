/**
 * A home-grown CRM's database that looks nothing like Switchboard's, in a throw-away
 * PostgreSQL schema: pinyin-abbreviated tables and columns, integer ids, levels 潜在/意向/成交/流失,
 * Chinese order statuses and activity kinds, phone numbers as free text in two columns of the
 * customer table, the company in a table of its own. `foreignMapping` is the mapping file
 * that describes it (the same as docs/connectors/sql-mapped.md's example).
 */
import pg from 'pg';
import type { SqlMapping } from '../../../subgraphs/crm/source/sql-mapped/mapping.js';
import { sqlMappingSchema } from '../../../subgraphs/crm/source/sql-mapped/mapping.js';
import type { CrmSeed } from '../../../subgraphs/crm/source/records.js';
import { POSTGRES_URL } from '../../support/databases.js';

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

/** Creates the foreign schema `schema` (must not exist) holding `seed`; returns the cleanup. */
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
    let company = 0;
    for (const owner of seed.owners) await client.query('INSERT INTO yg_yuangong VALUES ($1, $2, $3)', [owner.id, owner.name, owner.team]);
    for (const c of seed.customers) {
      let companyId: number | null = null;
      if (c.company) {
        companyId = ++company;
        await client.query('INSERT INTO gs_gongsi VALUES ($1, $2, $3)', [companyId, c.company.name, c.company.industry]);
      }
      const mobile = c.phones.find((p) => p.type === 'MOBILE')?.raw ?? null;
      const landline = c.phones.find((p) => p.type !== 'MOBILE')?.raw ?? null;
      await client.query('INSERT INTO kh_kehu VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
        Number(c.id), c.displayName, LEVEL[c.tier], companyId, c.ownerId, mobile, landline, c.emails[0] ?? null, c.createdAt, c.updatedAt,
      ]);
    }
    for (const o of seed.orders) await client.query('INSERT INTO dd_dingdan VALUES ($1, $2, $3, $4, $5, $6)', [Number(o.id), Number(o.customerId), o.number, STATUS[o.status], o.total, o.placedAt]);
    for (const a of seed.activities) {
      await client.query('INSERT INTO gt_goutong VALUES ($1, $2, $3, $4, $5, $6)', [Number(a.id), Number(a.customerId), a.type === 'NOTE' ? '备注' : '电话', a.at, a.author, a.body]);
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
