import type { ProcessDefinition } from '@app/process-definition';

/** FHIR R4 views of our rows. Codes under urn:utskrivningsflodet:* are this service's own. */

type TaskStatus = 'open' | 'claimed' | 'done' | 'cancelled';

export const fhirTaskStatus: Record<TaskStatus, string> = {
  open: 'ready',
  claimed: 'in-progress',
  done: 'completed',
  cancelled: 'cancelled',
};

export const taskStatusOfFhir = (status: string): TaskStatus | undefined =>
  (Object.keys(fhirTaskStatus) as TaskStatus[]).find((s) => fhirTaskStatus[s] === status);

interface TaskRow {
  id: string;
  stayId: string;
  activityId: string;
  unitId: string;
  status: TaskStatus;
  triggeredAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  completedAt: Date | null;
  outcome: string | null;
  note: string | null;
  cancelReason: string | null;
  updatedAt: Date;
}

/** Due time in restriction.period.end; overdue in businessStatus. */
export function toFhirTask(
  task: TaskRow,
  definition: ProcessDefinition | undefined,
  now: Date = new Date(),
) {
  const live = task.status === 'open' || task.status === 'claimed';
  const overdue = task.overdue || (live && task.dueAt !== null && task.dueAt <= now);
  const activity = definition?.activities.find((a) => a.id === task.activityId);
  return {
    resourceType: 'Task' as const,
    id: task.id,
    meta: { lastUpdated: task.updatedAt.toISOString() },
    ...(definition ? { instantiatesCanonical: `PlanDefinition/${definition.version}` } : {}),
    status: fhirTaskStatus[task.status],
    ...(task.cancelReason ? { statusReason: { text: task.cancelReason } } : {}),
    businessStatus: {
      coding: [
        {
          system: 'urn:utskrivningsflodet:task-timeliness',
          code: overdue ? 'overdue' : 'on-time',
          display: overdue ? 'Försenad' : 'I tid',
        },
      ],
      text: overdue ? 'Försenad' : 'I tid',
    },
    intent: 'order',
    code: {
      coding: [
        {
          system: 'urn:utskrivningsflodet:activity',
          code: task.activityId,
          ...(activity ? { display: activity.title } : {}),
        },
      ],
      ...(activity ? { text: activity.title } : {}),
    },
    encounter: { reference: `Encounter/${task.stayId}` },
    executionPeriod: {
      start: task.triggeredAt.toISOString(),
      ...(task.completedAt ? { end: task.completedAt.toISOString() } : {}),
    },
    authoredOn: task.triggeredAt.toISOString(),
    lastModified: task.updatedAt.toISOString(),
    owner: { reference: `Organization/${task.unitId}` },
    ...(task.dueAt ? { restriction: { period: { end: task.dueAt.toISOString() } } } : {}),
    ...(task.note ? { note: [{ text: task.note }] } : {}),
    ...(task.outcome ? { output: [{ type: { text: 'Utfall' }, valueCode: task.outcome }] } : {}),
  };
}

interface EncounterStay {
  id: string;
  status: string;
  wardUnitId: string;
  admittedAt: Date;
  endedAt: Date | null;
  version: number;
  /** The name given at this admission (null: a stay from before it was kept). */
  patientName: string | null;
  patient: { personnummer: string; name: string };
}

const PERSONNUMMER_SYSTEM = 'http://electronichealth.se/identifier/personnummer';

/** A stay as an inpatient Encounter; the subject only for those who may see identity. */
export function toFhirEncounter(stay: EncounterStay, withIdentity: boolean) {
  return {
    resourceType: 'Encounter' as const,
    id: stay.id,
    meta: { versionId: String(stay.version) },
    status: stay.status === 'admitted' ? 'in-progress' : 'finished',
    class: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: 'IMP',
      display: 'inpatient encounter',
    },
    ...(withIdentity
      ? {
          subject: {
            identifier: { system: PERSONNUMMER_SYSTEM, value: stay.patient.personnummer },
            display: stay.patientName ?? stay.patient.name,
          },
        }
      : {}),
    period: {
      start: stay.admittedAt.toISOString(),
      ...(stay.endedAt ? { end: stay.endedAt.toISOString() } : {}),
    },
    serviceProvider: { reference: `Organization/${stay.wardUnitId}` },
  };
}

/** The process definition as a workflow-definition PlanDefinition, one action per activity. */
export function toFhirPlanDefinition(definition: ProcessDefinition) {
  return {
    resourceType: 'PlanDefinition' as const,
    id: String(definition.version),
    url: `urn:utskrivningsflodet:plan-definition:${definition.version}`,
    version: String(definition.version),
    name: `Utskrivningsflodet${definition.version}`,
    title: definition.title,
    type: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type',
          code: 'workflow-definition',
        },
      ],
    },
    status: 'active',
    effectivePeriod: { start: definition.validFrom },
    action: definition.activities.map((activity) => ({
      id: activity.id,
      title: activity.title,
      description: activity.goal,
      textEquivalent: activity.how,
      code: [{ coding: [{ system: 'urn:utskrivningsflodet:activity', code: activity.id }] }],
      participant: [
        {
          type: activity.lane === 'system' ? 'device' : 'practitioner',
          role: { text: activity.performerRole },
        },
      ],
    })),
  };
}

/** A searchset Bundle. */
export function toSearchBundle(resources: readonly { resourceType: string; id: string }[]) {
  return {
    resourceType: 'Bundle' as const,
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({
      fullUrl: `${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
