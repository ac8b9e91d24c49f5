import { randomUUID } from 'node:crypto';
import { completeTaskUpdate, stayWorkflowId } from '@app/workflows';
import { StayDriver } from '../support/stay-driver';
import { WorkerProcess } from '../support/worker-process';

/**
 * A burst of completions while the worker process is SIGKILLed and restarted: every
 * completion must land exactly once. Completions are retried with the same Idempotency-Key
 * (update id), as the API's clients do after a 503 or a dropped connection.
 */
const STAYS = 10;
const saved = { ...process.env };

describe('worker SIGKILL during a burst of completions', () => {
  let driver: StayDriver;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    process.env.TEMPORAL_TASK_QUEUE = `sigkill-${randomUUID()}`;
    workers = [await WorkerProcess.start(process.env)];
    driver = await StayDriver.connect();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await driver.close();
    process.env = saved;
  });

  it('loses no completion and applies none twice', async () => {
    const admittedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const stayIds: string[] = [];
    for (let i = 0; i < STAYS; i++) {
      const stayId = await driver.admit({ admittedAt });
      await driver.event(stayId, 'needs-assessed', admittedAt, {
        socialtjanst: true,
        kommunalHalsoOchSjukvard: true,
        regionalPrimarvard: true,
      });
      stayIds.push(stayId);
    }
    const tasks = await driver.prisma.task.findMany({
      where: { stayId: { in: stayIds }, status: 'open' },
    });
    const occurredAt = new Date().toISOString();

    const complete = async (task: (typeof tasks)[number]): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        try {
          await driver.client.workflow
            .getHandle(stayWorkflowId(task.stayId))
            .executeUpdate(completeTaskUpdate, {
              args: [{ taskId: task.id, actor: 'nurse-1', occurredAt }],
              updateId: `complete:${task.id}:burst`,
            });
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    };

    let settled = 0;
    const burst = tasks.map((task) => complete(task).finally(() => (settled += 1)));
    while (settled < tasks.length / 5) await new Promise((r) => setTimeout(r, 5));
    const killedAfter = settled;
    await workers[0]?.kill();
    const restartStarted = Date.now();
    workers.push(await WorkerProcess.start(process.env));
    const restartMs = Date.now() - restartStarted;
    await Promise.all(burst);

    const rows = await driver.prisma.task.findMany({
      where: { id: { in: tasks.map((t) => t.id) } },
    });
    const lost = rows.filter((r) => r.status !== 'done').length;
    let accepted = 0;
    const perUpdate = new Map<string, number>();
    for (const stayId of stayIds) {
      const history = await driver.client.workflow.getHandle(stayWorkflowId(stayId)).fetchHistory();
      for (const event of history.events ?? []) {
        const id =
          event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId;
        if (id?.endsWith(':burst')) {
          accepted += 1;
          perUpdate.set(id, (perUpdate.get(id) ?? 0) + 1);
        }
      }
    }
    const duplicated = [...perUpdate.values()].filter((n) => n > 1).length;
    console.log(
      `SIGKILL burst: ${tasks.length} completions, worker killed after ${killedAfter} settled, ` +
        `restart ${restartMs} ms; lost ${lost}, applied twice ${duplicated}, accepted updates ${accepted}`,
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(accepted).toBe(tasks.length);
    expect(rows.every((r) => r.completedBy === 'nurse-1' && r.version >= 2)).toBe(true);
  });
});
