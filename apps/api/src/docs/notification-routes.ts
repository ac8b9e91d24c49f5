import { unitNotificationsParamsSchema, unitNotificationsResponseSchema } from '@app/domain';
import type { RouteDoc } from './routes';

/** Outbound notifications to the units (issue 15). */
export const notificationRouteDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/units/{unitId}/notifications',
    operationId: 'getUnitNotifications',
    tag: 'Aviseringar',
    summary:
      'Hur enhetens aviseringar levereras: kanaler (webhook, e-postsammanfattning), antal per status, senaste leveranser och leveransloggen (enhetens medlemmar och processägare)',
    auth: true,
    params: unitNotificationsParamsSchema,
    ok: { status: 200, schema: unitNotificationsResponseSchema, description: 'Leveransläget' },
    errors: [400, 401, 403, 404, 503],
  },
];
