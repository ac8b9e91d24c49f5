import {
  computeDueAt,
  findActivity,
  routingOutcomes,
  type PerformerUnit,
  type ProcessDefinition,
} from '@app/process-definition/interpreter';
import { isLive } from './lifecycle';
import type { StayState, StayUnits, TaskState } from './types';

/**
 * Nothing dropped silently: a task whose receiver could not be resolved waits at an intake
 * unit, beside a routing task ("Välj mottagande enhet", settings.routing.activity) for that
 * receiver; completing it moves the waiting tasks, and every later one, to the chosen unit.
 * Pure: the workflow calls these behind Patch.receivingUnitRouting.
 */

/** Where each receiver's unit is kept in StayUnits. */
const receiverField: Partial<Record<PerformerUnit, keyof StayUnits>> = {
  'listed-vardcentral': 'listedVardcentral',
  'kommun-hemsjukvard': 'kommunHemsjukvard',
  'kommun-socialtjanst': 'kommunSocialtjanst',
  'kommun-hemtjanst': 'kommunHemtjanst',
  'kommun-korttid': 'kommunKorttid',
  processagare: 'processagare',
};

/** The intake unit holding the receiver's tasks, when the receiver is not resolved. */
export function intakeOf(units: StayUnits, performer: PerformerUnit): string | undefined {
  return receiverField[performer] && units[receiverField[performer]] === undefined
    ? units.intake?.[performer]
    : undefined;
}

/** One routing task per receiver newly waiting at an intake (none while one is live). */
export function openRoutingTasks(
  definition: ProcessDefinition,
  state: StayState,
  opened: readonly TaskState[],
  occurredAt: Date,
  newId: () => string,
): TaskState[] {
  const activity = findActivity(definition, definition.settings.routing?.activity ?? '');
  if (!activity) return [];
  const routing: TaskState[] = [];
  for (const held of opened) {
    const performer = held.awaitingRouting;
    if (performer === undefined) continue;
    const routed = (t: TaskState) => t.routes === performer && isLive(t);
    if (state.tasks.some(routed) || routing.some(routed)) continue;
    const dueAt = computeDueAt(activity.deadline, occurredAt);
    routing.push({
      id: newId(),
      stayId: held.stayId,
      activityId: activity.id,
      unitId: held.unitId,
      lane: held.lane,
      status: 'open',
      triggeredAt: occurredAt.toISOString(),
      ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
      overdue: false,
      version: 1,
      routes: performer,
    });
  }
  return routing;
}

/** Why a completion of a routing task (or a receivingUnitId on another task) is refused. */
export function routingProblem(
  task: TaskState,
  args: { outcome?: string; receivingUnitId?: string },
): string | undefined {
  if (task.routes === undefined)
    return args.receivingUnitId === undefined
      ? undefined
      : 'receivingUnitId is only for a routing task ("Välj mottagande enhet")';
  if (args.outcome === routingOutcomes.routed && args.receivingUnitId === undefined)
    return 'a routed task needs receivingUnitId, the unit that receives it';
  if (args.outcome !== routingOutcomes.routed && args.receivingUnitId !== undefined)
    return `receivingUnitId goes with the outcome "${routingOutcomes.routed}"`;
  if (args.receivingUnitId === task.unitId)
    return 'the receiving unit must be another unit than the intake';
  return undefined;
}

/**
 * The routing task's receiver now has its unit: the chosen one, or the intake itself when it
 * keeps the tasks. Returns the new units (the receiver no longer waits at an intake).
 */
export function routeReceiver(
  units: StayUnits,
  performer: PerformerUnit,
  unitId: string,
): StayUnits {
  const field = receiverField[performer];
  if (!field) return units;
  const intake = Object.fromEntries(
    Object.entries(units.intake ?? {}).filter(([waiting]) => waiting !== performer),
  );
  const routed: StayUnits = { ...units, [field]: unitId };
  if (Object.keys(intake).length > 0) routed.intake = intake;
  else delete routed.intake;
  return routed;
}

/** Moves the live tasks waiting for the receiver to the unit (mutates, returns them). */
export function moveRoutedTasks(
  state: StayState,
  performer: PerformerUnit,
  unitId: string,
  routingTaskId: string,
): TaskState[] {
  const moved: TaskState[] = [];
  for (const task of state.tasks) {
    if (!isLive(task) || task.awaitingRouting !== performer) continue;
    delete task.awaitingRouting;
    if (task.unitId !== unitId) {
      task.unitId = unitId;
      task.status = 'open';
      delete task.claimedBy;
      task.reassignReason = `routed-by:${routingTaskId}`;
    }
    task.version += 1;
    moved.push(task);
  }
  return moved;
}
