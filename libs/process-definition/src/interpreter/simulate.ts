import type { ProcessDefinition } from '../model';
import {
  activitiesCancelledByEvent,
  activitiesCompletedByEvent,
  applicableActivities,
  type TriggerOccurrence,
} from './applicable';
import type { StayFacts } from './conditions';
import { applyEventToFacts, initialStayFacts, recordOutcome } from './facts';

export type SimulationStep =
  | { event: string; data?: Readonly<Record<string, unknown>> }
  | { complete: string; outcome?: string };

export interface SimulationState {
  facts: StayFacts;
  /** Open activity ids in creation order. */
  open: string[];
  completed: string[];
  cancelled: string[];
  /** Every activity id ever created, in order. */
  created: string[];
}

export function initialSimulationState(facts: StayFacts = initialStayFacts()): SimulationState {
  return { facts, open: [], completed: [], cancelled: [], created: [] };
}

function createFor(
  definition: ProcessDefinition,
  state: SimulationState,
  occurrence: TriggerOccurrence,
): SimulationState {
  const fresh = applicableActivities(definition, occurrence, state.facts)
    .map((a) => a.id)
    .filter((id) => !state.open.includes(id));
  return { ...state, open: [...state.open, ...fresh], created: [...state.created, ...fresh] };
}

function complete(
  definition: ProcessDefinition,
  state: SimulationState,
  activity: string,
  outcome?: string,
): SimulationState {
  const facts = recordOutcome(state.facts, activity, outcome);
  const next = {
    ...state,
    facts,
    open: state.open.filter((id) => id !== activity),
    completed: [...state.completed, activity],
  };
  return createFor(definition, next, {
    kind: 'activity-completed',
    activity,
    ...(outcome === undefined ? {} : { outcome }),
  });
}

/**
 * One step of a stay, the way the workflow interprets the definition: an event updates the
 * facts, cancels and completes open activities, then creates the activities it triggers;
 * a completion records its outcome and creates the activities triggered by it.
 */
export function simulateStep(
  definition: ProcessDefinition,
  state: SimulationState,
  step: SimulationStep,
): SimulationState {
  if ('complete' in step) {
    if (!state.open.includes(step.complete))
      throw new Error(`activity ${step.complete} is not open`);
    return complete(definition, state, step.complete, step.outcome);
  }
  const facts = applyEventToFacts(state.facts, { type: step.event, data: step.data ?? {} });
  const cancelled = activitiesCancelledByEvent(definition, step.event, state.open);
  let next: SimulationState = {
    ...state,
    facts,
    open: state.open.filter((id) => !cancelled.includes(id)),
    cancelled: [...state.cancelled, ...cancelled],
  };
  const completedByEvent = activitiesCompletedByEvent(definition, step.event, next.open);
  next = {
    ...next,
    open: next.open.filter((id) => !completedByEvent.includes(id)),
    completed: [...next.completed, ...completedByEvent],
  };
  next = createFor(definition, next, { kind: 'event', event: step.event });
  for (const activity of completedByEvent)
    next = createFor(definition, next, { kind: 'activity-completed', activity });
  return next;
}

/** Runs steps from the initial state; handy for tests and for explaining the process. */
export function simulateStay(
  definition: ProcessDefinition,
  steps: readonly SimulationStep[],
  initial: SimulationState = initialSimulationState(),
): SimulationState {
  return steps.reduce((state, step) => simulateStep(definition, state, step), initial);
}
