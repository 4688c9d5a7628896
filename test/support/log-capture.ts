/**
 * Reads what the servers of a test log: replaces the process's root logger with one that
 * keeps every JSON line (at `info` and above) until `restore()`.
 */
import { Writable } from 'node:stream';
import { createLogger, setRootLogger } from '../../subgraphs/shared/observability/logger.js';

export interface CapturedLogs {
  /** Every record written so far, parsed. */
  lines: Record<string, unknown>[];
  /** The raw text of every line, to search for what must never be there. */
  raw: string[];
  /** Back to the environment's logger. */
  restore(): void;
}

export function captureLogs(level = 'info'): CapturedLogs {
  const captured: CapturedLogs = {
    lines: [],
    raw: [],
    restore: () => setRootLogger(createLogger({ level: process.env.LOG_LEVEL || 'info' })),
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        captured.raw.push(line);
        captured.lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  setRootLogger(createLogger({ level, destination: sink }));
  return captured;
}
