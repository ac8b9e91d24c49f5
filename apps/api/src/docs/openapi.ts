import { z } from 'zod';
import { problemResponseSchema } from '@app/domain';
import type { MediaKind, RouteDoc } from './routes';

type JsonSchema = Record<string, unknown>;

const mediaTypes: Record<MediaKind, string> = {
  json: 'application/json',
  problem: 'application/problem+json',
  fhir: 'application/fhir+json',
};

const statusTexts: Record<number, string> = {
  400: 'Felaktig begäran: varje fel fält namnges',
  401: 'Inloggning krävs (giltig bearer-token saknas)',
  403: 'Behörighet saknas för den här enheten eller rollen',
  404: 'Finns inte, eller får inte ses av användaren',
  409: 'Konflikt: tagen av någon annan eller redan klar',
  413: 'För stor begäran',
  415: 'Fel innehållstyp',
  422: 'Begäran kan inte utföras (t.ex. okänd enhet)',
  503: 'PostgreSQL eller Temporal är tillfälligt otillgänglig (se Retry-After)',
};

/** JSON Schema 2020-12 of a zod schema, as OpenAPI 3.1 embeds it. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(route: RouteDoc): JsonSchema[] {
  const list: JsonSchema[] = [];
  const add = (where: 'path' | 'query', object: z.ZodObject | undefined) => {
    if (!object) return;
    const schema = jsonSchemaOf(object, 'input');
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(
      (schema.properties as Record<string, JsonSchema> | undefined) ?? {},
    ))
      list.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: property,
      });
  };
  add('path', route.params);
  add('query', route.query);
  if (route.idempotencyKey)
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: route.idempotencyKey === 'required',
      description: 'Gör omförsök säkra: samma nyckel ger samma svar',
      schema: { type: 'string', minLength: 8, maxLength: 200 },
    });
  return list;
}

function operation(route: RouteDoc): JsonSchema {
  const problem = {
    [mediaTypes.problem]: { schema: jsonSchemaOf(problemResponseSchema, 'output') },
  };
  const responses: JsonSchema = {
    [route.ok.status]: {
      description: route.ok.description,
      content: {
        [mediaTypes[route.ok.media ?? 'json']]: { schema: jsonSchemaOf(route.ok.schema, 'output') },
      },
    },
  };
  const errors = new Set<number>(route.errors);
  if (route.body) [400, 413, 415].forEach((s) => errors.add(s));
  for (const status of [...errors].sort())
    responses[status] = {
      description: statusTexts[status] ?? 'Fel',
      content: problem,
      ...(status === 503
        ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Sekunder' } } }
        : {}),
    };
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? {} : { security: [] }),
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { [mediaTypes.json]: { schema: jsonSchemaOf(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the routes this instance serves. */
export function openApiDocument(routes: readonly RouteDoc[], authMode: 'dev' | 'oidc'): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    if (route.devOnly && authMode !== 'dev') continue;
    (paths[route.path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Utskrivningsflödet',
      version: '1',
      description:
        'Samverkan vid in- och utskrivning från slutenvård (lag 2017:612) i Göteborgsområdet: ' +
        'vårdtillfällen, uppgifter med tidsfrister, samverkansavvikelser och en FHIR R4-läsvy.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            authMode === 'dev'
              ? 'Utvecklingsinloggning: POST /api/v1/dev/token'
              : 'Token från regionens identitetsleverantör (OIDC)',
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
