import request from 'supertest';
import { demo, signInAll } from '../support/auth';
import { randomPersonnummer } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { rowCounts } from '../support/database';
import { StayDriver } from '../support/stay-driver';
import { admitIn, allNeeds, at } from './monitoring-fixtures';

/**
 * The effect-goal KPIs of the stays admitted in May 2025 in Härryda (1401), a kommun and
 * period no other test uses; every figure below is computed by hand from the fixture.
 */
const harryda = {
  kommunCode: '1401',
  wardUnitId: 'sv-sahlgrenska-avd-41',
  listedVardcentralUnitId: 'rpv-vc-landvetter',
};
const period = 'from=2025-05-01&to=2025-05-31&kommun=1401';

describe('monitoring: KPIs, overdue tasks and what-if', () => {
  let apps: RunningApps;
  let driver: StayDriver;
  let http: ReturnType<typeof request>;
  let as: Record<'po' | 'ward', { Authorization: string }>;
  const ids = {} as Record<'s1' | 's2' | 's3' | 's4' | 's5' | 's6', string>;

  async function admitted(name: keyof typeof ids, day: string, personnummer?: string) {
    ids[name] = await admitIn(driver, {
      ...harryda,
      admittedAt: at(day, 8),
      ...(personnummer ? { personnummer } : {}),
    });
    return ids[name];
  }
  const complete = (id: string, activity: string, when: string, outcome?: string) =>
    driver.complete(id, activity, { occurredAt: when, ...(outcome ? { outcome } : {}) });

  /** SIP needed, offered and accepted, held after discharge. */
  async function sip(id: string, day: string, hour: number) {
    await complete(id, 'acknowledge-inskrivningsmeddelande-vardcentral', at(day, hour));
    await complete(id, 'identify-sip-need', at(day, hour + 1), 'confirmed');
    await complete(id, 'offer-sip', at(day, hour + 2), 'accepted');
    await complete(id, 'decide-sip-timing', at(day, hour + 3), 'after-discharge');
  }

  beforeAll(async () => {
    apps = await startApps();
    driver = await StayDriver.connect();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, { po: demo.processagare, ward: demo.wardGoteborg });

    // S1: on-time message, SIP, PUD moved once, UK 05-10 08:00 → kallelse 47 h later → home
    // 05-12: 2 days
    const s1 = await admitted('s1', '2025-05-05');
    await driver.event(s1, 'needs-assessed', at('2025-05-05', 9), allNeeds);
    await complete(s1, 'send-inskrivningsmeddelande', at('2025-05-05', 12));
    await sip(s1, '2025-05-06', 8);
    await driver.event(s1, 'planned-discharge-date-set', at('2025-05-06'), { date: '2025-05-10' });
    await driver.event(s1, 'planned-discharge-date-changed', at('2025-05-07'), {
      date: '2025-05-12',
    });
    await driver.event(s1, 'utskrivningsklar', at('2025-05-10'));
    await complete(s1, 'send-utskrivningsklar', at('2025-05-10', 9));
    await complete(s1, 'send-sip-kallelse', at('2025-05-12', 7));
    await driver.event(s1, 'discharged', at('2025-05-12', 12), { destination: 'home' });

    // S2: message after 27 h, SIP, PUD set once, UK 05-07 08:00 → kallelse 05-09 10:00
    // (in time for 3 days, late for 2) → home 05-17: 10 days, over 7
    const s2 = await admitted('s2', '2025-05-05');
    await driver.event(s2, 'needs-assessed', at('2025-05-05', 9), allNeeds);
    await complete(s2, 'send-inskrivningsmeddelande', at('2025-05-06', 12));
    await sip(s2, '2025-05-06', 13);
    await driver.event(s2, 'planned-discharge-date-set', at('2025-05-05', 14), {
      date: '2025-05-08',
    });
    await driver.event(s2, 'utskrivningsklar', at('2025-05-07'));
    await complete(s2, 'send-utskrivningsklar', at('2025-05-07', 9));
    await complete(s2, 'send-sip-kallelse', at('2025-05-09', 10));
    await driver.event(s2, 'discharged', at('2025-05-17'), { destination: 'home' });

    // S3: zero-day UK (08:00 → 16:00 Swedish time), readmitted 05-20 as S4 (still in hospital)
    const personnummer = randomPersonnummer();
    const s3 = await admitted('s3', '2025-05-07', personnummer);
    await driver.event(s3, 'needs-assessed', at('2025-05-07', 9), allNeeds);
    await complete(s3, 'send-inskrivningsmeddelande', at('2025-05-07', 10));
    await driver.event(s3, 'utskrivningsklar', at('2025-05-08', 6));
    await complete(s3, 'send-utskrivningsklar', at('2025-05-08', 7));
    await driver.event(s3, 'discharged', at('2025-05-08', 14), { destination: 'home' });
    await admitted('s4', '2025-05-20', personnummer);

    // S5: no message, no UK notice; UK 05-11, died 05-13: 2 days (its open tasks cancelled)
    const s5 = await admitted('s5', '2025-05-10');
    await driver.event(s5, 'needs-assessed', at('2025-05-10', 9), allNeeds);
    await driver.event(s5, 'utskrivningsklar', at('2025-05-11'));
    await driver.event(s5, 'died', at('2025-05-13'));

    // S6: UK 05-13, revoked 05-14, UK again 05-16, transferred 05-19: 1 + 3 = 4 days
    const s6 = await admitted('s6', '2025-05-12');
    await driver.event(s6, 'needs-assessed', at('2025-05-12', 9), allNeeds);
    await complete(s6, 'send-inskrivningsmeddelande', at('2025-05-12', 10));
    await driver.event(s6, 'utskrivningsklar', at('2025-05-13'));
    await complete(s6, 'send-utskrivningsklar', at('2025-05-13', 9));
    await driver.event(s6, 'utskrivningsklar-revoked', at('2025-05-14'), { reason: 'feber' });
    await driver.event(s6, 'utskrivningsklar', at('2025-05-16'));
    await driver.event(s6, 'transferred', at('2025-05-19'), { toUnitId: 'sv-annat-sjukhus' });
    // Deadlines that passed long ago fire after the Update that opened their task has
    // answered: wait until those overdue flags and deviations are in PostgreSQL too.
    await driver.settle(Object.values(ids));
  }, 180_000);
  afterAll(async () => {
    await driver.close();
    await apps.close();
  });

  it('shows every effect goal of the period', async () => {
    const { body } = await http.get(`/api/v1/monitoring/kpis?${period}`).set(as.po).expect(200);
    const k = body.kpis;
    console.log(`KPIs of the Härryda fixture: ${JSON.stringify(k)}`);
    expect(k.stays).toBe(6);
    // UK days: S1 2, S2 10, S3 0, S5 2, S6 4 → 18 over 5 stays
    expect(k.ukDays).toEqual({
      stays: 5,
      total: 18,
      meanPerStay: 3.6,
      stillRunning: 0,
      distribution: [
        { bucket: '0', stays: 1 },
        { bucket: '1', stays: 0 },
        { bucket: '2', stays: 2 },
        { bucket: '3', stays: 0 },
        { bucket: '4-7', stays: 1 },
        { bucket: '>7', stays: 1 },
      ],
    });
    expect(k.moreThanSevenDaysAfterUk).toEqual({ of: 5, count: 1, share: 0.2 });
    expect(k.plannedDischargeDateMoves).toEqual({ stays: 2, moves: 1, perStay: 0.5 });
    expect(k.sipOffered).toEqual({ of: 2, count: 2, share: 1 });
    expect(k.sipKallelseOnTime).toEqual({ deadlineDays: 3, of: 2, count: 2, share: 1 });
    for (const id of [ids.s1, ids.s2])
      // the workflow's own counter agrees
      expect((await driver.stay(id)).counters).toMatchObject({ sipKallelseOnTime: true });
    // S1, S3, S6 within 24 h, S2 after 27 h; S5's was cancelled by the death
    expect(k.inskrivningsmeddelandeOnTime).toEqual({
      deadlineHours: 24,
      of: 4,
      count: 3,
      share: 0.75,
    });
    // Ended: S1, S2, S3, S5, S6; S3 readmitted within 30 days
    expect(k.readmissionsWithin30Days).toEqual({ of: 5, count: 1, share: 0.2 });

    const deviations = await driver.prisma.deviation.findMany({
      where: { stayId: { in: Object.values(ids) } },
    });
    expect(k.deviations.total).toBe(deviations.length);
    const byCategory = new Map<string, number>();
    for (const d of deviations) byCategory.set(d.category, (byCategory.get(d.category) ?? 0) + 1);
    expect(
      Object.fromEntries(
        (k.deviations.byCategory as { category: string; count: number }[]).map((c) => [
          c.category,
          c.count,
        ]),
      ),
    ).toEqual(Object.fromEntries(byCategory));
    const message = (k.activities as { activityId: string }[]).find(
      (a) => a.activityId === 'send-inskrivningsmeddelande',
    );
    expect(message).toMatchObject({ tasks: 5, onTime: { of: 4, count: 3 } });

    const otherWard = await http
      .get(`/api/v1/monitoring/kpis?${period}&ward=sv-ostra-avd-12`)
      .set(as.po)
      .expect(200);
    expect(otherWard.body.kpis.stays).toBe(0);
  });

  it('lists open overdue tasks, the latest first, filtered by kommun, lane and activity', async () => {
    const { body } = await http
      .get('/api/v1/monitoring/overdue?kommun=1401&limit=500')
      .set(as.po)
      .expect(200);
    expect(body.total).toBeGreaterThan(0);
    const items = body.items as { kommunCode: string; hoursOverdue: number; stayId: string }[];
    expect(items.every((t) => t.kommunCode === '1401')).toBe(true);
    const hours = items.map((t) => t.hoursOverdue);
    expect([...hours].sort((a, b) => b - a)).toEqual(hours);
    expect(JSON.stringify(body)).not.toMatch(/Testsson|personnummer/);
    // S4 is still in hospital: its admission tasks are long overdue
    expect(items.some((t) => t.stayId === ids.s4)).toBe(true);
    const lane = await http
      .get('/api/v1/monitoring/overdue?kommun=1401&lane=slutenvard')
      .set(as.po)
      .expect(200);
    expect((lane.body.items as { lane: string }[]).every((t) => t.lane === 'slutenvard')).toBe(
      true,
    );
    const first = items[0] as unknown as { activityId: string; unitId: string };
    const one = await http
      .get(
        `/api/v1/monitoring/overdue?kommun=1401&activity=${first.activityId}&unit=${first.unitId}`,
      )
      .set(as.po)
      .expect(200);
    expect(one.body.items.length).toBeGreaterThan(0);
    expect(
      (one.body.items as { activityId: string }[]).every((t) => t.activityId === first.activityId),
    ).toBe(true);
  });

  it('cuts the KPIs by care type and frailty', async () => {
    const kpis = async (query: string) =>
      (await http.get(`/api/v1/monitoring/kpis?${period}&${query}`).set(as.po).expect(200)).body;
    // The Härryda fixture: six somatic stays, none with a CFS recorded.
    const somatic = await kpis('careType=somatic');
    expect([somatic.kpis.stays, somatic.period.careType]).toEqual([6, 'somatic']);
    expect((await kpis('careType=psychiatric')).kpis.stays).toBe(0);
    const frail = await kpis('frailty=frail');
    expect([frail.kpis.stays, frail.period.frailty]).toEqual([0, 'frail']);
    expect((await kpis('frailty=not-frail')).kpis.stays).toBe(6);
    await http.get(`/api/v1/monitoring/kpis?${period}&frailty=maybe`).set(as.po).expect(400);
    await http.get(`/api/v1/monitoring/kpis?${period}&careType=home`).set(as.po).expect(400);
  });

  it('pages, sorts and filters the overdue list by age, with the total of all pages', async () => {
    type Row = { taskId: string; activityId: string; unitId: string; hoursOverdue: number };
    const get = async (query: string) =>
      (await http.get(`/api/v1/monitoring/overdue?kommun=1401&${query}`).set(as.po).expect(200))
        .body as { total: number; offset: number; items: Row[] };
    const all = await get('limit=500');
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items).toHaveLength(all.total);
    // Two pages of two are the first four of the whole list, and each says the same total.
    const [first, second] = [await get('limit=2&offset=0'), await get('limit=2&offset=2')];
    expect([...first.items, ...second.items].map((t) => t.taskId)).toEqual(
      all.items.slice(0, 4).map((t) => t.taskId),
    );
    expect([first.total, second.total, second.offset]).toEqual([all.total, all.total, 2]);
    const beyond = await get(`limit=2&offset=${all.total}`);
    expect([beyond.items.length, beyond.total]).toEqual([0, all.total]);
    // The least overdue first: the same tasks in the other order.
    const least = await get('limit=500&sort=least-overdue');
    const hours = least.items.map((t) => t.hoursOverdue);
    expect([...hours].sort((a, b) => a - b)).toEqual(hours);
    expect(new Set(least.items.map((t) => t.taskId))).toEqual(
      new Set(all.items.map((t) => t.taskId)),
    );
    const byActivity = (await get('limit=500&sort=activity')).items.map((t) => t.activityId);
    expect([...byActivity].sort()).toEqual(byActivity);
    const byUnit = (await get('limit=500&sort=unit')).items.map((t) => t.unitId);
    expect([...byUnit].sort()).toEqual(byUnit);
    // Age: only what is at least so many hours late; exactly those of the whole list.
    const threshold = Math.ceil(all.items[Math.floor(all.items.length / 2)]?.hoursOverdue ?? 1);
    const old = await get(`limit=500&minHoursOverdue=${threshold}`);
    expect(old.items.map((t) => t.taskId).sort()).toEqual(
      all.items
        .filter((t) => t.hoursOverdue >= threshold)
        .map((t) => t.taskId)
        .sort(),
    );
    await http.get('/api/v1/monitoring/overdue?sort=newest').set(as.po).expect(400);
    await http.get('/api/v1/monitoring/overdue?offset=-1').set(as.po).expect(400);
  });

  it('counts the situation now exactly, however many there are, for the processägare only', async () => {
    const situation = async () =>
      (await http.get('/api/v1/monitoring/situation').set(as.po).expect(200)).body as {
        admittedStays: number;
        openTasks: number;
        overdueTasks: number;
        deviations: { total: number; recent: number; days: number };
        byLane: { lane: string; open: number; overdue: number }[];
      };
    const before = await situation();
    const counts = await rowCounts();
    expect(before.deviations.total).toBe(counts.deviation);
    expect(before.deviations.days).toBe(30);
    expect(before.openTasks).toBe(before.byLane.reduce((n, l) => n + l.open, 0));
    expect(before.overdueTasks).toBe(before.byLane.reduce((n, l) => n + l.overdue, 0));
    // The overdue list's total counts the same tasks by another query.
    const overdue = await http.get('/api/v1/monitoring/overdue?limit=1').set(as.po).expect(200);
    expect(before.overdueTasks).toBe(overdue.body.total);
    // A new admission adds one stay, not a page's worth.
    const id = await admitIn(driver, { ...harryda, admittedAt: new Date().toISOString() });
    await driver.settle([id]);
    const after = await situation();
    expect(after.admittedStays).toBe(before.admittedStays + 1);
    expect(after.openTasks).toBeGreaterThan(before.openTasks);
    await http.get('/api/v1/monitoring/situation').set(as.ward).expect(403);
  });

  it('recomputes on-time rates and amounts under changed rules without touching the stays', async () => {
    const before = await driver.stay(ids.s1);
    const { body } = await http
      .post('/api/v1/monitoring/what-if')
      .set(as.po)
      .send({
        from: '2025-05-01',
        to: '2025-05-31',
        kommun: '1401',
        month: '2025-05',
        rules: { sipKallelseDays: 2, dailyAmountSek: 10_000 },
      })
      .expect(200);
    // 3 → 2 days: S2's kallelse (2 days 2 hours after UK) is late under the new rule
    expect(body.baseline.kpis.sipKallelseOnTime).toMatchObject({ of: 2, count: 2 });
    expect(body.scenario.kpis.sipKallelseOnTime).toMatchObject({ of: 2, count: 1, share: 0.5 });
    // May, Härryda: mean pool S1 2, S3 0, S6 4 = mean 2.0 (nothing); S2 10 days individually;
    // S5 not billable (no message, no UK notice)
    expect(body.baseline.betalningsansvar).toEqual({
      kommuner: [
        {
          kommunCode: '1401',
          agreement: 'vgr',
          vgrAmountSek: 93_000,
          nationalAmountSek: expect.any(Number),
          amountDueSek: 93_000,
        },
      ],
      totalDueSek: 93_000,
    });
    expect(body.scenario.betalningsansvar.totalDueSek).toBe(100_000);
    const after = await driver.stay(ids.s1);
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('is for processägare only and validates its input', async () => {
    for (const path of ['/api/v1/monitoring/overdue', `/api/v1/monitoring/kpis?${period}`])
      await http.get(path).set(as.ward).expect(403);
    await http.post('/api/v1/monitoring/what-if').set(as.ward).send({ rules: {} }).expect(403);
    const bad = await http.get('/api/v1/monitoring/kpis?from=2025-05-31&to=2025-05-01').set(as.po);
    expect(bad.status).toBe(400);
    await http.get('/api/v1/monitoring/overdue?lane=moon').set(as.po).expect(400);
    await http.post('/api/v1/monitoring/what-if').set(as.po).send({ rules: {} }).expect(400);
  });
});
