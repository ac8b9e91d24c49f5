import type { StayTimeline } from '@app/persistence';

type TaskRow = StayTimeline['tasks'][number];

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

/** The stay's timeline: no patient identity, only what the process needs. */
export function presentTimeline(stay: StayTimeline) {
  return {
    id: stay.id,
    processDefinitionVersion: stay.processDefinitionVersion,
    status: stay.status,
    wardUnitId: stay.wardUnitId,
    kommunCode: stay.kommunCode,
    listedVardcentralUnitId: stay.listedVardcentralUnitId,
    careType: stay.careType,
    admittedAt: stay.admittedAt.toISOString(),
    endedAt: stay.endedAt?.toISOString() ?? null,
    events: stay.events.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      data: e.data,
    })),
    tasks: stay.tasks.map((t) => presentTask(t)),
    deviations: stay.deviations.map((d) => ({
      id: d.id,
      taskId: d.taskId,
      unitId: d.unitId,
      category: d.category,
      description: d.description,
      source: d.source,
      occurredAt: d.occurredAt.toISOString(),
    })),
  };
}
