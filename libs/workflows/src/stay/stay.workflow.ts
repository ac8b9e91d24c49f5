import {
  ApplicationFailure,
  type ActivityOptions,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  applyEventToFacts,
  eventEndsStay,
  findProcessDefinition,
  initialStayFacts,
  type TriggerOccurrence,
} from '@app/process-definition/interpreter';
import type { StayActivities } from '../activities';
import { countEvent, emptyCounters, raiseSevenDayFlag, sevenDayFlagDueAt } from './counters';
import { closeRemainingTasks, stayIsOver, tasksMissedByEvent, watchUntil } from './lifecycle';
import { Patch } from './patches';
import { deadlineKeeper } from './deadline-keeper';
import { defaultTaskTiming, nextReminderAt } from './reminders';
import {
  cancelTasksNoLongerApplying,
  closeTasksOnEvent,
  nextDueAt,
  openTasks,
  recordEventTime,
  unitsForDefinition,
} from './interpreter';
import { moveRoutedTasks, routeReceiver } from './routing';
import { registerReadmissionHandler, tellEarlierStay } from './readmission';
import { registerTaskHandlers } from './task-handlers';
import {
  PROJECTION_DATA_ERROR,
  StayFailure,
  admitUpdate,
  registerEventUpdate,
  stayStateQuery,
} from './messages';
import {
  guardProjections,
  isProjectionFailure,
  survivingProjectionFailure,
} from './projection-guard';
import type {
  RegisterEventArgs,
  StayState,
  StayStatus,
  StayUnits,
  StayWorkflowInput,
  TaskState,
} from './types';

/**
 * Transient failures (PostgreSQL or the network down) are retried without a limit: a
 * projection must not be lost to an outage. A projection that can never succeed is raised
 * non-retryable by the worker (PROJECTION_DATA_ERROR) and handled by guardProjections.
 */
const activityOptions: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [PROJECTION_DATA_ERROR],
  },
};
const rawActivities = proxyActivities<StayActivities>(activityOptions);

