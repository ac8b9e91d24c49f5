import { startApps, type RunningApps } from '../support/stack';
import { randomPersonnummer } from '../support/fixtures';
import { recordReplayHistory } from '../support/replay-history';
import { StayDriver } from '../support/stay-driver';

/**
 * Whole stays on the real stack, driven by the workflow's own Updates with occurredAt in the
 * past (retroactive registration), read back from the PostgreSQL read model.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const base = Date.now() - 20 * DAY;
const t = (days: number, hours = 0) => new Date(base + days * DAY + hours * HOUR).toISOString();
const allNeeds = { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true };

describe('stay lifecycle', () => {
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

  it('ordinary path: needs, PUD moves, UK, SIP, discharge home — counters and timeliness', async () => {
    const stayId = await driver.admit({ admittedAt: t(0) });
    await driver.event(stayId, 'needs-assessed', t(0, 2), allNeeds);
    await driver.complete(stayId, 'send-inskrivningsmeddelande', { occurredAt: t(0, 5) });
    await driver.complete(stayId, 'acknowledge-inskrivningsmeddelande-vardcentral', {
      occurredAt: t(0, 6),
    });
    await driver.complete(stayId, 'identify-sip-need', { occurredAt: t(1), outcome: 'confirmed' });
    await driver.complete(stayId, 'offer-sip', { occurredAt: t(1, 2), outcome: 'accepted' });
    await driver.complete(stayId, 'decide-sip-timing', {
      occurredAt: t(2),
      outcome: 'after-discharge',
    });
    await driver.event(stayId, 'planned-discharge-date-set', t(1), { date: t(6).slice(0, 10) });
    await driver.event(stayId, 'planned-discharge-date-changed', t(3), { date: t(8).slice(0, 10) });
    await driver.event(stayId, 'utskrivningsklar', t(8));
    expect(await driver.liveActivities(stayId)).toContain('send-utskrivningsklar');
    await driver.complete(stayId, 'send-utskrivningsklar', { occurredAt: t(8, 1) });
    expect(await driver.liveActivities(stayId)).toContain('send-sip-kallelse');
    await driver.complete(stayId, 'send-sip-kallelse', { occurredAt: t(9) });
    await driver.event(stayId, 'discharged', t(11), { destination: 'home' });

    const stay = await driver.stay(stayId);
    expect(stay.status).toBe('discharged');
    expect(stay.ukFirstAt?.toISOString()).toBe(t(8));
    expect(stay.ukEndedAt?.toISOString()).toBe(t(11));
    expect(stay.ukAccumulatedSeconds).toBe(3 * 86_400);
    expect(stay.plannedDischargeDateMoves).toBe(1);
    expect(stay.sevenDayFlag).toBe(false);
    expect(stay.counters).toMatchObject({
      inskrivningsmeddelandeOnTime: true,
      sipNeeded: true,
      sipOffered: true,
      sipResponse: 'accepted',
      sipKallelseOnTime: true,
    });
    // After discharge home with hemsjukvård: the first home visit falls to the kommun.
    const visit = (await driver.tasks(stayId)).find((x) => x.activityId === 'first-home-visit');
    expect(visit).toMatchObject({ unitId: 'kpv-goteborg-hemsjukvard', status: 'open' });
    expect(await driver.workflowStatus(stayId)).toBe('RUNNING'); // watching for 30 days
    const history = await driver.client.workflow.getHandle(`stay-${stayId}`).fetchHistory();
    console.log(`ordinary stay: ${history.events?.length ?? 0} history events`);
  });

  it('reminds the unit before a task falls due and escalates one long overdue', async () => {
    const now = Date.now();
    const soon = await driver.admit({ admittedAt: new Date(now - 22 * HOUR).toISOString() });
    await driver.event(soon, 'needs-assessed', new Date(now - 21 * HOUR).toISOString(), allNeeds);
    const late = await driver.admit({ admittedAt: new Date(now - 50 * HOUR).toISOString() });
    await driver.event(late, 'needs-assessed', new Date(now - 49 * HOUR).toISOString(), allNeeds);
    const message = async (stayId: string) => {
      for (let i = 0; i < 50; i++) {
        const task = (await driver.tasks(stayId)).find(
          (x) => x.activityId === 'send-inskrivningsmeddelande',
        );
        if (task?.remindedAt || task?.escalatedAt) return task;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no reminder or escalation for ${stayId}`);
    };
    expect(await message(soon)).toMatchObject({ overdue: false, escalatedAt: null });
    const escalated = await message(late);
    expect(escalated).toMatchObject({ overdue: true, remindedAt: null });
    expect(escalated.escalatedAt).not.toBeNull();
    recordReplayHistory(soon, 'task-reminder');
    recordReplayHistory(late, 'overdue-batched-escalation');
  });

  it('cancels tasks that stop applying when the needs change, keeping the reason', async () => {
    const stayId = await driver.admit({ admittedAt: t(0) });
    await driver.event(stayId, 'needs-assessed', t(0, 1), {
      socialtjanst: true,
      kommunalHalsoOchSjukvard: false,
      regionalPrimarvard: false,
    });
    expect(await driver.liveActivities(stayId)).toContain('send-inskrivningsmeddelande');
    await driver.event(stayId, 'needs-changed', t(0, 3), { socialtjanst: false });
    const message = (await driver.tasks(stayId)).find(
      (x) => x.activityId === 'send-inskrivningsmeddelande',
    );
    expect(message).toMatchObject({
      status: 'cancelled',
      cancelReason: 'no-longer-applies:needs-changed',
    });
    recordReplayHistory(stayId, 'cancel-on-changed-needs');
  });

  it('revoked UK pauses the UK clock; more than 7 days of UK raise the flag', async () => {
    const stayId = await driver.admit({ admittedAt: t(0) });
    await driver.event(stayId, 'needs-assessed', t(0, 1), allNeeds);
    await driver.event(stayId, 'utskrivningsklar', t(2));
    await driver.event(stayId, 'utskrivningsklar-revoked', t(4), { reason: 'feber' });
    await driver.event(stayId, 'utskrivningsklar', t(6));
    await driver.event(stayId, 'discharged', t(12), { destination: 'korttid' });
    const stay = await driver.stay(stayId);
    expect(stay.ukAccumulatedSeconds).toBe(8 * 86_400); // 2 + 6 days, not 10
    expect(stay.sevenDayFlag).toBe(true);
    expect(stay.counters).toMatchObject({ ukRevocations: 1 });
  });

  it('death cancels every open task with its reason and ends the stay once its own tasks are done', async () => {
    const stayId = await driver.admit({ admittedAt: t(0) });
    await driver.event(stayId, 'needs-assessed', t(0, 1), allNeeds);
    const before = await driver.liveActivities(stayId);
    expect(before.length).toBeGreaterThan(3);
    await driver.event(stayId, 'died', t(2));
    const tasks = await driver.tasks(stayId);
    const cancelled = tasks.filter((x) => x.status === 'cancelled');
    expect(cancelled.map((x) => x.activityId).sort()).toEqual([...before].sort());
    expect(cancelled.every((x) => x.cancelReason === 'event:died')).toBe(true);
    expect(await driver.liveActivities(stayId)).toEqual(['notify-death']);
    await expect(driver.event(stayId, 'utskrivningsklar', t(3))).rejects.toMatchObject({
      cause: { type: 'StayEnded' },
    });
    await driver.complete(stayId, 'notify-death', { occurredAt: t(2, 3) });
    expect((await driver.stay(stayId)).status).toBe('died');
    await expect(
      driver.client.workflow.getHandle(`stay-${stayId}`).result(),
    ).resolves.toBeUndefined();
  });

  it('transfer to another hospital ends the stay and stops the UK clock', async () => {
    const stayId = await driver.admit({ admittedAt: t(0) });
    await driver.event(stayId, 'needs-assessed', t(0, 1), allNeeds);
    await driver.event(stayId, 'utskrivningsklar', t(1));
    await driver.event(stayId, 'transferred', t(3), { toUnitId: 'sv-annat-sjukhus' });
    const stay = await driver.stay(stayId);
    expect(stay).toMatchObject({ status: 'transferred', ukAccumulatedSeconds: 2 * 86_400 });
    expect(await driver.liveActivities(stayId)).toEqual(
      expect.arrayContaining(['notify-transfer']),
    );
  });

  it('declined SIP: the vårdcentral documents it and no kallelse is sent', async () => {
    const stayId = await driver.admit({ admittedAt: t(0) });
    await driver.event(stayId, 'needs-assessed', t(0, 1), allNeeds);
    await driver.complete(stayId, 'send-inskrivningsmeddelande', { occurredAt: t(0, 2) });
    await driver.complete(stayId, 'acknowledge-inskrivningsmeddelande-vardcentral', {
      occurredAt: t(0, 3),
    });
    await driver.complete(stayId, 'identify-sip-need', { occurredAt: t(1), outcome: 'confirmed' });
    await driver.complete(stayId, 'offer-sip', { occurredAt: t(1, 1), outcome: 'declined' });
    expect(await driver.liveActivities(stayId)).toContain('document-sip-declined');
    await driver.event(stayId, 'utskrivningsklar', t(3));
    expect(await driver.liveActivities(stayId)).not.toContain('send-sip-kallelse');
    expect((await driver.stay(stayId)).counters).toMatchObject({
      sipOffered: true,
      sipResponse: 'declined',
    });
  });

  it('LPT: considering an ÖPT application calls for a samordnad vårdplan from the ward', async () => {
    const stayId = await driver.admit({ admittedAt: t(0), careType: 'psychiatric-lpt' });
    await driver.event(stayId, 'needs-assessed', t(0, 1), allNeeds);
    await driver.event(stayId, 'opt-application-considered', t(2));
    const plan = (await driver.tasks(stayId)).find(
      (x) => x.activityId === 'draw-up-samordnad-vardplan',
    );
    expect(plan).toMatchObject({ unitId: 'sv-sahlgrenska-avd-32', status: 'open' });
  });

  it('links a readmission within 30 days to the earlier stay, through the keyed hash only', async () => {
    const personnummer = randomPersonnummer();
    const first = await driver.admit({ admittedAt: t(0), personnummer });
    await driver.event(first, 'discharged', t(3), { destination: 'home' });
    const second = await driver.admit({ admittedAt: t(10), personnummer });
    const [earlier, later] = await Promise.all([driver.stay(first), driver.stay(second)]);
    expect(later.readmissionOfStayId).toBe(first);
    expect(earlier.readmittedWithin30Days).toBe(true);
    expect(await driver.liveActivities(second)).toEqual(
      expect.arrayContaining(['review-readmission']),
    );
    recordReplayHistory(first, 'readmission-earlier-stay');
    recordReplayHistory(second, 'readmission-link');
    const other = await driver.admit({ admittedAt: t(10) });
    expect((await driver.stay(other)).readmissionOfStayId).toBeNull();
  });
});
