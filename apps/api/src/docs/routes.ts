import { z } from 'zod';
import {
  admissionResponseSchema,
  admissionSchema,
  auditPageResponseSchema,
  auditQuerySchema,
  completeTaskSchema,
  deviationListQuerySchema,
  deviationPageResponseSchema,
  deviationResponseSchema,
  devTokenRequestSchema,
  devTokenResponseSchema,
  devUserListResponseSchema,
  eventResponseSchema,
  healthResponseSchema,
  manualDeviationSchema,
  meResponseSchema,
  processDefinitionListResponseSchema,
  processDefinitionResponseSchema,
  reassignTaskSchema,
  stayEventRequestSchema,
  stayListQuerySchema,
  stayPageResponseSchema,
  stayTimelineResponseSchema,
  taskActionResponseSchema,
  taskPageResponseSchema,
  taskQueueQuerySchema,
  unitListResponseSchema,
} from '@app/domain';
import { fhirRouteDocs } from './fhir-routes';
import { monitoringRouteDocs } from './monitoring-routes';
import { integrationRouteDocs } from '../integration/integration-routes';
import { notificationRouteDocs } from './notification-routes';
import { versionSchema } from '../process-definitions/process-definitions.controller';
import { stayIdSchema } from '../stays/stays.controller';
import { taskIdSchema } from '../tasks/tasks.controller';

/** How an operation answers: JSON, problem+json or FHIR JSON. */
export type MediaKind = 'json' | 'problem' | 'fhir';

export interface RouteDoc {
  method: 'get' | 'post';
  /** OpenAPI path, e.g. /api/v1/stays/{id}. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  /** false: answers without a bearer token. */
  auth: boolean;
  devOnly?: boolean;
  idempotencyKey?: 'required' | 'optional';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success statuses with their body; the error statuses are listed in `errors`. */
  ok: { status: number; schema: z.ZodType; media?: MediaKind; description: string };
  errors: readonly number[];
}

const read = [401, 404, 503] as const;
const list = [400, 401, 403, 503] as const;
const taskAction = [400, 401, 403, 404, 409, 422, 503] as const;

const taskActions = (['claim', 'release', 'complete', 'reassign'] as const).map(
  (action): RouteDoc => ({
    method: 'post',
    path: `/api/v1/tasks/{id}/${action}`,
    operationId: `${action}Task`,
    tag: 'Uppgifter',
    summary: {
      claim: 'Ta uppgiften (markera att jag arbetar med den)',
      release: 'Lämna tillbaka en tagen uppgift',
      complete: 'Markera uppgiften som klar, med utfall och anteckning',
      reassign: 'Flytta uppgiften till en annan enhet i samma spår, med skäl',
    }[action],
    auth: true,
    idempotencyKey: 'required',
    params: taskIdSchema,
    ...(action === 'complete' ? { body: completeTaskSchema } : {}),
    ...(action === 'reassign' ? { body: reassignTaskSchema } : {}),
    ok: { status: 200, schema: taskActionResponseSchema, description: 'Uppgiften efter ändringen' },
    errors: taskAction,
  }),
);

