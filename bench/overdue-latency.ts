import type { Client } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import type { AppConfig } from '@app/config';
import { stayStateQuery, stayWorkflowId } from '@app/workflows';
import { openStays } from './open-stays';
import { load, progress, sleep, summary, type Summary } from './report';

const HOUR = 3_600_000;
const POLL_MS = 50;
/** Sample stays opened per second, at most, with 8 in flight (for the lead time). */
const SAMPLE_RATE = 6;

export interface OverdueLatency {
  /** Due time → overdue flag and automatic deviation both seen by a poll of PostgreSQL. */
  visible: Summary;
  /** Due time → the deviation's recorded_at (written by the projection, no poll in it). */
  recorded: Summary;
  /** Due time → the task row's updated_at (the overdue projection), a part of `recorded`. */
  taskProjected: Summary;
  sample: number;
  windowSeconds: number;
  dueRatePerSecond: number;
  /** Due time → the workflow's timer fired (from the histories): how late Temporal woke it. */
  timerFired: Summary;
  /** How long the workflow task ran that started that timer (its start is the timer's zero). */
  timerSetByTaskOf: Summary;
  /** Stays whose needs assessment reached the workflow only after its due time (left out). */
  lateSetUp: number;
  /** Stays not seen overdue within 30 s of the last due time. */
  missing: number;
  pollMs: number;
  /** Other stays queried after the sample was opened, to push the sample out of the cache. */
  queriedToEvict: number;
  cachedWorkflows: number;
  load: { before: number[]; after: number[] };
  target: string;
}

/**
 * Benchmark 4. While the worker holds its open stays, `sample` more stays are opened whose
 * inskrivningsmeddelande (due 24 h after the needs assessment's occurredAt) falls due spread
 * evenly over `windowSeconds`, starting once they all exist. PostgreSQL is polled every 50 ms
 * for each task's overdue flag and its automatic deviation; the figure is when both were
 * visible minus the task's due time. Before they fall due, as many other stays as the worker
 * caches are queried, so the sample's workflows are out of its cache when their timers fire,
 * as they are in production when a deadline comes 24 h after its event: each is replayed.
 */
