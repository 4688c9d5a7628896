/**
 * The incremental sync of Request Tracker tickets into the local copy, against a real RT 5:
 * killed (SIGKILL) in the middle of a pass, it resumes from its cursor with nothing lost and
 * nothing duplicated; later passes copy what changed, keep the fields Switchboard owns and
 * drop deleted tickets; the ticket reports through the gateway over RT give the figures RT's
 * own data gives; lag and failures show in the Prometheus metrics and `GET /health/sync`.
 * Skips with a note when RT is not installed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { registry } from '../../subgraphs/shared/observability/metrics.js';
import { ticketsSourceConfig } from '../../subgraphs/tickets/source/config.js';
import { openRtTicketsSource } from '../../subgraphs/tickets/source/rt/open.js';
import type { RtTicketSource } from '../../subgraphs/tickets/source/rt/rt-source.js';
import { skipNote } from '../support/skip.js';
import { RT_SKIP_REASON, startRt, type RunningRt } from '../support/rt/rt-server.js';
import { startStack, type Stack } from '../support/stack.js';

/** Tickets made in RT for the test; every 5th is resolved. Priorities cycle LOW, NORMAL, HIGH, URGENT (RT 10, 50, 80, 100). */
const TICKETS = 80;
const RT_PRIORITIES = [10, 50, 80, 100] as const;
const PRIORITY_OF: Record<number, string> = { 10: 'LOW', 50: 'NORMAL', 80: 'HIGH', 100: 'URGENT' };
const PAGE = 2;

interface RtTicket {
  id: string;
  Status: string;
  Priority: string;
  Created: string;
  LastUpdated: string;
  Resolved: string;
}

