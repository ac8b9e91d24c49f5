import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { loadConfig } from '@app/config';
import { stayDataConverter } from '@app/temporal';
import { openStays } from './open-stays';
import { measureOverdueLatency, type OverdueLatency } from './overdue-latency';
import { load, log, progress } from './report';
import { MeasuredWorker } from './worker-memory';

const HOUR = 3_600_000;

export interface WorkerRss {
  /** After start-up (workflow bundle built), before any stay. */
  idleMB: number;
  /** With the open stays, after settling: the median of the last half of the settle time. */
  steadyMB: number;
  /** After benchmark 4 (when it ran), still holding every stay. */
  afterOverdueMB?: number;
  /** The process's high-water mark (VmHWM) over the whole run, start-up included. */
  peakMB: number;
  openStays: number;
  openedPerSecond: number;
  /** RSS while the stays were being opened, every 1 000 stays. */
  growth: { stays: number; rssMB: number }[];
  command: string;
  settleSeconds: number;
  /** The worker's own settings from the environment it was started with (unset: default). */
  workerEnv: Record<string, string>;
  load: { before: number[]; after: number[] };
  target: string;
}

/**
 * Benchmarks 4 and 5 share their set-up: the worker app as its own OS process on its own
 * task queue, holding `openStays` open stays that each sleep on deadline timers.
 */
export async function runOpenStayBenchmarks(options: {
  temporalAddress: string;
  taskQueue: string;
  openStays: number;
  settleSeconds: number;
  dueSample: number;
  dueWindowSeconds: number;
  overdue: boolean;
}): Promise<{ workerRss: WorkerRss; overdueDetection?: OverdueLatency }> {
  const config = loadConfig();
  const before = load();
  const worker = await MeasuredWorker.start(process.env, options.taskQueue);
  const client = new Client({
    connection: await Connection.connect({ address: options.temporalAddress }),
    dataConverter: stayDataConverter(config),
  });
  const pg = new PgClient({ connectionString: config.DATABASE_URL });
  await pg.connect();
  try {
    const idle = worker.sample();
    log(`   worker pid ${worker.pid}, ${idle.rssMB} MB after start-up (peak ${idle.peakMB} MB)`);
    const now = Date.now();
    const started = Date.now();
    const growth: { stays: number; rssMB: number }[] = [];
    // Admitted 1–12 h ago, assessed 30 min later: every deadline is hours away, so each
    // stay sleeps on its timers (due times, reminders, escalations) throughout the run.
    const opened = await openStays({
      client,
      pg,
      config,
      taskQueue: options.taskQueue,
      count: options.openStays,
      times: (i) => {
        const admittedAt = new Date(now - HOUR - ((i * 7919) % 11) * HOUR - (i % 60) * 60_000);
        return { admittedAt, assessedAt: new Date(admittedAt.getTime() + HOUR / 2) };
      },
      onProgress: (done, total) => {
        progress('   opening stays', done, total);
        if (done % 1000 === 0) growth.push({ stays: done, rssMB: worker.sample().rssMB });
      },
    });
    const openedPerSecond = Number(
      (options.openStays / ((Date.now() - started) / 1000)).toFixed(1),
    );
    log(`\n   ${openedPerSecond} stays/s opened; settling for ${options.settleSeconds} s…`);
    const steadyMB = await worker.settle(options.settleSeconds);
    log(`   steady RSS ${steadyMB} MB`);
    let overdueDetection: OverdueLatency | undefined;
    let afterOverdueMB: number | undefined;
    if (options.overdue) {
      log(
        `   ${options.dueSample} more stays falling due over ${options.dueWindowSeconds} s, polled every 50 ms…`,
      );
      overdueDetection = await measureOverdueLatency({
        client,
        pg,
        config,
        taskQueue: options.taskQueue,
        sample: options.dueSample,
        windowSeconds: options.dueWindowSeconds,
        openRate: openedPerSecond,
        cachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
        others: opened.map((s) => s.stayId),
      });
      afterOverdueMB = worker.sample().rssMB;
      process.stdout.write('\n');
    }
    const problems = worker.problems();
    if (problems.length > 0) log(`   worker warnings:\n${problems.join('\n')}`);
    return {
      workerRss: {
        idleMB: idle.rssMB,
        steadyMB,
        ...(afterOverdueMB === undefined ? {} : { afterOverdueMB }),
        peakMB: worker.sample().peakMB,
        openStays: options.openStays,
        openedPerSecond,
        growth,
        command: worker.command,
        settleSeconds: options.settleSeconds,
        workerEnv: Object.fromEntries(
          Object.entries(process.env).filter(
            (e): e is [string, string] => e[0].startsWith('WORKER_') && e[1] !== undefined,
          ),
        ),
        load: { before, after: load() },
        target: '≤ 300 MB',
      },
      ...(overdueDetection ? { overdueDetection } : {}),
    };
  } finally {
    await pg.end();
    await client.connection.close();
    await worker.stop();
  }
}
