import request from 'supertest';
import { startApps, type RunningApps } from '../support/stack';
import { hoursAgo, newKey, randomPersonnummer } from '../support/fixtures';
import { eventually, type TaskView } from '../support/stays';
import { signInAll } from '../support/auth';
import { recordReplayHistory } from '../support/replay-history';

type Http = ReturnType<typeof request>;
type Auth = { Authorization: string };

/**
 * Issue 14, rules 5 and 8, driven through the API by the people who do the work: nothing is
 * dropped when a receiver is unknown (the intake routes it, or a deviation says it was not
 * routed in time), Göteborg's hemtjänst is chosen by the patient's area, and start of home
 * care and reception at korttidsboende reach the hemtjänst provider and the korttidsboende.
 */
describe('receiving units: intakes, routing, areas, hemtjänst and korttidsboende (v2)', () => {
  let apps: RunningApps;
  let http: Http;
  let as: Record<
    | 'wardMolndal'
    | 'wardGoteborg'
    | 'intakePrimarvard'
    | 'vcMolndal'
    | 'intakeGoteborg'
    | 'hemtjanstMajorna'
    | 'korttidMolndal'
    | 'intakeOther'
    | 'processagare',
    Auth
  >;

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, {
      wardMolndal: 'demo-ward-molndal',
      wardGoteborg: 'demo-ward-goteborg',
      intakePrimarvard: 'demo-mottagning-primarvard',
      vcMolndal: 'demo-vardcentral-molndal',
      intakeGoteborg: 'demo-mottagning-goteborg',
      hemtjanstMajorna: 'demo-hemtjanst-goteborg',
      korttidMolndal: 'demo-korttid-molndal',
      intakeOther: 'demo-mottagning-ovriga-kommuner',
      processagare: 'demo-processagare',
    });
  });
  afterAll(async () => {
    await apps.close();
  });

  async function admit(
    ward: Auth,
    wardUnitId: string,
    patient: Record<string, unknown>,
  ): Promise<string> {
    const response = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({
        patient: { personnummer: randomPersonnummer(), name: 'Test Testsson', ...patient },
        wardUnitId,
        admittedAt: hoursAgo(2),
        careType: 'somatic',
      });
    expect(response.status).toBe(201);
    expect(response.body.processDefinitionVersion).toBe(2);
    return response.body.id as string;
  }

  const event = (who: Auth, stayId: string, type: string, data: object, at = hoursAgo(1)) =>
    http
      .post(`/api/v1/stays/${stayId}/events`)
      .set(who)
      .set('Idempotency-Key', newKey())
      .send({ type, occurredAt: at, data })
      .expect(201);

  const complete = (who: Auth, taskId: string, body: object) =>
    http
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(who)
      .set('Idempotency-Key', newKey())
      .send(body);

  /** The unit's live tasks of the stay, as a member of the unit sees them. */
  async function queue(who: Auth, unitId: string, stayId: string): Promise<TaskView[]> {
    const response = await http.get(`/api/v1/tasks?unit=${unitId}&stay=${stayId}`).set(who);
    expect(response.status).toBe(200);
    return (response.body.items as TaskView[]).filter((t) =>
      ['open', 'claimed'].includes(t.status),
    );
  }

  async function sendInskrivningsmeddelande(
    ward: Auth,
    wardUnitId: string,
    stayId: string,
    occurredAt?: string,
  ) {
    const send = await eventually(async () => {
      const task = (await queue(ward, wardUnitId, stayId)).find(
        (t) => t.activityId === 'send-inskrivningsmeddelande',
      );
      if (!task) throw new Error('no send-inskrivningsmeddelande yet');
      return task;
    });
    expect((await complete(ward, send.id, occurredAt ? { occurredAt } : {})).status).toBe(200);
  }

  it('no listed vårdcentral: the vårdcentral’s tasks wait at primärvårdens mottagning, which routes them', async () => {
    const stayId = await admit(as.wardMolndal, 'sv-molndal-avd-5', {
      folkbokforingskommun: '1481',
    });
    await event(as.wardMolndal, stayId, 'needs-assessed', {
      socialtjanst: false,
      kommunalHalsoOchSjukvard: false,
      regionalPrimarvard: true,
    });
    await sendInskrivningsmeddelande(as.wardMolndal, 'sv-molndal-avd-5', stayId);

    const atIntake = await eventually(async () => {
      const tasks = await queue(as.intakePrimarvard, 'rpv-mottagning', stayId);
      if (!tasks.some((t) => t.activityId === 'choose-receiving-unit'))
        throw new Error('no routing task yet');
      return tasks;
    });
    const routing = atIntake.filter((t) => t.activityId === 'choose-receiving-unit');
    const waiting = atIntake.filter((t) => t.activityId !== 'choose-receiving-unit');
    expect(routing).toHaveLength(1);
    expect(routing[0]?.dueAt).not.toBeNull();
    expect(waiting.length).toBeGreaterThan(0);
    const routingTask = routing[0] as TaskView;

    // Bad routing changes nothing: a unit of another lane, another intake, no unit at all.
    for (const [body, reason] of [
      [{ outcome: 'routed', receivingUnitId: 'kpv-molndal-hemsjukvard' }, /lane/],
      [{ outcome: 'routed', receivingUnitId: 'kst-mottagning-ovriga-kommuner' }, /lane|intake/],
      [{ outcome: 'routed' }, /receivingUnitId/],
      [{ outcome: 'routed', receivingUnitId: 'no-such-unit' }, /no unit/],
    ] as const) {
      const refused = await complete(as.intakePrimarvard, routingTask.id, body);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toContainEqual({
        field: 'body.receivingUnitId',
        reason: expect.stringMatching(reason),
      });
    }
    // The ward cannot route the intake's task.
    expect(
      (
        await complete(as.wardMolndal, routingTask.id, {
          outcome: 'routed',
          receivingUnitId: 'rpv-vc-molndal-centrum',
        })
      ).status,
    ).toBe(403);

    const routed = await complete(as.intakePrimarvard, routingTask.id, {
      outcome: 'routed',
      receivingUnitId: 'rpv-vc-molndal-centrum',
      note: 'Listad enligt folkbokföringsadress',
    });
    expect(routed.status).toBe(200);

    const atVardcentral = await eventually(async () => {
      const tasks = await queue(as.vcMolndal, 'rpv-vc-molndal-centrum', stayId);
      if (tasks.length < waiting.length) throw new Error('not moved yet');
      return tasks;
    });
    expect(atVardcentral.map((t) => t.id).sort()).toEqual(waiting.map((t) => t.id).sort());
    expect(await queue(as.intakePrimarvard, 'rpv-mottagning', stayId)).toEqual([]);

    // Later tasks for the vårdcentral go there directly, with no new routing task.
    await event(as.wardMolndal, stayId, 'discharged', { destination: 'korttid' }, hoursAgo(0.5));
    const followUp = await eventually(async () => {
      const task = (await queue(as.vcMolndal, 'rpv-vc-molndal-centrum', stayId)).find(
        (t) => t.activityId === 'follow-up-contact',
      );
      if (!task) throw new Error('no follow-up yet');
      return task;
    });
    expect(followUp.unitId).toBe('rpv-vc-molndal-centrum');
    expect(await queue(as.intakePrimarvard, 'rpv-mottagning', stayId)).toEqual([]);

    // Rule 8: the korttidsboende receives the patient, not the biståndshandläggare.
    const korttid = await eventually(async () => {
      const task = (await queue(as.korttidMolndal, 'kst-molndal-korttid', stayId)).find(
        (t) => t.activityId === 'receive-at-korttid',
      );
      if (!task) throw new Error('no korttid task yet');
      return task;
    });
    expect((await complete(as.korttidMolndal, korttid.id, {})).status).toBe(200);
    recordReplayHistory(stayId, 'receiving-unit-routing');
  });

  it('a routing task not done in time is a deviation at the intake', async () => {
    const stayId = await admit(as.wardMolndal, 'sv-molndal-avd-5', {
      folkbokforingskommun: '1481',
    });
    // Assessed and sent a week ago (registered late): the routing task is overdue at once.
    const weekAgo = hoursAgo(24 * 7);
    await event(
      as.wardMolndal,
      stayId,
      'needs-assessed',
      { socialtjanst: false, kommunalHalsoOchSjukvard: false, regionalPrimarvard: true },
      weekAgo,
    );
    await sendInskrivningsmeddelande(as.wardMolndal, 'sv-molndal-avd-5', stayId, weekAgo);
    const stay = await eventually(async () => {
      const response = await http.get(`/api/v1/stays/${stayId}`).set(as.intakePrimarvard);
      expect(response.status).toBe(200);
      const routing = (response.body.tasks as (TaskView & { id: string })[]).find(
        (t) => t.activityId === 'choose-receiving-unit',
      );
      if (!routing?.overdue) throw new Error('routing task not overdue yet');
      const deviations = response.body.deviations as { taskId: string; unitId: string }[];
      if (!deviations.some((d) => d.taskId === routing.id)) throw new Error('no deviation yet');
      return { routing, deviations };
    });
    expect(stay.deviations).toContainEqual(
      expect.objectContaining({ taskId: stay.routing.id, unitId: 'rpv-mottagning' }),
    );
  });

  it('Göteborg: hemtjänst by the patient’s NOSAM area, or through the kommun’s mottagning', async () => {
    const gbg = { folkbokforingskommun: '1480', listedVardcentralUnitId: 'rpv-vc-majorna' };
    const needs = {
      socialtjanst: true,
      kommunalHalsoOchSjukvard: false,
      regionalPrimarvard: false,
    };

    // Postnummer 414 63 lies in Majorna/Linné: its hemtjänst starts the care at home.
    const inArea = await admit(as.wardGoteborg, 'sv-sahlgrenska-avd-32', {
      ...gbg,
      postalCode: '414 63',
    });
    await event(as.wardGoteborg, inArea, 'needs-assessed', needs);
    await event(as.wardGoteborg, inArea, 'discharged', { destination: 'home' }, hoursAgo(0.5));
    const start = await eventually(async () => {
      const task = (
        await queue(as.hemtjanstMajorna, 'kst-goteborg-hemtjanst-majorna-linne', inArea)
      ).find((t) => t.activityId === 'start-home-care');
      if (!task) throw new Error('no start-home-care yet');
      return task;
    });
    expect((await complete(as.hemtjanstMajorna, start.id, {})).status).toBe(200);

    // No address: the kommun's mottagning holds it and routes it to the area's hemtjänst.
    const noAddress = await admit(as.wardGoteborg, 'sv-sahlgrenska-avd-32', gbg);
    await event(as.wardGoteborg, noAddress, 'needs-assessed', needs);
    await event(as.wardGoteborg, noAddress, 'discharged', { destination: 'home' }, hoursAgo(0.5));
    const held = await eventually(async () => {
      const tasks = await queue(as.intakeGoteborg, 'kst-goteborg-mottagning', noAddress);
      if (tasks.length < 2) throw new Error('not at the mottagning yet');
      return tasks;
    });
    expect(held.map((t) => t.activityId).sort()).toEqual([
      'choose-receiving-unit',
      'start-home-care',
    ]);
    const routing = held.find((t) => t.activityId === 'choose-receiving-unit') as TaskView;
    expect(
      (
        await complete(as.intakeGoteborg, routing.id, {
          outcome: 'routed',
          receivingUnitId: 'kst-goteborg-hemtjanst-majorna-linne',
        })
      ).status,
    ).toBe(200);
    await eventually(async () => {
      const tasks = await queue(
        as.hemtjanstMajorna,
        'kst-goteborg-hemtjanst-majorna-linne',
        noAddress,
      );
      expect(tasks.map((t) => t.activityId)).toEqual(['start-home-care']);
    });
  });

  it('refuses a postnummer that is not five digits, naming the field', async () => {
    const response = await http
      .post('/api/v1/stays')
      .set(as.wardGoteborg)
      .set('Idempotency-Key', newKey())
      .send({
        patient: {
          personnummer: randomPersonnummer(),
          name: 'Test Testsson',
          folkbokforingskommun: '1480',
          postalCode: '4146',
        },
        wardUnitId: 'sv-sahlgrenska-avd-32',
        admittedAt: hoursAgo(1),
        careType: 'somatic',
      });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({
      field: 'body.patient.postalCode',
      reason: expect.stringContaining('postnummer'),
    });
  });

  it('another county: the mottagning for other kommuner holds the municipal tasks and may keep them', async () => {
    const stayId = await admit(as.wardGoteborg, 'sv-sahlgrenska-avd-32', {
      folkbokforingskommun: '0180',
      listedVardcentralUnitId: 'rpv-vc-majorna',
    });
    await event(as.wardGoteborg, stayId, 'needs-assessed', {
      socialtjanst: true,
      kommunalHalsoOchSjukvard: true,
      regionalPrimarvard: false,
    });
    await sendInskrivningsmeddelande(as.wardGoteborg, 'sv-sahlgrenska-avd-32', stayId);
    const held = await eventually(async () => {
      const tasks = [
        ...(await queue(as.intakeOther, 'kpv-mottagning-ovriga-kommuner', stayId)),
        ...(await queue(as.intakeOther, 'kst-mottagning-ovriga-kommuner', stayId)),
      ];
      if (tasks.filter((t) => t.activityId === 'choose-receiving-unit').length < 2)
        throw new Error('routing tasks not there yet');
      return tasks;
    });
    const routing = held.filter((t) => t.activityId === 'choose-receiving-unit');
    expect(routing.map((t) => t.unitId).sort()).toEqual([
      'kpv-mottagning-ovriga-kommuner',
      'kst-mottagning-ovriga-kommuner',
    ]);
    const hemsjukvardRouting = routing.find((t) => t.unitId === 'kpv-mottagning-ovriga-kommuner');
    const kept = await complete(as.intakeOther, (hemsjukvardRouting as TaskView).id, {
      outcome: 'handled-by-intake',
      note: 'Kontakt tagen med Stockholms stads biståndsenhet',
    });
    expect(kept.status).toBe(200);
    const remaining = await queue(as.intakeOther, 'kpv-mottagning-ovriga-kommuner', stayId);
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.every((t) => t.activityId !== 'choose-receiving-unit')).toBe(true);

    // The stay is marked out of county, and the ward has the task to call the home kommun.
    const stay = await http.get(`/api/v1/stays/${stayId}`).set(as.wardGoteborg).expect(200);
    expect(stay.body.outOfCounty).toBe(true);
    const contact = (await queue(as.wardGoteborg, 'sv-sahlgrenska-avd-32', stayId)).find(
      (t) => t.activityId === 'contact-home-kommun-out-of-county',
    );
    expect(contact).toBeDefined();
    expect((await complete(as.wardGoteborg, (contact as TaskView).id, {})).status).toBe(200);
    recordReplayHistory(stayId, 'out-of-county');
  });

  it('a patient of our county is not marked out of county and the ward gets no such task', async () => {
    const stayId = await admit(as.wardMolndal, 'sv-molndal-avd-5', {
      folkbokforingskommun: '1481',
      listedVardcentralUnitId: 'rpv-vc-molndal-centrum',
    });
    await event(as.wardMolndal, stayId, 'needs-assessed', {
      socialtjanst: true,
      kommunalHalsoOchSjukvard: true,
      regionalPrimarvard: true,
    });
    const stay = await http.get(`/api/v1/stays/${stayId}`).set(as.wardMolndal).expect(200);
    expect(stay.body.outOfCounty).toBe(false);
    expect((stay.body.tasks as TaskView[]).map((t) => t.activityId)).not.toContain(
      'contact-home-kommun-out-of-county',
    );
  });

  it('a dispute and a samverkansavvikelse become tasks of the processägare, who completes them', async () => {
    const stayId = await admit(as.wardMolndal, 'sv-molndal-avd-5', {
      folkbokforingskommun: '1481',
      listedVardcentralUnitId: 'rpv-vc-molndal-centrum',
    });
    await event(as.wardMolndal, stayId, 'responsibility-dispute-raised', {
      description: 'Oenighet om vem som ansvarar för hemsjukvården',
    });
    await event(as.wardMolndal, stayId, 'samverkansavvikelse-reported', {
      description: 'Inskrivningsmeddelandet kom inte fram',
    });
    const tasks = await eventually(async () => {
      const found = await queue(as.processagare, 'po-goteborgsomradet', stayId);
      if (found.length < 2) throw new Error('processägare tasks not there yet');
      return found;
    });
    expect(tasks.map((t) => t.activityId).sort()).toEqual([
      'escalate-dispute',
      'handle-samverkansavvikelse',
    ]);
    // The ward cannot complete the processägare's task; the processägare can.
    expect((await complete(as.wardMolndal, (tasks[0] as TaskView).id, {})).status).toBe(403);
    for (const task of tasks)
      expect((await complete(as.processagare, task.id, { note: 'Hanterat i LGS' })).status).toBe(
        200,
      );
  });
});