export async function measureOverdueLatency(options: {
  client: Client;
  pg: PgClient;
  config: AppConfig;
  taskQueue: string;
  sample: number;
  windowSeconds: number;
  /** Stays per second the generator managed, to leave enough time to open the sample. */
  openRate: number;
  /** The worker's WORKER_MAX_CACHED_WORKFLOWS, and open stays that are not in the sample. */
  cachedWorkflows: number;
  others: string[];
}): Promise<OverdueLatency> {
  const { sample, windowSeconds, pg } = options;
  const before = load();
  const evict = options.others.slice(0, options.cachedWorkflows);
  // Opened 8 at a time (as benchmark 3 admits): a timer is set relative to the start of the
  // workflow task that sets it, so a burst of set-up work would make the timers fire late.
  const rate = Math.max(options.openRate, 1);
  const leadMs =
    Math.ceil(1.5 * (sample / Math.min(rate, SAMPLE_RATE) + evict.length / rate)) * 1000 + 10_000;
  const firstDue = Date.now() + leadMs;
  const spacing = (windowSeconds * 1000) / sample;
  const dueOf = (i: number) => firstDue + Math.round(i * spacing);
  const opened = await openStays({
    ...options,
    count: sample,
    concurrency: 8,
    times: (i) => {
      const assessedAt = new Date(dueOf(i) - 24 * HOUR);
      return { admittedAt: new Date(assessedAt.getTime() - HOUR), assessedAt };
    },
    onProgress: (done, total) => progress('   opening due sample', done, total),
  });
  let next = 0;
  let queried = 0;
  process.stdout.write('\n');
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let id = evict[next++]; id; id = evict[next++]) {
        await options.client.workflow.getHandle(stayWorkflowId(id)).query(stayStateQuery);
        queried += 1;
        progress('   evicting from cache', queried, evict.length);
      }
    }),
  );
  const waiting = new Map(opened.map((s) => [s.stayId, s.assessedBy]));
  const visible: number[] = [];
  const dueAt = new Map<string, number>();
  const recorded: number[] = [];
  const taskProjected: number[] = [];
  let lateSetUp = 0;
  const lastDue = dueOf(sample - 1);
  process.stdout.write('\n');
  while (waiting.size > 0 && Date.now() < lastDue + 30_000) {
    const polledAt = Date.now();
    const { rows } = await pg.query<{
      stay_id: string;
      due_at: Date;
      updated_at: Date;
      recorded_at: Date;
    }>(
      `SELECT t.stay_id, t.due_at, t.updated_at, d.recorded_at
       FROM task t JOIN deviation d ON d.id = t.id || ':overdue'
       WHERE t.stay_id = ANY($1::uuid[]) AND t.activity_id = 'send-inskrivningsmeddelande'
         AND t.overdue`,
      [[...waiting.keys()]],
    );
    for (const row of rows) {
      const due = row.due_at.getTime();
      if ((waiting.get(row.stay_id) ?? 0) > due) lateSetUp += 1;
      else {
        dueAt.set(row.stay_id, due);
        visible.push(polledAt - due);
        recorded.push(row.recorded_at.getTime() - due);
        taskProjected.push(row.updated_at.getTime() - due);
      }
      waiting.delete(row.stay_id);
    }
    progress('   falling due', sample - waiting.size, sample);
    await sleep(Math.max(0, POLL_MS - (Date.now() - polledAt)));
  }
  const { late, setBy } = await timerLateness(options.client, dueAt);
  return {
    visible: summary(visible),
    timerFired: summary(late),
    timerSetByTaskOf: summary(setBy),
    recorded: summary(recorded),
    taskProjected: summary(taskProjected),
    sample,
    windowSeconds,
    dueRatePerSecond: Number((sample / windowSeconds).toFixed(1)),
    lateSetUp,
    missing: waiting.size,
    pollMs: POLL_MS,
    queriedToEvict: evict.length,
    cachedWorkflows: options.cachedWorkflows,
    load: { before, after: load() },
    target: 'p99 < 2 s',
  };
}

/**
 * From each stay's history: its first TimerFired at or after the due time, minus the due time,
 * and how long the workflow task ran that started that timer (Started → Completed).
 */
async function timerLateness(
  client: Client,
  dueAt: Map<string, number>,
): Promise<{ late: number[]; setBy: number[] }> {
  const stays = [...dueAt.entries()];
  const late: number[] = [];
  const setBy: number[] = [];
  const time = (e?: { eventTime?: { seconds?: unknown; nanos?: number | null } | null } | null) =>
    Number(e?.eventTime?.seconds) * 1000 + Math.round((e?.eventTime?.nanos ?? 0) / 1e6);
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let stay = stays[next++]; stay; stay = stays[next++]) {
        const [stayId, due] = stay;
        const history = await client.workflow.getHandle(stayWorkflowId(stayId)).fetchHistory();
        const events = history.events ?? [];
        const byId = new Map(events.map((e) => [Number(e.eventId), e]));
        const fired = events.find((e) => e.timerFiredEventAttributes && time(e) >= due - 10);
        if (!fired) continue;
        late.push(time(fired) - due);
        const started = byId.get(Number(fired.timerFiredEventAttributes?.startedEventId));
        const completed = byId.get(
          Number(started?.timerStartedEventAttributes?.workflowTaskCompletedEventId),
        );
        const taskStarted = byId.get(
          Number(completed?.workflowTaskCompletedEventAttributes?.startedEventId),
        );
        if (completed && taskStarted) setBy.push(time(completed) - time(taskStarted));
      }
    }),
  );
  return { late, setBy };
}
