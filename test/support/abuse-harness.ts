import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import fc from 'fast-check';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { z } from 'zod';
import { eventDataSchemas, stayEventTypes } from '@app/domain';
import { encodeCursor } from '@app/persistence';
import { demo, signInAll } from './auth';
import { admissionBody, luhn, newKey, randomPersonnummer } from './fixtures';
import { workflowAtRest } from './stay-driver';
import {
  bodyBytes,
  boundaryInstants,
  dateArb,
  describeRequest,
  injectionStrings,
  instantArb,
  operationsOf,
  printable,
  validArb as validFromSchema,
  type GeneratedRequest,
  type Hints,
  type JsonSchema,
  type Operation,
  type RequestBody,
} from './openapi-arbitraries';
import { startApps, type RunningApps } from './stack';
import { eventually, tasksOf, type TaskView } from './stays';

/**
 * The shared machinery of the abuse specs (test/e2e/abuse-*.e2e-spec.ts): the real API and
 * worker listening on a free port, signed-in users of every role, a fixture of stays and
 * tasks, a sender, the checks every answer must pass, and a snapshot of the domain state.
 */

type Json = Record<string, unknown>;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** Token kinds: none, every role, and tokens that must never be accepted. */
export type Actor =
  | 'none'
  | 'ward'
  | 'wardMolndal'
  | 'vc'
  | 'hsv'
  | 'bist'
  | 'po'
  | 'malformed'
  | 'algNone'
  | 'tampered'
  | 'basic';

export interface Fixture {
  /** Göteborg stay with open tasks for the ward, vårdcentral, hemsjukvård and socialtjänst. */
  stayId: string;
  /** A stay on Mölndal's ward. */
  molndalStayId: string;
  /** A discharged stay. */
  endedStayId: string;
  taskIds: string[];
  units: { id: string; lane: string; kommunCode: string | null }[];
}

export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface AbuseStack {
  apps: RunningApps;
  baseUrl: string;
  document: Json;
  operations: Operation[];
  authorization: Record<Actor, string | undefined>;
  actors: Actor[];
  fixture: Fixture;
  hints: Hints;
  send(request: GeneratedRequest): Promise<Answer>;
  /** What is wrong with an answer (empty when it passes every check). */
  violations(request: GeneratedRequest, answer: Answer): string[];
  snapshot(): Promise<Record<string, string>>;
  /** Waits until the snapshot stops changing (projections of accepted requests landed). */
  quiesce(): Promise<Record<string, string>>;
  /** Rows written since `at` (ids, types and statuses only: no patient data), for reports. */
  changedSince(at: Date): Promise<string[]>;
  close(): Promise<void>;
}

