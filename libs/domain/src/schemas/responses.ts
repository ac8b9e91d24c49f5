import { z } from 'zod';
import { userRoleSchema } from './access';

/**
 * The shapes of the API's answers. The OpenAPI document is generated from them and the
 * contract tests validate real responses against that document.
 */
const instant = z.iso.datetime({ offset: true });
const laneSchema = z.enum([
  'slutenvard',
  'regional_primarvard',
  'kommunal_primarvard',
  'kommunal_socialtjanst',
  'system',
]);

export const problemResponseSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});

export const unitResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  lane: laneSchema,
  kommunCode: z.string().nullable(),
  /** standard, intake (mottagning for tasks not yet routed), hemtjanst, korttid, processagare. */
  kind: z.enum(['standard', 'intake', 'hemtjanst', 'korttid', 'processagare']),
  /** The stadsområde / NOSAM area the unit serves, when its kommun routes by area. */
  area: z.string().nullable(),
});

/** A unit in the reference list, with the postal code prefixes of its area (routing data). */
export const unitListItemResponseSchema = unitResponseSchema.extend({
  postalCodePrefixes: z.array(z.string()),
});

export const taskResponseSchema = z.object({
  id: z.string(),
  stayId: z.uuid(),
  activityId: z.string(),
  unitId: z.string(),
  lane: laneSchema,
  status: z.enum(['open', 'claimed', 'done', 'cancelled']),
  triggeredAt: instant,
  dueAt: instant.nullable(),
  overdue: z.boolean(),
  claimedBy: z.string().nullable(),
  completedAt: instant.nullable(),
  completedBy: z.string().nullable(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  cancelReason: z.string().nullable(),
  reassignReason: z.string().nullable(),
});

/** A task as the workflow answers a claim, release, reassign or completion. */
export const taskActionResponseSchema = z.looseObject({
  id: z.string(),
  stayId: z.string(),
  activityId: z.string(),
  unitId: z.string(),
  status: z.enum(['open', 'claimed', 'done', 'cancelled']),
  version: z.number().int(),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const taskPageResponseSchema = page(taskResponseSchema);

/** Identity, for roles that work with the patient; processägare see a pseudonym instead. */
export const patientResponseSchema = z.object({
  personnummer: z.string(),
  name: z.string(),
  folkbokforingskommun: z.string(),
});

const stayCoreSchema = {
  id: z.uuid(),
  processDefinitionVersion: z.number().int(),
  status: z.enum(['admitted', 'discharged', 'died', 'transferred']),
  wardUnitId: z.string(),
  kommunCode: z.string(),
  listedVardcentralUnitId: z.string().nullable(),
  /** Folkbokförd in another county (län) than the ward's. */
  outOfCounty: z.boolean(),
  careType: z.string(),
  admittedAt: instant,
  endedAt: instant.nullable(),
  patient: patientResponseSchema.nullable(),
  /** A stable pseudonym of the patient (a keyed hash), the same across the patient's stays. */
  patientPseudonym: z.string(),
};

export const stayListItemResponseSchema = z.object({
  ...stayCoreSchema,
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
});
export const stayPageResponseSchema = page(stayListItemResponseSchema);

export const deviationResponseSchema = z.object({
  id: z.string(),
  stayId: z.uuid(),
  taskId: z.string().nullable(),
  unitId: z.string(),
  kommunCode: z.string(),
  category: z.string(),
  description: z.string(),
  source: z.enum(['manual', 'automatic']),
  occurredAt: instant,
  recordedAt: instant,
});
export const deviationPageResponseSchema = page(deviationResponseSchema);

export const stayTimelineResponseSchema = z.object({
  ...stayCoreSchema,
  frailty: z.object({ cfs: z.number().int().min(1).max(9) }).nullable(),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      occurredAt: instant,
      recordedAt: instant,
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  tasks: z.array(taskResponseSchema),
  deviations: z.array(deviationResponseSchema),
  /** UK days, PUD moves and the other figures the process counts (more as the workflow adds them). */
  counters: z.looseObject({
    plannedDischargeDateMoves: z.number().int(),
    utskrivningsklarDays: z.number().int(),
  }),
});

export const admissionResponseSchema = z.object({
  id: z.uuid(),
  processDefinitionVersion: z.number().int(),
});

export const eventResponseSchema = z.object({
  eventId: z.string(),
  createdTaskIds: z.array(z.string()),
});

export const meResponseSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: userRoleSchema,
  roleTitle: z.string(),
  units: z.array(unitResponseSchema),
  kommunCodes: z.array(z.string()),
});

export const devUserListResponseSchema = z.object({ items: z.array(meResponseSchema) });

export const devTokenResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
});

export const auditEntryResponseSchema = z.object({
  id: z.uuid(),
  at: instant,
  userId: z.string(),
  role: userRoleSchema,
  unitId: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'denied']),
  stayId: z.uuid().nullable(),
  taskId: z.string().nullable(),
});
export const auditPageResponseSchema = page(auditEntryResponseSchema);

export const unitListResponseSchema = z.object({ items: z.array(unitListItemResponseSchema) });
/** Readiness: both backing services answered (otherwise 503 problem+json). */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  checks: z.object({ postgresql: z.literal('up'), temporal: z.literal('up') }),
});
export const processDefinitionListResponseSchema = z.looseObject({
  currentVersion: z.number().int(),
  items: z.array(z.looseObject({ version: z.number().int() })),
});
export const processDefinitionResponseSchema = z.looseObject({
  version: z.number().int(),
  hash: z.string(),
  activities: z.array(z.looseObject({ id: z.string() })),
});

/** FHIR R4 resources: checked against the FHIR JSON schema in the tests, here only the frame. */
export const fhirResourceResponseSchema = z.looseObject({ resourceType: z.string() });
