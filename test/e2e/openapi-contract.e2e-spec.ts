import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { demo, signInAll } from '../support/auth';
import { admissionBody, hoursAgo, newKey } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { AdtInbound } from '@app/integration';
import { adt } from '../support/hl7';
import { admitWithReceivers, type TaskView } from '../support/stays';

/**
 * Contract tests from the OpenAPI document: every documented operation is called, answers
 * with a status it documents, and with a body that validates against the documented schema.
 */
type Json = Record<string, unknown>;
type Http = ReturnType<typeof request>;
type Users = Record<'ward' | 'vc' | 'hsv' | 'bist' | 'po', { Authorization: string }>;
interface Context {
  http: Http;
  as: Users;
  stayId: string;
  /** Two HL7 messages kept in the integration inbox (an unknown ward). */
  inbox: [string, string];
  tasks: Record<'ward' | 'vc' | 'hsv' | 'bist', TaskView>;
}
type Call = (c: Context) => request.Test;

const missingStay = '00000000-0000-4000-8000-000000000000';
const key = () => newKey();

/** Calls per operationId, in the order they run (some change the fixture). */
const calls: [string, Call][] = [
  ['health', (c) => c.http.get('/health')],
  ['listDevUsers', (c) => c.http.get('/api/v1/dev/users')],
  ['createDevToken', (c) => c.http.post('/api/v1/dev/token').send({ userId: demo.wardGoteborg })],
  ['createDevToken', (c) => c.http.post('/api/v1/dev/token').send({ userId: 'nobody' })],
  ['createDevToken', (c) => c.http.post('/api/v1/dev/token').send({ user: 1 })],
  ['me', (c) => c.http.get('/api/v1/me').set(c.as.hsv)],
  ['me', (c) => c.http.get('/api/v1/me')],
  ['listUnits', (c) => c.http.get('/api/v1/units')],
  ['listProcessDefinitions', (c) => c.http.get('/api/v1/process-definitions')],
  ['getProcessDefinition', (c) => c.http.get('/api/v1/process-definitions/1')],
  ['getProcessDefinition', (c) => c.http.get('/api/v1/process-definitions/99')],
  ['getProcessDefinition', (c) => c.http.get('/api/v1/process-definitions/latest')],
  [
    'admit',
    (c) =>
      c.http
        .post('/api/v1/stays')
        .set(c.as.ward)
        .set('Idempotency-Key', key())
        .send(admissionBody({ frailty: { cfs: 4 } })),
  ],
  ['admit', (c) => c.http.post('/api/v1/stays').set(c.as.ward).send(admissionBody())],
  [
    'admit',
    (c) =>
      c.http.post('/api/v1/stays').set(c.as.vc).set('Idempotency-Key', key()).send(admissionBody()),
  ],
  [
    'admit',
    (c) =>
      c.http
        .post('/api/v1/stays')
        .set(c.as.ward)
        .set('Idempotency-Key', key())
        .send(admissionBody({ wardUnitId: 'sv-nowhere' })),
  ],
  ['listStays', (c) => c.http.get('/api/v1/stays?kommun=1480').set(c.as.ward)],
  ['listStays', (c) => c.http.get('/api/v1/stays').set(c.as.po)],
  ['listStays', (c) => c.http.get('/api/v1/stays?status=asleep').set(c.as.ward)],
  ['getStay', (c) => c.http.get(`/api/v1/stays/${c.stayId}`).set(c.as.hsv)],
  ['getStay', (c) => c.http.get(`/api/v1/stays/${c.stayId}`).set(c.as.po)],
  ['getStay', (c) => c.http.get(`/api/v1/stays/${missingStay}`).set(c.as.ward)],
  ['getStay', (c) => c.http.get('/api/v1/stays/nope').set(c.as.ward)],
  [
    'registerEvent',
    (c) =>
      c.http
        .post(`/api/v1/stays/${c.stayId}/events`)
        .set('Idempotency-Key', newKey())
        .set(c.as.ward)
        .send({ type: 'utskrivningsklar', occurredAt: hoursAgo(0.1), data: {} }),
  ],
  [
    'registerEvent',
    (c) =>
      c.http
        .post(`/api/v1/stays/${c.stayId}/events`)
        .set('Idempotency-Key', newKey())
        .set(c.as.ward)
        .send({ type: 'teleported', occurredAt: hoursAgo(0.1) }),
  ],
  [
    'registerEvent',
    (c) =>
      c.http
        .post(`/api/v1/stays/${c.stayId}/events`)
        .set('Idempotency-Key', newKey())
        .set(c.as.vc)
        .send({ type: 'utskrivningsklar', occurredAt: hoursAgo(0.1), data: {} }),
  ],
  [
    'registerEvent',
    (c) =>
      c.http
        .post(`/api/v1/stays/${missingStay}/events`)
        .set('Idempotency-Key', newKey())
        .set(c.as.ward)
        .send({ type: 'utskrivningsklar', occurredAt: hoursAgo(0.1), data: {} }),
  ],
  [
    'reportDeviation',
    (c) =>
      c.http
        .post(`/api/v1/stays/${c.stayId}/deviations`)
        .set(c.as.hsv)
        .set('Idempotency-Key', key())
        .send({
          category: 'informationsoverforing',
          description: 'Saknade uppgifter',
          unitId: 'sv-sahlgrenska-avd-32',
          occurredAt: hoursAgo(1),
        }),
  ],
  [
    'reportDeviation',
    (c) =>
      c.http
        .post(`/api/v1/stays/${c.stayId}/deviations`)
        .set(c.as.hsv)
        .set('Idempotency-Key', key())
        .send({ category: 'x' }),
  ],
  [
    'reportDeviation',
    (c) =>
      c.http
        .post(`/api/v1/stays/${c.stayId}/deviations`)
        .set(c.as.po)
        .set('Idempotency-Key', key())
        .send({
          category: 'ovrigt',
          description: 'x',
          unitId: 'sv-sahlgrenska-avd-32',
          occurredAt: hoursAgo(1),
        }),
  ],
  ['listDeviations', (c) => c.http.get('/api/v1/deviations').set(c.as.po)],
  ['listDeviations', (c) => c.http.get('/api/v1/deviations?from=yesterday').set(c.as.po)],
  ['listTasks', (c) => c.http.get('/api/v1/tasks').set(c.as.bist)],
  ['listTasks', (c) => c.http.get('/api/v1/tasks?unit=kst-molndal-bistand').set(c.as.bist)],
  ['listTasks', (c) => c.http.get('/api/v1/tasks?overdue=maybe').set(c.as.bist)],
  [
    'claimTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.ward.id}/claim`)
        .set(c.as.ward)
        .set('Idempotency-Key', key()),
  ],
  [
    'claimTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.vc.id}/claim`)
        .set(c.as.ward)
        .set('Idempotency-Key', key()),
  ],
  [
    'claimTask',
    (c) =>
      c.http.post('/api/v1/tasks/no-such-task/claim').set(c.as.ward).set('Idempotency-Key', key()),
  ],
  ['claimTask', (c) => c.http.post(`/api/v1/tasks/${c.tasks.ward.id}/claim`).set(c.as.ward)],
  [
    'releaseTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.ward.id}/release`)
        .set(c.as.ward)
        .set('Idempotency-Key', key()),
  ],
  [
    'releaseTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.vc.id}/release`)
        .set(c.as.vc)
        .set('Idempotency-Key', key()),
  ],
  [
    'completeTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.ward.id}/complete`)
        .set(c.as.ward)
        .set('Idempotency-Key', key())
        .send({ note: 'Klart' }),
  ],
  [
    'completeTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.ward.id}/complete`)
        .set(c.as.ward)
        .set('Idempotency-Key', key())
        .send({}),
  ],
  [
    'reassignTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.vc.id}/reassign`)
        .set(c.as.vc)
        .set('Idempotency-Key', key())
        .send({ toUnitId: 'rpv-vc-molndal-centrum', reason: 'Listad om' }),
  ],
  [
    // Another kommun's unit: refused (422), a municipal task stays in the patient's kommun.
    'reassignTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.hsv.id}/reassign`)
        .set(c.as.hsv)
        .set('Idempotency-Key', key())
        .send({ toUnitId: 'kpv-molndal-hemsjukvard', reason: 'Flyttat' }),
  ],
  [
    'reassignTask',
    (c) =>
      c.http
        .post(`/api/v1/tasks/${c.tasks.bist.id}/reassign`)
        .set(c.as.bist)
        .set('Idempotency-Key', key())
        .send({ toUnitId: 'kst-nowhere', reason: 'Flyttat' }),
  ],
  [
    'getUnitNotifications',
    (c) => c.http.get('/api/v1/units/sv-sahlgrenska-avd-32/notifications').set(c.as.ward),
  ],
  [
    'getUnitNotifications',
    (c) => c.http.get('/api/v1/units/sv-sahlgrenska-avd-32/notifications').set(c.as.po),
  ],
  [
    'getUnitNotifications',
    (c) => c.http.get('/api/v1/units/rpv-vc-majorna/notifications').set(c.as.ward),
  ],
  [
    'getUnitNotifications',
    (c) => c.http.get('/api/v1/units/no-such-unit/notifications').set(c.as.ward),
  ],
  ['listAudit', (c) => c.http.get(`/api/v1/audit?stay=${c.stayId}`).set(c.as.po)],
  ['listAudit', (c) => c.http.get('/api/v1/audit').set(c.as.ward)],
  [
    'fhirSearchTask',
    (c) => c.http.get('/fhir/R4/Task?owner=Organization/rpv-vc-majorna').set(c.as.vc),
  ],
  ['fhirSearchTask', (c) => c.http.get('/fhir/R4/Task?owner=rpv-vc-partille').set(c.as.vc)],
  ['fhirReadTask', (c) => c.http.get(`/fhir/R4/Task/${c.tasks.vc.id}`).set(c.as.vc)],
  ['fhirReadTask', (c) => c.http.get('/fhir/R4/Task/no-such-task').set(c.as.vc)],
  ['fhirReadEncounter', (c) => c.http.get(`/fhir/R4/Encounter/${c.stayId}`).set(c.as.bist)],
  ['fhirReadEncounter', (c) => c.http.get(`/fhir/R4/Encounter/${missingStay}`).set(c.as.bist)],
  ['fhirReadPlanDefinition', (c) => c.http.get('/fhir/R4/PlanDefinition/1').set(c.as.po)],
  ['fhirReadPlanDefinition', (c) => c.http.get('/fhir/R4/PlanDefinition/7').set(c.as.po)],
  ['listIntegrationMessages', (c) => c.http.get('/api/v1/integration/messages').set(c.as.po)],
  ['listIntegrationMessages', (c) => c.http.get('/api/v1/integration/messages').set(c.as.ward)],
  [
    'listIntegrationMessages',
    (c) => c.http.get('/api/v1/integration/messages?status=lost').set(c.as.po),
  ],
  [
    'replayIntegrationMessage',
    (c) =>
      c.http
        .post(`/api/v1/integration/messages/${c.inbox[0]}/replay`)
        .set(c.as.po)
        .set('Idempotency-Key', key()),
  ],
  [
    'replayIntegrationMessage',
    (c) =>
      c.http
        .post(`/api/v1/integration/messages/${missingStay}/replay`)
        .set(c.as.po)
        .set('Idempotency-Key', key()),
  ],
  [
    'replayIntegrationMessage',
    (c) => c.http.post(`/api/v1/integration/messages/${missingStay}/replay`).set(c.as.po),
  ],
  [
    'resolveIntegrationMessage',
    (c) =>
      c.http
        .post(`/api/v1/integration/messages/${c.inbox[1]}/resolve`)
        .set(c.as.po)
        .set('Idempotency-Key', key())
        .send({ note: 'Hanterat' }),
  ],
  [
    'resolveIntegrationMessage',
    (c) =>
      c.http
        .post(`/api/v1/integration/messages/${missingStay}/resolve`)
        .set(c.as.po)
        .set('Idempotency-Key', key())
        .send({ note: 'Hanterat' }),
  ],
  [
    'resolveIntegrationMessage',
    (c) =>
      c.http
        .post(`/api/v1/integration/messages/${missingStay}/resolve`)
        .set(c.as.po)
        .set('Idempotency-Key', key())
        .send({}),
  ],
  ['listOverdueTasks', (c) => c.http.get('/api/v1/monitoring/overdue?limit=20').set(c.as.po)],
  ['listOverdueTasks', (c) => c.http.get('/api/v1/monitoring/overdue').set(c.as.ward)],
  [
    'listOverdueTasks',
    (c) =>
      c.http
        .get('/api/v1/monitoring/overdue?sort=least-overdue&minHoursOverdue=2&offset=5&limit=5')
        .set(c.as.po),
  ],
  ['listOverdueTasks', (c) => c.http.get('/api/v1/monitoring/overdue?sort=oldest').set(c.as.po)],
  ['getSituation', (c) => c.http.get('/api/v1/monitoring/situation').set(c.as.po)],
  ['getSituation', (c) => c.http.get('/api/v1/monitoring/situation').set(c.as.ward)],
  [
    'listProjectionFailures',
    (c) => c.http.get('/api/v1/monitoring/projection-failures?limit=5').set(c.as.po),
  ],
  [
    'listProjectionFailures',
    (c) => c.http.get('/api/v1/monitoring/projection-failures?limit=0').set(c.as.po),
  ],
  ['getKpis', (c) => c.http.get('/api/v1/monitoring/kpis').set(c.as.po)],
  ['getKpis', (c) => c.http.get('/api/v1/monitoring/kpis?from=yesterday').set(c.as.po)],
  [
    'whatIf',
    (c) =>
      c.http
        .post('/api/v1/monitoring/what-if')
        .set(c.as.po)
        .send({ rules: { sipKallelseDays: 2, dailyAmountSek: 10000 } }),
  ],
  ['whatIf', (c) => c.http.post('/api/v1/monitoring/what-if').set(c.as.po).send({ rules: {} })],
  [
    'registerEvent',
    (c) =>
      c.http
        .post(`/api/v1/stays/${c.stayId}/events`)
        .set('Idempotency-Key', newKey())
        .set(c.as.ward)
        .send({ type: 'discharged', occurredAt: hoursAgo(0.05), data: { destination: 'home' } }),
  ],
  [
    'getBetalningsansvar',
    (c) =>
      c.http
        .get(`/api/v1/reports/betalningsansvar?month=${new Date().toISOString().slice(0, 7)}`)
        .set(c.as.po),
  ],
  [
    'getBetalningsansvar',
    (c) => c.http.get('/api/v1/reports/betalningsansvar?month=2018-01').set(c.as.po),
  ],
  [
    'correctBetalningsansvar',
    (c) =>
      c.http
        .post('/api/v1/reports/betalningsansvar/corrections')
        .set(c.as.po)
        .send({ stayId: c.stayId, ukDays: 0, reason: 'Utskriven samma dag' }),
  ],
  [
    'correctBetalningsansvar',
    (c) =>
      c.http
        .post('/api/v1/reports/betalningsansvar/corrections')
        .set(c.as.po)
        .send({ stayId: missingStay, ukDays: 1, reason: 'Finns inte' }),
  ],
];