/** Every route of the API, documented once; /docs/openapi.json is generated from this. */
export const routeDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/health',
    operationId: 'health',
    tag: 'Drift',
    summary: 'Hälsokontroll: redo när PostgreSQL och Temporal svarar (annars 503)',
    auth: false,
    ok: { status: 200, schema: healthResponseSchema, description: 'Tjänsten är redo' },
    errors: [503],
  },
  {
    method: 'get',
    path: '/api/v1/dev/users',
    operationId: 'listDevUsers',
    tag: 'Inloggning (utveckling)',
    summary: 'Demoanvändare att logga in som (endast AUTH_MODE=dev)',
    auth: false,
    devOnly: true,
    ok: { status: 200, schema: devUserListResponseSchema, description: 'Demoanvändarna' },
    errors: [503],
  },
  {
    method: 'post',
    path: '/api/v1/dev/token',
    operationId: 'createDevToken',
    tag: 'Inloggning (utveckling)',
    summary: 'Bearer-token för en demoanvändare (endast AUTH_MODE=dev)',
    auth: false,
    devOnly: true,
    body: devTokenRequestSchema,
    ok: { status: 200, schema: devTokenResponseSchema, description: 'En signerad JWT' },
    errors: [400, 422, 503],
  },
  {
    method: 'get',
    path: '/api/v1/me',
    operationId: 'me',
    tag: 'Inloggning',
    summary: 'Den inloggade användaren: roll och enheter',
    auth: true,
    ok: { status: 200, schema: meResponseSchema, description: 'Användaren' },
    errors: [401, 403, 503],
  },
  {
    method: 'get',
    path: '/api/v1/units',
    operationId: 'listUnits',
    tag: 'Referensdata',
    summary: 'Enheter: avdelningar, vårdcentraler och kommunernas enheter',
    auth: false,
    ok: { status: 200, schema: unitListResponseSchema, description: 'Enheterna' },
    errors: [503],
  },
  {
    method: 'get',
    path: '/api/v1/process-definitions',
    operationId: 'listProcessDefinitions',
    tag: 'Referensdata',
    summary: 'Processdefinitionens versioner',
    auth: false,
    ok: { status: 200, schema: processDefinitionListResponseSchema, description: 'Versionerna' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/process-definitions/{version}',
    operationId: 'getProcessDefinition',
    tag: 'Referensdata',
    summary: 'En version av processdefinitionen',
    auth: false,
    params: versionSchema,
    ok: { status: 200, schema: processDefinitionResponseSchema, description: 'Versionen' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/v1/stays',
    operationId: 'admit',
    tag: 'Vårdtillfällen',
    summary: 'Inskrivning (t0) på den egna avdelningen',
    auth: true,
    idempotencyKey: 'required',
    body: admissionSchema,
    ok: { status: 201, schema: admissionResponseSchema, description: 'Vårdtillfället skapat' },
    errors: [400, 401, 403, 422, 503],
  },
  {
    method: 'get',
    path: '/api/v1/stays',
    operationId: 'listStays',
    tag: 'Vårdtillfällen',
    summary: 'Vårdtillfällen som användaren får se (processägare: pseudonymiserade)',
    auth: true,
    query: stayListQuerySchema,
    ok: {
      status: 200,
      schema: stayPageResponseSchema,
      description: 'En sida, senast inskrivna först',
    },
    errors: list,
  },
  {
    method: 'get',
    path: '/api/v1/stays/{id}',
    operationId: 'getStay',
    tag: 'Vårdtillfällen',
    summary: 'Vårdtillfällets tidslinje: händelser, uppgifter, avvikelser och räknare',
    auth: true,
    params: stayIdSchema,
    ok: { status: 200, schema: stayTimelineResponseSchema, description: 'Tidslinjen' },
    errors: [400, ...read],
  },
  {
    method: 'post',
    path: '/api/v1/stays/{id}/events',
    operationId: 'registerEvent',
    tag: 'Vårdtillfällen',
    summary: 'Registrera en händelse (avdelningens personal)',
    auth: true,
    idempotencyKey: 'required',
    params: stayIdSchema,
    body: stayEventRequestSchema,
    ok: {
      status: 201,
      schema: eventResponseSchema,
      description: 'Händelsen och uppgifterna den öppnade',
    },
    errors: [400, 401, 403, 404, 409, 422, 503],
  },
  {
    method: 'post',
    path: '/api/v1/stays/{id}/deviations',
    operationId: 'reportDeviation',
    tag: 'Avvikelser',
    summary: 'Anmäl en samverkansavvikelse',
    auth: true,
    idempotencyKey: 'required',
    params: stayIdSchema,
    body: manualDeviationSchema,
    ok: { status: 201, schema: deviationResponseSchema, description: 'Avvikelsen' },
    errors: [400, 401, 403, 404, 422, 503],
  },
  {
    method: 'get',
    path: '/api/v1/deviations',
    operationId: 'listDeviations',
    tag: 'Avvikelser',
    summary: 'Samverkansavvikelser, senaste först',
    auth: true,
    query: deviationListQuerySchema,
    ok: { status: 200, schema: deviationPageResponseSchema, description: 'En sida' },
    errors: list,
  },
  {
    method: 'get',
    path: '/api/v1/tasks',
    operationId: 'listTasks',
    tag: 'Uppgifter',
    summary: 'Uppgiftskö i förfallotidsordning, 50 per sida',
    auth: true,
    query: taskQueueQuerySchema,
    ok: { status: 200, schema: taskPageResponseSchema, description: 'En sida' },
    errors: list,
  },
  ...taskActions,
  {
    method: 'get',
    path: '/api/v1/audit',
    operationId: 'listAudit',
    tag: 'Logguppföljning',
    summary: 'Åtkomstloggen (processägare)',
    auth: true,
    query: auditQuerySchema,
    ok: { status: 200, schema: auditPageResponseSchema, description: 'En sida, senaste först' },
    errors: list,
  },
  ...monitoringRouteDocs,
  ...integrationRouteDocs,
  ...notificationRouteDocs,
  ...fhirRouteDocs,
];
