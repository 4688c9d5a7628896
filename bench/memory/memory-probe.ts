/**
 * Preloaded into each process of the memory benchmark (`node --expose-gc --import
 * ./bench/memory/memory-probe.ts …`): on SIGUSR2 it runs a full garbage collection and writes
 * `process.memoryUsage()` after it, with a sequence number, to
 * `$BENCH_MEMORY_DIR/<pid>.json`. So the runner reads what the process keeps alive, not
 * garbage waiting for the next collection.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_MEMORY_DIR;
const gc = (globalThis as { gc?: () => void }).gc;
if (dir) {
  if (!gc) throw new Error('memory-probe: start node with --expose-gc');
  let sequence = 0;
  process.on('SIGUSR2', () => {
    gc();
    gc();
    sequence += 1;
    const file = join(dir, `${process.pid}.json`);
    writeFileSync(`${file}.partial`, JSON.stringify({ sequence, ...process.memoryUsage() }));
    renameSync(`${file}.partial`, file);
  });
}