describe('the OpenAPI document is the contract', () => {
  let apps: RunningApps;
  let context: Context;
  let document: Json;
  const answered = new Map<string, Set<string>>();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);

  beforeAll(async () => {
    apps = await startApps();
    const http = request(apps.api.getHttpServer());
    const as = await signInAll(http, {
      ward: demo.wardGoteborg,
      vc: demo.vardcentralGoteborg,
      hsv: demo.hemsjukvardGoteborg,
      bist: demo.bistandGoteborg,
      po: demo.processagare,
    });
    const { stayId, tasks } = await admitWithReceivers(http, as.ward);
    const inbound = apps.api.get(AdtInbound);
    const kept = async (controlId: string) =>
      (
        await inbound.accept(
          adt({
            event: 'A01',
            controlId,
            visit: controlId,
            at: hoursAgo(2),
            personnummer: '19121212-1212',
            ward: 'AVD99',
          }),
        )
      ).messageId as string;
    const inbox: [string, string] = [await kept(newKey()), await kept(newKey())];
    context = { http, as, stayId, tasks, inbox };
    document = (await http.get('/docs/openapi.json').expect(200)).body as Json;
  }, 60_000);
  afterAll(() => apps.close());

  const operations = () =>
    Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );

  it('is OpenAPI 3.1 and readable at /docs', async () => {
    expect(document.openapi).toBe('3.1.0');
    const page = await context.http.get('/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Utskrivningsflödet');
    expect(page.text).toContain('/api/v1/tasks/{id}/claim');
  });

  it('has a call for every documented operation, and documents every call', () => {
    const documented = operations().map((o) => o.op.operationId as string);
    expect([...new Set(calls.map(([id]) => id))].sort()).toEqual([...documented].sort());
  });

  it.each(calls.map(([operationId, call], index) => ({ operationId, call, index })))(
    '#$index $operationId answers a documented status with a documented body',
    async ({ operationId, call }) => {
      const found = operations().find((o) => o.op.operationId === operationId);
      if (!found) throw new Error(`${operationId} is not documented`);
      const response = await call(context);
      answered.set(
        operationId,
        (answered.get(operationId) ?? new Set()).add(String(response.status)),
      );
      const responses = found.op.responses as Record<string, Json>;
      const documented = responses[String(response.status)];
      expect({ operationId, status: response.status, known: Object.keys(responses) }).toEqual({
        operationId,
        status: response.status,
        known: expect.arrayContaining([String(response.status)]),
      });
      const content = (documented?.content ?? {}) as Record<string, { schema: Json }>;
      const [mediaType, { schema }] = Object.entries(content)[0] ?? ['', { schema: {} }];
      expect(response.headers['content-type']).toContain(mediaType);
      const validate = ajv.compile(schema);
      const valid = validate(response.body);
      expect({ operationId, errors: valid ? null : validate.errors }).toEqual({
        operationId,
        errors: null,
      });
    },
  );

  it('saw every documented success status at least once', () => {
    for (const { op } of operations()) {
      const success = Object.keys(op.responses as Json).filter((status) => status.startsWith('2'));
      expect({
        op: op.operationId,
        statuses: [...(answered.get(op.operationId as string) ?? [])],
      }).toEqual({
        op: op.operationId,
        statuses: expect.arrayContaining(success),
      });
    }
  });
});
