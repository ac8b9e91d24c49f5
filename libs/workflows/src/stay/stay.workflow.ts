import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import {
  applyEventToFacts,
  eventEndsStay,
  findActivity,
  findProcessDefinition,
  initialStayFacts,
  recordOutcome,
  type TriggerOccurrence,
} from '@app/process-definition/interpreter';
import type { StayActivities } from '../activities';
import { closeTasksOnEvent, nextDueAt, openTasks, tasksFallingOverdue } from './interpreter';
import {
  applyClaim,
  applyComplete,
  applyReassign,
  applyRelease,
  liveTask,
  validateClaim,
  validateComplete,
  validateReassign,
  validateRelease,
} from './task-actions';
import {
  admitUpdate,
  claimTaskUpdate,
  completeTaskUpdate,
  reassignTaskUpdate,
  releaseTaskUpdate,
  registerEventUpdate,
  StayFailure,
  stayStateQuery,
} from './messages';
import type { StayState, StayStatus, StayUnits, StayWorkflowInput, TaskState } from './types';

const activities = proxyActivities<StayActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const statusAfter: Record<string, StayStatus> = {
  discharged: 'discharged',
  died: 'died',
  transferred: 'transferred',
};

/** One slutenvårdsvistelse: interprets the process definition version the stay pinned. */
export async function stayWorkflow(input: StayWorkflowInput): Promise<void> {
  const definition = findProcessDefinition(input.processDefinitionVersion);
  if (!definition)
    throw ApplicationFailure.nonRetryable(
      `Unknown process definition version ${input.processDefinitionVersion}`,
    );
  const eventTypes = new Set(definition.eventTypes.map((e) => e.type));
  const initialFacts = initialStayFacts(input.careType);
  const state: StayState = {
    facts: { ...initialFacts, flags: { lpt: input.careType === 'psychiatric-lpt' } },
    status: 'admitted',
    tasks: [],
    version: 1,
  };
  let units: StayUnits | undefined;
  let ended = false;
  let dirty = false;
  let admission: { createdTaskIds: string[] } | undefined = undefined;

  const saveTasks = async (tasks: TaskState[]): Promise<void> => {
    if (tasks.length > 0) await activities.projectTasks(tasks.map((t) => ({ ...t })));
  };

  const trigger = async (occurrence: TriggerOccurrence, occurredAt: string): Promise<string[]> => {
    units ??= await activities.resolveStayUnits(input);
    const opened = openTasks(
      definition,
      state,
      units,
      input.stayId,
      occurrence,
      new Date(occurredAt),
      uuid4,
    );
    state.tasks.push(...opened);
    await saveTasks(opened);
    dirty = true;
    return opened.map((t) => t.id);
  };

  setHandler(stayStateQuery, () => state);

  setHandler(admitUpdate, async () => {
    await condition(() => admission !== undefined);
    return { eventId: 'admitted', createdTaskIds: admission?.createdTaskIds ?? [] };
  });

  setHandler(
    registerEventUpdate,
    async (event) => {
      const eventId = uuid4();
      state.facts = applyEventToFacts(state.facts, event);
      const status = statusAfter[event.type];
      if (status) {
        state.status = status;
        state.endedAt = event.occurredAt;
      }
      if (eventEndsStay(definition, event.type)) ended = true;
      state.version += 1;
      await activities.projectEvent({
        id: eventId,
        stayId: input.stayId,
        type: event.type,
        occurredAt: event.occurredAt,
        recordedAt: new Date().toISOString(),
        data: event.data,
      });
      if (status)
        await activities.projectStay({
          stayId: input.stayId,
          status,
          endedAt: event.occurredAt,
          version: state.version,
        });
      await saveTasks(closeTasksOnEvent(definition, state, event));
      const createdTaskIds = await trigger({ kind: 'event', event: event.type }, event.occurredAt);
      return { eventId, createdTaskIds };
    },
    {
      validator: (event) => {
        if (!eventTypes.has(event.type))
          throw ApplicationFailure.create({
            type: StayFailure.unknownEventType,
            message: `Event type "${event.type}" is not part of process definition v${definition.version}`,
          });
        if (ended)
          throw ApplicationFailure.create({
            type: StayFailure.stayEnded,
            message: `The stay has ended (${state.status})`,
          });
      },
    },
  );

  const taskAction =
    <A extends { taskId: string }>(apply: (task: TaskState, args: A) => TaskState) =>
    async (args: A): Promise<TaskState> => {
      const task = apply(liveTask(state, args.taskId), args);
      await saveTasks([task]);
      dirty = true;
      return { ...task };
    };
  setHandler(claimTaskUpdate, taskAction(applyClaim), {
    validator: (args) => validateClaim(state, args),
  });
  setHandler(releaseTaskUpdate, taskAction(applyRelease), {
    validator: (args) => validateRelease(state, args),
  });
  setHandler(reassignTaskUpdate, taskAction(applyReassign), {
    validator: (args) => validateReassign(state, args),
  });
  setHandler(
    completeTaskUpdate,
    async (args) => {
      const task = applyComplete(liveTask(state, args.taskId), args);
      state.facts = recordOutcome(state.facts, task.activityId, args.outcome);
      await saveTasks([task]);
      await trigger(
        {
          kind: 'activity-completed',
          activity: task.activityId,
          ...(args.outcome === undefined ? {} : { outcome: args.outcome }),
        },
        args.occurredAt,
      );
      return { ...task };
    },
    { validator: (args) => validateComplete(definition, state, args) },
  );

  const markOverdue = async (): Promise<void> => {
    const now = new Date();
    for (const task of tasksFallingOverdue(state, now)) {
      task.overdue = true;
      task.version += 1;
      await saveTasks([task]);
      await activities.recordDeviation({
        id: `${task.id}:overdue`,
        stayId: input.stayId,
        taskId: task.id,
        unitId: task.unitId,
        category: 'forsenad-aktivitet',
        description: `${findActivity(definition, task.activityId)?.title ?? task.activityId}: inte klar före tidsfristen.`,
        source: 'automatic',
        occurredAt: task.dueAt ?? now.toISOString(),
      });
    }
  };

  admission = {
    createdTaskIds: await trigger({ kind: 'event', event: 'admitted' }, input.admittedAt),
  };

  // Deadlines: sleep until the next due time or until a handler changes the tasks.
  while (!ended) {
    const next = nextDueAt(state);
    dirty = false;
    if (next === undefined) await condition(() => dirty || ended);
    else await condition(() => dirty || ended, Math.max(next - Date.now(), 1));
    await markOverdue();
  }
  await condition(allHandlersFinished);
}
