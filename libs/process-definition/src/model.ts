import { z } from 'zod';
import { dischargeDestinations, flags, needs } from './vocabulary';

/**
 * The process definition schema. A definition is data: activities, what triggers them,
 * when they are due, who performs them and the Swedish texts the UI shows.
 * The workflow interprets a validated definition; nothing about steps is hard-coded there.
 *
 * Workflow code must only `import type` from this file (it imports zod).
 */

const kebab = /^[a-z][a-z0-9-]*$/;

export const laneSchema = z.enum([
  'slutenvard',
  'regional_primarvard',
  'kommunal_primarvard',
  'kommunal_socialtjanst',
  'system',
]);
export type Lane = z.infer<typeof laneSchema>;

export const phaseSchema = z.enum([
  'inskrivning',
  'under_vardtiden',
  'utskrivningsklar',
  'utskrivning',
  'efter_utskrivning',
]);
export type Phase = z.infer<typeof phaseSchema>;

export const needSchema = z.enum(needs);
export type Need = z.infer<typeof needSchema>;

export const flagSchema = z.enum(flags);
export type Flag = z.infer<typeof flagSchema>;

export const dischargeDestinationSchema = z.enum(dischargeDestinations);
export type DischargeDestination = z.infer<typeof dischargeDestinationSchema>;

export const eventTypeSchema = z
  .string()
  .regex(kebab, 'event types are kebab-case, e.g. "needs-assessed"');

const eventTriggerSchema = z.object({ kind: z.literal('event'), event: eventTypeSchema });
const activityCompletedTriggerSchema = z.object({
  kind: z.literal('activity-completed'),
  activity: z.string(),
  /** Only when the completion recorded one of these outcomes. */
  outcomes: z.array(z.string()).nonempty().optional(),
});

export const triggerSchema = z.discriminatedUnion('kind', [
  eventTriggerSchema,
  activityCompletedTriggerSchema,
  /** Whichever of these happens (the condition should make sure only one applies). */
  z.object({
    kind: z.literal('any-of'),
    triggers: z
      .array(z.discriminatedUnion('kind', [eventTriggerSchema, activityCompletedTriggerSchema]))
      .min(2),
  }),
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type SimpleTrigger = Exclude<Trigger, { kind: 'any-of' }>;

/**
 * A deployment may replace a rule that has a configKey (e.g. calendar → working days for the
 * SIP kallelse). Overrides are passed to computeDueAt; the workflow captures them at start.
 */
const configKey = z.string().regex(kebab, 'config keys are kebab-case').optional();

/** How long "omgående" may take before the task is late. */
export const allowanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('duration'),
    amount: z.number().int().positive(),
    unit: z.enum(['hours', 'calendar-days', 'working-days']),
  }),
  /** Until the end of the Stockholm day (the working day, with workingDay) of the trigger. */
  z.object({ kind: z.literal('same-day'), workingDay: z.boolean().optional() }),
]);
export type Allowance = z.infer<typeof allowanceSchema>;

/**
 * Where a duration counts from, when not from the trigger: the latest earlier occurrence of an
 * event of the stay (e.g. the UK judgement, whatever came after it). With
 * ifTriggerWithinHours, only when the trigger happened within that many hours of the event
 * (the inskrivningsmeddelande: from admission when the needs were assessed at admission).
 */
export const durationFromSchema = z.object({
  event: eventTypeSchema,
  ifTriggerWithinHours: z.number().int().positive().optional(),
});
export type DurationFrom = z.infer<typeof durationFromSchema>;

export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('duration'),
    amount: z.number().int().positive(),
    unit: z.enum(['hours', 'calendar-days', 'working-days']),
    from: durationFromSchema.optional(),
    configKey,
  }),
  /**
   * "Omgående": as soon as possible. Without an allowance the task is due the instant its
   * trigger happened (v1); with one, a unit that acts promptly (within the hour, the same
   * working day) is on time. A deployment may replace the whole rule through its configKey.
   */
  z.object({ kind: z.literal('immediately'), allowance: allowanceSchema.optional(), configKey }),
  /** End of the Stockholm calendar day of the trigger; with workingDay, of the next working day. */
  z.object({ kind: z.literal('same-day'), workingDay: z.boolean().optional(), configKey }),
  z.object({ kind: z.literal('before-discharge'), configKey }),
  /** Before another event of the stay (e.g. utskrivningsklar); no fixed time. */
  z.object({ kind: z.literal('before-event'), event: eventTypeSchema, configKey }),
  z.object({ kind: z.literal('none'), configKey }),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export type Condition =
  | { kind: 'always' }
  | { kind: 'need'; need: Need }
  | { kind: 'flag'; flag: Flag }
  | { kind: 'care-type'; careTypes: string[] }
  | { kind: 'outcome'; activity: string; outcomes: string[] }
  | { kind: 'discharge-destination'; destinations: DischargeDestination[] }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] }
  | { kind: 'not'; condition: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('always') }),
    z.object({ kind: z.literal('need'), need: needSchema }),
    z.object({ kind: z.literal('flag'), flag: flagSchema }),
    z.object({ kind: z.literal('care-type'), careTypes: z.array(z.string()).nonempty() }),
    z.object({
      kind: z.literal('outcome'),
      activity: z.string(),
      outcomes: z.array(z.string()).nonempty(),
    }),
    z.object({
      kind: z.literal('discharge-destination'),
      destinations: z.array(dischargeDestinationSchema).nonempty(),
    }),
    z.object({ kind: z.literal('all'), of: z.array(conditionSchema).nonempty() }),
    z.object({ kind: z.literal('any'), of: z.array(conditionSchema).nonempty() }),
    z.object({ kind: z.literal('not'), condition: conditionSchema }),
  ]),
);

