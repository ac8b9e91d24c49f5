import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { IntegrationModule } from '../../apps/integration/src/integration.module';
import { MllpListener } from '../../apps/integration/src/mllp-listener.service';
import { demo, signIn } from '../support/auth';
import { admissionBody, newKey, randomPersonnummer } from '../support/fixtures';
import { MllpSender, ackCodes, adt, mllpFrame, query, sendRaw } from '../support/hl7';
import { startApps, type RunningApps } from '../support/stack';
import { eventually } from '../support/stays';

/**
 * HL7 v2 ADT over a real MLLP socket (the @medplum/hl7 client) against the listener app, the
 * worker and the API on the real Temporal and PostgreSQL: the same stay sent as HL7 and as REST
 * ends in the same tasks, deadlines and counters; bad messages are answered AE/AR and kept.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const base = Math.floor((Date.now() - 10 * DAY) / 60_000) * 60_000;
const t = (days: number, hours = 0) => new Date(base + days * DAY + hours * HOUR).toISOString();
const needs = { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true };
const MAX_BYTES = 65_536;

type Auth = { Authorization: string };

describe('HL7 v2 ADT over MLLP', () => {
  let apps: RunningApps;
  let listener: INestApplicationContext;
  let http: ReturnType<typeof request>;
  let sender: MllpSender;
  let port: number;
  let ward: Auth;

  beforeAll(async () => {
    apps = await startApps();
    process.env.MLLP_PORT = '0';
    process.env.MLLP_MAX_MESSAGE_BYTES = String(MAX_BYTES);
    listener = await NestFactory.createApplicationContext(IntegrationModule, { logger: false });
    await listener.init();
    port = listener.get(MllpListener).port();
    sender = new MllpSender(port);
    http = request(apps.api.getHttpServer());
    ward = await signIn(http, demo.wardGoteborg);
  });
  afterAll(async () => {
    await sender.close();
    await listener.close();
    await apps.close();
  });

  const visit = () => `V${randomUUID().slice(0, 12)}`;
  const ctl = () => `MSG-${randomUUID()}`;
  const stayOfVisit = async (v: string) =>
    (
      await query<{ stay_id: string }>(
        'SELECT stay_id FROM integration_visit WHERE visit_number = $1',
        [v],
      )
    )[0]?.stay_id;
  const message = async (controlId: string) =>
    (
      await query<{
        status: string;
        reason_code: string | null;
        ack_code: string;
        attempts: number;
      }>(
        'SELECT status, reason_code, ack_code, attempts FROM integration_message WHERE control_id = $1',
        [controlId],
      )
    )[0];
  const event = (stayId: string, type: string, occurredAt: string, data: object = {}) =>
    http
      .post(`/api/v1/stays/${stayId}/events`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({ type, occurredAt, data })
      .expect(201);
  const timeline = async (stayId: string) =>
    (await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200)).body as {
      status: string;
      wardUnitId: string;
      listedVardcentralUnitId: string | null;
      admittedAt: string;
      endedAt: string | null;
      events: { type: string; occurredAt: string; data: object }[];
      tasks: { activityId: string; unitId: string; status: string; dueAt: string | null }[];
      counters: object;
      patient: { name: string } | null;
    };
  /** What must be equal between two paths: everything but ids and registration times. */
  const comparable = (s: Awaited<ReturnType<typeof timeline>>) => ({
    status: s.status,
    wardUnitId: s.wardUnitId,
    listedVardcentralUnitId: s.listedVardcentralUnitId,
    admittedAt: s.admittedAt,
    endedAt: s.endedAt,
    events: s.events.map((e) => [e.type, e.occurredAt, e.data]),
    tasks: s.tasks
      .map((k) => [k.activityId, k.unitId, k.status, k.dueAt])
      .sort((a, b) => String(a).localeCompare(String(b))),
    counters: s.counters,
  });

  it('ends a stay sent as A01 → A02 → A03 (with a resend and an out-of-order cancel) as the REST path does', async () => {
    // HL7: the hospital's patient administration system.
    const pnr = randomPersonnummer();
    const v = visit();
    const admitted = adt({
      event: 'A01',
      controlId: ctl(),
      visit: v,
      at: t(0),
      personnummer: pnr,
      primaryCare: 'SE2321000131-E000000000101',
    });
    expect((await sender.send(admitted)).code).toBe('AA');
    const stayId = await stayOfVisit(v);
    expect(stayId).toBeDefined();
    // The resend of the same message (same MSH-10) is answered AA and does nothing more.
    expect((await sender.send(admitted)).code).toBe('AA');
    const patientStays = await query<{ n: string }>(
      'SELECT count(*) AS n FROM stay s JOIN patient p ON p.id = s.patient_id WHERE p.personnummer = $1',
      [pnr.replace('-', '')],
    );
    expect(Number(patientStays[0]?.n)).toBe(1);
    // What the physician assesses is registered here, not in the PAS.
    await event(stayId as string, 'needs-assessed', t(0, 2), needs);

    // A13 (cancel discharge) before any discharge: out of order, kept in the inbox.
    const cancel = ctl();
    const cancelled = await sender.send(
      adt({ event: 'A13', controlId: cancel, visit: v, at: t(1), personnummer: pnr }),
    );
    expect(cancelled.code).toBe('AE');
    expect(await message(cancel)).toMatchObject({
      status: 'inbox',
      reason_code: 'out-of-order-cancel',
    });

    // A02 to another ward of the same hospital: not an event of the process, kept with its reason.
    const move = ctl();
    const moved = await sender.send(
      adt({
        event: 'A02',
        controlId: move,
        visit: v,
        at: t(1, 4),
        personnummer: pnr,
        ward: 'AVD41',
      }),
    );
    expect(moved.code).toBe('AE');
    expect(await message(move)).toMatchObject({
      status: 'inbox',
      reason_code: 'ward-move-within-hospital',
    });

    const discharge = adt({
      event: 'A03',
      controlId: ctl(),
      visit: v,
      at: t(3),
      personnummer: pnr,
      disposition: '01',
    });
    expect((await sender.send(discharge)).code).toBe('AA');
    expect((await sender.send(discharge)).code).toBe('AA');

    // REST: the same stay registered by hand.
    const body = admissionBody({ admittedAt: t(0) });
    Object.assign(body.patient, { personnummer: randomPersonnummer(), postalCode: '41301' });
    const rest = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send(body)
      .expect(201);
    const restId = rest.body.id as string;
    await event(restId, 'needs-assessed', t(0, 2), needs);
    await event(restId, 'discharged', t(3), { destination: 'home' });

    const [viaHl7, viaRest] = await eventually(async () => {
      const both = [await timeline(stayId as string), await timeline(restId)] as const;
      expect(both.map((s) => s.status)).toEqual(['discharged', 'discharged']);
      expect(comparable(both[0])).toEqual(comparable(both[1]));
      return both;
    });
    expect(viaHl7.events.filter((e) => e.type === 'discharged')).toHaveLength(1);
    expect(viaHl7.tasks.length).toBeGreaterThan(0);
    expect(viaHl7.patient?.name).toBe('Tolvan Tolvansson');
    expect(comparable(viaHl7)).toEqual(comparable(viaRest));
  });

  it('transfers to another hospital on A02, dates a death from PID-29, and keeps what comes after', async () => {
    const pnr = randomPersonnummer();
    const v = visit();
    expect(
      (
        await sender.send(
          adt({ event: 'A01', controlId: ctl(), visit: v, at: t(0), personnummer: pnr }),
        )
      ).code,
    ).toBe('AA');
    const transfer = adt({
      event: 'A02',
      controlId: ctl(),
      visit: v,
      at: t(2),
      personnummer: pnr,
      ward: 'MOLNDAL5',
    });
    expect((await sender.send(transfer)).code).toBe('AA');
    const stayId = (await stayOfVisit(v)) as string;
    const late = ctl();
    const after = await sender.send(
      adt({
        event: 'A03',
        controlId: late,
        visit: v,
        at: t(3),
        personnummer: pnr,
        disposition: '01',
      }),
    );
    expect(after.code).toBe('AE');
    expect(await message(late)).toMatchObject({ status: 'inbox', reason_code: 'conflict' });
    const transferred = await eventually(async () => {
      const s = await timeline(stayId);
      expect(s.status).toBe('transferred');
      return s;
    });
    expect(transferred.events.find((e) => e.type === 'transferred')).toMatchObject({
      occurredAt: t(2),
      data: { toUnitId: 'sv-molndal-avd-5' },
    });

    const other = randomPersonnummer();
    const v2 = visit();
    await sender.send(
      adt({ event: 'A01', controlId: ctl(), visit: v2, at: t(0), personnummer: other }),
    );
    const death = adt({
      event: 'A03',
      controlId: ctl(),
      visit: v2,
      at: t(1, 6),
      personnummer: other,
      disposition: '20',
      died: { at: t(1, 2) },
    });
    expect((await sender.send(death)).code).toBe('AA');
    const died = await eventually(async () => {
      const s = await timeline((await stayOfVisit(v2)) as string);
      expect(s.status).toBe('died');
      return s;
    });
    expect(died.events.find((e) => e.type === 'died')?.occurredAt).toBe(t(1, 2));
  });

  it('answers bad messages AE/AR and keeps each in the inbox, creating no stay', async () => {
    const stays = async () =>
      Number((await query<{ n: string }>('SELECT count(*) AS n FROM stay'))[0]?.n);
    const before = await stays();
    const pnr = randomPersonnummer();

    // Malformed: not an HL7 message at all.
    const malformed = ackCodes(await sendRaw(port, mllpFrame(Buffer.from('HELLO WORLD'))));
    expect(malformed).toEqual({ code: 'AR', reasonCode: 'malformed' });

    // A segment missing: no PV1.
    const noPv1Id = ctl();
    const noPv1 = adt({
      event: 'A01',
      controlId: noPv1Id,
      visit: visit(),
      at: t(0),
      personnummer: pnr,
    })
      .split('\r')
      .filter((s) => !s.startsWith('PV1'))
      .join('\r');
    expect(await sender.send(noPv1)).toMatchObject({ code: 'AE' });
    expect(await message(noPv1Id)).toMatchObject({
      status: 'inbox',
      reason_code: 'missing-segment',
    });

    // Unknown ward.
    const unknownId = ctl();
    const unknown = await sender.send(
      adt({
        event: 'A01',
        controlId: unknownId,
        visit: visit(),
        at: t(0),
        personnummer: pnr,
        ward: 'AVD99',
      }),
    );
    expect(unknown.code).toBe('AE');
    expect(unknown.text).toContain('AVD99');
    expect(await message(unknownId)).toMatchObject({
      status: 'inbox',
      reason_code: 'unknown-ward',
    });

    // Patient (visit) not found: a discharge of a visit never admitted.
    const orphanId = ctl();
    expect(
      (
        await sender.send(
          adt({
            event: 'A03',
            controlId: orphanId,
            visit: visit(),
            at: t(1),
            personnummer: pnr,
            disposition: '01',
          }),
        )
      ).code,
    ).toBe('AE');
    expect(await message(orphanId)).toMatchObject({
      status: 'inbox',
      reason_code: 'stay-not-found',
    });

    // Wrong encoding: declared UTF-8, sent as Latin-1.
    const latinId = ctl();
    const latin = adt({
      event: 'A01',
      controlId: latinId,
      visit: visit(),
      at: t(0),
      personnummer: pnr,
      name: ['Åström', 'Östen'],
    });
    const wrong = ackCodes(await sendRaw(port, mllpFrame(Buffer.from(latin, 'latin1'))));
    expect(wrong).toEqual({ code: 'AR', reasonCode: 'wrong-encoding' });
    expect(await message(latinId)).toMatchObject({
      status: 'inbox',
      reason_code: 'wrong-encoding',
    });

    // Oversize.
    const bigId = ctl();
    const big = adt({
      event: 'A01',
      controlId: bigId,
      visit: visit(),
      at: t(0),
      personnummer: pnr,
    });
    const padded = `${big}\rNTE|1||${'x'.repeat(MAX_BYTES)}`;
    expect(ackCodes(await sendRaw(port, mllpFrame(Buffer.from(padded))))).toEqual({
      code: 'AR',
      reasonCode: 'oversize',
    });
    expect(await message(bigId)).toMatchObject({ status: 'inbox', reason_code: 'oversize' });

    // Not ADT, and not 2.5.
    const oru = adt({
      event: 'A01',
      controlId: ctl(),
      visit: visit(),
      at: t(0),
      personnummer: pnr,
    }).replace('ADT^A01^ADT_A01', 'ORU^R01^ORU_R01');
    expect(ackCodes(await sendRaw(port, mllpFrame(Buffer.from(oru))))).toEqual({
      code: 'AR',
      reasonCode: 'unsupported-message-type',
    });
    const v23 = adt({
      event: 'A01',
      controlId: ctl(),
      visit: visit(),
      at: t(0),
      personnummer: pnr,
      version: '2.3',
    });
    expect((await sender.send(v23)).code).toBe('AR');

    // A control id used again for another message.
    const reusedId = ctl();
    expect(
      (
        await sender.send(
          adt({ event: 'A08', controlId: reusedId, visit: visit(), at: t(0), personnummer: pnr }),
        )
      ).code,
    ).toBe('AE');
    expect(
      (
        await sender.send(
          adt({ event: 'A08', controlId: reusedId, visit: visit(), at: t(1), personnummer: pnr }),
        )
      ).code,
    ).toBe('AR');

    expect(await stays()).toBe(before);
  });

  it('reads a message in the character set MSH-18 declares (8859/1)', async () => {
    const v = visit();
    const text = adt({
      event: 'A01',
      controlId: ctl(),
      visit: v,
      at: t(0),
      personnummer: randomPersonnummer(),
      name: ['Åström', 'Östen'],
      charset: '8859/1',
    });
    expect(ackCodes(await sendRaw(port, mllpFrame(Buffer.from(text, 'latin1'))))).toEqual({
      code: 'AA',
      reasonCode: '',
    });
    expect((await timeline((await stayOfVisit(v)) as string)).patient?.name).toBe('Östen Åström');
  });
  it('lets processägare see the inbox without patient data, replay a message and resolve one by hand', async () => {
    const owner = await signIn(http, demo.processagare);
    const pnr = randomPersonnummer();
    const v = visit();
    // The discharge arrives before the admission: kept as stay-not-found.
    const early = ctl();
    const discharge = adt({
      event: 'A03',
      controlId: early,
      visit: v,
      at: t(2),
      personnummer: pnr,
      disposition: '03',
    });
    expect((await sender.send(discharge)).code).toBe('AE');
    expect(
      (
        await sender.send(
          adt({ event: 'A01', controlId: ctl(), visit: v, at: t(0), personnummer: pnr }),
        )
      ).code,
    ).toBe('AA');
    const cancel = ctl();
    expect(
      (
        await sender.send(
          adt({ event: 'A11', controlId: cancel, visit: v, at: t(1), personnummer: pnr }),
        )
      ).code,
    ).toBe('AE');

    await http.get('/api/v1/integration/messages').set(ward).expect(403);
    const listed = await http.get('/api/v1/integration/messages').set(owner).expect(200);
    const items = listed.body.items as {
      id: string;
      controlId: string;
      reasonCode: string;
      status: string;
    }[];
    const earlyItem = items.find((m) => m.controlId === early);
    const cancelItem = items.find((m) => m.controlId === cancel);
    expect(earlyItem).toMatchObject({ status: 'inbox', reasonCode: 'stay-not-found' });
    expect(cancelItem).toMatchObject({ status: 'inbox', reasonCode: 'cancel-not-supported' });
    expect(listed.text).not.toContain(pnr.replace('-', '').slice(2));
    expect(listed.text).not.toContain('Tolvansson');

    const key = newKey();
    const replay = () =>
      http
        .post(`/api/v1/integration/messages/${earlyItem?.id}/replay`)
        .set(owner)
        .set('Idempotency-Key', key);
    const replayed = await replay().expect(200);
    expect(replayed.body).toMatchObject({ ack: 'AA', message: { status: 'applied', attempts: 2 } });
    expect((await replay().expect(200)).body).toMatchObject({
      ack: 'AA',
      message: { status: 'applied' },
    });
    await http
      .post(`/api/v1/integration/messages/${earlyItem?.id}/replay`)
      .set(owner)
      .set('Idempotency-Key', newKey())
      .expect(409);
    await http.post(`/api/v1/integration/messages/${earlyItem?.id}/replay`).set(owner).expect(400);
    const stay = await eventually(async () => {
      const s = await timeline((await stayOfVisit(v)) as string);
      expect(s.status).toBe('discharged');
      return s;
    });
    expect(stay.events.find((e) => e.type === 'discharged')).toMatchObject({
      occurredAt: t(2),
      data: { destination: 'korttid' },
    });

    const resolved = await http
      .post(`/api/v1/integration/messages/${cancelItem?.id}/resolve`)
      .set(owner)
      .set('Idempotency-Key', newKey())
      .send({ note: 'Vårdtillfället makulerat i samråd med avdelningen' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', reasonCode: 'cancel-not-supported' });
    const audited = await query<{ action: string; outcome: string }>(
      "SELECT action, outcome FROM audit_entry WHERE action LIKE 'integration.%'",
    );
    expect(audited.map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining([
        'integration.inbox.list:denied',
        'integration.inbox.list:ok',
        'integration.replay:ok',
        'integration.resolve:ok',
      ]),
    );
  });
});
