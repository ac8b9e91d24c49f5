import { Buffer } from 'node:buffer';
import fc from 'fast-check';

/**
 * fast-check arbitraries of HTTP requests, derived from the API's OpenAPI 3.1 document: each
 * operation's path, query and header parameters and its request-body JSON Schema become
 * generators of valid values, boundary values, wrong types, missing and extra fields, random
 * strings and injection strings. Domain knowledge (which unit ids, stay ids or personnummer
 * exist) comes in through `Hints`, so that valid-ish requests reach real resources.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  default?: unknown;
  [key: string]: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI path template, e.g. /api/v1/stays/{id}. */
  path: string;
  /** false when the document says `security: []`. */
  auth: boolean;
  parameters: Parameter[];
  body?: JsonSchema;
  /** Documented statuses, as strings ("200", "400", …). */
  statuses: string[];
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

/** Every operation of the document, in document order. */
export function operationsOf(document: Record<string, unknown>): Operation[] {
  const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = (
        op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined
      )?.content?.['application/json']?.schema;
      const responses = op.responses as Operation['responses'];
      return {
        operationId: op.operationId as string,
        method: method as 'get' | 'post',
        path,
        auth: !(Array.isArray(op.security) && op.security.length === 0),
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        ...(body ? { body } : {}),
        statuses: Object.keys(responses),
        responses,
      };
    }),
  );
}

/** Where a generated value goes, so hints can pick domain values (`body.patient.personnummer`). */
export interface Site {
  operation: Operation;
  /** e.g. "body.wardUnitId", "query.unit", "path.id", "header.Idempotency-Key". */
  field: string;
  /** The last segment of `field`. */
  name: string;
}

/** Valid values the schema alone cannot produce (real ids, Luhn-checked personnummer, …). */
export type Hints = (site: Site, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

/** Marks a property or parameter left out. */
export const OMIT: unique symbol = Symbol('omit');
/** A value, or OMIT for a member left out (unknown already includes the symbol). */
type Maybe = unknown;

// ---------------------------------------------------------------------------------------------
// Hostile strings: SQL, NoSQL, path traversal, header splitting, markup, control characters,
// very long unicode. Used for every string field, path and query parameter.
// ---------------------------------------------------------------------------------------------

export const injectionStrings: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE stay; --",
  '1; SELECT pg_sleep(5)--',
  '" OR ""="',
  "admin'--",
  '\\',
  '%27%20OR%201%3D1--',
  '$ne',
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  '[$regex]=.*',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\windows\\win.ini',
  '/dev/zero',
  'abc\r\nSet-Cookie: injected=1',
  'abc\r\n\r\nHTTP/1.1 200 OK',
  '%0d%0aX-Injected:%201',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}<%= 7*7 %>',
  'abc\u0000def',
  '\u0000',
  '\u202e\u200b\ufeff',
  '\ud800',
  'Å'.repeat(5_000),
  '𝕳'.repeat(3_000),
  'e\u0301'.repeat(2_000),
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '',
  ' ',
];

/** Objects a NoSQL- or ORM-minded attacker puts where a string belongs. */
const operatorObjects: readonly unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $where: '1==1' },
  { not: '' },
  { contains: '' },
  { equals: null },
  ['a', 'b'],
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
];

// ---------------------------------------------------------------------------------------------
// Time: valid instants and dates lie 45–400 days back (or, for dates, 90–400 days ahead), so
// that every deadline, reminder and escalation of a stay changed by a generated request has
// passed or lies far ahead: no workflow timer fires while the suite runs, and state changes
// only when a request is accepted. Boundary forms come on top.
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const now = Date.now();

export function instantArb(): fc.Arbitrary<string> {
  const past = fc.integer({ min: now - 400 * DAY, max: now - 45 * DAY }).map((ms) => new Date(ms));
  return fc.oneof(
    { weight: 4, arbitrary: past.map((d) => d.toISOString()) },
    { weight: 2, arbitrary: past.map((d) => withOffset(d, 60)) },
    { weight: 1, arbitrary: past.map((d) => withOffset(d, -330).replace(/\.\d{3}/, '')) },
  );
}

/** An ISO date-time with a numeric offset of `minutes`. */
function withOffset(date: Date, minutes: number): string {
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().replace('Z', '');
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function dateArb(): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.integer({ min: now - 400 * DAY, max: now - 45 * DAY }),
      fc.integer({ min: now + 90 * DAY, max: now + 400 * DAY }),
    )
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
}

