/**
 * The change-event outbox's HTTP interface, for the gateway's webhook dispatcher only:
 * `POST /internal/change-events/claim` `{ owner, limit, leaseMs }` → `{ events }` and
 * `POST /internal/change-events/ack` `{ owner, ids }` → `{ acknowledged }`. Like GraphQL, they
 * need the gateway's internal token (the server's guard), and besides the token's viewer must
 * be the dispatcher's (`DISPATCHER_SUBJECT`): a token minted for a person's request is refused (403).
 * Bad bodies are 400. Not part of the graph: no client can reach them through the gateway.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type Route } from '../http.js';
import { InternalTokenVerifier } from '../internal-token.js';
import type { ChangeEventOutbox } from './outbox.js';

const RETENTION_MS = 7 * 24 * 3600_000;
const PURGE_EVERY_MS = 3600_000;

/** The internal token subject the gateway's webhook dispatcher signs with. */
export const DISPATCHER_SUBJECT = 'system:webhook-dispatcher';

type Parse<T> = (body: Record<string, unknown>) => T;

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new Error(`\`${name}\` must be a string of 1-200 characters`);
  return value;
}

function whole(value: unknown, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw new Error(`\`${name}\` must be a whole number from ${min} to ${max}`);
  return value as number;
}

const claimBody: Parse<{ owner: string; limit: number; leaseMs: number }> = (b) => ({
  owner: text(b.owner, 'owner'),
  limit: whole(b.limit, 'limit', 1, 500),
  leaseMs: whole(b.leaseMs, 'leaseMs', 1000, 600_000),
});

const ackBody: Parse<{ owner: string; ids: string[] }> = (b) => {
  if (!Array.isArray(b.ids) || b.ids.length > 500) throw new Error('`ids` must be a list of at most 500 ids');
  return { owner: text(b.owner, 'owner'), ids: b.ids.map((id) => text(id, 'ids[]')) };
};

export function changeEventRoutes(outbox: ChangeEventOutbox): Record<string, Route> {
  const tokens = new InternalTokenVerifier();
  let lastPurge = 0;
  const handle =
    <T>(parse: Parse<T>, run: (body: T) => Promise<unknown>): Route =>
    async (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
      const viewer = await tokens.verify(req.headers.authorization);
      if (viewer?.subject !== DISPATCHER_SUBJECT || viewer.kind !== 'service') {
        sendJson(res, 403, { error: 'Only the webhook dispatcher reads the change-event outbox.' });
        return;
      }
      let parsed: T;
      try {
        const body: unknown = JSON.parse(raw.toString('utf8'));
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not a JSON object');
        parsed = parse(body as Record<string, unknown>);
      } catch (error) {
        sendJson(res, 400, { error: `Bad request body: ${(error as Error).message}` });
        return;
      }
      sendJson(res, 200, await run(parsed));
    };
  return {
    'POST /internal/change-events/claim': handle(claimBody, async ({ owner, limit, leaseMs }) => ({ events: await outbox.claim(owner, limit, leaseMs) })),
    'POST /internal/change-events/ack': handle(ackBody, async ({ owner, ids }) => {
      const acknowledged = await outbox.acknowledge(owner, ids);
      // Acknowledged events are kept a week for support, then purged (at most one sweep an hour).
      if (Date.now() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = Date.now();
        await outbox.purgeDone(new Date(Date.now() - RETENTION_MS));
      }
      return { acknowledged };
    }),
  };
}
