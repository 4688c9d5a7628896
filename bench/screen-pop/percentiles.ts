/** Nearest-rank percentiles of a list of durations (ms), as the benchmarks report them. */

export interface Distribution {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/** The smallest value with at least `p`% of the values at or below it; null for no values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
    mean: round(sorted.length === 0 ? null : sorted.reduce((sum, v) => sum + v, 0) / sorted.length),
  };
}

/** A number for a table cell: fixed decimals, or `-`. */
export function cell(value: number | null | undefined, decimals = 1): string {
  return value === null || value === undefined ? '-' : value.toFixed(decimals);
}

/** A plain-text table with columns padded to their widest cell; numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((text, i) => (i > 0 && /^[-\d.,%]+( ms| MB)?$/.test(text) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
