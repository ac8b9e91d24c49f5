import {
  changedState,
  describeRequest,
  inParallel,
  sameState,
  startAbuseStack,
  Tally,
  type AbuseStack,
  type Actor,
  type Answer,
} from './abuse-harness';
import {
  printable,
  type GeneratedRequest,
  type JsonSchema,
  type Operation,
} from './openapi-arbitraries';
import { admissionBody, randomPersonnummer } from './fixtures';

/**
 * Targeted abuse cases (test/e2e/abuse-targeted and abuse-identifiers-and-time): valid base
 * requests per operation, the string fields the document gives each of them, and a runner
 * that checks every answer and, for each group of requests, that refusals changed nothing.
 */

type Json = Record<string, unknown>;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export interface BaseRequest {
  actor: Actor;
  /** Path parameters, before encoding. */
  path: Record<string, string>;
  query: Record<string, string>;
  body?: Json;
  key: boolean;
}

/** A request per operation that the API accepts (or refuses only for state, e.g. 409). */
export function baseRequests(stack: AbuseStack): Record<string, BaseRequest> {
  const { fixture } = stack;
  const task = fixture.taskIds[0] ?? 'no-task';
  const plain = (actor: Actor, query: Record<string, string> = {}): BaseRequest => ({
    actor,
    path: {},
    query,
    key: false,
  });
  const admission = admissionBody({ admittedAt: daysAgo(60) });
  (admission.patient as Json).personnummer = randomPersonnummer();
  return {
    health: plain('none'),
    listDevUsers: plain('none'),
    createDevToken: { ...plain('none'), body: { userId: 'demo-ward-goteborg' } },
    me: plain('ward'),
    listUnits: plain('none'),
    listProcessDefinitions: plain('none'),
    getProcessDefinition: { ...plain('none'), path: { version: '1' } },
    admit: { ...plain('ward'), key: true, body: admission },
    listStays: plain('ward', { unit: 'sv-sahlgrenska-avd-32', kommun: '1480', status: 'admitted' }),
    getStay: { ...plain('ward'), path: { id: fixture.stayId } },
    registerEvent: {
      ...plain('ward'),
      key: true,
      path: { id: fixture.stayId },
      body: {
        type: 'planning-message-received',
        occurredAt: daysAgo(50),
        data: { fromUnitId: 'rpv-vc-majorna', subject: 'Planering' },
      },
    },
    reportDeviation: {
      ...plain('hsv'),
      key: true,
      path: { id: fixture.stayId },
      body: {
        category: 'informationsoverforing',
        description: 'Saknade uppgifter',
        unitId: 'kpv-goteborg-hemsjukvard',
        occurredAt: daysAgo(50),
      },
    },
    listDeviations: plain('po', {
      unit: 'sv-sahlgrenska-avd-32',
      kommun: '1480',
      category: 'ovrigt',
      source: 'manual',
      from: daysAgo(400),
      to: daysAgo(1),
    }),
    listTasks: plain('ward', {
      unit: 'sv-sahlgrenska-avd-32',
      status: 'open',
      overdue: 'true',
      dueBefore: daysAgo(1),
      stay: fixture.stayId,
    }),
    claimTask: { ...plain('ward'), key: true, path: { id: task } },
    releaseTask: { ...plain('ward'), key: true, path: { id: task } },
    completeTask: {
      ...plain('ward'),
      key: true,
      path: { id: task },
      body: { occurredAt: daysAgo(50), note: 'Klart' },
    },
    reassignTask: {
      ...plain('ward'),
      key: true,
      path: { id: task },
      body: { toUnitId: 'sv-molndal-avd-5', reason: 'Flyttat' },
    },
    getUnitNotifications: { ...plain('ward'), path: { unitId: 'sv-sahlgrenska-avd-32' } },
    getSituation: plain('po'),
    listProjectionFailures: plain('po', { limit: '20' }),
    listAudit: plain('po', {
      user: 'demo-ward-goteborg',
      unit: 'sv-sahlgrenska-avd-32',
      stay: fixture.stayId,
      action: 'stay.read',
      outcome: 'ok',
      from: daysAgo(2),
      to: daysAgo(-1),
    }),
    listOverdueTasks: plain('po', {
      lane: 'slutenvard',
      unit: 'sv-sahlgrenska-avd-32',
      kommun: '1480',
      activity: 'send-inskrivningsmeddelande',
      limit: '20',
    }),
    getKpis: plain('po', {
      from: daysAgo(300).slice(0, 10),
      to: daysAgo(1).slice(0, 10),
      kommun: '1480',
      ward: 'sv-sahlgrenska-avd-32',
    }),
    whatIf: {
      ...plain('po'),
      body: {
        from: daysAgo(300).slice(0, 10),
        to: daysAgo(1).slice(0, 10),
        kommun: '1480',
        ward: 'sv-sahlgrenska-avd-32',
        month: daysAgo(60).slice(0, 7),
        rules: { sipKallelseDays: 2 },
      },
    },
    listIntegrationMessages: plain('po', { status: 'inbox' }),
    replayIntegrationMessage: {
      ...plain('po'),
      key: true,
      path: { id: '00000000-0000-4000-8000-00000000e001' },
    },
    resolveIntegrationMessage: {
      ...plain('po'),
      key: true,
      path: { id: '00000000-0000-4000-8000-00000000e001' },
      body: { note: 'Hanterat för hand' },
    },
    getBetalningsansvar: plain('po', { month: daysAgo(0).slice(0, 7), kommun: '1480' }),
    correctBetalningsansvar: {
      ...plain('po'),
      body: { stayId: fixture.endedStayId, ukDays: 0, reason: 'Utskriven samma dag' },
    },
    fhirSearchTask: plain('vc', {
      owner: 'Organization/rpv-vc-majorna',
      status: 'ready',
      encounter: `Encounter/${fixture.stayId}`,
    }),
    fhirReadTask: { ...plain('ward'), path: { id: task } },
    fhirReadEncounter: { ...plain('ward'), path: { id: fixture.stayId } },
    fhirReadPlanDefinition: { ...plain('po'), path: { version: '1' } },
  };
}