/** Events that (re)state the patient's needs: tasks may stop applying after them. */
const needsEvents = new Set(['needs-assessed', 'needs-changed']);

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
  const activities = guardProjections(rawActivities, input.stayId);
  const eventTypes = new Set(definition.eventTypes.map((e) => e.type));
  const initialFacts = initialStayFacts(input.careType);
  const carried = input.carried;
  const outOfCounty =
    !carried &&
    input.units?.outOfCounty === true &&
    definition.settings.routing !== undefined &&
    patched(Patch.outOfCountyFlag);
  const state: StayState = carried?.state ?? {
    facts: {
      ...initialFacts,
      flags: {
        lpt: input.careType === 'psychiatric-lpt',
        ...(outOfCounty ? { outOfCounty: true } : {}),
      },
    },
    status: 'admitted',
    tasks: [],
    counters: emptyCounters(),
    version: 1,
  };
  // A run carried over from before event times were kept still knows when it was admitted.
  state.eventTimes ??= { admitted: input.admittedAt };
  let units: StayUnits | undefined = carried?.units ?? input.units;
  let ended = carried?.ended ?? false;
  let dirty = false;
  let admission: { createdTaskIds: string[]; failure?: ApplicationFailure } | undefined = carried
    ? { createdTaskIds: carried.admissionTaskIds }
    : undefined;

  const projectStay = async (): Promise<void> => {
    state.version += 1;
    await activities.projectStay({
      stayId: input.stayId,
      status: state.status,
      ...(state.endedAt ? { endedAt: state.endedAt } : {}),
      counters: state.counters,
      version: state.version,
    });
  };

  const saveTasks = async (tasks: TaskState[]): Promise<void> => {
    if (tasks.length > 0) await activities.projectTasks(tasks.map((t) => ({ ...t })));
  };

  const trigger = async (occurrence: TriggerOccurrence, occurredAt: string): Promise<string[]> => {
    units ??= await activities.resolveStayUnits(input);
    const routing =
      definition.settings.routing !== undefined && patched(Patch.receivingUnitRouting);
    const opened = openTasks(
      definition,
      state,
      unitsForDefinition(definition, units),
      input.stayId,
      occurrence,
      new Date(occurredAt),
      uuid4,
      routing,
    );
    state.tasks.push(...opened);
    await saveTasks(opened);
    dirty = true;
    return opened.map((t) => t.id);
  };

  setHandler(stayStateQuery, () => state);

  setHandler(admitUpdate, async () => {
    await condition(() => admission !== undefined);
    if (admission?.failure) throw admission.failure;
    return { eventId: 'admitted', createdTaskIds: admission?.createdTaskIds ?? [] };
  });

  setHandler(
    registerEventUpdate,
    async (event) => {
      const eventId = uuid4();
      state.facts = applyEventToFacts(state.facts, event);
      state.eventTimes = recordEventTime(state.eventTimes, event);
      const status = statusAfter[event.type];
      if (status) {
        state.status = status;
        state.endedAt = event.occurredAt;
      }
      if (eventEndsStay(definition, event.type)) ended = true;
      const counted = countEvent(state.counters, event);
      state.version += 1;
      await activities.projectEvent({
        id: eventId,
        stayId: input.stayId,
        type: event.type,
        occurredAt: event.occurredAt,
        recordedAt: new Date().toISOString(),
        data: event.data,
      });
      if (status || (counted && patched(Patch.stayCounters))) await projectStay();
      await saveTasks(closeTasksOnEvent(definition, state, event));
      if (needsEvents.has(event.type) && patched(Patch.cancelOnChangedNeeds))
        await saveTasks(cancelTasksNoLongerApplying(definition, state, event.type));
      await deadlines.recordOverdue(
        tasksMissedByEvent(definition, state, event.type),
        event.occurredAt,
      );
      const createdTaskIds = await trigger({ kind: 'event', event: event.type }, event.occurredAt);
      return { eventId, createdTaskIds };
    },
    {
      validator: (event: RegisterEventArgs) => {
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

  /** A routing task was completed: its receiver's tasks go to the chosen unit (or stay). */
  const route = async (task: TaskState, receivingUnitId?: string): Promise<void> => {
    if (task.routes === undefined || units === undefined) return;
    const unitId = receivingUnitId ?? task.unitId;
    units = routeReceiver(units, task.routes, unitId);
    await saveTasks(moveRoutedTasks(state, task.routes, unitId, task.id));
  };

  registerTaskHandlers({
    definition,
    state,
    saveTasks,
    projectStay,
    trigger,
    route,
    changed: () => {
      dirty = true;
    },
  });

  registerReadmissionHandler({
    definition,
    state,
    saveTasks,
    changed: () => {
      dirty = true;
    },
  });

  const timing = input.taskTiming ?? defaultTaskTiming;
  const deadlines = deadlineKeeper({
    definition,
    state,
    stayId: input.stayId,
    timing,
    saveTasks,
    recordDeviation: (deviation) => activities.recordDeviation(deviation),
    recordDeviations: (deviations) => activities.recordDeviations(deviations),
  });

  const linkReadmission = async (): Promise<string[]> => {
    const link = await activities.linkReadmission({
      stayId: input.stayId,
      patientKey: input.patientKey,
      admittedAt: input.admittedAt,
      windowDays: definition.settings.readmissionWindowDays,
    });
    if (!link) return [];
    state.counters.readmissionOfStayId = link.previousStayId;
    await activities.projectEvent({
      id: uuid4(),
      stayId: input.stayId,
      type: 'readmitted',
      occurredAt: input.admittedAt,
      recordedAt: new Date().toISOString(),
      data: { previousStayId: link.previousStayId },
    });
    await projectStay();
    const opened = await trigger({ kind: 'event', event: 'readmitted' }, input.admittedAt);
    if (patched(Patch.readmissionCancelsEarlier))
      await tellEarlierStay(link.previousStayId, input.stayId, input.admittedAt);
    return opened;
  };

  const admit = async (): Promise<void> => {
    if (patched(Patch.parallelAdmission)) {
      const [admitted, readmitted] = await Promise.all([
        trigger({ kind: 'event', event: 'admitted' }, input.admittedAt),
        linkReadmission(),
      ]);
      admission = { createdTaskIds: [...admitted, ...readmitted] };
    } else {
      const createdTaskIds = await trigger({ kind: 'event', event: 'admitted' }, input.admittedAt);
      if (patched(Patch.readmissionLink)) createdTaskIds.push(...(await linkReadmission()));
      admission = { createdTaskIds };
    }
  };
  if (!carried)
    await admit().catch((error: unknown) => {
      // The admission's projection was refused and recorded: the admit Update says so.
      if (!isProjectionFailure(error)) throw error;
      admission = { createdTaskIds: [], failure: error };
    });

  // Deadlines: sleep until the next due time, the 7-day flag or the end of the watch after
  // discharge, or until a handler acts.
  const windowDays = definition.settings.readmissionWindowDays;
  // Never over while a handler is still at work: an ending event opens tasks of its own.
  const isOver = () => stayIsOver(state, ended, Date.now(), windowDays) && allHandlersFinished();
  while (!isOver()) {
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      const admissionTaskIds = admission?.createdTaskIds ?? [];
      await continueAsNew<typeof stayWorkflow>({
        ...input,
        carried: { state, ...(units ? { units } : {}), ended, admissionTaskIds },
      });
    }
    const next = [
      nextDueAt(state),
      sevenDayFlagDueAt(state.counters),
      watchUntil(state, windowDays),
      nextReminderAt(state, timing),
    ].reduce(earliest, undefined);
    dirty = false;
    if (next === undefined) await condition(() => dirty || isOver());
    else await condition(() => dirty || isOver(), Math.max(next - Date.now(), 1));
    await survivingProjectionFailure(() => deadlines.markOverdue());
    await survivingProjectionFailure(() => deadlines.remindAndEscalate());
    if (raiseSevenDayFlag(state.counters, new Date()) && patched(Patch.stayCounters))
      await survivingProjectionFailure(projectStay);
  }
  await condition(allHandlersFinished);
  await survivingProjectionFailure(() => saveTasks(closeRemainingTasks(state, 'stay-closed')));
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
