/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time,
 * and the share of time spent in garbage collection, idle, and by package. Also runnable on
 * its own: `node --import tsx bench/gateway/profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Time not idle. */
  busyMs: number;
  gcMs: number;
  top: { name: string; where: string; selfMs: number; percentOfBusy: number }[];
  byPackage: { name: string; selfMs: number; percentOfBusy: number }[];
}

/** `node_modules/@apollo/gateway/dist/x.js` → `@apollo/gateway`; project files → their folder. */
function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (match) return match[1]!;
  if (url.startsWith('node:') || url === '') return url === '' ? '(native / V8)' : 'node core';
  const project = /\/(gateway|subgraphs|schema|bench)\//.exec(url);
  return project ? `switchboard ${project[1]}/` : url;
}

function shortUrl(url: string): string {
  const index = url.lastIndexOf('node_modules/');
  if (index >= 0) return url.slice(index + 'node_modules/'.length);
  return url.replace(/^file:\/\/.*?\/(gateway|subgraphs|schema|bench)\//, '$1/');
}

export function summariseProfile(file: string, topCount = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  const byPackage = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let gcUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    if (functionName === '(garbage collector)') gcUs += us;
    const name = functionName || '(anonymous)';
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const pkg = url ? packageOf(url) : name.startsWith('(') ? name : '(native / V8)';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const percent = (us: number) => (busyUs > 0 ? (100 * us) / busyUs : 0);
  return {
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    gcMs: gcUs / 1000,
    top: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topCount)
      .map((entry) => ({ name: entry.name, where: entry.where, selfMs: entry.us / 1000, percentOfBusy: percent(entry.us) })),
    byPackage: [...byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, us]) => ({ name, selfMs: us / 1000, percentOfBusy: percent(us) })),
  };
}

export function profileMarkdown(title: string, summary: ProfileSummary, requests: number): string {
  const lines = [
    `### ${title}`,
    '',
    `Busy ${summary.busyMs.toFixed(0)} ms of ${summary.totalMs.toFixed(0)} ms profiled; ${requests} requests → ${(summary.busyMs / Math.max(1, requests)).toFixed(2)} ms busy per request (profiler overhead included); garbage collection ${summary.gcMs.toFixed(0)} ms (${((100 * summary.gcMs) / Math.max(1, summary.busyMs)).toFixed(1)}% of busy).`,
    '',
    '| # | self ms | % busy | function | where |',
    '|--:|--:|--:|---|---|',
    ...summary.top.map((entry, i) => `| ${i + 1} | ${entry.selfMs.toFixed(0)} | ${entry.percentOfBusy.toFixed(1)} | \`${entry.name}\` | ${entry.where} |`),
    '',
    '| package / area | self ms | % busy |',
    '|---|--:|--:|',
    ...summary.byPackage.map((entry) => `| ${entry.name} | ${entry.selfMs.toFixed(0)} | ${entry.percentOfBusy.toFixed(1)} |`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2]) {
  console.log(profileMarkdown(process.argv[2], summariseProfile(process.argv[2], Number(process.argv[3] ?? 20)), 0));
}
