import type { RouteDoc } from '../docs/routes';
import {
  inboxPageResponseSchema,
  inboxQuerySchema,
  inboxItemSchema,
  integrationMessageIdSchema,
  replayResponseSchema,
  resolveMessageSchema,
} from './integration-inbox.schemas';

/** The integration inbox's operations, documented beside their handlers. */
export const integrationRouteDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/integration/messages',
    operationId: 'listIntegrationMessages',
    tag: 'Integration',
    summary:
      'Meddelanden från sjukhusets system (HL7 v2) som inte kunde tillämpas, med skäl (processägare)',
    auth: true,
    query: inboxQuerySchema,
    ok: { status: 200, schema: inboxPageResponseSchema, description: 'En sida meddelanden' },
    errors: [400, 401, 403, 503],
  },
  {
    method: 'post',
    path: '/api/v1/integration/messages/{id}/replay',
    operationId: 'replayIntegrationMessage',
    tag: 'Integration',
    summary: 'Tillämpa meddelandet igen, med dagens mappningstabeller (processägare)',
    auth: true,
    idempotencyKey: 'required',
    params: integrationMessageIdSchema,
    ok: { status: 200, schema: replayResponseSchema, description: 'Utfallet och meddelandet' },
    errors: [400, 401, 403, 404, 409, 503],
  },
  {
    method: 'post',
    path: '/api/v1/integration/messages/{id}/resolve',
    operationId: 'resolveIntegrationMessage',
    tag: 'Integration',
    summary: 'Markera meddelandet som hanterat för hand, med anteckning (processägare)',
    auth: true,
    idempotencyKey: 'required',
    params: integrationMessageIdSchema,
    body: resolveMessageSchema,
    ok: { status: 200, schema: inboxItemSchema, description: 'Meddelandet efter ändringen' },
    errors: [400, 401, 403, 404, 409, 503],
  },
];
