/** HOUR and DAY buckets in a time zone: local boundaries, DST days of 23 and 25 hours, clipped to the range. */
import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { timeBuckets } from '../../subgraphs/shared/reporting/time-buckets.js';
import { parseTimeRange } from '../../subgraphs/shared/reporting/time-range.js';

const buckets = (from: string, to: string, timeZone: string, unit: 'HOUR' | 'DAY') =>
  timeBuckets(parseTimeRange({ from, to, timeZone }), unit).map(({ key, start, end }) => [key, start, end]);

describe('time buckets', () => {
  it('cuts local days and clips the first and last to the range', () => {
    assert.deepEqual(buckets('2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z', 'Asia/Shanghai', 'DAY'), [
      ['2026-10-31T00:00:00+08:00', '2026-10-31T00:00:00.000Z', '2026-10-31T16:00:00.000Z'],
      ['2026-11-01T00:00:00+08:00', '2026-10-31T16:00:00.000Z', '2026-11-01T16:00:00.000Z'],
      ['2026-11-02T00:00:00+08:00', '2026-11-01T16:00:00.000Z', '2026-11-02T00:00:00.000Z'],
    ]);
  });

  it('has a 23-hour day and skips the missing hour when clocks go forward', () => {
    assert.deepEqual(buckets('2026-03-08T05:00:00Z', '2026-03-10T04:00:00Z', 'America/New_York', 'DAY'), [
      ['2026-03-08T00:00:00-05:00', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      ['2026-03-09T00:00:00-04:00', '2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z'],
    ]);
    assert.deepEqual(buckets('2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z', 'America/New_York', 'HOUR').map(([key]) => key), [
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:00:00-04:00',
    ]);
  });

  it('has a 25-hour day and the repeated hour twice when clocks go back', () => {
    assert.deepEqual(buckets('2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 'America/New_York', 'DAY'), [
      ['2026-11-01T00:00:00-04:00', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
    ]);
    assert.deepEqual(buckets('2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z', 'America/New_York', 'HOUR').map(([key]) => key), [
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
    ]);
  });

  it('follows zones with half-hour offsets', () => {
    assert.deepEqual(buckets('2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z', 'Asia/Kolkata', 'HOUR'), [
      ['2026-01-01T05:00:00+05:30', '2026-01-01T00:00:00.000Z', '2026-01-01T00:30:00.000Z'],
      ['2026-01-01T06:00:00+05:30', '2026-01-01T00:30:00.000Z', '2026-01-01T01:00:00.000Z'],
    ]);
  });

  it('covers a year of days in the zone, leap-free and DST-correct', () => {
    const days = buckets('2026-01-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00', 'Europe/Berlin', 'DAY');
    assert.equal(days.length, 365);
    assert.ok(days.every(([key]) => /T00:00:00\+0[12]:00$/.test(key ?? '')));
  });
});
