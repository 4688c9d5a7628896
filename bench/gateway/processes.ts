/**
 * The benchmark's child processes: spawning them with a log file each, finding free
 * ports, waiting until they answer, reading their CPU time and peak memory from `/proc`,
 * and stopping every one of them (also when the run fails or is interrupted).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  logFile: string;
  /** Set once the process has exited, with how. */
  exited: string | null;
}

const children: Child[] = [];

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ; 100 on every Linux we run on). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Starts `node <args>` with `env`, its output appended to `logFile`. */
export function startNode(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd: string): Child {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${name} (node ${args.join(' ')})`);
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const entry: Child = { name, process: child, pid: child.pid, logFile, exited: null };
  child.once('exit', (code, signal) => {
    entry.exited = signal ?? `code ${code}`;
  });
  children.push(entry);
  return entry;
}

/** Stops one child: SIGTERM, then SIGKILL after `graceMs`. */
export function stopChild(child: Child, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exited !== null || child.process.exitCode !== null || child.process.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
    child.process.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.process.kill('SIGTERM');
  });
}

/** Stops every child this module started that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all(children.map((child) => stopChild(child)));
}

/** Last resort on process exit: no child may outlive the runner. */
process.once('exit', () => {
  for (const child of children) {
    if (child.exited === null && child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  }
});

/** A port that was free a moment ago (the OS picks it; nothing else on this machine races us for it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Waits until `url` answers 2xx; fails early when `child` exits, with the end of its log. */
export async function waitForHttp(child: Child, url: string, timeoutMs: number, init?: RequestInit): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited !== null) throw new Error(`${child.name} exited (${child.exited}) before answering on ${url}.\n${tail(child.logFile)}`);
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${child.name} did not answer on ${url} within ${timeoutMs / 1000} s.\n${tail(child.logFile)}`);
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).map((line) => `    | ${line}`).join('\n');
  } catch {
    return '    (no log)';
  }
}

/**
 * The pids of `pid` and every process below it (a cluster primary's workers), from
 * `/proc/<pid>/task/<tid>/children`; processes that ended meanwhile are left out.
 */
export function processTree(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i += 1) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${found[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${found[i]}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) if (child) found.push(Number(child));
      } catch {
        // the task ended
      }
    }
  }
  return found;
}

/** `read(each)` summed over `pid` and every process below it (`processTree`); a process that ended meanwhile counts 0. */
function sumOverTree(pid: number, read: (pid: number) => number): number {
  return processTree(pid).reduce((sum, each) => {
    try {
      return sum + read(each);
    } catch {
      return sum;
    }
  }, 0);
}

/** User + system CPU time (ms) used so far by `pid` and every process below it (`processTree`); 0 for any that ended meanwhile. */
export function treeCpuMs(pid: number): number {
  return sumOverTree(pid, cpuMs);
}

/** Peak resident memory (`VmHWM`, MB) of `pid` and every process below it, summed: for a cluster, each worker's peak added up (an upper bound of the total at any moment). */
export function treePeakRssMb(pid: number): number {
  return sumOverTree(pid, peakRssMb);
}

/** User + system CPU time the process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const { userMs, kernelMs } = cpuTimes(pid);
  return userMs + kernelMs;
}

/** The process's CPU time so far (ms), in its own code (`utime`) and in the kernel on its behalf (`stime`: system calls such as socket writes). */
export function cpuTimes(pid: number): { userMs: number; kernelMs: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { userMs: (Number(fields[11]) * 1000) / CLOCK_TICKS_PER_SECOND, kernelMs: (Number(fields[12]) * 1000) / CLOCK_TICKS_PER_SECOND };
}

/** `cpuTimes` summed over `pid` and every process below it, each read once (user and kernel time of the same instant); 0 for any that ended meanwhile. */
export function treeCpuTimes(pid: number): { userMs: number; kernelMs: number } {
  const total = { userMs: 0, kernelMs: 0 };
  for (const each of processTree(pid)) {
    try {
      const { userMs, kernelMs } = cpuTimes(each);
      total.userMs += userMs;
      total.kernelMs += kernelMs;
    } catch {
      // the process ended
    }
  }
  return total;
}

/** The whole machine's CPU time so far (all cores, from `/proc/stat`), busy and total, in milliseconds. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: ((total - idle) * 1000) / CLOCK_TICKS_PER_SECOND, total: (total * 1000) / CLOCK_TICKS_PER_SECOND };
}

/** Peak resident set size so far (`VmHWM`), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Current resident set size (`VmRSS`), in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/** Runs `node <args>` to completion and returns its stdout; rejects with its stderr on failure. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const entry: Child = { name: `node ${args.join(' ')}`, process: child, pid: child.pid ?? 0, logFile: '', exited: null };
    children.push(entry);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      entry.exited = signal ?? `code ${code}`;
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`node ${args.join(' ')} failed (${signal ?? `code ${code}`}):\n${err.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
}
