import request from 'supertest';
import { routeDocs } from '../../apps/api/src/docs/routes';
import { demo, signInAll } from '../support/auth';
import { admissionBody, hoursAgo, newKey } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { admitWithReceivers, type TaskView } from '../support/stays';

/**
 * Every endpoint × role × own and other unit/kommun, generated from a table; each case
 * asserts the exact status. "own" users are Göteborg's (the stays are Göteborg's: ward
 * Sahlgrenska avd 32, Vårdcentralen Majorna, kommun 1480 with a municipal need), "other"
 * users are Mölndal's. A stay a user may not see answers 404; a visible stay the user may not
 * change answers 403.
 */
type Lane = 'ward' | 'vc' | 'hsv' | 'bist';
interface Who {
  name: string;
  lane?: Lane;
  relation: 'anonymous' | 'own' | 'other' | 'processagare';
  user?: string;
}

// Order matters: users who are refused come before those whose action changes the stay.
const who: Who[] = [
  { name: 'anonymous', relation: 'anonymous' },
  { name: 'ward other', lane: 'ward', relation: 'other', user: demo.wardMolndal },
  { name: 'vårdcentral other', lane: 'vc', relation: 'other', user: demo.vardcentralMolndal },
  { name: 'hemsjukvård other', lane: 'hsv', relation: 'other', user: demo.hemsjukvardMolndal },
  { name: 'biståndshandläggare other', lane: 'bist', relation: 'other', user: demo.bistandMolndal },
  { name: 'processägare', relation: 'processagare', user: demo.processagare },
  { name: 'ward own', lane: 'ward', relation: 'own', user: demo.wardGoteborg },
  { name: 'vårdcentral own', lane: 'vc', relation: 'own', user: demo.vardcentralGoteborg },
  { name: 'hemsjukvård own', lane: 'hsv', relation: 'own', user: demo.hemsjukvardGoteborg },
  { name: 'biståndshandläggare own', lane: 'bist', relation: 'own', user: demo.bistandGoteborg },
];

const units: Record<'own' | 'other', Record<Lane, string>> = {
  own: {
    ward: 'sv-sahlgrenska-avd-32',
    vc: 'rpv-vc-majorna',
    hsv: 'kpv-goteborg-hemsjukvard',
    bist: 'kst-goteborg-bistand',
  },
  other: {
    ward: 'sv-molndal-avd-5',
    vc: 'rpv-vc-molndal-centrum',
    hsv: 'kpv-molndal-hemsjukvard',
    bist: 'kst-molndal-bistand',
  },
};
const otherLane: Record<Lane, Lane> = { ward: 'vc', vc: 'ward', hsv: 'bist', bist: 'hsv' };

/** Expected status by relation; a relation may give a status per lane. */
type ByLane = number | (Partial<Record<Lane, number>> & { default: number });
interface Rule {
  anonymous: number;
  processagare: number;
  own: ByLane;
  other: ByLane;
}
function expected(rule: Rule, w: Who): number {
  const value = rule[w.relation];
  if (typeof value === 'number') return value;
  return (w.lane && value[w.lane]) ?? value.default;
}

interface Fixture {
  /** A stay for reads, events and deviations. */
  read: { stayId: string; tasks: Record<Lane, TaskView> };
  claim: { stayId: string; tasks: Record<Lane, TaskView> };
  release: { stayId: string; tasks: Record<Lane, TaskView> };
  complete: { stayId: string; tasks: Record<Lane, TaskView> };
  reassign: { stayId: string; tasks: Record<Lane, TaskView> };
}

type Http = ReturnType<typeof request>;
interface Endpoint {
  /** The documented operation (RouteDoc.operationId) the request exercises. */
  operation: string;
  name: string;
  send: (http: Http, w: Who, f: Fixture) => request.Test;
  rule: Rule;
  /** Runs as the same user before the request (e.g. claim before release). */
  prepare?: (http: Http, w: Who, f: Fixture, auth: Record<string, string>) => Promise<unknown>;
}

