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

/**
 * A progress bar, redrawn in place on a terminal; into a file or a CI log, a line only when
 * it has grown by a twentieth (a bar redrawn for each of 10 000 stays, or on every poll of a
 * count, would be the whole log).
 */
const drawn = new Map<string, { done: number; filled: number }>();
export const progress = (label: string, done: number, total: number): void => {
  const filled = Math.round((20 * done) / Math.max(total, 1));
  const bar = `${label} ${'█'.repeat(filled).padEnd(20, '░')} ${done}/${total}`;
  if (process.stdout.isTTY) return void process.stdout.write(`\r${bar}`);
  const last = drawn.get(label);
  const again = last !== undefined && done >= last.done; // the same run, not a new one
  if (again && (done === last.done || (filled <= last.filled && done !== total))) return;
  drawn.set(label, { done, filled });
  process.stdout.write(`${bar}\n`);
};

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
export const load = (): [number, number, number] =>
  loadavg().map((l) => Number(l.toFixed(2))) as [number, number, number];

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
