/**
 * Positions in the call-event stream. Events are published and replayed in the order they
 * were applied: (applied_at, at, id). The cursor is the shared opaque cursor of kind
 * `CallEvent` carrying that position.
 */
import { badUserInput } from '../../../schema/errors.js';
import { decodeCursor, encodeCursor } from '../../shared/pagination.js';

export const CALL_EVENT_CURSOR = 'CallEvent';

export interface StreamPosition {
  appliedAt: string;
  at: string;
  id: string;
}

/** Before every event: where `callEventsCursor` points while no event was applied yet. */
export const START_OF_STREAM: StreamPosition = { appliedAt: '1970-01-01T00:00:00.000Z', at: '1970-01-01T00:00:00.000Z', id: '' };

export function encodeEventCursor(position: StreamPosition): string {
  return encodeCursor(CALL_EVENT_CURSOR, { key: `${position.appliedAt}|${position.at}`, id: position.id });
}

export function decodeEventCursor(cursor: string): StreamPosition {
  const { key, id } = decodeCursor(CALL_EVENT_CURSOR, cursor);
  const [appliedAt, at] = key.split('|');
  if (!appliedAt || !at || Number.isNaN(Date.parse(appliedAt))) {
    throw badUserInput(`The cursor ${JSON.stringify(cursor)} is not a cursor of this list.`, { argumentName: 'after' });
  }
  return { appliedAt, at, id };
}