const laneOf = (w: Who): Lane => w.lane ?? 'ward';
const missing = '00000000-0000-4000-8000-000000000000';
const ownTask = (w: Who, stay: { tasks: Record<Lane, TaskView> }) => stay.tasks[laneOf(w)].id;
const readAll: Rule = { anonymous: 401, processagare: 200, own: 200, other: 200 };
const staySeen: Rule = { anonymous: 401, processagare: 200, own: 200, other: 404 };
const taskAction: Rule = { anonymous: 401, processagare: 403, own: 200, other: 404 };
const processOwnerOnly: Rule = { anonymous: 401, processagare: 200, own: 403, other: 403 };

const endpoints: Endpoint[] = [
  {
    operation: 'health',
    name: 'GET /health',
    send: (h) => h.get('/health'),
    rule: { ...readAll, anonymous: 200 },
  },
  {
    operation: 'listUnits',
    name: 'GET /api/v1/units',
    send: (h) => h.get('/api/v1/units'),
    rule: { ...readAll, anonymous: 200 },
  },
  {
    operation: 'getProcessDefinition',
    name: 'GET /api/v1/process-definitions/1',
    send: (h) => h.get('/api/v1/process-definitions/1'),
    rule: { ...readAll, anonymous: 200 },
  },
  {
    operation: 'listDevUsers',
    name: 'GET /api/v1/dev/users',
    send: (h) => h.get('/api/v1/dev/users'),
    rule: { ...readAll, anonymous: 200 },
  },
  { operation: 'me', name: 'GET /api/v1/me', send: (h) => h.get('/api/v1/me'), rule: readAll },
  {
    operation: 'listStays',
    name: 'GET /api/v1/stays',
    send: (h) => h.get('/api/v1/stays'),
    rule: readAll,
  },
  {
    operation: 'listStays',
    name: 'GET /api/v1/stays?unit=own unit',
    send: (h, w) => h.get(`/api/v1/stays?unit=${units.own[laneOf(w)]}`),
    rule: readAll,
  },
  {
    operation: 'getStay',
    name: 'GET /api/v1/stays/:id',
    send: (h, _w, f) => h.get(`/api/v1/stays/${f.read.stayId}`),
    rule: staySeen,
  },
  {
    operation: 'admit',
    name: 'POST /api/v1/stays (admission to the Göteborg ward)',
    send: (h) => h.post('/api/v1/stays').set('Idempotency-Key', newKey()).send(admissionBody()),
    rule: { anonymous: 401, processagare: 403, own: { ward: 201, default: 403 }, other: 403 },
  },
  {
    operation: 'registerEvent',
    name: 'POST /api/v1/stays/:id/events',
    send: (h, _w, f) =>
      h
        .post(`/api/v1/stays/${f.read.stayId}/events`)
        .set('Idempotency-Key', newKey())
        .send({
          type: 'planning-message-received',
          occurredAt: hoursAgo(0.5),
          data: { fromUnitId: 'kpv-goteborg-hemsjukvard' },
        }),
    rule: { anonymous: 401, processagare: 403, own: { ward: 201, default: 403 }, other: 404 },
  },
  {
    operation: 'reportDeviation',
    name: 'POST /api/v1/stays/:id/deviations',
    send: (h, _w, f) =>
      h
        .post(`/api/v1/stays/${f.read.stayId}/deviations`)
        .set('Idempotency-Key', newKey())
        .send({
          category: 'informationsoverforing',
          description: 'Inskrivningsmeddelandet saknade kontaktuppgifter',
          unitId: 'sv-sahlgrenska-avd-32',
          occurredAt: hoursAgo(0.2),
        }),
    rule: { anonymous: 401, processagare: 403, own: 201, other: 404 },
  },
  {
    operation: 'listDeviations',
    name: 'GET /api/v1/deviations',
    send: (h) => h.get('/api/v1/deviations'),
    rule: readAll,
  },
  {
    operation: 'listTasks',
    name: 'GET /api/v1/tasks?unit=own unit',
    send: (h, w) =>
      h.get(`/api/v1/tasks?unit=${units[w.relation === 'other' ? 'other' : 'own'][laneOf(w)]}`),
    rule: readAll,
  },
  {
    operation: 'listTasks',
    name: "GET /api/v1/tasks?unit=another kommun's or region's unit",
    send: (h, w) =>
      h.get(`/api/v1/tasks?unit=${units[w.relation === 'other' ? 'own' : 'other'][laneOf(w)]}`),
    rule: { anonymous: 401, processagare: 200, own: 403, other: 403 },
  },
  {
    operation: 'listTasks',
    name: 'GET /api/v1/tasks (all my units)',
    send: (h) => h.get('/api/v1/tasks'),
    rule: readAll,
  },
  {
    operation: 'claimTask',
    name: 'POST /api/v1/tasks/:id/claim',
    send: (h, w, f) =>
      h.post(`/api/v1/tasks/${ownTask(w, f.claim)}/claim`).set('Idempotency-Key', newKey()),
    rule: taskAction,
  },
  {
    operation: 'claimTask',
    name: "POST /api/v1/tasks/:id/claim (another lane's task on a visible stay)",
    send: (h, w, f) =>
      h
        .post(`/api/v1/tasks/${f.read.tasks[otherLane[laneOf(w)]].id}/claim`)
        .set('Idempotency-Key', newKey()),
    rule: { ...taskAction, own: 403 },
  },
  {
    operation: 'releaseTask',
    name: 'POST /api/v1/tasks/:id/release',
    prepare: (h, w, f, auth) =>
      w.relation === 'own'
        ? h
            .post(`/api/v1/tasks/${ownTask(w, f.release)}/claim`)
            .set(auth)
            .set('Idempotency-Key', newKey())
            .expect(200)
        : Promise.resolve(),
    send: (h, w, f) =>
      h.post(`/api/v1/tasks/${ownTask(w, f.release)}/release`).set('Idempotency-Key', newKey()),
    rule: taskAction,
  },
  {
    operation: 'completeTask',
    name: 'POST /api/v1/tasks/:id/complete',
    send: (h, w, f) =>
      h
        .post(`/api/v1/tasks/${ownTask(w, f.complete)}/complete`)
        .set('Idempotency-Key', newKey())
        .send({ note: 'Klart' }),
    rule: taskAction,
  },
  {
    operation: 'reassignTask',
    name: 'POST /api/v1/tasks/:id/reassign',
    send: (h, w, f) =>
      h
        .post(`/api/v1/tasks/${ownTask(w, f.reassign)}/reassign`)
        .set('Idempotency-Key', newKey())
        .send({ toUnitId: units.other[laneOf(w)], reason: 'Patienten flyttar' }),
    // Regional tasks move within the region; a municipal task not to another kommun (422).
    rule: { ...taskAction, own: { hsv: 422, bist: 422, default: 200 } },
  },
  {
    operation: 'listAudit',
    name: 'GET /api/v1/audit',
    send: (h) => h.get('/api/v1/audit'),
    rule: { anonymous: 401, processagare: 200, own: 403, other: 403 },
  },
  {
    operation: 'fhirReadEncounter',
    name: 'GET /fhir/R4/Encounter/:id',
    send: (h, _w, f) => h.get(`/fhir/R4/Encounter/${f.read.stayId}`),
    rule: staySeen,
  },
  {
    operation: 'fhirReadTask',
    name: 'GET /fhir/R4/Task/:id',
    send: (h, _w, f) => h.get(`/fhir/R4/Task/${f.read.tasks.ward.id}`),
    rule: staySeen,
  },
  {
    operation: 'fhirSearchTask',
    name: 'GET /fhir/R4/Task?owner=own unit',
    send: (h, w) =>
      h.get(
        `/fhir/R4/Task?owner=Organization/${units[w.relation === 'other' ? 'other' : 'own'][laneOf(w)]}`,
      ),
    rule: readAll,
  },
  {
    operation: 'fhirSearchTask',
    name: "GET /fhir/R4/Task?owner=another kommun's or region's unit",
    send: (h, w) =>
      h.get(
        `/fhir/R4/Task?owner=Organization/${units[w.relation === 'other' ? 'own' : 'other'][laneOf(w)]}`,
      ),
    rule: { anonymous: 401, processagare: 200, own: 403, other: 403 },
  },
  {
    operation: 'fhirReadPlanDefinition',
    name: 'GET /fhir/R4/PlanDefinition/1',
    send: (h) => h.get('/fhir/R4/PlanDefinition/1'),
    rule: readAll,
  },
  {
    operation: 'listOverdueTasks',
    name: 'GET /api/v1/monitoring/overdue',
    send: (h) => h.get('/api/v1/monitoring/overdue?limit=5'),
    rule: processOwnerOnly,
  },
  {
    operation: 'listProjectionFailures',
    name: 'GET /api/v1/monitoring/projection-failures',
    send: (h) => h.get('/api/v1/monitoring/projection-failures?limit=5'),
    rule: processOwnerOnly,
  },
  {
    operation: 'getKpis',
    name: 'GET /api/v1/monitoring/kpis',
    send: (h) => h.get('/api/v1/monitoring/kpis?from=2024-01-01&to=2024-01-31'),
    rule: processOwnerOnly,
  },
  {
    operation: 'whatIf',
    name: 'POST /api/v1/monitoring/what-if',
    send: (h) =>
      h
        .post('/api/v1/monitoring/what-if')
        .send({ from: '2024-01-01', to: '2024-01-31', rules: { sipKallelseDays: 2 } }),
    rule: processOwnerOnly,
  },
  {
    operation: 'listIntegrationMessages',
    name: 'GET /api/v1/integration/messages',
    send: (h) => h.get('/api/v1/integration/messages'),
    rule: processOwnerOnly,
  },
  {
    operation: 'replayIntegrationMessage',
    name: 'POST /api/v1/integration/messages/:id/replay (no such message)',
    send: (h) =>
      h.post(`/api/v1/integration/messages/${missing}/replay`).set('Idempotency-Key', newKey()),
    rule: { ...processOwnerOnly, processagare: 404 },
  },
  {
    operation: 'resolveIntegrationMessage',
    name: 'POST /api/v1/integration/messages/:id/resolve (no such message)',
    send: (h) =>
      h
        .post(`/api/v1/integration/messages/${missing}/resolve`)
        .set('Idempotency-Key', newKey())
        .send({ note: 'Hanterat för hand' }),
    rule: { ...processOwnerOnly, processagare: 404 },
  },
  {
    operation: 'getSituation',
    name: 'GET /api/v1/monitoring/situation',
    send: (h) => h.get('/api/v1/monitoring/situation'),
    rule: processOwnerOnly,
  },
  {
    operation: 'getUnitNotifications',
    name: 'GET /api/v1/units/:unitId/notifications (own unit)',
    send: (h, w) =>
      h.get(
        `/api/v1/units/${units[w.relation === 'other' ? 'other' : 'own'][laneOf(w)]}/notifications`,
      ),
    rule: readAll,
  },
  {
    operation: 'getUnitNotifications',
    name: "GET /api/v1/units/:unitId/notifications (another kommun's or region's unit)",
    send: (h, w) =>
      h.get(
        `/api/v1/units/${units[w.relation === 'other' ? 'own' : 'other'][laneOf(w)]}/notifications`,
      ),
    rule: { anonymous: 401, processagare: 200, own: 403, other: 403 },
  },
  {
    operation: 'listProcessDefinitions',
    name: 'GET /api/v1/process-definitions',
    send: (h) => h.get('/api/v1/process-definitions'),
    rule: { ...readAll, anonymous: 200 },
  },
  {
    operation: 'createDevToken',
    name: 'POST /api/v1/dev/token (the development sign-in, AUTH_MODE=dev)',
    send: (h) => h.post('/api/v1/dev/token').send({ userId: demo.wardGoteborg }),
    rule: { anonymous: 200, processagare: 200, own: 200, other: 200 },
  },
  {
    operation: 'getBetalningsansvar',
    name: 'GET /api/v1/reports/betalningsansvar',
    send: (h) => h.get('/api/v1/reports/betalningsansvar?month=2024-01'),
    rule: processOwnerOnly,
  },
  {
    // The read stay is still in hospital: nothing to correct (422) even for processägare.
    operation: 'correctBetalningsansvar',
    name: 'POST /api/v1/reports/betalningsansvar/corrections',
    send: (h, _w, f) =>
      h
        .post('/api/v1/reports/betalningsansvar/corrections')
        .send({ stayId: f.read.stayId, ukDays: 1, reason: 'Kontroll av behörighet' }),
    rule: { ...processOwnerOnly, processagare: 422 },
  },
];