/** Instants that are valid ISO 8601 with offset, or nearly, at the edges of what anything parses. */
export const boundaryInstants: readonly string[] = [
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1900-02-28T12:00:00+01:00',
  '2000-02-29T00:00:00+14:00',
  '2038-01-19T03:14:08Z',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999-23:59',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+275761-01-01T00:00:00Z',
  '2026-02-29T12:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-31T00:00:00Z',
  '2026-11-23T24:00:00Z',
  '2026-11-23T23:59:60Z',
  '2026-11-23T08:00:00',
  '2026-11-23 08:00:00Z',
  '2026-11-23T08:00:00+0100',
  '2026-11-23T08:00:00+24:00',
  '2026-11-23T08:00:00.123456789Z',
  '2026-11-23',
  '20261123T080000Z',
  '2026-W48-1T08:00:00Z',
  '2026-327T08:00:00Z',
  'Mon, 23 Nov 2026 08:00:00 GMT',
  '23/11/2026 08:00',
  '1795420800',
  '1795420800000',
  'now',
  'today',
  '',
];

export const boundaryDates: readonly string[] = [
  '0001-01-01',
  '0000-01-01',
  '1970-01-01',
  '9999-12-31',
  '+275760-09-13',
  '2026-02-29',
  '2024-02-29',
  '2026-00-10',
  '2026-12-32',
  '2026-1-1',
  '20261123',
  '2026-11-23T00:00:00Z',
  '',
];

// ---------------------------------------------------------------------------------------------
// Values from a JSON Schema.
// ---------------------------------------------------------------------------------------------

const typeOf = (schema: JsonSchema): string | undefined =>
  Array.isArray(schema.type) ? schema.type[0] : schema.type;

/** A value the schema accepts (as far as a schema can say: hints supply domain values). */
export function validArb(schema: JsonSchema, site: Site, hints: Hints): fc.Arbitrary<unknown> {
  const hinted = hints(site, schema);
  if (hinted) return hinted;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (typeOf(schema)) {
    case 'object':
      return objectArb(schema, site, hints, 'valid');
    case 'array':
      return fc.array(validArb(schema.items ?? {}, site, hints), { maxLength: 3 });
    case 'integer':
      return fc.integer({
        min:
          schema.exclusiveMinimum !== undefined
            ? schema.exclusiveMinimum + 1
            : (schema.minimum ?? -1000),
        max: Math.min(schema.maximum ?? 1000, 1_000_000),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.format === 'date-time') return instantArb();
      if (schema.format === 'date') return dateArb();
      if (schema.format === 'uuid') return fc.uuid({ version: 4 });
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({
        unit: 'grapheme',
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 40),
      });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values at and just beyond the schema's limits, and near misses of its formats and enums. */
export function boundaryArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const values: unknown[] = [];
  const type = typeOf(schema);
  if (schema.enum)
    for (const option of schema.enum.slice(0, 3))
      if (typeof option === 'string')
        values.push(option.toUpperCase(), ` ${option}`, `${option}\u0000`, option.slice(0, -1));
  if (type === 'string') {
    const min = schema.minLength ?? 0;
    const max = schema.maxLength;
    if (min > 0) values.push('x'.repeat(min - 1), 'x'.repeat(min));
    if (max !== undefined) values.push('x'.repeat(max), 'x'.repeat(max + 1), 'Ö'.repeat(max + 1));
    if (schema.format === 'date-time') values.push(...boundaryInstants);
    if (schema.format === 'date') values.push(...boundaryDates);
    if (schema.format === 'uuid')
      values.push(
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        '00000000-0000-4000-8000-00000000000',
        '00000000-0000-4000-8000-0000000000000',
        '00000000000040008000000000000000',
        '{00000000-0000-4000-8000-000000000000}',
        'g0000000-0000-4000-8000-000000000000',
      );
    if (schema.pattern)
      values.push(
        'A',
        'a',
        'a'.repeat(81),
        'Sv-sahlgrenska',
        'sv_sahlgrenska',
        '-sv',
        '12345',
        '123',
      );
  }
  if (type === 'integer' || type === 'number') {
    const min = schema.exclusiveMinimum ?? schema.minimum;
    const max = schema.maximum;
    if (min !== undefined) values.push(min - 1, min, min + 0.5);
    if (max !== undefined) values.push(max, max + 1);
    values.push(0, -0, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 0.1, 1e-320);
    values.push('1', '1e3', '0x10', ' 1');
  }
  if (type === 'boolean') values.push('true', 'false', 0, 1, 'yes', null);
  if (type === 'object') values.push({}, [], null);
  if (values.length === 0) values.push(null, '', 0);
  return fc.constantFrom(...values);
}

/** Anything of another JSON type than the schema's, including operator objects. */
export function wrongTypeArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.constantFrom(...operatorObjects),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  ];
  if (type !== 'string') options.push(fc.string({ maxLength: 20 }));
  if (type !== 'integer' && type !== 'number')
    options.push(fc.integer(), fc.double({ noDefaultInfinity: true, noNaN: true }));
  if (type !== 'boolean') options.push(fc.boolean());
  if (type !== 'object')
    options.push(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    );
  return fc.oneof(...options);
}

