import { startApps, type RunningApps } from '../support/stack';
import { StayDriver } from '../support/stay-driver';

/**
 * Measures (prints, does not assert on time) how long after a task's due time the overdue
 * flag and its deviation are visible in the read model: timer → workflow task → activities
 * → PostgreSQL. Asserts only that every task does turn overdue with one deviation.
 */
const STAYS = Number(process.env.LAG_STAYS ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

describe('projection lag of deadlines', () => {
  let apps: RunningApps;
  let driver: StayDriver;
  beforeAll(async () => {
    apps = await startApps();
    driver = await StayDriver.connect();
  });
  afterAll(async () => {
    await driver.close();
    await apps.close();
  });

  it('turns tasks overdue shortly after their due time', async () => {
    // One due time for all, after every stay has been created (creating one takes < 1 s).
    const dueAt = Date.now() + 3_000 + STAYS * 1_000;
    const assessedAt = new Date(dueAt - 24 * 3_600_000).toISOString();
    const stayIds: string[] = [];
    for (let i = 0; i < STAYS; i++) {
      const stayId = await driver.admit({ admittedAt: assessedAt });
      await driver.event(stayId, 'needs-assessed', assessedAt, {
        socialtjanst: true,
        kommunalHalsoOchSjukvard: false,
        regionalPrimarvard: false,
      });
      stayIds.push(stayId);
    }
    expect(Date.now()).toBeLessThan(dueAt); // else the figure would include set-up time
    const lags: number[] = [];
    const pending = new Set(stayIds);
    const deadline = dueAt + 30_000;
    while (pending.size > 0 && Date.now() < deadline) {
      const rows = await driver.prisma.task.findMany({
        where: {
          stayId: { in: [...pending] },
          activityId: 'send-inskrivningsmeddelande',
          overdue: true,
        },
        select: { id: true, stayId: true, dueAt: true },
      });
      const seenAt = Date.now();
      const withDeviation = new Set(
        (
          await driver.prisma.deviation.findMany({
            where: { taskId: { in: rows.map((r) => r.id) } },
            select: { taskId: true },
          })
        ).map((d) => d.taskId),
      );
      for (const row of rows) {
        if (!withDeviation.has(row.id)) continue;
        pending.delete(row.stayId);
        lags.push(seenAt - (row.dueAt?.getTime() ?? 0));
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(pending.size).toBe(0);
    lags.sort((a, b) => a - b);
    console.log(
      `projection lag (due time → overdue + deviation in PostgreSQL, ${STAYS} stays, polled every 20 ms): ` +
        `p50 ${percentile(lags, 50)} ms, p95 ${percentile(lags, 95)} ms, max ${lags.at(-1)} ms`,
    );
  });
});
