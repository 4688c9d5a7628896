/**
 * CPU and memory of benchmark processes from `/proc` (Linux): a sampler that reads each
 * process every `intervalMs` and, per measurement window, reports the average CPU (100% =
 * one core), the busiest one-second CPU, and the peak resident memory seen in the window.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ; 100 on Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU time the process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces: count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/** Resident memory now, in MB. */
export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS') / 1024;
/** Peak resident memory over the process's life (`VmHWM`), in MB. */
export const lifetimePeakRssMb = (pid: number): number => statusKb(pid, 'VmHWM') / 1024;

export interface UsageWindow {
  seconds: number;
  /** Average CPU over the window, percent of one core. */
  cpuAvgPct: number;
  /** The busiest one-second stretch of the window, percent of one core. */
  cpuPeakPct: number;
  /** Highest resident memory sampled in the window, MB. */
  rssPeakMb: number;
  rssEndMb: number;
  /** CPU time (user + system) the process used in the window, ms: unlike the percentages, not disturbed by other work on the machine. */
  cpuMs: number;
}

interface Sample {
  at: number;
  cpu: number;
  rss: number;
}

/** Samples processes by name; `window(name)` opens a measurement window, its `end()` summarises it. */
export class UsageSampler {
  private readonly samples = new Map<string, Sample[]>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: Record<string, number>,
    intervalMs = 100,
  ) {
    for (const name of Object.keys(pids)) this.samples.set(name, []);
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    const at = performance.now();
    for (const [name, pid] of Object.entries(this.pids)) {
      try {
        this.samples.get(name)!.push({ at, cpu: cpuMs(pid), rss: rssMb(pid) });
      } catch {
        // the process is gone; its window ends with what was sampled
      }
    }
  }

  /** Opens a window over every sampled process; `end()` returns each one's usage in it. */
  window(): { end(): Record<string, UsageWindow> } {
    this.sample();
    const from = performance.now();
    return {
      end: () => {
        this.sample();
        const result: Record<string, UsageWindow> = {};
        for (const [name, all] of this.samples) {
          const inWindow = all.filter((s) => s.at >= from - 1);
          const first = inWindow[0];
          const last = inWindow.at(-1);
          if (!first || !last || last.at <= first.at) continue;
          let peak = 0;
          for (let i = 0, j = 0; i < inWindow.length; i++) {
            // The one-second stretch ending at sample i.
            while (inWindow[i]!.at - inWindow[j]!.at > 1000) j++;
            const span = inWindow[i]!.at - inWindow[j]!.at;
            if (span >= 900) peak = Math.max(peak, ((inWindow[i]!.cpu - inWindow[j]!.cpu) / span) * 100);
          }
          result[name] = {
            seconds: (last.at - first.at) / 1000,
            cpuAvgPct: ((last.cpu - first.cpu) / (last.at - first.at)) * 100,
            cpuPeakPct: peak,
            rssPeakMb: Math.max(...inWindow.map((s) => s.rss)),
            rssEndMb: last.rss,
            cpuMs: last.cpu - first.cpu,
          };
        }
        return result;
      },
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The machine, for the record: cores, memory, Node, and how busy it is (1/5/15-minute load averages). */
export function machine(): { description: string; loadAverage: number[]; busy: boolean } {
  const cores = cpus().length;
  const loadAverage = loadavg().map((n) => Math.round(n * 100) / 100);
  return {
    description: `${cores} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`,
    loadAverage,
    busy: loadAverage[0]! > cores * 0.5,
  };
}
