import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '../../tools/stack/paths';
import { freePort } from '../../tools/stack/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../tools/stack/temporal';
import { stayWorkflowId } from '@app/workflows';
import {
  appEnv,
  chaosLog,
  forEachLimited,
  startDatabase,
  workflowTaskFailures,
} from '../support/chaos';
import { StayDriver, timersIn } from '../support/stay-driver';
import { WorkerProcess } from '../support/worker-process';

/**
 * 1 000 stays sleep on a durable timer (the initial needs assessment's 24 h deadline) while the
 * Temporal dev server, state in a SQLite file, is SIGKILLed and started again on the same port
 * and file. The deadlines fall due shortly after the restart: every timer must fire exactly
 * once, i.e. every task turns overdue in PostgreSQL with exactly one automatic deviation.
 */
const STAYS = Number(process.env.CHAOS_TIMER_STAYS ?? 1_000);
const CONCURRENCY = 24;
const ACTIVITY = 'initial-needs-assessment';
const saved = { ...process.env };

describe('Temporal dev server restart with 1 000 pending timers', () => {
  const dbFile = join(dataDir, `chaos-temporal-${process.pid}.sqlite`);
  let port: number;
  let temporal: TemporalDevServer | undefined;
  let database: Awaited<ReturnType<typeof startDatabase>> | undefined;
  let driver: StayDriver;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    await rm(dbFile, { force: true });
    port = await freePort();
    await Promise.all([
      startTemporalDevServer({ port, dbFile, log: chaosLog }).then((s) => (temporal = s)),
      startDatabase('timers').then((s) => (database = s)),
    ]);
    Object.assign(process.env, appEnv('timers'), {
      TEMPORAL_ADDRESS: temporal?.address,
      DATABASE_URL: database?.databaseUrl,
    });
    worker = await WorkerProcess.start(process.env);
    driver = await StayDriver.connect();
  }, 120_000);

  afterAll(async () => {
    await driver?.close();
    await worker?.stop();
    await temporal?.stop();
    await database?.stop();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      await rm(`${dbFile}${suffix}`, { force: true });
    process.env = saved;
  }, 60_000);

  it('fires every timer exactly once after the restart', async () => {
    // The admission opens "initial-needs-assessment", due 24 h after admittedAt: a durable
    // timer per stay. A first few admissions measure how fast stays start on this machine,
    // so that every deadline falls a little after the restart. The margin is wide: the dev
    // server's SQLite slows as its histories grow, and CI once took more than 1.3× the
    // calibrated time for the 1 000.
    const calibration = Array.from({ length: CONCURRENCY * 3 }, () => '');
    let calibrationStarted = Date.now();
    await forEachLimited(calibration, CONCURRENCY, async (_, i) => {
      if (i === CONCURRENCY) calibrationStarted = Date.now(); // the first ones warm up
      calibration[i] = await driver.admit({ admittedAt: new Date().toISOString() });
    });
    const perStayMs = (Date.now() - calibrationStarted) / (calibration.length - CONCURRENCY);
    const dueAt = Math.round(Date.now() + STAYS * perStayMs * 2 + 20_000);
    const admittedAt = new Date(dueAt - 24 * 3_600_000).toISOString();
    const admitStarted = Date.now();
    const stayIds: string[] = Array.from({ length: STAYS }, () => '');
    await forEachLimited(stayIds, CONCURRENCY, async (_, i) => {
      stayIds[i] = await driver.admit({ admittedAt });
    });
    const admitMs = Date.now() - admitStarted;
    const pending = await driver.prisma.task.count({
      where: { stayId: { in: stayIds }, activityId: ACTIVITY, status: 'open', overdue: false },
    });
    // The precondition: every timer is still pending when the server goes down (the
    // calibration stays' deadlines are a day away).
    expect(pending).toBe(STAYS);
    expect(Date.now()).toBeLessThan(dueAt - 3_000);

    const stoppedAt = Date.now();
    temporal?.process.kill('SIGKILL');
    await new Promise((r) => temporal?.process.once('exit', r));
    temporal = await startTemporalDevServer({ port, dbFile, log: chaosLog });
    const restartedAt = Date.now();

    const expected = new Map<string, string>(); // task id → stay id
    for (const t of await driver.prisma.task.findMany({
      where: { stayId: { in: stayIds }, activityId: ACTIVITY },
      select: { id: true, stayId: true },
    }))
      expected.set(t.id, t.stayId);
    const overdueAt = new Map<string, number>();
    const giveUpAt = dueAt + 360_000;
    while (overdueAt.size < expected.size && Date.now() < giveUpAt) {
      await new Promise((r) => setTimeout(r, 250));
      const rows = await driver.prisma.deviation.findMany({
        where: { taskId: { in: [...expected.keys()] }, source: 'automatic' },
        select: { taskId: true },
      });
      const now = Date.now();
      for (const row of rows)
        if (row.taskId && !overdueAt.has(row.taskId)) overdueAt.set(row.taskId, now);
    }
    const caughtUpAt = Math.max(...overdueAt.values());

    const tasks = await driver.prisma.task.findMany({
      where: { id: { in: [...expected.keys()] } },
      select: { id: true, overdue: true },
    });
    const deviations = await driver.prisma.deviation.groupBy({
      by: ['taskId'],
      where: { taskId: { in: [...expected.keys()] }, source: 'automatic' },
      _count: { _all: true },
    });
    const perTask = new Map(deviations.map((d) => [d.taskId, d._count._all]));
    const lost = tasks.filter((t) => !t.overdue || !perTask.has(t.id)).length;
    const duplicated = [...perTask.values()].filter((n) => n > 1).length;
    // In Temporal's history: how often each stay's deadline timer (the one set to fire at
    // dueAt) fired.
    const fired = new Map<string, number>();
    const timersOf = new Map<string, string[]>(); // for the failure message
    await forEachLimited(stayIds, 16, async (stayId) => {
      const history = await driver.client.workflow.getHandle(stayWorkflowId(stayId)).fetchHistory();
      const timers = timersIn(history.events ?? []);
      timersOf.set(
        stayId,
        timers.map((t) => `${t.fireAt - dueAt} ms`),
      );
      const deadline = timers.filter((t) => Math.abs(t.fireAt - dueAt) < 3_000);
      fired.set(stayId, deadline.filter((t) => t.ended === 'fired').length);
    });
    const firedTwice = [...fired.values()].filter((n) => n > 1).length;
    const neverFired = [...fired.values()].filter((n) => n === 0).length;

    console.log(
      `chaos Temporal restart: ${STAYS} stays with pending timers (admitted in ${admitMs} ms), dev server SIGKILLed ${dueAt - stoppedAt} ms before the ` +
        `deadline, back in ${restartedAt - stoppedAt} ms; all overdue with a deviation ` +
        `${caughtUpAt - dueAt} ms after the deadline (${caughtUpAt - restartedAt} ms after the restart); ` +
        `lost ${lost}, duplicated deviations ${duplicated}, timers fired twice ${firedTwice}, never ${neverFired}`,
    );
    for (const [stayId, n] of fired)
      if (n !== 1)
        console.log(
          `${stayId}: deadline timer fired ${n}×; timers set for (from dueAt) ${(timersOf.get(stayId) ?? []).join(', ')}`,
        );
    if (lost > 0) {
      const stuck = tasks.filter((t) => !perTask.has(t.id)).map((t) => expected.get(t.id) ?? '');
      console.log(await workflowTaskFailures(driver.client, stuck));
      console.log(worker?.output().split('\n').slice(-40).join('\n'));
    }
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(firedTwice).toBe(0);
    expect(neverFired).toBe(0);
  }, 900_000);
});