let keys = 0;
/** The request, with `value` at `field` ("body.patient.name", "query.unit", "path.id"). */
export function buildRequest(
  operation: Operation,
  base: BaseRequest,
  field?: string,
  value?: unknown,
): GeneratedRequest {
  const body: Json | undefined = base.body ? structuredClone(base.body) : undefined;
  const path = { ...base.path };
  const query: Record<string, unknown> = { ...base.query };
  if (field) {
    const [where, ...rest] = field.split('.');
    if (where === 'path') path[rest[0] as string] = String(value);
    else if (where === 'query') query[rest[0] as string] = value;
    else if (where === 'body' && body) {
      let target: Json = body;
      for (const part of rest.slice(0, -1)) target = target[part] as Json;
      target[rest[rest.length - 1] as string] = value;
    }
  }
  let url = operation.path;
  for (const [name, v] of Object.entries(path)) url = url.replace(`{${name}}`, encode(v));
  const search = Object.entries(query)
    .map(([name, v]) => `${encode(name)}=${encode(String(v))}`)
    .join('&');
  return printable({
    operationId: operation.operationId,
    method: operation.method === 'get' ? 'GET' : 'POST',
    url: `${url}${search ? `?${search}` : ''}`,
    actor: base.actor,
    headers: base.key ? { 'Idempotency-Key': `abuse-${process.pid}-${++keys}` } : {},
    ...(body ? { body: { kind: 'json', value: body, contentType: 'application/json' } } : {}),
  });
}

const encode = (text: string): string =>
  encodeURIComponent(
    text.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );

/** The string fields of an operation: path and query parameters, and the body's string leaves. */
export function stringFields(operation: Operation, base: BaseRequest): string[] {
  const fields: string[] = [];
  for (const p of operation.parameters)
    if (p.in === 'path' || p.in === 'query') fields.push(`${p.in}.${p.name}`);
  const walk = (schema: JsonSchema | undefined, prefix: string, value: unknown) => {
    if (!schema) return;
    if (schema.type === 'object' && schema.properties)
      for (const [name, property] of Object.entries(schema.properties))
        walk(property, `${prefix}.${name}`, (value as Json | undefined)?.[name]);
    else if (schema.type === 'string') fields.push(prefix);
    else if (schema.type === 'object' && value && typeof value === 'object')
      // Free-form objects (an event's data): the base request's string values.
      for (const [name, v] of Object.entries(value as Json))
        if (typeof v === 'string') fields.push(`${prefix}.${name}`);
  };
  walk(operation.body, 'body', base.body);
  return fields;
}

