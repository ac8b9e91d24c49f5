import type { StayListRow, VisibleStayTimeline } from '@app/persistence';
import { isProcessOwner, type Principal } from '../auth/principal';
import { stayCounters } from './counters';

interface TaskRow {
  id: string;
  stayId: string;
  activityId: string;
  unitId: string;
  lane:
    | 'slutenvard'
    | 'regional_primarvard'
    | 'kommunal_primarvard'
    | 'kommunal_socialtjanst'
    | 'system';
  status: 'open' | 'claimed' | 'done' | 'cancelled';
  triggeredAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  claimedBy: string | null;
  completedAt: Date | null;
  completedBy: string | null;
  outcome: string | null;
  note: string | null;
  cancelReason: string | null;
  reassignReason: string | null;
}

/** A task as clients see it. `overdue` is also true in the moment before the timer fires. */
export function presentTask(task: TaskRow, now: Date = new Date()) {
  const live = task.status === 'open' || task.status === 'claimed';
  return {
    id: task.id,
    stayId: task.stayId,
    activityId: task.activityId,
    unitId: task.unitId,
    lane: task.lane,
    status: task.status,
    triggeredAt: task.triggeredAt.toISOString(),
    dueAt: task.dueAt?.toISOString() ?? null,
    overdue: task.overdue || (live && task.dueAt !== null && task.dueAt <= now),
    claimedBy: task.claimedBy,
    completedAt: task.completedAt?.toISOString() ?? null,
    completedBy: task.completedBy,
    outcome: task.outcome,
    note: task.note,
    cancelReason: task.cancelReason,
    reassignReason: task.reassignReason,
  };
}

export interface DeviationLike {
  id: string;
  stayId: string;
  taskId: string | null;
  unitId: string;
  category: string;
  description: string;
  source: string;
  occurredAt: Date;
  recordedAt: Date;
}

export function presentDeviation(d: DeviationLike, kommunCode: string) {
  return {
    id: d.id,
    stayId: d.stayId,
    taskId: d.taskId,
    unitId: d.unitId,
    kommunCode,
    category: d.category,
    description: d.description,
    source: d.source === 'manual' ? ('manual' as const) : ('automatic' as const),
    occurredAt: d.occurredAt.toISOString(),
    recordedAt: d.recordedAt.toISOString(),
  };
}

/** A short, stable pseudonym: the start of the keyed hash of the personnummer. */
export const pseudonymOf = (patientKey: string): string => patientKey.slice(0, 16);

interface StayCore {
  id: string;
  processDefinitionVersion: number;
  status: string;
  wardUnitId: string;
  kommunCode: string;
  listedVardcentralUnitId: string | null;
  outOfCounty: boolean;
  careType: string;
  admittedAt: Date;
  endedAt: Date | null;
}

function presentCore(
  stay: StayCore,
  patient: { personnummer: string; name: string; folkbokforingskommun: string; patientKey: string },
  principal: Principal,
) {
  return {
    id: stay.id,
    processDefinitionVersion: stay.processDefinitionVersion,
    status: stay.status as 'admitted' | 'discharged' | 'died' | 'transferred',
    wardUnitId: stay.wardUnitId,
    kommunCode: stay.kommunCode,
    listedVardcentralUnitId: stay.listedVardcentralUnitId,
    /** Folkbokförd in another county: the home kommun is reached through a mottagning. */
    outOfCounty: stay.outOfCounty,
    careType: stay.careType,
    admittedAt: stay.admittedAt.toISOString(),
    endedAt: stay.endedAt?.toISOString() ?? null,
    // Processägare follow the process, not the person: no name or personnummer.
    patient: isProcessOwner(principal)
      ? null
      : {
          personnummer: patient.personnummer,
          name: patient.name,
          folkbokforingskommun: patient.folkbokforingskommun,
        },
    patientPseudonym: pseudonymOf(patient.patientKey),
  };
}

/** The stay's timeline: events, tasks with due time and overdue flag, deviations, counters. */
export function presentTimeline(stay: VisibleStayTimeline, principal: Principal) {
  return {
    // The name and kommun given at this admission, not the patient row's latest ones.
    ...presentCore(
      stay,
      {
        ...stay.patient,
        name: stay.patientName ?? stay.patient.name,
        folkbokforingskommun: stay.kommunCode,
      },
      principal,
    ),
    frailty: stay.frailty ? { cfs: stay.frailty.cfs } : null,
    events: stay.events.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    tasks: stay.tasks.map((t) => presentTask(t)),
    deviations: stay.deviations.map((d) => presentDeviation(d, stay.kommunCode)),
    counters: stayCounters(stay, stay.events),
  };
}

export function presentStayListItem(row: StayListRow, principal: Principal) {
  return {
    ...presentCore(
      row,
      {
        personnummer: row.personnummer,
        name: row.patientName,
        folkbokforingskommun: row.kommunCode,
        patientKey: row.patientKey,
      },
      principal,
    ),
    openTasks: row.openTasks,
    overdueTasks: row.overdueTasks,
  };
}
