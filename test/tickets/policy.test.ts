/** The workflow and SLA modules on their own: they must say what the SDL says. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parse, type EnumTypeDefinitionNode } from 'graphql';
import { schemaPath } from '../../subgraphs/shared/subgraph-server.js';
import { isSlaBreached, nextSlaDueAt, SLA_POLICY, slaState, targetMissed } from '../../subgraphs/tickets/source/sla.js';
import type { TicketRecord } from '../../subgraphs/tickets/source/records.js';
import { ALLOWED_TRANSITIONS, assertTransition, canTransition } from '../../subgraphs/tickets/source/transitions.js';


describe('ticket workflow', () => {
  it('is exactly the table in the SDL description of TicketStatus', () => {
    const document = parse(readFileSync(schemaPath('tickets'), 'utf8'));
    const statusEnum = document.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === 'EnumTypeDefinition' && d.name.value === 'TicketStatus');
    const text = statusEnum?.description?.value.replace(/\s+/g, ' ') ?? '';
    const fromSdl: Record<string, string[]> = {};
    for (const [, from, targets] of text.matchAll(/([A-Z]+) → ([A-Z, ]+);/g)) fromSdl[from!] = targets!.split(',').map((s) => s.trim());
    assert.match(text, /CLOSED is final/);
    fromSdl.CLOSED = [];
    assert.deepEqual(ALLOWED_TRANSITIONS, fromSdl);
    assert.deepEqual(Object.keys(ALLOWED_TRANSITIONS).sort(), statusEnum?.values?.map((v) => v.name.value).sort());
  });

  it('refuses a move with a message naming from, to and the allowed targets', () => {
    assert.equal(canTransition('SOLVED', 'OPEN'), true);
    assert.equal(canTransition('OPEN', 'OPEN'), false);
    assert.throws(() => assertTransition('SOLVED', 'HOLD'), (error: Error & { extensions?: Record<string, unknown> }) => {
      assert.equal(error.message, 'A ticket cannot move from SOLVED to HOLD; from SOLVED it can move to OPEN, CLOSED.');
      assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
      return true;
    });
    assert.throws(() => assertTransition('CLOSED', 'OPEN'), /CLOSED is final/);
  });
});

describe('SLA policy', () => {
  const base: Pick<TicketRecord, 'priority' | 'createdAt' | 'firstRespondedAt' | 'solvedAt' | 'slaBreached'> = {
    priority: 'URGENT',
    createdAt: '2025-01-01T00:00:00.000Z',
    firstRespondedAt: null,
    solvedAt: null,
    slaBreached: false,
  };

  it('has first-reply and resolution targets per priority', () => {
    assert.deepEqual(SLA_POLICY, {
      URGENT: { firstReplyHours: 1, resolutionHours: 4 },
      HIGH: { firstReplyHours: 4, resolutionHours: 24 },
      NORMAL: { firstReplyHours: 24, resolutionHours: 72 },
      LOW: { firstReplyHours: 72, resolutionHours: 168 },
    });
  });

  it('is due at the next target not yet met', () => {
    assert.equal(nextSlaDueAt(base), '2025-01-01T01:00:00.000Z');
    assert.equal(nextSlaDueAt({ ...base, firstRespondedAt: '2025-01-01T00:10:00.000Z' }), '2025-01-01T04:00:00.000Z');
    assert.equal(nextSlaDueAt({ ...base, priority: 'LOW', firstRespondedAt: '2025-01-01T00:10:00.000Z' }), '2025-01-08T00:00:00.000Z');
    assert.equal(nextSlaDueAt({ ...base, solvedAt: '2025-01-01T00:30:00.000Z' }), null);
  });

  it('is breached when a target was missed, and stays breached', () => {
    assert.equal(targetMissed(base, '2025-01-01T00:59:59.000Z'), false);
    assert.equal(targetMissed(base, '2025-01-01T01:00:01.000Z'), true);
    assert.equal(targetMissed({ ...base, firstRespondedAt: '2025-01-01T00:30:00.000Z' }, '2025-01-01T03:00:00.000Z'), false);
    assert.equal(targetMissed({ ...base, firstRespondedAt: '2025-01-01T00:30:00.000Z', solvedAt: '2025-01-01T05:00:00.000Z' }, '2025-01-02T00:00:00.000Z'), true);
    assert.equal(targetMissed({ ...base, firstRespondedAt: '2025-01-01T02:00:00.000Z', solvedAt: '2025-01-01T03:00:00.000Z' }, '2025-01-02T00:00:00.000Z'), true);
    assert.deepEqual(slaState({ ...base, slaBreached: true, firstRespondedAt: '2025-01-01T00:30:00.000Z' }, '2025-01-01T00:40:00.000Z'), {
      slaDueAt: '2025-01-01T04:00:00.000Z',
      slaBreached: true,
    });
    assert.equal(isSlaBreached({ slaBreached: false, slaDueAt: '2025-01-01T01:00:00.000Z' }, '2025-01-01T00:59:00.000Z'), false);
    assert.equal(isSlaBreached({ slaBreached: false, slaDueAt: '2025-01-01T01:00:00.000Z' }, '2025-01-01T01:01:00.000Z'), true);
    assert.equal(isSlaBreached({ slaBreached: true, slaDueAt: null }, '2025-01-01T00:00:00.000Z'), true);
  });
});
