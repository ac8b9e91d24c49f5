import type { INestApplication } from '@nestjs/common';
import { freePort } from '../../tools/stack/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../tools/stack/temporal';
import { demo } from '../support/auth';
import {
  admitAssessedStays,
  OPEN_TASKS_PER_ASSESSED_STAY,
  acceptedUpdates,
  appEnv,
  call,
  chaosLog,
  completeTask,
  completeUntilAnswered,
  completionFigures,
  histogram,
  listenApi,
  StoppablePostgres,
  tokensByUnit,
  workflowTaskFailures,
  type Answer,
} from '../support/chaos';
import { StayDriver } from '../support/stay-driver';
import { WorkerProcess } from '../support/worker-process';

/**
 * PostgreSQL (a cluster of this test's own) stops for 30 s while completions stream in
 * through the HTTP API. During the outage every answer is a prompt 503 with Retry-After as
 * problem+json, never a 500; afterwards the clients retry what failed with the same
 * Idempotency-Key, and every completion lands exactly once and the read model catches up.
 */
const STAYS = 30; // 150 completions
const TIMER_STAYS = 10;
const OUTAGE_MS = Number(process.env.CHAOS_OUTAGE_MS ?? 30_000);
const BEFORE_MS = 6_000;
const AFTER_MS = 4_000;
/** An answer during the outage must come within this. */
const PROMPT_MS = 5_000;
const saved = { ...process.env };

interface Sent {
  sentAt: number;
  kind: 'complete' | 'read';
  answer: Answer;
}