/** Random text: any code points (including control characters and lone surrogates). */
export function randomStringArb(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'binary-ascii', maxLength: 300 }),
  );
}

/** A value for a schema: usually valid, otherwise boundary, wrong type, random or hostile. */
export function anyArb(schema: JsonSchema, site: Site, hints: Hints): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  if (type === 'object' && schema.properties)
    return fc.oneof(
      { weight: 8, arbitrary: objectArb(schema, site, hints, 'any') },
      { weight: 1, arbitrary: wrongTypeArb(schema) },
      { weight: 1, arbitrary: boundaryArb(schema) },
    );
  return fc.oneof(
    { weight: 10, arbitrary: validArb(schema, site, hints) },
    { weight: 3, arbitrary: boundaryArb(schema) },
    { weight: 1, arbitrary: wrongTypeArb(schema) },
    { weight: 1, arbitrary: randomStringArb() },
    { weight: 2, arbitrary: fc.constantFrom(...injectionStrings) },
  );
}

const child = (site: Site, name: string): Site => ({
  ...site,
  field: `${site.field}.${name}`,
  name,
});

/** An object: in "any" mode, required properties may go missing and extra ones appear. */
function objectArb(
  schema: JsonSchema,
  site: Site,
  hints: Hints,
  mode: 'valid' | 'any',
): fc.Arbitrary<unknown> {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const value =
      mode === 'valid'
        ? validArb(property, child(site, name), hints)
        : anyArb(property, child(site, name), hints);
    const arbitrary: fc.Arbitrary<Maybe> = required.has(name)
      ? mode === 'valid'
        ? value
        : fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constant(OMIT) })
      : fc.oneof(value, fc.constant(OMIT));
    return [name, arbitrary] as const;
  });
  const extra: fc.Arbitrary<[string, unknown][]> =
    mode === 'valid'
      ? fc.constant<[string, unknown][]>([])
      : fc.oneof(
          { weight: 9, arbitrary: fc.constant<[string, unknown][]>([]) },
          {
            weight: 1,
            arbitrary: fc
              .array(
                fc.tuple(
                  fc.oneof(
                    fc.constantFrom('extra', '__proto__', 'constructor', '$where', 'id', 'status'),
                    fc.string({ maxLength: 12 }),
                  ),
                  fc.jsonValue({ maxDepth: 1 }),
                ),
                { minLength: 1, maxLength: 2 },
              )
              .map((pairs) => pairs.map(([k, v]): [string, unknown] => [k, v])),
          },
        );
  const generic =
    schema.properties === undefined && schema.additionalProperties !== false
      ? fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
      : fc.constant({});
  return fc
    .tuple(fc.tuple(...entries.map(([, a]) => a)), extra, generic)
    .map(([values, extras, rest]) => {
      const object: Record<string, unknown> = { ...(rest as Record<string, unknown>) };
      entries.forEach(([name], i) => {
        if (values[i] !== OMIT) object[name] = values[i];
      });
      for (const [name, value] of extras)
        Object.defineProperty(object, name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return object;
    });
}

// ---------------------------------------------------------------------------------------------
// Requests.
// ---------------------------------------------------------------------------------------------