/** A metric's value for the RT sync's labels in the process's registry (`GET /metrics`). */
async function metric(name: string): Promise<number> {
  const text = await registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes('sync="rt-tickets"') && l.includes('service="tickets"'));
  assert.ok(line, `${name} is exposed:\n${text.split('\n').filter((l) => l.includes('switchboard_sync')).join('\n')}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

if (RT_SKIP_REASON === null) {
  describe('RT ticket sync', () => {
    let rt: RunningRt;
    let dir: string;
    let file: string;
    let source: RtTicketSource;

    const rtFetch = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const response = await fetch(`${rt.url}/REST/2.0${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `token ${rt.token}`, 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      assert.ok(response.ok, `${init.method ?? 'GET'} ${path}: ${response.status} ${await response.clone().text()}`);
      return response.json() as Promise<unknown>;
    };
    /** Every ticket of the queue as RT holds it (not through Switchboard's adapter). */
    const rtTickets = async (): Promise<RtTicket[]> => {
      const params = new URLSearchParams({ query: "Queue = 'Switchboard'", fields: 'Status,Priority,Created,LastUpdated,Resolved', per_page: '100', orderby: 'id' });
      const page = (await rtFetch(`/tickets?${params}`)) as { items: RtTicket[]; total: number };
      assert.equal(page.items.length, page.total, 'one page holds them all');
      return page.items;
    };
    const copyRows = () => {
      const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT id, number, status, priority, requester_id, assigned_by, solved_at FROM tickets ORDER BY id').all() as {
          id: string;
          number: string;
          status: string;
          priority: string;
          requester_id: string | null;
          assigned_by: string | null;
          solved_at: string | null;
        }[];
      } finally {
        db.close();
      }
    };
    const copyCount = () => {
      try {
        return copyRows().length;
      } catch {
        return 0; // the child has not created the copy yet
      }
    };
    /** The copy holds exactly RT's tickets, each once, with RT's status and priority. */
    const assertCopyIsRt = async () => {
      const inRt = await rtTickets();
      const rows = copyRows();
      assert.equal(rows.length, inRt.length, 'as many rows as RT tickets');
      assert.equal(new Set(rows.map((r) => r.number)).size, rows.length, 'no ticket twice');
      const byId = new Map(rows.map((r) => [r.id, r]));
      const statuses: Record<string, string> = { new: 'NEW', open: 'OPEN', stalled: 'PENDING', resolved: 'SOLVED', rejected: 'CLOSED' };
      for (const ticket of inRt) {
        const row = byId.get(`tkt_rt${ticket.id}`);
        assert.ok(row, `RT ticket ${ticket.id} is in the copy`);
        assert.equal(row.status, statuses[ticket.Status], `status of RT-${ticket.id}`);
        assert.equal(row.priority, PRIORITY_OF[Number(ticket.Priority)], `priority of RT-${ticket.id}`);
      }
      return inRt;
    };

    beforeAll(async () => {
      rt = await startRt();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-rt-sync-'));
      file = join(dir, 'tickets.sqlite');
      // Four at a time: RT's standalone server is slow to create one.
      for (let n = 0; n < TICKETS; n += 4) {
        await Promise.all(
          [0, 1, 2, 3].map(async (k) => {
            const i = n + k;
            const created = (await rtFetch('/ticket', {
              method: 'POST',
              body: { Queue: 'Switchboard', Subject: `Synced ${i}`, Requestor: `cus_sync${i % 7}@customers.switchboard.test`, Priority: RT_PRIORITIES[i % 4], Content: 'Made in RT.', ContentType: 'text/plain' },
            })) as { id: string };
            if (i % 5 === 0) await rtFetch(`/ticket/${created.id}`, { method: 'PUT', body: { Status: 'resolved' } });
          }),
        );
      }
    }, 240_000);

    afterAll(async () => {
      await source?.close();
      await rt?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('killed mid-pass, it resumes from its cursor: every ticket copied once, none lost', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/tickets/source/rt/sync-cli.ts'], {
        env: { ...process.env, ...rt.env, TICKETS_DATABASE_URL: '', SWITCHBOARD_DATA_DIR: dir, RT_SYNC_PAGE_SIZE: String(PAGE), RT_SYNC_OVERLAP_SECONDS: '0', LOG_LEVEL: 'silent' },
        stdio: 'pipe',
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Kill it once it has committed a few pages, well before the end.
      for (let waited = 0; copyCount() < 10; waited += 20) {
        assert.ok(waited < 90_000 && child.exitCode === null, `the child sync committed pages: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGKILL');
      assert.equal(await exited, null, `killed, not finished: ${output}`);
      const before = copyCount();
      assert.ok(before >= 10 && before < TICKETS, `killed mid-pass after ${before} of ${TICKETS}`);

      const config = ticketsSourceConfig(rt.env, { driver: 'sqlite', file });
      assert.equal(config.kind, 'rt');
      if (config.kind !== 'rt') return;
      // RT's root may own tickets: the agent `agt_root` stands for it.
      const mapping = { ...config.mapping, agents: { agt_root: 'root' } };
      source = await openRtTicketsSource({ ...config, mapping, sync: { intervalMs: 0, pageSize: PAGE, overlapSeconds: 0 } }, { startSync: false });
      const runner = source.localCopy!.runner;
      const resumedFrom = (await runner.status()).cursor as { updated: string; id: number };
      assert.ok(resumedFrom && typeof resumedFrom.id === 'number', 'the killed pass left a cursor');
      const errorsBefore = await metric('switchboard_sync_errors_total');
      const result = await runner.runNow();
      assert.equal(result.ok, true, result.error);

      const inRt = await assertCopyIsRt();
      assert.equal(inRt.length, TICKETS);
      // Resumed, not restarted: it wrote exactly the tickets at or after the cursor's second.
      const atOrAfter = inRt.filter((t) => t.LastUpdated.slice(0, 19).replace('T', ' ') >= resumedFrom.updated).length;
      assert.equal(result.copied, atOrAfter, `resumed from ${JSON.stringify(resumedFrom)}`);
      assert.ok(result.copied < TICKETS, `copied ${result.copied}, not everything again`);

      // Lag and errors, as Prometheus sees them.
      assert.ok((await metric('switchboard_sync_lag_seconds')) < 60, 'lag under a minute after a complete pass');
      assert.equal(await metric('switchboard_sync_errors_total'), errorsBefore);
      assert.ok((await metric('switchboard_sync_last_success_timestamp_seconds')) > Date.now() / 1000 - 60);
    });

    it('a later pass copies what changed, drops deleted tickets and keeps the fields Switchboard owns', async () => {
      const runner = source.localCopy!.runner;
      const [first, second] = await rtTickets();
      await rtFetch(`/ticket/${first!.id}`, { method: 'PUT', body: { Status: 'open', Priority: 100 } });
      await rtFetch(`/ticket/${second!.id}`, { method: 'PUT', body: { Status: 'deleted' } });
      // Created through Switchboard with an assignee: who assigned it is kept by Switchboard only.
      const created = await source.createTicket({ idempotencyKey: `sync-${randomUUID()}`, requesterId: 'cus_sync1', subject: 'Assigned by a supervisor', priority: 'HIGH', assigneeId: 'agt_root' }, 'usr_supervisor');
      const rtId = created.number.slice(3);
      assert.equal(copyRows().find((r) => r.id === created.id)?.assigned_by, 'usr_supervisor', 'written through at once');
      // Meanwhile in RT: an agent changes its priority (RT owns that field).
      await rtFetch(`/ticket/${rtId}`, { method: 'PUT', body: { Priority: 10 } });

      const result = await runner.runNow();
      assert.equal(result.ok, true, result.error);
      const rows = copyRows();
      assert.equal(rows.find((r) => r.id === `tkt_rt${first!.id}`)?.status, 'OPEN');
      assert.equal(rows.find((r) => r.id === `tkt_rt${first!.id}`)?.priority, 'URGENT');
      assert.equal(rows.find((r) => r.id === `tkt_rt${second!.id}`), undefined, 'the deleted ticket left the copy');
      const mine = rows.find((r) => r.id === created.id);
      // The sync wrote last, yet each field is its owner's: RT's priority, Switchboard's assigner.
      assert.deepEqual([mine?.priority, mine?.assigned_by], ['LOW', 'usr_supervisor']);
      await assertCopyIsRt();
    }, 60_000);

    it('the copy’s reconciliation with RT finds a lost ticket, a missed change and a deleted one, and tells lag from loss', async () => {
      const runner = source.localCopy!.runner;
      assert.equal((await runner.runNow()).ok, true);
      const range = [new Date(Date.now() - 86_400_000).toISOString(), new Date(Date.now() + 3_600_000).toISOString()] as const;
      const inRt = await rtTickets();
      const agreeing = await runner.reconcile(...range);
      assert.deepEqual(
        [agreeing.system, agreeing.sync, agreeing.sourceRecords, agreeing.copyRecords, agreeing.agreementRate, agreeing.differences],
        ['rt', 'rt-tickets', inRt.length, inRt.length, 1, []],
      );

      // Tickets the earlier tests did not touch (a ticket changed in the cursor's second is read again by the next pass).
      const [lost, edited, changed, deleted, assigned] = inRt.slice(10, 15).map((t) => `tkt_rt${t.id}`);
      const copy = new BetterSqlite3(file);
      try {
        copy.prepare('DELETE FROM tickets WHERE id = ?').run(lost);
        copy.prepare("UPDATE tickets SET status = 'CLOSED' WHERE id = ?").run(edited);
        // Switchboard's own field: not RT's to agree with.
        copy.prepare("UPDATE tickets SET assigned_by = 'usr_elsewhere' WHERE id = ?").run(assigned);
      } finally {
        copy.close();
      }
      await rtFetch(`/ticket/${changed!.slice(6)}`, { method: 'PUT', body: { Subject: 'Changed after the last pass' } });
      await rtFetch(`/ticket/${deleted!.slice(6)}`, { method: 'PUT', body: { Status: 'deleted' } });

      const broken = await runner.reconcile(...range);
      const byId = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
      assert.deepEqual(
        broken.differences.map((d) => [d.recordId, d.reason, d.fields, d.pending]),
        [
          [lost, 'MISSING_IN_COPY', [], false],
          [edited, 'FIELDS_DIFFER', ['status'], false],
          [changed, 'FIELDS_DIFFER', ['subject'], true],
          [deleted, 'NOT_IN_SOURCE', [], null],
        ].sort(byId),
      );
      assert.deepEqual([broken.agreeing, broken.agreementRate, broken.pendingDifferences], [inRt.length - 4, (inRt.length - 4) / inRt.length, 1]);

      // The next pass brings the change and drops the deleted ticket; the incremental sync cannot see the rest.
      assert.equal((await runner.runNow()).ok, true);
      const after = await runner.reconcile(...range);
      assert.deepEqual(
        after.differences.map((d) => [d.recordId, d.reason]),
        [
          [lost, 'MISSING_IN_COPY'],
          [edited, 'FIELDS_DIFFER'],
        ].sort(byId),
      );
    }, 60_000);

    it('reports through the gateway over RT give the figures of RT’s own data, with their freshness', async () => {
      const inRt = await rtTickets();
      const changedBefore = Date.now();
      const stack: Stack = await startStack({ customers: 20, ticketsEnv: { ...rt.env, RT_SYNC_INTERVAL_SECONDS: '1', RT_SYNC_PAGE_SIZE: '100' }, subgraphTimeoutMs: 20_000 });
      try {
        const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString(), timeZone: 'UTC' };
        const query = `query($range: TimeRangeInput!) {
          ticketMetrics(range: $range, groupBy: PRIORITY) { asOf totals { created solved backlog } groups { key created solved backlog } }
          ticketMetricsByTier(range: $range) { tier created asOf }
        }`;
        type Answer = {
          ticketMetrics: { asOf: string | null; totals: { created: number; solved: number; backlog: number }; groups: { key: string; created: number; solved: number; backlog: number }[] };
          ticketMetricsByTier: { tier: string | null; created: number; asOf: string | null }[];
        };
        let answer: Awaited<ReturnType<typeof stack.query<Answer>>> | undefined;
        for (let waited = 0; ; waited += 250) {
          answer = await stack.query<Answer>(query, { range });
          const asOf = answer.data?.ticketMetrics?.asOf;
          if (asOf && Date.parse(asOf) > changedBefore) break;
          // Before the first complete pass the reports say so instead of giving partial figures.
          if (!answer.data?.ticketMetrics) assert.equal(answer.errors?.[0]?.extensions?.reason, 'SYNC_PENDING', JSON.stringify(answer.errors));
          assert.ok(waited < 60_000, `the copy caught up: ${JSON.stringify(answer)}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
        const { ticketMetrics, ticketMetricsByTier } = answer.data!;
        // The same figures from RT's data: created = every ticket, solved = resolved or rejected, backlog = the rest.
        const solved = (t: RtTicket) => t.Status === 'resolved' || t.Status === 'rejected';
        assert.deepEqual(ticketMetrics.totals, { created: inRt.length, solved: inRt.filter(solved).length, backlog: inRt.filter((t) => !solved(t)).length });
        const expected = ['HIGH', 'LOW', 'NORMAL', 'URGENT'].map((key) => {
          const group = inRt.filter((t) => PRIORITY_OF[Number(t.Priority)] === key);
          return { key, created: group.length, solved: group.filter(solved).length, backlog: group.filter((t) => !solved(t)).length };
        });
        assert.deepEqual(ticketMetrics.groups, expected);
        // RT keeps no requester tier: every ticket is in the unknown tier.
        assert.deepEqual(ticketMetricsByTier.map((t) => [t.tier, t.created, t.asOf]), [[null, inRt.length, ticketMetrics.asOf]]);
        assert.ok(Date.now() - Date.parse(ticketMetrics.asOf!) < 60_000, 'asOf is recent');

        // The stack's own copy, reconciled with RT through the gateway: every ticket agrees.
        const reconciled = await stack.query<{ ticketCopyReconciliation: { system: string; sourceRecords: number; copyRecords: number; agreementRate: number; differences: unknown[] }[] }>(
          'query($from: DateTime!, $to: DateTime!) { ticketCopyReconciliation(from: $from, to: $to) { system sourceRecords copyRecords agreementRate differences { recordId reason } } }',
          { from: range.from, to: range.to },
        );
        assert.equal(reconciled.errors, undefined, JSON.stringify(reconciled.errors));
        assert.deepEqual(reconciled.data!.ticketCopyReconciliation, [{ system: 'rt', sourceRecords: inRt.length, copyRecords: inRt.length, agreementRate: 1, differences: [] }]);

        const health = (await (await fetch(`${stack.tickets.server.url}/health/sync`)).json()) as { syncs: { name: string; system: string; lagSeconds: number; errors: number }[] };
        // This process runs two RT syncs of the tickets service (the stack's and the test's own source).
        assert.ok(health.syncs.length > 0 && health.syncs.every((s) => s.name === 'rt-tickets' && s.system === 'rt'), JSON.stringify(health));
        assert.ok(health.syncs.some((s) => s.lagSeconds < 60 && s.errors === 0), JSON.stringify(health));
      } finally {
        await stack.close();
      }
    }, 240_000);

    it('counts a failed pass, keeps the cursor, and the lag grows', async () => {
      const runner = source.localCopy!.runner;
      const before = await runner.status();
      const errorsMetric = await metric('switchboard_sync_errors_total');
      await rt.close();
      const result = await runner.runNow();
      assert.equal(result.ok, false);
      assert.match(result.error ?? '', /Request Tracker/);
      const after = await runner.status();
      assert.equal(after.errors, before.errors + 1);
      assert.match(after.lastError ?? '', /Request Tracker at http:\/\/127\.0\.0\.1:\d+ did not answer/);
      assert.deepEqual(after.cursor, before.cursor, 'a failed pass moves nothing');
      assert.equal(after.syncedThrough, before.syncedThrough);
      assert.equal(await metric('switchboard_sync_errors_total'), errorsMetric + 1);
      assert.ok((await metric('switchboard_sync_lag_seconds')) >= (before.lagSeconds ?? 0));
      // The reconciliation cannot compare without RT: it says which system failed.
      await assert.rejects(runner.reconcile(new Date(Date.now() - 3_600_000).toISOString(), new Date().toISOString()), (error: { extensions?: Record<string, unknown> }) => {
        return error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && error.extensions.system === 'rt';
      });
    }, 60_000);
  });
} else {
  describe('RT ticket sync', () => {
    it.skip(skipNote('runs against a real RT', RT_SKIP_REASON), () => undefined);
  });
}