describe('PostgreSQL down for 30 s while completions run', () => {
  let postgres: StoppablePostgres | undefined;
  let temporal: TemporalDevServer | undefined;
  let api: { app: INestApplication; url: string } | undefined;
  let driver: StayDriver;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    let databaseUrl = '';
    await Promise.all([
      freePort()
        .then((port) => startTemporalDevServer({ port, log: chaosLog }))
        .then((s) => (temporal = s)),
      StoppablePostgres.start('outage').then(async (s) => {
        postgres = s;
        databaseUrl = await s.createDatabase('outage');
      }),
    ]);
    Object.assign(process.env, appEnv('outage'), {
      TEMPORAL_ADDRESS: temporal?.address,
      DATABASE_URL: databaseUrl,
    });
    worker = await WorkerProcess.start(process.env);
    api = await listenApi(process.env);
    driver = await StayDriver.connect();
  }, 120_000);

  afterAll(async () => {
    await postgres?.resume().catch(() => undefined);
    await driver?.close();
    await api?.app.close();
    await worker?.stop();
    await temporal?.stop();
    await postgres?.destroy();
    process.env = saved;
  }, 60_000);

  it('answers 503 promptly during the outage and loses or duplicates nothing', async () => {
    if (!api || !postgres) throw new Error('set-up failed');
    const { url } = api;
    const stayIds = await admitAssessedStays(driver, STAYS);
    const tasks = await driver.prisma.task.findMany({
      where: { stayId: { in: stayIds }, status: 'open' },
      orderBy: { id: 'asc' },
    });
    expect(tasks).toHaveLength(STAYS * OPEN_TASKS_PER_ASSESSED_STAY);
    const bearers = await tokensByUnit(url, [
      demo.wardGoteborg,
      demo.vardcentralGoteborg,
      demo.hemsjukvardGoteborg,
      demo.bistandGoteborg,
    ]);
    const ward = bearers.get('sv-sahlgrenska-avd-32') ?? '';
    const bearerOf = (unitId: string) => {
      const bearer = bearers.get(unitId);
      if (!bearer) throw new Error(`no demo user of unit ${unitId}`);
      return bearer;
    };
    const keyOf = (taskId: string) => `chaos-outage-${taskId}`;

    // Stays whose initial needs assessment falls due during the outage: the worker's
    // projection of the overdue task and its deviation fails until PostgreSQL is back.
    const plannedStop = Date.now() + 3_000 + BEFORE_MS; // the stream starts within seconds
    const timerStayIds = await Promise.all(
      Array.from({ length: TIMER_STAYS }, () =>
        driver.admit({ admittedAt: new Date(plannedStop + 10_000 - 24 * 3_600_000).toISOString() }),
      ),
    );
    const timerTasks = await driver.prisma.task.findMany({
      where: { stayId: { in: timerStayIds }, activityId: 'initial-needs-assessment' },
      select: { id: true, dueAt: true },
    });
    // The stream: one completion every `interval` ms, one read a second, from before the
    // outage to after it.
    const sent: Sent[] = [];
    const inFlight: Promise<void>[] = [];
    const interval = (BEFORE_MS + OUTAGE_MS + AFTER_MS) / tasks.length;
    const streamStart = Date.now();
    let stoppedAt = Infinity;
    let resumingAt = Infinity;
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, BEFORE_MS));
      await postgres.stop();
      stoppedAt = Date.now();
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      resumingAt = Date.now();
      await postgres.resume();
    })();
    const reads = (async () => {
      while (Date.now() - streamStart < BEFORE_MS + OUTAGE_MS + AFTER_MS) {
        const sentAt = Date.now();
        inFlight.push(
          call(`${url}/api/v1/tasks?unit=sv-sahlgrenska-avd-32`, {
            headers: { Authorization: ward },
          }).then((answer) => void sent.push({ sentAt, kind: 'read', answer })),
        );
        await new Promise((r) => setTimeout(r, 1_000));
      }
    })();
    for (const [i, task] of tasks.entries()) {
      const at = streamStart + i * interval;
      if (at > Date.now()) await new Promise((r) => setTimeout(r, at - Date.now()));
      const sentAt = Date.now();
      inFlight.push(
        completeTask(url, bearerOf(task.unitId), task, keyOf(task.id)).then(
          (answer) => void sent.push({ sentAt, kind: 'complete', answer }),
        ),
      );
    }
    await Promise.all([outage, reads]);
    const resumedAt = Date.now();
    await Promise.all(inFlight);

    // After the outage: retry what did not succeed, with the same key.
    const succeeded = new Set(
      sent
        .filter((s) => s.kind === 'complete' && s.answer.status === 200)
        .map((s) => (s.answer.body as { id?: string }).id ?? ''),
    );
    const retries: Answer[] = [];
    const finals = await Promise.all(
      tasks.map(async (task) => {
        if (succeeded.has(task.id)) return 200;
        const final = await completeUntilAnswered(
          url,
          bearerOf(task.unitId),
          task,
          keyOf(task.id),
          { giveUpAfterMs: 90_000, onAnswer: (a) => retries.push(a) },
        );
        return final.status;
      }),
    );
    // The read model catches up: every task done in PostgreSQL.
    const ids = tasks.map((t) => t.id);
    let figures = await completionFigures(driver.prisma, ids);
    while (figures.lost > 0 && Date.now() - resumedAt < 120_000) {
      await new Promise((r) => setTimeout(r, 200));
      figures = await completionFigures(driver.prisma, ids);
    }
    const caughtUpMs = Date.now() - resumedAt;
    const timerIds = timerTasks.map((t) => t.id);
    const overdueWithDeviation = async () =>
      (
        await driver.prisma.deviation.findMany({
          where: { taskId: { in: timerIds }, source: 'automatic' },
          select: { taskId: true },
        })
      ).length;
    let overdueSeen = await overdueWithDeviation();
    while (overdueSeen < timerIds.length && Date.now() - resumedAt < 120_000) {
      await new Promise((r) => setTimeout(r, 200));
      overdueSeen = await overdueWithDeviation();
    }
    const overdueCaughtUpMs = Date.now() - resumedAt;
    const overdueRows = await driver.prisma.task.count({
      where: { id: { in: timerIds }, overdue: true },
    });

    const during = sent.filter((s) => s.sentAt >= stoppedAt && s.sentAt < resumingAt);
    const wrong = during.filter(
      (s) =>
        s.answer.status !== 503 ||
        !(Number(s.answer.retryAfter) > 0) ||
        !s.answer.contentType?.startsWith('application/problem+json'),
    );
    const slowest = Math.max(0, ...during.map((s) => s.answer.ms));
    const slowestOverall = Math.max(0, ...sent.map((s) => s.answer.ms));
    const all = [...sent.map((s) => s.answer), ...retries];
    const accepted = await acceptedUpdates(driver.client, stayIds, (id) =>
      id.startsWith('complete:'),
    );
    const appliedTwice = [...accepted.values()].filter((n) => n > 1).length;
    const acceptedTotal = [...accepted.values()].reduce((a, b) => a + b, 0);
    const events = await driver.prisma.stayEvent.groupBy({
      by: ['stayId', 'type'],
      where: { stayId: { in: stayIds } },
      _count: { _all: true },
    });
    const eventsTwice = events.filter((e) => e._count._all > 1).length;

    console.log(
      `chaos PostgreSQL outage: ${tasks.length} completions streamed over ` +
        `${BEFORE_MS + OUTAGE_MS + AFTER_MS} ms, PostgreSQL down ${resumingAt - stoppedAt} ms; ` +
        `requests during the outage ${during.length} (${histogram(during.map((s) => `${s.kind}:${s.answer.status}`))}), ` +
        `slowest answer during it ${slowest} ms, slowest of the stream ${slowestOverall} ms; ` +
        `all requests ${histogram(all.map((a) => a.status))}; retried after it ${finals.length - succeeded.size}, ` +
        `final ${histogram(finals)}; read model caught up ${caughtUpMs} ms after PostgreSQL was back; ` +
        `${TIMER_STAYS} deadlines passed during the outage, overdue with a deviation ` +
        `${overdueCaughtUpMs} ms after it (${overdueSeen}/${timerIds.length}); ` +
        `lost ${figures.lost}, applied twice ${appliedTwice} (accepted updates ${acceptedTotal}), ` +
        `completion audited twice ${figures.auditedTwice}, never ${figures.auditedNever}, timeline events twice ${eventsTwice}`,
    );
    if (figures.lost > 0) {
      const stuck = await driver.prisma.task.findMany({
        where: { id: { in: ids }, status: { not: 'done' } },
        select: { stayId: true },
      });
      console.log(
        await workflowTaskFailures(
          driver.client,
          stuck.map((t) => t.stayId),
        ),
      );
    }
    expect(during.length).toBeGreaterThan(OUTAGE_MS / interval / 2);
    expect(wrong.map((s) => ({ ...s.answer, body: undefined }))).toEqual([]);
    expect(slowest).toBeLessThanOrEqual(PROMPT_MS);
    expect(all.filter((a) => a.status === 500)).toEqual([]);
    expect(finals.filter((s) => s !== 200)).toEqual([]);
    expect(figures.lost).toBe(0);
    expect(appliedTwice).toBe(0);
    expect(acceptedTotal).toBe(tasks.length);
    expect(figures.auditedTwice).toBe(0);
    expect(figures.auditedNever).toBe(0);
    expect(eventsTwice).toBe(0);
    const dueDuringOutage = timerTasks.filter(
      (t) => (t.dueAt?.getTime() ?? 0) > stoppedAt && (t.dueAt?.getTime() ?? 0) < resumingAt,
    ).length;
    expect(dueDuringOutage).toBe(TIMER_STAYS);
    expect(overdueSeen).toBe(TIMER_STAYS);
    expect(overdueRows).toBe(TIMER_STAYS);
  }, 300_000);
});
