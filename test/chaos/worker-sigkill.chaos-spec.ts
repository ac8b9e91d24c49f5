import type { INestApplication } from '@nestjs/common';
import { freePort } from '../../tools/stack/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../tools/stack/temporal';
import { demo } from '../support/auth';
import {
  admitAssessedStays,
  OPEN_TASKS_PER_ASSESSED_STAY,
  acceptedUpdates,
  appEnv,
  chaosLog,
  completeUntilAnswered,
  completionFigures,
  histogram,
  listenApi,
  startDatabase,
  tokensByUnit,
  workflowTaskFailures,
  type Answer,
} from '../support/chaos';
import { StayDriver } from '../support/stay-driver';
import { WorkerProcess } from '../support/worker-process';

/**
 * 100 completions through the HTTP API while the worker process is SIGKILLed and restarted:
 * every completion must land exactly once. Clients retry with the same Idempotency-Key on a
 * 503 or when no answer came, as the API's clients do.
 */
const STAYS = 20; // five open tasks each after the needs assessment: 100 completions
const saved = { ...process.env };

describe('worker SIGKILL during 100 completions', () => {
  let temporal: TemporalDevServer;
  let database: Awaited<ReturnType<typeof startDatabase>>;
  let api: { app: INestApplication; url: string };
  let driver: StayDriver;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // Assigned as each comes up, so that afterAll stops what started even if one fails.
    await Promise.all([
      freePort()
        .then((port) => startTemporalDevServer({ port, log: chaosLog }))
        .then((started) => (temporal = started)),
      startDatabase('sigkill').then((started) => (database = started)),
    ]);
    Object.assign(process.env, appEnv('sigkill'), {
      TEMPORAL_ADDRESS: temporal.address,
      DATABASE_URL: database.databaseUrl,
    });
    workers.push(await WorkerProcess.start(process.env));
    api = await listenApi(process.env);
    driver = await StayDriver.connect();
  }, 120_000);

  afterAll(async () => {
    await driver?.close();
    await api?.app.close();
    await Promise.all(workers.map((w) => w.stop()));
    await temporal?.stop();
    await database?.stop();
    process.env = saved;
  }, 60_000);

  it('loses no completion and applies none twice', async () => {
    const stayIds = await admitAssessedStays(driver, STAYS);
    const tasks = await driver.prisma.task.findMany({
      where: { stayId: { in: stayIds }, status: 'open' },
    });
    expect(tasks).toHaveLength(STAYS * OPEN_TASKS_PER_ASSESSED_STAY);
    const bearers = await tokensByUnit(api.url, [
      demo.wardGoteborg,
      demo.vardcentralGoteborg,
      demo.hemsjukvardGoteborg,
      demo.bistandGoteborg,
    ]);
    const keyOf = (taskId: string) => `chaos-sigkill-${taskId}`;

    const answers: Answer[] = [];
    let settled = 0;
    const burst = tasks.map(async (task) => {
      const bearer = bearers.get(task.unitId);
      if (!bearer) throw new Error(`no demo user of unit ${task.unitId}`);
      const final = await completeUntilAnswered(api.url, bearer, task, keyOf(task.id), {
        giveUpAfterMs: 90_000,
        onAnswer: (a) => answers.push(a),
      });
      settled += 1;
      return final;
    });
    while (settled < tasks.length / 5) await new Promise((r) => setTimeout(r, 5));
    const killedAfter = settled;
    await workers[0]?.kill();
    const restartStarted = Date.now();
    workers.push(await WorkerProcess.start(process.env));
    const restartMs = Date.now() - restartStarted;
    const finals = await Promise.all(burst);
    const finishedMs = Date.now() - restartStarted;

    // The projection of the last completions may still be on its way.
    const deadline = Date.now() + 30_000;
    let figures = await completionFigures(
      driver.prisma,
      tasks.map((t) => t.id),
    );
    while (figures.lost > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      figures = await completionFigures(
        driver.prisma,
        tasks.map((t) => t.id),
      );
    }
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
      `chaos worker SIGKILL: ${tasks.length} completions over HTTP, worker killed after ` +
        `${killedAfter} settled, restart ${restartMs} ms, all answered ${finishedMs} ms after the kill; ` +
        `requests ${answers.length} (${histogram(answers.map((a) => a.status))}), ` +
        `final ${histogram(finals.map((a) => a.status))}; lost ${figures.lost}, ` +
        `applied twice ${appliedTwice} (accepted updates ${acceptedTotal}), ` +
        `completion audited twice ${figures.auditedTwice}, never ${figures.auditedNever}, ` +
        `timeline events twice ${eventsTwice}`,
    );
    if (figures.lost > 0) {
      const stuck = await driver.prisma.task.findMany({
        where: { id: { in: tasks.map((t) => t.id) }, status: { not: 'done' } },
        select: { stayId: true },
      });
      console.log(
        await workflowTaskFailures(
          driver.client,
          stuck.map((t) => t.stayId),
        ),
      );
    }
    expect(finals.filter((a) => a.status !== 200)).toEqual([]);
    expect(figures.lost).toBe(0);
    expect(appliedTwice).toBe(0);
    expect(acceptedTotal).toBe(tasks.length);
    expect(figures.auditedTwice).toBe(0);
    expect(figures.auditedNever).toBe(0);
    expect(eventsTwice).toBe(0);
    const rows = await driver.prisma.task.findMany({
      where: { id: { in: tasks.map((t) => t.id) } },
    });
    expect(rows.every((r) => r.completedBy !== null && r.version >= 2)).toBe(true);
  }, 240_000);
});
