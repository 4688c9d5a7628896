/**
 * Ids for records created at run time that sort in creation order: `<prefix>_<32 hex digits>`,
 * the first 12 digits the creation time in milliseconds since the epoch, the next 4 a counter
 * that orders the ids one process makes within one millisecond, the last 16 random (the
 * layout of a UUIDv7, RFC 9562 §5.7, without its version and variant bits).
 *
 * Lists that page newest first order by time and then by id; with random ids, two records of
 * the same millisecond (a status set twice in a row, two notes) came back in either order.
 * Ids made by different processes in the same millisecond still order by their random part.
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/** A new id `<prefix>_<32 hex digits>`, greater than every earlier one of this process. */
export function timeOrderedId(prefix: string, now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else {
    sequence += 1;
    if (sequence > 0xffff) {
      // More than 65,536 ids in one millisecond: borrow the next one.
      lastMs += 1;
      sequence = 0;
    }
  }
  return `${prefix}_${lastMs.toString(16).padStart(12, '0')}${sequence.toString(16).padStart(4, '0')}${randomBytes(8).toString('hex')}`;
}