export type RequestBody =
  | { kind: 'json'; value: unknown; contentType: string | null }
  | { kind: 'raw'; text: string; contentType: string | null };

export interface GeneratedRequest {
  operationId: string;
  method: 'GET' | 'POST';
  /** Path with its parameters filled in and percent-encoded, plus the query string. */
  url: string;
  /** Who sends it: a name from `actors` ("none" sends no Authorization header). */
  actor: string;
  headers: Record<string, string>;
  body?: RequestBody;
}

/** Malformed JSON and bodies of other shapes, for operations that take a body. */
export const malformedJsonBodies: readonly string[] = [
  '{',
  '{"a":',
  '{"a": 1,}',
  "{'a': 1}",
  '{a: 1}',
  '{"a": NaN}',
  '{"a": undefined}',
  '{"a": 1}}',
  '\ufeff{}',
  '{"a": "\\x41"}',
  '{"a": "\\ud800"}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000),
  '',
  ' ',
  'null',
  'true',
  '42',
  '"a string"',
  '[]',
  '[{}]',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  '\u0000',
  '{}\u0000',
];

const wrongContentTypes: readonly (string | null)[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'text/xml',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json-seq',
  'text/json',
  null,
];

const jsonContentTypes: readonly string[] = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/merge-patch+json',
];

/** Header values fetch can send (ByteStrings without CR, LF or NUL). */
function headerSafe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?').trim();
}

function queryString(entries: [string, unknown][]): string {
  const parts: string[] = [];
  const push = (name: string, value: unknown) => {
    if (value === null) parts.push(encodeURIComponent(name));
    else if (Array.isArray(value)) for (const v of value) push(name, v);
    else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value)) push(`${name}[${k}]`, v);
    // A scalar here (objects and arrays are taken apart above).
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    else parts.push(`${encode(name)}=${encode(String(value))}`);
  };
  for (const [name, value] of entries) push(name, value);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

