import request from 'supertest';
import { demo, signInAll } from '../support/auth';
import {
  admissionBody,
  hoursAgo,
  newKey,
  randomPersonnummer,
  testPersonnummer,
} from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { admit } from '../support/stays';

describe('stays, deviations and me', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let as: Record<'ward' | 'hsv' | 'hsvMolndal' | 'vc' | 'po', { Authorization: string }>;

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, {
      ward: demo.wardGoteborg,
      hsv: demo.hemsjukvardGoteborg,
      hsvMolndal: demo.hemsjukvardMolndal,
      vc: demo.vardcentralGoteborg,
      po: demo.processagare,
    });
  });
  afterAll(() => apps.close());

  const assess = (stayId: string, data: Record<string, boolean>, type = 'needs-assessed') =>
    http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(as.ward)
      .send({ type, occurredAt: hoursAgo(1), data })
      .expect(201);

  it('tells who is signed in, with role and units', async () => {
    const me = await http.get('/api/v1/me').set(as.hsv).expect(200);
    expect(me.body).toMatchObject({
      id: demo.hemsjukvardGoteborg,
      role: 'hemsjukvard_staff',
      roleTitle: 'Kommunal hälso- och sjukvård',
      kommunCodes: ['1480'],
      units: [expect.objectContaining({ id: 'kpv-goteborg-hemsjukvard' })],
    });
  });

  it('shows kommun staff a stay only while the patient has a municipal need', async () => {
    const stayId = await admit(http, as.ward);
    await http.get(`/api/v1/stays/${stayId}`).set(as.hsv).expect(404);
    await assess(stayId, {
      socialtjanst: false,
      kommunalHalsoOchSjukvard: true,
      regionalPrimarvard: false,
    });
    await http.get(`/api/v1/stays/${stayId}`).set(as.hsv).expect(200);
    await http.get(`/api/v1/stays/${stayId}`).set(as.hsvMolndal).expect(404);
    const listed = await http
      .get('/api/v1/stays?kommun=1480&status=admitted')
      .set(as.hsv)
      .expect(200);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(stayId);
    await assess(stayId, { kommunalHalsoOchSjukvard: false }, 'needs-changed');
    await http.get(`/api/v1/stays/${stayId}`).set(as.hsv).expect(404);
  });

  it('stores the frailty score and shows identity, counters and timeline', async () => {
    const key = newKey();
    const body = admissionBody({ frailty: { cfs: 6 } });
    const first = await http
      .post('/api/v1/stays')
      .set(as.ward)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const stayId = first.body.id as string;
    await http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(as.ward)
      .send({
        type: 'planned-discharge-date-set',
        occurredAt: hoursAgo(0.5),
        data: { date: '2026-12-01' },
      })
      .expect(201);
    await http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(as.ward)
      .send({
        type: 'planned-discharge-date-changed',
        occurredAt: hoursAgo(0.4),
        data: { date: '2026-12-03' },
      })
      .expect(201);
    const stay = await http.get(`/api/v1/stays/${stayId}`).set(as.ward).expect(200);
    expect(stay.body).toMatchObject({
      frailty: { cfs: 6 },
      patient: { personnummer: '191212121212', name: 'Tolvan Tolvansson' },
      counters: { plannedDischargeDateMoves: 1, utskrivningsklarDays: 0 },
    });
    expect(stay.body.events.map((e: { type: string }) => e.type)).toEqual([
      'planned-discharge-date-set',
      'planned-discharge-date-changed',
    ]);
    const pseudonymised = await http.get(`/api/v1/stays/${stayId}`).set(as.po).expect(200);
    expect(pseudonymised.body.patient).toBeNull();
    expect(pseudonymised.body.patientPseudonym).toBe(stay.body.patientPseudonym);
    expect(JSON.stringify(pseudonymised.body)).not.toContain(testPersonnummer[0].slice(2, 8));
  });

  it("keeps an earlier stay's name and kommun when the personnummer is admitted again", async () => {
    const personnummer = randomPersonnummer();
    const patient = (name: string, folkbokforingskommun: string) =>
      admissionBody({ patient: { personnummer, name, folkbokforingskommun } });
    const first = await http
      .post('/api/v1/stays')
      .set(as.ward)
      .set('Idempotency-Key', newKey())
      .send(patient('Anna Första', '1480'))
      .expect(201);
    // Readmitted after a change of name and of folkbokföringskommun: the first stay used to
    // show the new name and kommun, as if she had had them then.
    await http
      .post('/api/v1/stays')
      .set(as.ward)
      .set('Idempotency-Key', newKey())
      .send(patient('Anna Andra', '1481'))
      .expect(201);
    const earlier = await http.get(`/api/v1/stays/${first.body.id}`).set(as.ward).expect(200);
    expect(earlier.body.patient).toMatchObject({
      name: 'Anna Första',
      folkbokforingskommun: '1480',
    });
    const list = await http
      .get('/api/v1/stays?unit=sv-sahlgrenska-avd-32')
      .set(as.ward)
      .expect(200);
    const row = (list.body.items as { id: string; patient: { name: string } }[]).find(
      (s) => s.id === first.body.id,
    );
    expect(row?.patient.name).toBe('Anna Första');
    const encounter = await http
      .get(`/fhir/R4/Encounter/${first.body.id}`)
      .set(as.ward)
      .expect(200);
    expect(JSON.stringify(encounter.body)).toContain('Anna Första');
  });

  it('records a manual samverkansavvikelse once per key and lists it by filter', async () => {
    const stayId = await admit(http, as.ward);
    const report = {
      category: 'sen-planering',
      description: 'Planeringen kom i gång först dag 4',
      unitId: 'kpv-goteborg-hemsjukvard',
      occurredAt: hoursAgo(2),
    };
    const key = newKey();
    const path = `/api/v1/stays/${stayId}/deviations`;
    const created = await http
      .post(path)
      .set(as.ward)
      .set('Idempotency-Key', key)
      .send(report)
      .expect(201);
    expect(created.body).toMatchObject({
      source: 'manual',
      category: 'sen-planering',
      stayId,
      kommunCode: '1480',
    });
    const again = await http
      .post(path)
      .set(as.ward)
      .set('Idempotency-Key', key)
      .send(report)
      .expect(201);
    expect(again.body.id).toBe(created.body.id);
    const reused = await http
      .post(path)
      .set(as.ward)
      .set('Idempotency-Key', key)
      .send({ ...report, category: 'ovrigt' })
      .expect(422);
    expect(reused.body.errors).toContainEqual(
      expect.objectContaining({ field: 'header.Idempotency-Key' }),
    );
    const unknown = await http
      .post(path)
      .set(as.ward)
      .set('Idempotency-Key', newKey())
      .send({ ...report, unitId: 'kpv-nowhere' })
      .expect(422);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ field: 'body.unitId' }));
    const badCategory = await http
      .post(path)
      .set(as.ward)
      .set('Idempotency-Key', newKey())
      .send({ ...report, category: 'tråkigt' })
      .expect(400);
    expect(badCategory.body.errors).toContainEqual(
      expect.objectContaining({ field: 'body.category' }),
    );
    const listed = await http
      .get(
        '/api/v1/deviations?unit=kpv-goteborg-hemsjukvard&kommun=1480&category=sen-planering&source=manual',
      )
      .set(as.po)
      .expect(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(created.body.id);
    const window = await http
      .get(`/api/v1/deviations?category=sen-planering&from=${encodeURIComponent(hoursAgo(1))}`)
      .set(as.po)
      .expect(200);
    expect(window.body.items.map((d: { id: string }) => d.id)).not.toContain(created.body.id);
    // The process hears of it: the event is on the stay's timeline.
    const stay = await http.get(`/api/v1/stays/${stayId}`).set(as.ward).expect(200);
    expect(stay.body.events.map((e: { type: string }) => e.type)).toContain(
      'samverkansavvikelse-reported',
    );
    expect(stay.body.deviations.map((d: { id: string }) => d.id)).toContain(created.body.id);
  });
});
