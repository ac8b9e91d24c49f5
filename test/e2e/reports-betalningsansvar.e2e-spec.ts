import request from 'supertest';
import { demo, signInAll } from '../support/auth';
import { startApps, type RunningApps } from '../support/stack';
import { StayDriver } from '../support/stay-driver';
import { admitIn, allNeeds, at } from './monitoring-fixtures';

/**
 * The betalningsansvar report of March 2025 for Partille (1402), a kommun and month no other
 * test uses, with every figure computed by hand below; plus a stay of Stockholm (outside VGR:
 * national default) and one of Borås (VGR, outside Göteborgsområdet).
 */
const partille = {
  kommunCode: '1402',
  wardUnitId: 'sv-ostra-avd-12',
  listedVardcentralUnitId: 'rpv-vc-partille',
};
const outside = (kommunCode: string) => ({ ...partille, kommunCode });

interface Plan {
  uk: string;
  end: string;
  endType?: 'discharged' | 'died' | 'transferred';
  revoke?: { at: string; again: string };
  notice?: boolean;
}

describe('betalningsansvar report', () => {
  let apps: RunningApps;
  let driver: StayDriver;
  let http: ReturnType<typeof request>;
  let as: Record<'po' | 'ward', { Authorization: string }>;
  type Name =
    | 'zeroDay'
    | 'fiveDays'
    | 'overBoundary'
    | 'revoked'
    | 'died'
    | 'transferredLong'
    | 'noNotice'
    | 'intoApril'
    | 'stockholm'
    | 'boras'
    | 'late';
  const ids = {} as Record<Name, string>;

  /** Admission, needs, inskrivningsmeddelande, UK (+ notice), end: all in the past. */
  async function stay(name: keyof typeof ids, unit: typeof partille, plan: Plan) {
    const id = await admitIn(driver, { ...unit, admittedAt: at(plan.uk, 5) });
    await driver.event(id, 'needs-assessed', at(plan.uk, 6), allNeeds);
    await driver.complete(id, 'send-inskrivningsmeddelande', {
      occurredAt: at(plan.uk, 7),
    });
    await driver.event(id, 'utskrivningsklar', at(plan.uk, 8));
    if (plan.notice !== false)
      await driver.complete(id, 'send-utskrivningsklar', { occurredAt: at(plan.uk, 9) });
    if (plan.revoke) {
      await driver.event(id, 'utskrivningsklar-revoked', at(plan.revoke.at, 8), {
        reason: 'feber',
      });
      await driver.event(id, 'utskrivningsklar', at(plan.revoke.again, 8));
    }
    const endType = plan.endType ?? 'discharged';
    const data =
      endType === 'discharged'
        ? { destination: 'home' }
        : endType === 'transferred'
          ? { toUnitId: 'sv-annat-sjukhus' }
          : {};
    await driver.event(id, endType, at(plan.end, 12), data);
    ids[name] = id;
  }

  beforeAll(async () => {
    apps = await startApps();
    driver = await StayDriver.connect();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, { po: demo.processagare, ward: demo.wardGoteborg });
    await stay('zeroDay', partille, { uk: '2025-03-03', end: '2025-03-03' });
    await stay('fiveDays', partille, { uk: '2025-03-03', end: '2025-03-08' });
    await stay('overBoundary', partille, { uk: '2025-02-26', end: '2025-03-04' });
    await stay('revoked', partille, {
      uk: '2025-03-05',
      end: '2025-03-11',
      revoke: { at: '2025-03-07', again: '2025-03-09' },
    });
    await stay('died', partille, { uk: '2025-03-10', end: '2025-03-14', endType: 'died' });
    await stay('transferredLong', partille, {
      uk: '2025-03-12',
      end: '2025-03-22',
      endType: 'transferred',
    });
    await stay('noNotice', partille, { uk: '2025-03-15', end: '2025-03-18', notice: false });
    await stay('intoApril', partille, { uk: '2025-03-28', end: '2025-04-02' });
    await stay('stockholm', outside('0180'), { uk: '2025-03-03', end: '2025-03-08' });
    await stay('boras', outside('1490'), { uk: '2025-03-03', end: '2025-03-05' });
  }, 120_000);
  afterAll(async () => {
    await driver.close();
    await apps.close();
  });

  const report = (query: string) =>
    http.get(`/api/v1/reports/betalningsansvar?${query}`).set(as.po);

  it('computes the VGR model and the national default for the month, stay by stay', async () => {
    const { body } = await report('month=2025-03&kommun=1402').expect(200);
    expect(body.dailyAmount).toEqual({
      year: 2025,
      amountSek: 9300,
      setForYear: 2022,
      note: 'Inget belopp fastställt för 2025; senast kända belopp (från 2022) används',
    });
    expect(body.frozen).toBe(true);
    expect(body.freezesAt).toBe('2025-04-12T22:00:00.000Z');
    const rows = Object.fromEntries(
      (
        body.stays as {
          stayId: string;
          ukDays: number;
          billing: string;
          nationalDays: number;
          end: string;
        }[]
      ).map((s) => [s.stayId, [s.ukDays, s.billing, s.nationalDays, s.end]]),
    );
    expect(rows).toEqual({
      [ids.zeroDay]: [0, 'mean', 0, 'discharged'],
      [ids.fiveDays]: [5, 'mean', 2, 'discharged'], // billed from 03-06 (notice 03-03 + 3)
      [ids.overBoundary]: [6, 'mean', 3, 'discharged'], // all six days in March, 3 from 03-01
      [ids.revoked]: [4, 'mean', 2, 'discharged'], // 2 + 2, the revoked days paused
      [ids.died]: [4, 'mean', 1, 'died'],
      [ids.transferredLong]: [10, 'individual', 7, 'transferred'],
      [ids.noNotice]: [3, 'not-billable', 0, 'discharged'],
      // intoApril ends in April: not in March
    });
    // Mean: (0 + 5 + 6 + 4 + 4) / 5 = 3.8; 19 − 3.0 × 5 = 4 days × 9 300 = 37 200 kr;
    // individually 10 × 9 300 = 93 000 kr; national 15 days × 9 300 = 139 500 kr.
    expect(body.kommuner).toEqual([
      {
        kommunCode: '1402',
        agreement: 'vgr',
        inGoteborgsomradet: true,
        cases: 7,
        notBillableCases: 1,
        mean: { cases: 5, ukDays: 19, meanUkDays: 3.8, excessDays: 4, amountSek: 37_200 },
        individual: { cases: 1, ukDays: 10, amountSek: 93_000 },
        vgrAmountSek: 130_200,
        national: { days: 15, amountSek: 139_500 },
        amountDueSek: 130_200,
      },
    ]);
    const april = await report('month=2025-04&kommun=1402').expect(200);
    expect(april.body.stays).toMatchObject([{ stayId: ids.intoApril, ukDays: 5, nationalDays: 2 }]);
  });

  it('bills a kommun outside VGR by the national default, and Borås by the VGR model', async () => {
    const stockholm = await report('month=2025-03&kommun=0180').expect(200);
    expect(stockholm.body.kommuner).toEqual([
      expect.objectContaining({
        kommunCode: '0180',
        agreement: 'national',
        inGoteborgsomradet: false,
        national: { days: 2, amountSek: 18_600 },
        amountDueSek: 18_600,
      }),
    ]);
    const boras = await report('month=2025-03&kommun=1490').expect(200);
    expect(boras.body.kommuner).toEqual([
      expect.objectContaining({
        agreement: 'vgr',
        inGoteborgsomradet: false,
        mean: { cases: 1, ukDays: 2, meanUkDays: 2, excessDays: 0, amountSek: 0 },
        amountDueSek: 0,
      }),
    ]);
  });

  it('answers CSV with Accept: text/csv', async () => {
    const csv = await report('month=2025-03&kommun=1402').set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Månad;Kommun;Modell;/);
    expect(lines[1]).toBe(
      '2025-03;1402;VGR;7;1;5;19;3.80;4;37200.00;1;10;93000.00;130200.00;15;139500.00;130200.00;9300.00;2022',
    );
  });

  it('keeps a frozen month as it stood: a stay registered afterwards is not billed', async () => {
    const before = (await report('month=2025-03&kommun=1402').expect(200)).body;
    await stay('late', partille, { uk: '2025-03-20', end: '2025-03-25' });
    const after = (await report('month=2025-03&kommun=1402').expect(200)).body;
    expect(after).toEqual(before);
    // A what-if recomputes from the recorded stays, the late one (5 days) included:
    // 24 days over 6 cases, 24 − 18 = 6 days × 9 300 + 93 000 kr individually.
    const whatIf = await http
      .post('/api/v1/monitoring/what-if')
      .set(as.po)
      .send({ kommun: '1402', month: '2025-03', rules: { vgrMeanThresholdDays: 3 } })
      .expect(200);
    expect(whatIf.body.scenario.betalningsansvar.totalDueSek).toBe(148_800);
  });

  it('refuses corrections after the freeze, keeps them with who and why before it', async () => {
    const frozen = await http
      .post('/api/v1/reports/betalningsansvar/corrections')
      .set(as.po)
      .send({ stayId: ids.fiveDays, ukDays: 3, reason: 'UK registrerades för tidigt' })
      .expect(409);
    expect(frozen.headers['content-type']).toMatch(/problem\+json/);

    // A stay that ends now belongs to this month, which is open until the 12th of the next.
    const now = Date.now();
    const iso = (h: number) => new Date(now - h * 3_600_000).toISOString();
    const id = await admitIn(driver, { ...outside('1401'), admittedAt: iso(3) });
    await driver.event(id, 'utskrivningsklar', iso(2));
    await driver.event(id, 'discharged', iso(0.01), { destination: 'home' });
    const post = (ukDays: number, reason: string) =>
      http
        .post('/api/v1/reports/betalningsansvar/corrections')
        .set(as.po)
        .send({ stayId: id, ukDays, reason });
    const first = await post(2, 'UK-tid registrerad på fel vårdtillfälle').expect(201);
    expect(first.body).toMatchObject({ stayId: id, ukDays: 2, correctedBy: demo.processagare });
    await post(1, 'Rättat efter granskning').expect(201);
    const month = first.body.month as string;
    const { body } = await report(`month=${month}&kommun=1401`).expect(200);
    const row = (body.stays as { stayId: string }[]).find((s) => s.stayId === id);
    expect(row).toMatchObject({
      ukDays: 1,
      corrections: [
        { ukDays: 1, reason: 'Rättat efter granskning', correctedBy: demo.processagare },
        {
          ukDays: 2,
          reason: 'UK-tid registrerad på fel vårdtillfälle',
          correctedBy: demo.processagare,
        },
      ],
    });
    expect(body.frozen).toBe(false);
  });

  it('is for processägare only, validates its input and audits what it showed', async () => {
    await http.get('/api/v1/reports/betalningsansvar?month=2025-03').set(as.ward).expect(403);
    const bad = await report('month=2025-13').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'query.month', reason: expect.any(String) }]);
    await report('month=2018-05').expect(422);
    await http
      .post('/api/v1/reports/betalningsansvar/corrections')
      .set(as.po)
      .send({ stayId: ids.fiveDays, ukDays: -1, reason: '' })
      .expect(400);
    await http
      .post('/api/v1/reports/betalningsansvar/corrections')
      .set(as.po)
      .send({ stayId: '00000000-0000-4000-8000-000000000000', ukDays: 1, reason: 'finns inte' })
      .expect(404);
    const audited = await driver.prisma.auditEntry.count({
      where: { action: 'report.betalningsansvar', stayId: ids.fiveDays, userId: demo.processagare },
    });
    expect(audited).toBeGreaterThan(0);
  });
});
