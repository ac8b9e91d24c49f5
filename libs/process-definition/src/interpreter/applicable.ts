import type { ActivityDefinition, PerformerUnit, ProcessDefinition, Trigger } from '../model';
import { conditionHolds, type StayFacts } from './conditions';

/** Something that happened in a stay and may trigger activities. */
export type TriggerOccurrence =
  | { kind: 'event'; event: string }
  | { kind: 'activity-completed'; activity: string; outcome?: string };

export function triggerMatches(trigger: Trigger, occurrence: TriggerOccurrence): boolean {
  switch (trigger.kind) {
    case 'event':
      return occurrence.kind === 'event' && occurrence.event === trigger.event;
    case 'activity-completed':
      return (
        occurrence.kind === 'activity-completed' &&
        occurrence.activity === trigger.activity &&
        (trigger.outcomes === undefined ||
          (occurrence.outcome !== undefined && trigger.outcomes.includes(occurrence.outcome)))
      );
    case 'any-of':
      return trigger.triggers.some((t) => triggerMatches(t, occurrence));
    default:
      return trigger satisfies never;
  }
}

export function findActivity(
  definition: ProcessDefinition,
  id: string,
): ActivityDefinition | undefined {
  return definition.activities.find((a) => a.id === id);
}

/** The units that receive a message activity, given the facts. */
export function messageRecipients(activity: ActivityDefinition, facts: StayFacts): PerformerUnit[] {
  return (activity.recipients ?? [])
    .filter((r) => conditionHolds(r.condition, facts))
    .map((r) => r.unit);
}

/**
 * For a fan-out activity: whether its unit is among the receivers of the message it fans out
 * over. The workflow creates one task per receiving unit instance (e.g. each kommun).
 */
export function fanOutApplies(
  definition: ProcessDefinition,
  activity: ActivityDefinition,
  facts: StayFacts,
): boolean {
  if (!activity.fanOut) return true;
  const message = findActivity(definition, activity.fanOut.of);
  return (
    message !== undefined && messageRecipients(message, facts).includes(activity.performerUnit)
  );
}

/**
 * The activities to create when `occurrence` happens: the trigger matches and the condition
 * holds for the facts (already updated with the occurrence's event data or outcome).
 */
export function applicableActivities(
  definition: ProcessDefinition,
  occurrence: TriggerOccurrence,
  facts: StayFacts,
): ActivityDefinition[] {
  return definition.activities.filter(
    (activity) =>
      triggerMatches(activity.trigger, occurrence) &&
      conditionHolds(activity.condition, facts) &&
      fanOutApplies(definition, activity, facts),
  );
}

export function eventEndsStay(definition: ProcessDefinition, event: string): boolean {
  return definition.eventTypes.some((e) => e.type === event && e.endsStay === true);
}

/** Open activities that an event completes without a user action. */
export function activitiesCompletedByEvent(
  definition: ProcessDefinition,
  event: string,
  openActivityIds: readonly string[],
): string[] {
  return openActivityIds.filter((id) => findActivity(definition, id)?.completedBy?.includes(event));
}

/** Open activities an event cancels: all of them when the event ends the stay. */
export function activitiesCancelledByEvent(
  definition: ProcessDefinition,
  event: string,
  openActivityIds: readonly string[],
): string[] {
  if (eventEndsStay(definition, event)) return [...openActivityIds];
  return openActivityIds.filter((id) => findActivity(definition, id)?.cancelledBy?.includes(event));
}
