import { patched, setHandler } from '@temporalio/workflow';
import {
  recordOutcome,
  type ProcessDefinition,
  type TriggerOccurrence,
} from '@app/process-definition/interpreter';
import { countCompletion } from './counters';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  reassignTaskUpdate,
  releaseTaskUpdate,
} from './messages';
import { Patch } from './patches';
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
import type {
  CompleteTaskArgs,
  ReassignTaskArgs,
  StayState,
  TaskActorArgs,
  TaskState,
} from './types';

/**
 * The task actions as Workflow Updates with validators: claim, release, reassign and
 * complete. A completion records its outcome, counts for the stay's figures and triggers
 * the activities that follow it.
 */
export function registerTaskHandlers(deps: {
  definition: ProcessDefinition;
  state: StayState;
  saveTasks: (tasks: TaskState[]) => Promise<void>;
  projectStay: () => Promise<void>;
  trigger: (occurrence: TriggerOccurrence, occurredAt: string) => Promise<string[]>;
  /** After a routing task's completion: moves its receiver's tasks. */
  route: (task: TaskState, receivingUnitId?: string) => Promise<void>;
  changed: () => void;
}): void {
  const { definition, state } = deps;
  const taskAction =
    <A extends { taskId: string }>(apply: (task: TaskState, args: A) => TaskState) =>
    async (args: A): Promise<TaskState> => {
      const task = apply(liveTask(state, args.taskId), args);
      await deps.saveTasks([task]);
      deps.changed();
      return { ...task };
    };
  setHandler(claimTaskUpdate, taskAction(applyClaim), {
    validator: (args: TaskActorArgs) => validateClaim(state, args),
  });
  setHandler(releaseTaskUpdate, taskAction(applyRelease), {
    validator: (args: TaskActorArgs) => validateRelease(state, args),
  });
  setHandler(reassignTaskUpdate, taskAction(applyReassign), {
    validator: (args: ReassignTaskArgs) => validateReassign(state, args),
  });
  setHandler(
    completeTaskUpdate,
    async (args) => {
      const task = applyComplete(liveTask(state, args.taskId), args);
      state.facts = recordOutcome(state.facts, task.activityId, args.outcome);
      await deps.saveTasks([task]);
      if (task.routes !== undefined) await deps.route(task, args.receivingUnitId);
      if (countCompletion(state.counters, task) && patched(Patch.stayCounters))
        await deps.projectStay();
      await deps.trigger(
        {
          kind: 'activity-completed',
          activity: task.activityId,
          ...(args.outcome === undefined ? {} : { outcome: args.outcome }),
        },
        args.occurredAt,
      );
      return { ...task };
    },
    { validator: (args: CompleteTaskArgs) => validateComplete(definition, state, args) },
  );
}