/** Which unit receives the task. `ward` is the stay's ward; the others follow the patient. */
export const performerUnitSchema = z.enum([
  'ward',
  'listed-vardcentral',
  'kommun-hemsjukvard',
  'kommun-socialtjanst',
  'kommun-hemtjanst',
  'kommun-korttid',
  'system',
  'processagare',
  /**
   * The intake unit holding a task whose receiving unit could not be resolved: only the
   * definition's routing activity (settings.routing) names it; the interpreter opens it.
   */
  'intake',
]);
export type PerformerUnit = z.infer<typeof performerUnitSchema>;

/** Which units each lane may hand tasks to (checked at load). */
export const unitsByLane: Record<Lane, readonly PerformerUnit[]> = {
  slutenvard: ['ward'],
  regional_primarvard: ['listed-vardcentral'],
  kommunal_primarvard: ['kommun-hemsjukvard'],
  kommunal_socialtjanst: ['kommun-socialtjanst', 'kommun-hemtjanst', 'kommun-korttid'],
  system: ['system', 'processagare', 'intake'],
};

/** Where the activity's timing rule comes from. `configurable` = our inference, needs a configKey. */
export const sourceSchema = z.enum(['law', 'local-agreement', 'configurable']);
export type Source = z.infer<typeof sourceSchema>;

export const outcomeSchema = z.object({ id: z.string().regex(kebab), title: z.string().min(1) });

/** A unit that receives a message activity, when the condition holds. */
export const recipientSchema = z.object({ unit: performerUnitSchema, condition: conditionSchema });
export type Recipient = z.infer<typeof recipientSchema>;

/** One task per receiving unit of a message activity whose unit equals performerUnit. */
export const fanOutSchema = z.object({ kind: z.literal('per-recipient'), of: z.string() });
export type FanOut = z.infer<typeof fanOutSchema>;

export const activitySchema = z.object({
  id: z.string().regex(kebab, 'activity ids are kebab-case'),
  phase: phaseSchema,
  lane: laneSchema,
  performerRole: z.string().min(1),
  performerUnit: performerUnitSchema,
  title: z.string().min(1),
  goal: z.string().min(1),
  purpose: z.string().min(1),
  how: z.string().min(1),
  trigger: triggerSchema,
  deadline: deadlineRuleSchema,
  condition: conditionSchema,
  outcomes: z.array(outcomeSchema),
  source: sourceSchema,
  /** Where exactly the rule comes from, in Swedish (lagrum, avtal, antagande). */
  sourceNote: z.string().min(1).optional(),
  /** For message activities: the units that receive the message. */
  recipients: z.array(recipientSchema).nonempty().optional(),
  fanOut: fanOutSchema.optional(),
  /** Events that complete the activity without a user action (e.g. utskrivningsklar). */
  completedBy: z.array(eventTypeSchema).nonempty().optional(),
  /** Events that cancel the activity while it is open (besides events that end the stay). */
  cancelledBy: z.array(eventTypeSchema).nonempty().optional(),
});
export type ActivityDefinition = z.infer<typeof activitySchema>;
export type Outcome = z.infer<typeof outcomeSchema>;

export const eventTypeDefinitionSchema = z.object({
  type: eventTypeSchema,
  title: z.string().min(1),
  /** The stay ends with this event: every open task is cancelled (death, transfer). */
  endsStay: z.boolean().optional(),
});
export type EventTypeDefinition = z.infer<typeof eventTypeDefinitionSchema>;

export const processDefinitionSchema = z.object({
  version: z.number().int().positive(),
  title: z.string().min(1),
  validFrom: z.iso.date(),
  settings: z.object({
    /** A new admission this many days after discharge counts as a readmission. */
    readmissionWindowDays: z.number().int().positive(),
    /**
     * Nothing dropped silently: a task whose receiving unit cannot be resolved waits at an
     * intake unit, and this activity (performer `intake`) asks someone there to choose the
     * receiving unit. Without it (v1), such a task is not opened.
     */
    routing: z.object({ activity: z.string() }).optional(),
  }),
  eventTypes: z.array(eventTypeDefinitionSchema).nonempty(),
  activities: z.array(activitySchema).nonempty(),
});
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;
