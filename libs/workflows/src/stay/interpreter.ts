import {
  activitiesCancelledByEvent,
  activitiesCompletedByEvent,
  applicableActivities,
  computeDueAt,
  conditionHolds,
  findActivity,
  type PerformerUnit,
  type ProcessDefinition,
  type TriggerOccurrence,
} from '@app/process-definition/interpreter';
import { isLive } from './lifecycle';
import { intakeOf, openRoutingTasks } from './routing';
import type { StayState, StayUnits, TaskState } from './types';

/**
 * Pure decisions of the stay workflow on top of the process definition's interpreter:
 * which tasks an occurrence opens, closes or cancels, and which fall overdue. No I/O and
 * no clock: times come in as arguments, ids from `newId`.
 */

export function resolvePerformerUnit(
  performer: PerformerUnit,
  units: StayUnits,
): string | undefined {
  switch (performer) {
    case 'ward':
      return units.ward;
    case 'listed-vardcentral':
      return units.listedVardcentral;
    case 'kommun-hemsjukvard':
      return units.kommunHemsjukvard;
    case 'kommun-socialtjanst':
      return units.kommunSocialtjanst;
    case 'kommun-hemtjanst':
      return units.kommunHemtjanst;
    case 'kommun-korttid':
      return units.kommunKorttid;
    case 'processagare':
      return units.processagare;
    case 'system':
    case 'intake': // opened by routing (routing.ts), never by a trigger
      return undefined;
    default:
      return performer satisfies never;
  }
}

/**
 * The units as a definition without receiver routing (v1) saw them: ward, vårdcentral and the
 * kommun's two units only. Its stays keep behaving as they were admitted, although the
 * admission now also resolves hemtjänst, korttidsboende, processägare and intakes.
 */
export function unitsForDefinition(definition: ProcessDefinition, units: StayUnits): StayUnits {
  if (definition.settings.routing) return units;
  const { ward, listedVardcentral, kommunHemsjukvard, kommunSocialtjanst } = units;
  return {
    ward,
    ...(listedVardcentral ? { listedVardcentral } : {}),
    ...(kommunHemsjukvard ? { kommunHemsjukvard } : {}),
    ...(kommunSocialtjanst ? { kommunSocialtjanst } : {}),
  };
}

/**
 * Opens a task for every applicable activity that has a performing unit and no live task.
 * With `routing` (a definition with settings.routing, behind its patch), a task whose
 * receiver is not resolved opens at the receiver's intake unit, with a routing task there.
 */
export function openTasks(
  definition: ProcessDefinition,
  state: StayState,
  units: StayUnits,
  stayId: string,
  occurrence: TriggerOccurrence,
  occurredAt: Date,
  newId: () => string,
  routing = false,
): TaskState[] {
  const opened: TaskState[] = [];
  for (const activity of applicableActivities(definition, occurrence, state.facts)) {
    if (state.tasks.some((t) => t.activityId === activity.id && isLive(t))) continue;
    const performer = activity.performerUnit;
    const resolved = resolvePerformerUnit(performer, units);
    const intake = resolved === undefined && routing ? intakeOf(units, performer) : undefined;
    const unitId = resolved ?? intake;
    if (unitId === undefined) continue;
    const dueAt = computeDueAt(activity.deadline, occurredAt, { eventTimes: state.eventTimes });
    opened.push({
      id: newId(),
      stayId,
      activityId: activity.id,
      unitId,
      lane: activity.lane,
      status: 'open',
      triggeredAt: occurredAt.toISOString(),
      ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
      overdue: false,
      version: 1,
      ...(intake === undefined ? {} : { awaitingRouting: performer }),
    });
  }
  if (routing) opened.push(...openRoutingTasks(definition, state, opened, occurredAt, newId));
  return opened;
}

/**
 * Live tasks that an event closes: completed by the system (e.g. the event is the task's
 * result) or cancelled because the task no longer applies (e.g. the patient died).
 * Mutates the tasks and returns the changed ones.
 */
export function closeTasksOnEvent(
  definition: ProcessDefinition,
  state: StayState,
  event: { type: string; occurredAt: string },
): TaskState[] {
  const live = state.tasks.filter(isLive);
  const liveIds = live.map((t) => t.activityId);
  const completed = new Set(activitiesCompletedByEvent(definition, event.type, liveIds));
  const cancelled = new Set(activitiesCancelledByEvent(definition, event.type, liveIds));
  const changed: TaskState[] = [];
  for (const task of live) {
    if (completed.has(task.activityId)) {
      task.status = 'done';
      task.completedAt = event.occurredAt;
      task.completedBy = 'system';
      task.outcome = `completed-by:${event.type}`;
    } else if (cancelled.has(task.activityId)) {
      task.status = 'cancelled';
      task.cancelReason = `event:${event.type}`;
    } else continue;
    task.version += 1;
    changed.push(task);
  }
  return changed;
}

/** Tasks whose due time has passed at `now` and that are not yet marked overdue. */
export function tasksFallingOverdue(state: StayState, now: Date): TaskState[] {
  return state.tasks.filter(
    (t) => isLive(t) && !t.overdue && t.dueAt !== undefined && Date.parse(t.dueAt) <= now.getTime(),
  );
}

/** The next time a task falls due, if any task is still waiting for its deadline. */
export function nextDueAt(state: StayState): number | undefined {
  let next: number | undefined;
  for (const t of state.tasks) {
    if (!isLive(t) || t.overdue || t.dueAt === undefined) continue;
    const due = Date.parse(t.dueAt);
    if (next === undefined || due < next) next = due;
  }
  return next;
}

/**
 * After the needs changed: live tasks whose activity's condition no longer holds (e.g. no
 * municipal need any more) are cancelled, the reason kept. Mutates and returns them.
 */
export function cancelTasksNoLongerApplying(
  definition: ProcessDefinition,
  state: StayState,
  eventType: string,
): TaskState[] {
  const cancelled: TaskState[] = [];
  for (const task of state.tasks) {
    if (!isLive(task)) continue;
    const activity = findActivity(definition, task.activityId);
    if (!activity || conditionHolds(activity.condition, state.facts)) continue;
    task.status = 'cancelled';
    task.cancelReason = `no-longer-applies:${eventType}`;
    task.version += 1;
    cancelled.push(task);
  }
  return cancelled;
}

/**
 * The stay's event times after an event: the latest occurrence of each type. An event
 * registered late, with an occurredAt before the one kept, does not replace it.
 */
export function recordEventTime(
  eventTimes: Readonly<Record<string, string>> | undefined,
  event: { type: string; occurredAt: string },
): Record<string, string> {
  const kept = eventTimes?.[event.type];
  if (kept !== undefined && Date.parse(kept) >= Date.parse(event.occurredAt))
    return { ...eventTimes };
  return { ...eventTimes, [event.type]: event.occurredAt };
}
