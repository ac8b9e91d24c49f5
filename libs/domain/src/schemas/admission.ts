import { z } from 'zod';
import { isValidPersonnummer, normalisePersonnummer } from '../personnummer';
import { happenedAtSchema, kommunCodeSchema, unitIdSchema } from './common';

export const careTypeSchema = z.enum(['somatic', 'psychiatric', 'psychiatric-lpt']);
export type CareType = z.infer<typeof careTypeSchema>;

export const admissionSchema = z.strictObject({
  patient: z.strictObject({
    personnummer: z
      .string()
      .refine(isValidPersonnummer, 'is not a valid personnummer or samordningsnummer')
      .transform(normalisePersonnummer),
    name: z.string().trim().min(1, 'is required').max(200),
    folkbokforingskommun: kommunCodeSchema,
    listedVardcentralUnitId: unitIdSchema.optional(),
    /**
     * Postnummer of the folkbokföring address, when the ward has it: routes the task to the
     * unit of the patient's area where a kommun has several (Göteborg's NOSAM areas).
     * Used at admission only; not stored and never sent to Temporal.
     */
    postalCode: z
      .string()
      .regex(/^\d{3} ?\d{2}$/, 'must be a Swedish postnummer, five digits (e.g. "414 63")')
      .transform((v) => v.replace(' ', ''))
      .optional(),
  }),
  wardUnitId: unitIdSchema,
  admittedAt: happenedAtSchema,
  careType: careTypeSchema,
  frailty: z.strictObject({ cfs: z.number().int().min(1).max(9) }).optional(),
});
export type Admission = z.infer<typeof admissionSchema>;
