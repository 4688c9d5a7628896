/**
 * Shared by the CTI write benchmarks (run.ts, webhook.ts): SQLite's own time per statement,
 * recorded by wrapping better-sqlite3's prepared statements in this process.
 */
import SQLite from 'better-sqlite3';

/** Wall time per SQL text of better-sqlite3's statement calls while `recording`. */
export function recordStatements(): { timings: Map<string, { count: number; ms: number }>; setRecording(on: boolean): void } {
  const timings = new Map<string, { count: number; ms: number }>();
  let recording = false;
  const proto = (SQLite as unknown as { prototype: { prepare(sql: string): unknown } }).prototype;
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, text: string) {
    const statement = prepare.call(this, text) as Record<string, (...args: unknown[]) => unknown>;
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    for (const method of ['run', 'all', 'get', 'iterate']) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      statement[method] = function (this: unknown, ...args: unknown[]) {
        if (!recording) return original.apply(this, args);
        const start = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          const entry = timings.get(key) ?? { count: 0, ms: 0 };
          entry.count += 1;
          entry.ms += performance.now() - start;
          timings.set(key, entry);
        }
      };
    }
    return statement;
  };
  return { timings, setRecording: (on) => (recording = on) };
}