export interface Case {
  request: GeneratedRequest;
  /** Extra expectations on the answer; returns what is wrong. */
  expect?: (answer: Answer) => string[];
}

/** Expect a refusal naming `field` (or a field inside it), when the answer is a 400 or 422. */
export const namesField =
  (field: string, statuses: number[] = [400, 422], alsoAllowed: string[] = []) =>
  (answer: Answer): string[] => {
    if (!statuses.includes(answer.status)) return [];
    const errors = ((answer.body as Json | undefined)?.errors ?? []) as { field: string }[];
    // A rule over a period (from ≤ to, at most a year) names its `from`.
    const period = field.replace(/\.to$/, '.from');
    return errors.some(
      (e) =>
        e.field === field ||
        e.field === period ||
        e.field.startsWith(`${field}.`) ||
        alsoAllowed.includes(e.field),
    )
      ? []
      : [`a ${answer.status} that does not name ${field}: ${JSON.stringify(errors).slice(0, 300)}`];
  };

/** Expect exactly this status (and, for input faults, the field named). */
export const refusedWith =
  (status: number, field?: string) =>
  (answer: Answer): string[] => [
    ...(answer.status === status ? [] : [`expected ${status}, got ${answer.status}`]),
    ...(field ? namesField(field, [status])(answer) : []),
  ];

/**
 * Sends a group of cases (CONCURRENCY at a time), checks every answer, and, when no request
 * of the group that writes was accepted, that the domain state is as before the group.
 */
export async function runCases(
  stack: AbuseStack,
  tally: Tally,
  label: string,
  cases: Case[],
  faults: string[],
): Promise<Answer[]> {
  const before = await stack.snapshot();
  const started = new Date();
  const answers = await inParallel(cases, 8, async (c) => {
    try {
      return await stack.send(c.request);
    } catch (error) {
      return {
        status: 0,
        contentType: '',
        headers: new Headers(),
        body: undefined,
        text: String(error),
      };
    }
  });
  answers.forEach((answer, i) => {
    const c = cases[i] as Case;
    tally.count(c.request.operationId, answer.status);
    const problems = [
      ...(answer.status === 0
        ? [`no answer: ${answer.text}`]
        : stack.violations(c.request, answer)),
      ...(c.expect?.(answer) ?? []),
    ];
    if (problems.length > 0)
      faults.push(
        `[${label}] ${answer.status} ${describeRequest(c.request)}\n    → ${problems.join('; ')}`,
      );
  });
  const wrote = cases.some(
    (c, i) =>
      (c.request.method === 'POST' || c.request.operationId === 'getBetalningsansvar') &&
      (answers[i]?.status ?? 0) < 300 &&
      (answers[i]?.status ?? 0) >= 200,
  );
  if (wrote) await stack.quiesce();
  else {
    const after = await stack.snapshot();
    if (!sameState(before, after)) {
      faults.push(
        `[${label}] state changed although every write was refused: ${changedState(before, after).join(', ')}; rows: ${(await stack.changedSince(started)).join('; ')}`,
      );
      await stack.quiesce();
    }
  }
  return answers;
}

/**
 * What every targeted abuse spec shares: one stack for the file, a tally printed after it,
 * the faults of a test thrown after that test, and lookups of operations and base requests.
 */
export function abuseSpec(label: string) {
  const spec = {
    stack: undefined as unknown as AbuseStack,
    tally: new Tally(),
    faults: [] as string[],
    operation(id: string): Operation {
      const found = spec.stack.operations.find((o) => o.operationId === id);
      if (!found) throw new Error(`no operation ${id}`);
      return found;
    },
    base(id: string): BaseRequest {
      const found = baseRequests(spec.stack)[id];
      if (!found) throw new Error(`no base request for ${id}`);
      return found;
    },
  };
  beforeAll(async () => {
    spec.stack = await startAbuseStack();
    spec.tally.restart();
  }, 120_000);
  afterAll(async () => {
    process.stdout.write(`${spec.tally.line(label)}\n`);
    await (spec.stack as AbuseStack | undefined)?.close();
  });
  afterEach(() => {
    const found = spec.faults.splice(0);
    if (found.length > 0) throw new Error(`${found.length} faults:\n${found.join('\n')}`);
  });
  return spec;
}
