import { loadavg } from 'node:os';

/** Output helpers shared by the benchmarks: lines, progress bars and percentiles. */
export const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const pct = (sorted: number[], p: number) =>
  Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN).toFixed(1),
  );

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const summary = (ms: number[]): Summary => {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    max: Number((sorted.at(-1) ?? NaN).toFixed(1)),
  };
};

export const progress = (label: string, done: number, total: number): void => {
  process.stdout.write(
    `\r${label} ${'█'.repeat(Math.round((20 * done) / Math.max(total, 1))).padEnd(20, '░')} ${done}/${total}`,
  );
};

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export const load = (): [number, number, number] =>
  loadavg().map((l) => Number(l.toFixed(2))) as [number, number, number];

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
