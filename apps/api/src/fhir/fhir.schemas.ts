import { z } from 'zod';

/** FHIR search parameters of Task that the facade supports. */
export const fhirTaskQuerySchema = z.strictObject({
  owner: z
    .string()
    .regex(
      /^(Organization\/)?[a-z0-9][a-z0-9-]{1,79}$/,
      'must be a unit id or Organization/<unit id>',
    )
    .optional(),
  status: z.enum(['ready', 'in-progress', 'completed', 'cancelled']).optional(),
  encounter: z
    .string()
    .regex(
      /^(Encounter\/)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'must be Encounter/<stay id>',
    )
    .optional(),
});

export const fhirVersionSchema = z.object({
  version: z.coerce.number().int().positive('must be a version number'),
});
