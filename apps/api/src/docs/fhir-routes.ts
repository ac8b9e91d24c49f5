import { fhirResourceResponseSchema } from '@app/domain';
import { fhirTaskQuerySchema, fhirVersionSchema } from '../fhir/fhir.schemas';
import { stayIdSchema } from '../stays/stays.controller';
import { taskIdSchema } from '../tasks/tasks.controller';
import type { RouteDoc } from './routes';

const read = [401, 404, 503] as const;
const list = [400, 401, 403, 503] as const;

/** The FHIR R4 read facade's routes. */
export const fhirRouteDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/fhir/R4/Task',
    operationId: 'fhirSearchTask',
    tag: 'FHIR R4',
    summary: 'Sök uppgifter som FHIR Task (owner = enhet)',
    auth: true,
    query: fhirTaskQuerySchema,
    ok: {
      status: 200,
      schema: fhirResourceResponseSchema,
      media: 'fhir',
      description: 'Bundle (searchset)',
    },
    errors: list,
  },
  {
    method: 'get',
    path: '/fhir/R4/Task/{id}',
    operationId: 'fhirReadTask',
    tag: 'FHIR R4',
    summary: 'En uppgift som FHIR Task',
    auth: true,
    params: taskIdSchema,
    ok: { status: 200, schema: fhirResourceResponseSchema, media: 'fhir', description: 'Task' },
    errors: [400, ...read],
  },
  {
    method: 'get',
    path: '/fhir/R4/Encounter/{id}',
    operationId: 'fhirReadEncounter',
    tag: 'FHIR R4',
    summary: 'Ett vårdtillfälle som FHIR Encounter',
    auth: true,
    params: stayIdSchema,
    ok: {
      status: 200,
      schema: fhirResourceResponseSchema,
      media: 'fhir',
      description: 'Encounter',
    },
    errors: [400, ...read],
  },
  {
    method: 'get',
    path: '/fhir/R4/PlanDefinition/{version}',
    operationId: 'fhirReadPlanDefinition',
    tag: 'FHIR R4',
    summary: 'Processdefinitionen som FHIR PlanDefinition',
    auth: true,
    params: fhirVersionSchema,
    ok: {
      status: 200,
      schema: fhirResourceResponseSchema,
      media: 'fhir',
      description: 'PlanDefinition',
    },
    errors: [400, 401, 404],
  },
];
