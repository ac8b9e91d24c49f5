import {
  kpiQuerySchema,
  kpiResponseSchema,
  overdueQuerySchema,
  overdueResponseSchema,
  situationResponseSchema,
  projectionFailureQuerySchema,
  projectionFailureResponseSchema,
  whatIfResponseSchema,
  whatIfSchema,
} from '../monitoring/monitoring.schemas';
import {
  betalningsansvarQuerySchema,
  betalningsansvarResponseSchema,
  correctionResponseSchema,
  correctionSchema,
} from '../reports/reports.schemas';
import type { RouteDoc } from './routes';

const owner = [400, 401, 403, 503] as const;

/** Processägare's monitoring and reports (issue 7). */
export const monitoringRouteDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/monitoring/situation',
    operationId: 'getSituation',
    tag: 'Uppföljning',
    summary:
      'Läget just nu: exakta antal inskrivna vårdtillfällen, öppna och försenade uppgifter per aktör och avvikelser (processägare)',
    auth: true,
    ok: { status: 200, schema: situationResponseSchema, description: 'Antalen' },
    errors: [401, 403, 503],
  },
  {
    method: 'get',
    path: '/api/v1/monitoring/overdue',
    operationId: 'listOverdueTasks',
    tag: 'Uppföljning',
    summary:
      'Försenade öppna uppgifter, filtrerade, sorterade (mest försenade först) och i sidor (processägare)',
    auth: true,
    query: overdueQuerySchema,
    ok: { status: 200, schema: overdueResponseSchema, description: 'Försenade uppgifter' },
    errors: owner,
  },
  {
    method: 'get',
    path: '/api/v1/monitoring/projection-failures',
    operationId: 'listProjectionFailures',
    tag: 'Uppföljning',
    summary:
      'Ändringar som databasen vägrat spara (läsmodellen släpar för vårdtillfället), senaste först (processägare)',
    auth: true,
    query: projectionFailureQuerySchema,
    ok: {
      status: 200,
      schema: projectionFailureResponseSchema,
      description: 'Vägrade projektioner',
    },
    errors: owner,
  },
  {
    method: 'get',
    path: '/api/v1/monitoring/kpis',
    operationId: 'getKpis',
    tag: 'Uppföljning',
    summary: 'Effektmål för vårdtillfällen inskrivna under perioden (processägare)',
    auth: true,
    query: kpiQuerySchema,
    ok: { status: 200, schema: kpiResponseSchema, description: 'Nyckeltalen' },
    errors: owner,
  },
  {
    method: 'post',
    path: '/api/v1/monitoring/what-if',
    operationId: 'whatIf',
    tag: 'Uppföljning',
    summary: 'Räkna om nyckeltal och belopp med ändrade regler, utan att ändra något',
    auth: true,
    body: whatIfSchema,
    ok: { status: 200, schema: whatIfResponseSchema, description: 'Nu och med ändrade regler' },
    errors: [...owner, 422],
  },
  {
    method: 'get',
    path: '/api/v1/reports/betalningsansvar',
    operationId: 'getBetalningsansvar',
    tag: 'Uppföljning',
    summary:
      'Betalningsansvar per kommun och månad (VGR-modellen och nationell modell); CSV med Accept: text/csv',
    auth: true,
    query: betalningsansvarQuerySchema,
    ok: { status: 200, schema: betalningsansvarResponseSchema, description: 'Månadens underlag' },
    errors: [...owner, 422],
  },
  {
    method: 'post',
    path: '/api/v1/reports/betalningsansvar/corrections',
    operationId: 'correctBetalningsansvar',
    tag: 'Uppföljning',
    summary: 'Rätta ett vårdtillfälles UK-dagar före den 12:e i följande månad, med skäl',
    auth: true,
    body: correctionSchema,
    ok: { status: 201, schema: correctionResponseSchema, description: 'Rättelsen' },
    errors: [...owner, 404, 409, 422],
  },
];