const isPaired = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code < 0xdc00
    ? (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    : (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
};

/** encodeURIComponent refuses lone surrogates; what a client would send is their replacement. */
const encode = (text: string): string =>
  encodeURIComponent(
    text.replace(/[\ud800-\udfff]/g, (c, i: number) => (isPaired(text, i) ? c : '\ufffd')),
  );

function pathParam(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return encode(text);
}

export interface RequestOptions {
  hints: Hints;
  /** Names of the actors (token kinds) to choose from, "none" among them. */
  actors: readonly string[];
  /** Idempotency-Keys shared between requests, so that some are reused with another body. */
  sharedKeys: readonly string[];
}

/** Every kind of request for one operation. */
export function requestArb(
  operation: Operation,
  options: RequestOptions,
): fc.Arbitrary<GeneratedRequest> {
  const { hints } = options;
  const site = (where: string, name: string): Site => ({
    operation,
    field: `${where}.${name}`,
    name,
  });
  const bodySite: Site = { operation, field: 'body', name: 'body' };
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const keyParam = operation.parameters.find(
    (p) => p.in === 'header' && p.name === 'Idempotency-Key',
  );

  const path = fc
    .tuple(...pathParams.map((p) => anyArb(p.schema, site('path', p.name), hints)))
    .map((values) =>
      pathParams.reduce(
        (url, p, i) => url.replace(`{${p.name}}`, pathParam(values[i])),
        operation.path,
      ),
    );

  const query = fc
    .tuple(
      fc.tuple(
        ...queryParams.map((p) => {
          const value = anyArb(p.schema, site('query', p.name), hints);
          return p.required
            ? fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(OMIT) })
            : fc.oneof(
                { weight: 1, arbitrary: value },
                { weight: 2, arbitrary: fc.constant(OMIT) },
              );
        }),
      ),
      fc.oneof(
        { weight: 9, arbitrary: fc.constant<[string, unknown][]>([]) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 })),
            { maxLength: 2 },
          ),
        },
      ),
    )
    .map(([values, extra]) => {
      const list = values;
      return queryString([
        ...queryParams.flatMap((p, i): [string, unknown][] =>
          list[i] === OMIT ? [] : [[p.name, list[i]]],
        ),
        ...(extra as [string, unknown][]),
      ]);
    });

  const key: fc.Arbitrary<string | typeof OMIT> = keyParam
    ? fc.oneof(
        { weight: 8, arbitrary: fc.uuid().map((u) => `fuzz-${u}`) },
        { weight: 2, arbitrary: fc.constantFrom(...options.sharedKeys) },
        { weight: 2, arbitrary: fc.constant(OMIT) },
        {
          weight: 2,
          arbitrary: fc
            .oneof(
              fc.constantFrom(
                'x'.repeat(7),
                'x'.repeat(8),
                `k${'x'.repeat(199)}`,
                'x'.repeat(201),
                'with space 123',
                'tab\tkey-123',
                'åäö-key-123',
                '',
              ),
              fc.string({ unit: 'binary-ascii', maxLength: 250 }),
              fc.constantFrom(...injectionStrings),
            )
            .map(headerSafe),
        },
      )
    : fc.oneof(
        { weight: 20, arbitrary: fc.constant(OMIT) },
        { weight: 1, arbitrary: fc.constant('stray-key-0001') },
      );

  const body: fc.Arbitrary<RequestBody | undefined> = operation.body
    ? fc.oneof(
        {
          weight: 4,
          arbitrary: validArb(operation.body, bodySite, hints).map((value): RequestBody => ({
            kind: 'json',
            value,
            contentType: 'application/json',
          })),
        },
        {
          weight: 10,
          arbitrary: fc
            .tuple(anyArb(operation.body, bodySite, hints), fc.constantFrom(...jsonContentTypes))
            .map(([value, contentType]): RequestBody => ({ kind: 'json', value, contentType })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.constantFrom(...malformedJsonBodies),
              fc.constantFrom<string | null>('application/json', ...jsonContentTypes),
            )
            .map(([text, contentType]): RequestBody => ({ kind: 'raw', text, contentType })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(validArb(operation.body, bodySite, hints), fc.constantFrom(...wrongContentTypes))
            .map(([value, contentType]): RequestBody => ({
              kind: 'raw',
              text: JSON.stringify(value),
              contentType,
            })),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.oneof(
        { weight: 30, arbitrary: fc.constant(undefined) },
        // A POST without a documented body may still carry one (claim, release).
        {
          weight: operation.method === 'post' ? 2 : 0,
          arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value): RequestBody => ({
            kind: 'json',
            value,
            contentType: 'application/json',
          })),
        },
      );

  const accept = fc.oneof(
    { weight: 12, arbitrary: fc.constant(OMIT) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/csv',
        'application/xml',
        '*/*',
        'application/fhir+json',
        'text/html',
        'image/png;q=0.1, */*;q=0.01',
      ),
    },
  );

  return fc
    .record({
      path,
      query,
      actor: fc.constantFrom(...options.actors),
      key,
      body,
      accept,
    })
    .map(({ path, query, actor, key, body, accept }): GeneratedRequest => {
      const headers: Record<string, string> = {};
      if (key !== OMIT) headers['Idempotency-Key'] = key;
      if (accept !== OMIT) headers.Accept = accept;
      return printable({
        operationId: operation.operationId,
        method: operation.method === 'get' ? 'GET' : 'POST',
        url: `${path}${query}`,
        actor,
        headers,
        ...(body ? { body } : {}),
      });
    });
}

/** The bytes of a body: JSON.stringify, or the raw text. Buffers make fetch add no Content-Type. */
export function bodyBytes(body: RequestBody): Buffer {
  const text = body.kind === 'json' ? (JSON.stringify(body.value) ?? 'null') : body.text;
  return Buffer.from(text, 'utf8');
}

/** fast-check prints counterexamples with this (long bodies would bury the report). */
export function printable(request: GeneratedRequest): GeneratedRequest {
  if (!Object.prototype.hasOwnProperty.call(request, fc.toStringMethod))
    Object.defineProperty(request, fc.toStringMethod, { value: () => describeRequest(request) });
  return request;
}

/** A short, log-safe rendering for counterexamples: long strings are cut. */
export function describeRequest(request: GeneratedRequest): string {
  const cut = (text: string) =>
    text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text;
  const body = request.body
    ? ` body(${request.body.contentType ?? 'no content-type'})=${cut(request.body.kind === 'json' ? (JSON.stringify(request.body.value) ?? 'undefined') : JSON.stringify(request.body.text))}`
    : '';
  return `${request.method} ${cut(request.url)} as ${request.actor} headers=${JSON.stringify(request.headers)}${body}`;
}