/** The routes the running API answers, as "METHOD /path/{param}" (Express's router). */
function servedRoutes(api: RunningApps['api']): string[] {
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> };
  }
  const app = api.getHttpAdapter().getInstance() as {
    router?: { stack: Layer[] };
    _router?: { stack: Layer[] };
  };
  const stack = (app.router ?? app._router)?.stack ?? [];
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map(
          (method) =>
            `${method.toUpperCase()} ${layer.route?.path.replace(/:(\w+)/g, '{$1}') ?? ''}`,
        )
      : [],
  );
}

const cases = endpoints.flatMap((endpoint) =>
  who.map((w) => ({ endpoint, who: w, status: expected(endpoint.rule, w) })),
);

describe('authorisation matrix', () => {
  let apps: RunningApps;
  let http: Http;
  let auth: Record<string, Record<string, string>>;
  let fixture: Fixture;

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    const users = Object.fromEntries(who.flatMap((w) => (w.user ? [[w.name, w.user]] : [])));
    auth = await signInAll(http, users);
    const ward = auth['ward own'] as { Authorization: string };
    const [read, claim, release, complete, reassign] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => admitWithReceivers(http, ward)),
    );
    fixture = { read, claim, release, complete, reassign } as Fixture;
  }, 120_000);
  afterAll(() => apps.close());

  it.each(cases)('$endpoint.name as $who.name → $status', async ({ endpoint, who: w, status }) => {
    const headers = auth[w.name] ?? {};
    if (endpoint.prepare) await endpoint.prepare(http, w, fixture, headers);
    const response = await endpoint.send(http, w, fixture).set(headers);
    expect({
      status: response.status,
      body: response.status === status ? null : response.body,
    }).toEqual({
      status,
      body: null,
    });
    if (status >= 400)
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('covers every endpoint for every kind of user', () => {
    expect(cases.length).toBe(endpoints.length * who.length);
  });

  it('has an entry for every operation of the route table, and none the table lacks', () => {
    const documented = new Set(routeDocs.map((r) => r.operationId));
    const covered = new Set(endpoints.map((e) => e.operation));
    expect([...documented].filter((op) => !covered.has(op))).toEqual([]);
    expect([...covered].filter((op) => !documented.has(op))).toEqual([]);
  });

  it('serves no route that the route table does not document', () => {
    const documented = new Set(routeDocs.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    const served = servedRoutes(apps.api).filter(
      // The documentation itself and the web UI it serves are not operations of the API.
      (route) => !/^GET \/(docs|web-config\.json|metrics)\b/.test(route) && !/[*]/.test(route),
    );
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('audits reads and refusals, and shows processägare no identity', async () => {
    const po = auth['processägare'] as Record<string, string>;
    const log = await http
      .get(`/api/v1/audit?stay=${fixture.read.stayId}&action=stay.read`)
      .set(po)
      .expect(200);
    const rows = log.body.items as { userId: string; action: string; outcome: string }[];
    expect(rows).toContainEqual(
      expect.objectContaining({ userId: demo.wardGoteborg, action: 'stay.read', outcome: 'ok' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ userId: demo.wardMolndal, action: 'stay.read', outcome: 'denied' }),
    );
    const stay = await http.get(`/api/v1/stays/${fixture.read.stayId}`).set(po).expect(200);
    expect(stay.body.patient).toBeNull();
    expect(JSON.stringify(stay.body)).not.toMatch(/Tolvan|121212/);
    const list = await http.get('/api/v1/stays').set(po).expect(200);
    expect(JSON.stringify(list.body)).not.toMatch(/Tolvan|121212/);
  });
});