export async function startAbuseStack(): Promise<AbuseStack> {
  const apps = await startApps();
  const server = apps.api.getHttpServer() as import('node:http').Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const http = request(server);

  const as = await signInAll(http, {
    ward: demo.wardGoteborg,
    wardMolndal: demo.wardMolndal,
    vc: demo.vardcentralGoteborg,
    hsv: demo.hemsjukvardGoteborg,
    bist: demo.bistandGoteborg,
    po: demo.processagare,
  });
  const token = as.ward.Authorization.slice('Bearer '.length);
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json;
  const authorization: Record<Actor, string | undefined> = {
    none: undefined,
    ward: as.ward.Authorization,
    wardMolndal: as.wardMolndal.Authorization,
    vc: as.vc.Authorization,
    hsv: as.hsv.Authorization,
    bist: as.bist.Authorization,
    po: as.po.Authorization,
    malformed: 'Bearer not.a.jwt',
    algNone: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: demo.processagare })}.`,
    tampered: `Bearer ${header}.${b64({ ...claims, sub: demo.processagare })}.${signature}`,
    basic: `Basic ${Buffer.from('demo-processagare:secret').toString('base64')}`,
  };

  const pg = new PgClient({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
  // Stays of this spec are those created from here on; stays of earlier spec files in the
  // same run are left out of the stay-scoped fingerprints, since their workflows' timers may
  // still fire while this spec runs.
  const since = (await pg.query<{ now: Date }>('SELECT now() AS now')).rows[0]?.now ?? new Date();
  const fixture = await createFixture(http, as);
  const document = (await http.get('/docs/openapi.json').expect(200)).body as Json;
  const operations = operationsOf(document);
  const temporal = new TemporalClient({
    connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS }),
  });
  const snapshot = () => takeSnapshot(pg, temporal, since);

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const problemSchema = (operation: Operation, status: number) =>
    operation.responses[String(status)]?.content?.['application/problem+json']?.schema;
  const validators = new Map<JsonSchema, ReturnType<typeof ajv.compile>>();
  const validatorOf = (schema: JsonSchema) => {
    let validate = validators.get(schema);
    if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
    return validate;
  };

  const byId = new Map(operations.map((o) => [o.operationId, o]));
  const stack: AbuseStack = {
    apps,
    baseUrl,
    document,
    operations,
    authorization,
    actors: Object.keys(authorization) as Actor[],
    fixture,
    hints: hintsFor(fixture),
    send: (generated) => send(baseUrl, authorization, generated),
    violations(generated, answer) {
      const operation = byId.get(generated.operationId);
      if (!operation) return [`unknown operation ${generated.operationId}`];
      const problems: string[] = [];
      const { status } = answer;
      if (status >= 500) problems.push(`answered ${status}: ${answer.text.slice(0, 300)}`);
      // 404 for a path no route matches (an empty path parameter), and 431 from Node's HTTP
      // parser (a URL over 16 KB), come before any operation is chosen.
      const transport =
        status === 431 || (status === 404 && answer.text.includes('No resource at'));
      if (!operation.statuses.includes(String(status)) && !transport)
        problems.push(`answered ${status}, which ${operation.operationId} does not document`);
      if (/\bat .*\.(ts|js):\d+/.test(answer.text)) problems.push('the body holds a stack trace');
      if (status >= 400 && status < 500) {
        if (!answer.contentType.startsWith('application/problem+json'))
          problems.push(
            `a ${status} as ${answer.contentType || 'no content type'}, not application/problem+json`,
          );
        const body = answer.body as Json | undefined;
        if (!body || typeof body !== 'object') problems.push('a 4xx without a problem object');
        else {
          if (body.status !== status)
            problems.push(`problem.status ${String(body.status)} ≠ ${status}`);
          const schema = problemSchema(operation, status);
          if (schema) {
            const validate = validatorOf(schema);
            if (!validate(body))
              problems.push(
                `problem does not match its schema: ${ajv.errorsText(validate.errors)}`,
              );
          }
          // The input was at fault: the answer names each bad field and why.
          if ([400, 413, 415, 422].includes(status)) {
            const errors = body.errors as { field?: unknown; reason?: unknown }[] | undefined;
            if (!Array.isArray(errors) || errors.length === 0)
              problems.push(`a ${status} that names no field`);
            else
              for (const e of errors)
                if (
                  typeof e.field !== 'string' ||
                  !/^(body|query|path|header)(\.|$)/.test(e.field) ||
                  typeof e.reason !== 'string' ||
                  e.reason.length === 0
                )
                  problems.push(
                    `a field problem without a located field and reason: ${JSON.stringify(e)}`,
                  );
          }
        }
        if (status === 401 && !answer.headers.get('www-authenticate'))
          problems.push('a 401 without WWW-Authenticate');
      }
      return problems;
    },
    snapshot,
    async quiesce() {
      // Idle: no workflow of this spec's stays has a pending workflow task or activity (only
      // timers, which lie in the past or far ahead), and the tables stopped changing.
      const idle = async () => {
        const { rows } = await pg.query<{ workflow_id: string }>(
          'SELECT workflow_id FROM stay WHERE created_at >= $1',
          [since],
        );
        const quiet = await Promise.all(rows.map((r) => workflowAtRest(temporal, r.workflow_id)));
        return quiet.every(Boolean);
      };
      let previous = await snapshot();
      for (let rounds = 0; rounds < 150; rounds++) {
        await new Promise((r) => setTimeout(r, 100));
        const quiet = await idle();
        const next = await snapshot();
        if (quiet && sameState(previous, next)) return next;
        previous = next;
      }
      throw new Error('the stays of this spec did not come to rest within 15 s');
    },
    async changedSince(at: Date) {
      const { rows } = await pg.query<{ row: string }>(
        `SELECT 'task ' || id || ' ' || activity_id || ' ' || status || ' v' || version AS row FROM task WHERE updated_at >= $1
         UNION ALL SELECT 'deviation ' || id || ' ' || category || ' ' || source FROM deviation WHERE recorded_at >= $1
         UNION ALL SELECT 'stay_event ' || id || ' ' || type FROM stay_event WHERE recorded_at >= $1
         UNION ALL SELECT 'stay ' || id || ' ' || status || ' v' || version FROM stay WHERE updated_at >= $1
         UNION ALL SELECT 'idempotency_record ' || scope || ' ' || key FROM idempotency_record WHERE created_at >= $1
         UNION ALL SELECT 'patient ' || id FROM patient WHERE created_at >= $1`,
        [at],
      );
      return rows.map((r) => r.row);
    },
    async close() {
      await pg.end();
      await temporal.connection.close();
      await apps.close();
    },
  };
  await stack.quiesce();
  return stack;
}

// ---------------------------------------------------------------------------------------------
// The fixture: stays admitted days ago, so that every deadline of theirs has passed and no
// workflow timer fires while the suite runs (their state only changes when a request does).
// ---------------------------------------------------------------------------------------------

async function createFixture(
  http: ReturnType<typeof request>,
  as: Record<'ward' | 'wardMolndal' | 'vc' | 'hsv' | 'bist' | 'po', { Authorization: string }>,
): Promise<Fixture> {
  const admit = async (ward: { Authorization: string }, overrides: Json) => {
    const body = admissionBody({ admittedAt: daysAgo(60), ...overrides });
    (body.patient as Json).personnummer = randomPersonnummer();
    const response = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send(body);
    if (response.status !== 201)
      throw new Error(`fixture admission failed: ${response.status} ${response.text}`);
    return response.body.id as string;
  };
  const event = async (ward: { Authorization: string }, stayId: string, body: Json) => {
    const response = await http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(ward)
      .send(body);
    if (response.status !== 201)
      throw new Error(`fixture event failed: ${response.status} ${response.text}`);
  };

  const stayId = await admit(as.ward, {});
  await event(as.ward, stayId, {
    type: 'needs-assessed',
    occurredAt: daysAgo(59.5),
    data: { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true },
  });
  const send = await eventually(async () => {
    const task = (await tasksOf(http, as.ward, stayId)).find(
      (t) => t.activityId === 'send-inskrivningsmeddelande',
    );
    if (!task) throw new Error('no send-inskrivningsmeddelande task yet');
    return task;
  });
  await http
    .post(`/api/v1/tasks/${send.id}/complete`)
    .set(as.ward)
    .set('Idempotency-Key', newKey())
    .send({ occurredAt: daysAgo(59) })
    .expect(200);
  const tasks = await eventually(async () => {
    const list = await tasksOf(http, as.ward, stayId);
    if (!['rpv-vc-majorna'].every((unit) => list.some((t: TaskView) => t.unitId === unit)))
      throw new Error('receiver tasks not projected yet');
    return list;
  });

  const molndalStayId = await admit(as.wardMolndal, {
    wardUnitId: 'sv-molndal-avd-5',
    patient: {
      ...(admissionBody().patient as Json),
      folkbokforingskommun: '1481',
      listedVardcentralUnitId: 'rpv-vc-molndal-centrum',
    },
  });
  const endedStayId = await admit(as.ward, { admittedAt: daysAgo(58) });
  await event(as.ward, endedStayId, {
    type: 'discharged',
    occurredAt: daysAgo(57),
    data: { destination: 'home' },
  });

  const units = (await http.get('/api/v1/units').expect(200)).body.items as Fixture['units'];
  return { stayId, molndalStayId, endedStayId, taskIds: tasks.map((t) => t.id), units };
}

// ---------------------------------------------------------------------------------------------
// Domain values for the generators.
// ---------------------------------------------------------------------------------------------

/** A Luhn-checked personnummer or samordningsnummer (day + 60), in one of the usual forms. */
export function personnummerArb(): fc.Arbitrary<string> {
  return fc
    .record({
      year: fc.integer({ min: 1900, max: 2024 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      serial: fc.integer({ min: 1, max: 999 }),
      coordination: fc.boolean(),
      form: fc.constantFrom('long', 'long-dash', 'short-dash', 'short'),
    })
    .map(({ year, month, day, serial, coordination, form }) => {
      const digits = `${String(year).slice(2)}${pad(month)}${pad(day + (coordination ? 60 : 0))}${String(serial).padStart(3, '0')}`;
      const check = luhn(digits);
      const century = String(year).slice(0, 2);
      const tail = `${digits.slice(6)}${check}`;
      const head = digits.slice(0, 6);
      switch (form) {
        case 'long':
          return `${century}${head}${tail}`;
        case 'long-dash':
          return `${century}${head}-${tail}`;
        case 'short-dash':
          return `${head}${Date.now() - Date.UTC(year, 0) > 100 * 365 * DAY ? '+' : '-'}${tail}`;
        default:
          return `${head}${tail}`;
      }
    });
}

const pad = (n: number) => String(n).padStart(2, '0');

const eventDataJsonSchemas = Object.fromEntries(
  stayEventTypes.map((type) => [
    type,
    z.toJSONSchema(eventDataSchemas[type], { io: 'input', unrepresentable: 'any' }) as JsonSchema,
  ]),
) as Record<string, JsonSchema>;

function hintsFor(fixture: Fixture): Hints {
  const unitIds = fixture.units.map((u) => u.id);
  const lane = (l: string) => fixture.units.filter((u) => u.lane === l).map((u) => u.id);
  const kommuner = [...new Set(fixture.units.flatMap((u) => (u.kommunCode ? [u.kommunCode] : [])))];
  const stayIds = [fixture.stayId, fixture.molndalStayId, fixture.endedStayId];
  const stay = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...stayIds) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
  );
  const task = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fixture.taskIds) },
    { weight: 1, arbitrary: fc.constantFrom('no-such-task', `${fixture.stayId}:nothing`) },
  );
  const unit = (ids: string[]) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.constantFrom(...unitIds) },
    );
  const userIds = Object.values(demo);
  const text = fc.constantFrom(
    'Saknade uppgifter',
    'Flyttat till annan enhet',
    'Klart',
    'Test av avvikelse',
  );
  const cursor = fc
    .tuple(
      fc.oneof(instantArb(), fc.constantFrom<string | null>(...boundaryInstants, null)),
      fc.oneof(
        fc.uuid(),
        fc.constantFrom<string | null>(null, '', ...injectionStrings.slice(0, 25)),
      ),
    )
    .chain(([a, b]) =>
      fc.constantFrom(encodeCursor([a, b]), encodeCursor([a]), encodeCursor([b, a, a])),
    );
  const eventBody = (data: (type: string) => fc.Arbitrary<unknown>) =>
    fc
      .constantFrom(...stayEventTypes)
      .chain((type) =>
        fc.record({ type: fc.constant(type), occurredAt: instantArb(), data: data(type) }),
      );

  const hints: Hints = (site, schema) => {
    const { operation, field, name } = site;
    if (field === 'body' && operation.operationId === 'registerEvent')
      return eventBody((type) => validOf(eventDataJsonSchemas[type] ?? {}));
    if (field === 'body.data' && operation.operationId === 'registerEvent')
      return fc
        .constantFrom(...stayEventTypes)
        .chain((type) => validOf(eventDataJsonSchemas[type] ?? {}));
    switch (name) {
      case 'personnummer':
        return personnummerArb();
      case 'name':
        return fc.constantFrom('Test Testsson', 'Tolvan Tolvansson', 'Åsa Öberg-Ärlig');
      case 'wardUnitId':
        return unit(lane('slutenvard'));
      case 'listedVardcentralUnitId':
        return unit(lane('regional_primarvard'));
      case 'unitId':
      case 'toUnitId':
      case 'fromUnitId':
      case 'unit':
      case 'ward':
        return unit(unitIds);
      case 'owner':
        return unit(unitIds).chain((id) => fc.constantFrom(id, `Organization/${id}`));
      case 'folkbokforingskommun':
      case 'kommun':
        return fc.constantFrom(...kommuner);
      case 'userId':
      case 'user':
        return fc.constantFrom(...userIds);
      case 'stayId':
      case 'stay':
        return stay;
      case 'encounter':
        return stay.chain((id) => fc.constantFrom(id, `Encounter/${id}`));
      case 'id':
        return operation.path.includes('/tasks/') || operation.path.includes('/Task/')
          ? task
          : stay;
      case 'version':
        return fc.constantFrom(1, 1, 2, 99);
      case 'cursor':
        return cursor;
      case 'type':
        return operation.operationId === 'registerEvent'
          ? fc.constantFrom(...stayEventTypes)
          : undefined;
      case 'month':
        return fc
          .tuple(fc.integer({ min: 2018, max: 2030 }), fc.integer({ min: 1, max: 12 }))
          .map(([y, m]) => `${y}-${pad(m)}`);
      case 'date':
        return dateArb();
      case 'outcome':
        return fc.constantFrom(
          'accepted',
          'declined',
          'confirmed',
          'not-needed',
          'consent-given',
          'applies',
        );
      case 'activity':
        return fc.constantFrom(
          'send-inskrivningsmeddelande',
          'acknowledge-inskrivningsmeddelande-vardcentral',
          'offer-sip',
        );
      case 'description':
      case 'reason':
      case 'note':
      case 'subject':
        return schema.maxLength !== undefined && schema.maxLength < 20 ? undefined : text;
      default:
        return undefined;
    }
  };
  // Schemas of event data are not in the OpenAPI document (it says "an object"); they come
  // from the same zod schemas the API validates with.
  const site = {
    operation: { operationId: 'event-data' } as Operation,
    field: 'data',
    name: 'data',
  };
  const validOf = (schema: JsonSchema): fc.Arbitrary<unknown> =>
    validFromSchema(schema, site, hints);
  return hints;
}

// ---------------------------------------------------------------------------------------------
// Sending.
// ---------------------------------------------------------------------------------------------

async function send(
  baseUrl: string,
  authorization: Record<Actor, string | undefined>,
  generated: GeneratedRequest,
): Promise<Answer> {
  const headers = new Headers();
  const auth = authorization[generated.actor as Actor];
  if (auth) headers.set('Authorization', auth);
  for (const [name, value] of Object.entries(generated.headers)) headers.set(name, value);
  let body: Buffer | undefined;
  if (generated.body) {
    body = bodyBytes(generated.body);
    if (generated.body.contentType) headers.set('Content-Type', generated.body.contentType);
  }
  const response = await fetch(`${baseUrl}${generated.url}`, {
    method: generated.method,
    headers,
    ...(body ? { body } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown;
  if (contentType.includes('json'))
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  return { status: response.status, contentType, headers: response.headers, body: parsed, text };
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the result. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await run(items[i] as T);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// State: what a refused request must not change.
// ---------------------------------------------------------------------------------------------

/**
 * Tables of domain state. `audit_entry` is left out on purpose: the audit log records
 * refused requests (denials) legitimately. Stay-scoped tables are fingerprinted for the stays
 * created since `since` (this spec's own); tables only requests write are fingerprinted whole.
 *
 * What the clock changes is left out, since a deadline of a stay may pass while a group of
 * refused requests runs: a task's overdue flag, its reminder and escalation times, the
 * automatic "försenad aktivitet" deviations, a stay's 7-day flag, and the versions and update
 * times these bump. Everything a request can change (statuses, claims, completions, notes,
 * due times, new tasks, manual deviations, events, PUD, UK) stays in the fingerprint.
 */
const wholeTables = [
  'patient',
  'stay',
  'idempotency_record',
  'stay_frailty',
  'betalningsansvar_correction',
  'betalningsansvar_snapshot',
  'app_user',
  'app_user_unit',
  'unit',
] as const;
const stayTables = ['stay_event', 'task', 'deviation'] as const;

/** Each table's rows as a request leaves them, without what the clock changes. */
const requestMadeRows: Partial<
  Record<(typeof wholeTables)[number] | (typeof stayTables)[number], string>
> = {
  stay: `SELECT t.id, t.workflow_id, t.patient_id, t.ward_unit_id, t.status, t.admitted_at,
    t.ended_at, t.uk_first_at, t.uk_running_since, t.uk_accumulated_seconds, t.uk_ended_at,
    t.planned_discharge_date, t.planned_discharge_date_moves, t.readmission_of_stay_id,
    t.counters::jsonb - 'sevenDayFlag' AS counters, t.created_at FROM stay t`,
  task: `SELECT t.id, t.stay_id, t.activity_id, t.unit_id, t.status, t.triggered_at, t.due_at,
    t.claimed_by, t.completed_at, t.completed_by, t.outcome, t.note, t.cancel_reason,
    t.reassign_reason FROM task t`,
  deviation: "SELECT t.* FROM deviation t WHERE t.source <> 'automatic'",
};
const rowsOf = (table: keyof typeof requestMadeRows) =>
  `(${requestMadeRows[table] ?? `SELECT t.* FROM ${table} t`}) t`;

async function takeSnapshot(
  pg: PgClient,
  temporal: TemporalClient,
  since: Date,
): Promise<Record<string, string>> {
  const digest = (from: string) =>
    `(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${from})`;
  const ofThisSpec = 'JOIN stay s ON s.id = t.stay_id AND s.created_at >= $1';
  const columns = [
    ...wholeTables.map((table) => `${digest(rowsOf(table))} AS "${table}"`),
    `${digest(`${rowsOf('stay')} WHERE t.created_at >= $1`)} AS "stay (this spec's)"`,
    ...stayTables.map(
      (table) => `${digest(`${rowsOf(table)} ${ofThisSpec}`)} AS "${table} (this spec's stays)"`,
    ),
  ];
  const [{ rows }, workflows] = await Promise.all([
    pg.query<Record<string, string>>(`SELECT ${columns.join(', ')}`, [since]),
    temporal.workflow.count(`StartTime >= "${since.toISOString()}"`),
  ]);
  return { ...rows[0], 'temporal workflows': String(workflows.count) };
}

export const sameState = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).every((key) => a[key] === b[key]);

/** The keys whose fingerprint changed, for the failure message. */
export const changedState = (a: Record<string, string>, b: Record<string, string>): string[] =>
  Object.keys(a)
    .filter((key) => a[key] !== b[key])
    .map((key) => `${key}: ${a[key]} → ${b[key]}`);

// ---------------------------------------------------------------------------------------------
// Figures.
// ---------------------------------------------------------------------------------------------

export class Tally {
  private started = Date.now();
  readonly statuses = new Map<number, number>();
  readonly byOperation = new Map<string, Map<number, number>>();
  sent = 0;

  restart(): void {
    this.started = Date.now();
  }

  count(operationId: string, status: number): void {
    this.sent++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const forOperation = this.byOperation.get(operationId) ?? new Map<number, number>();
    forOperation.set(status, (forOperation.get(status) ?? 0) + 1);
    this.byOperation.set(operationId, forOperation);
  }

  line(label: string, extra = ''): string {
    const histogram = [...this.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    return `[${label}] ${this.sent} requests in ${((Date.now() - this.started) / 1000).toFixed(1)} s; statuses ${histogram}${extra ? `; ${extra}` : ''}`;
  }
}

export { describeRequest, printable, type RequestBody };
