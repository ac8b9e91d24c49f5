import type { ActivityDefinition, Condition, ProcessDefinition, SimpleTrigger } from './model';
import { unitsByLane } from './model';
import { routingOutcomes } from './vocabulary';
import { computeDueAt } from './interpreter/deadlines';

export interface DefinitionProblem {
  activityId?: string;
  field: string;
  reason: string;
}

const SAMPLE_TIMES = ['2026-03-29T00:30:00Z', '2026-06-19T10:00:00Z', '2026-12-31T22:59:59Z'];

function simpleTriggers(activity: ActivityDefinition): { trigger: SimpleTrigger; field: string }[] {
  const t = activity.trigger;
  if (t.kind !== 'any-of') return [{ trigger: t, field: 'trigger' }];
  return t.triggers.map((trigger, i) => ({ trigger, field: `trigger.triggers.${i}` }));
}

function conditionOutcomeRefs(
  condition: Condition,
  path: string,
): { activity: string; outcomes: string[]; field: string }[] {
  switch (condition.kind) {
    case 'outcome':
      return [{ activity: condition.activity, outcomes: condition.outcomes, field: path }];
    case 'all':
    case 'any':
      return condition.of.flatMap((c, i) => conditionOutcomeRefs(c, `${path}.of.${i}`));
    case 'not':
      return conditionOutcomeRefs(condition.condition, `${path}.condition`);
    case 'always':
    case 'need':
    case 'flag':
    case 'care-type':
    case 'discharge-destination':
      return [];
    default:
      return condition satisfies never;
  }
}

/** Reference, consistency and graph checks on a definition that already has the right shape. */
export function checkDefinition(definition: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const byId = new Map<string, ActivityDefinition>();
  for (const activity of definition.activities) {
    if (byId.has(activity.id))
      problems.push({ activityId: activity.id, field: 'id', reason: 'duplicate activity id' });
    else byId.set(activity.id, activity);
  }
  const eventTypes = new Set<string>();
  definition.eventTypes.forEach((e, i) => {
    if (eventTypes.has(e.type))
      problems.push({ field: `eventTypes.${i}.type`, reason: `duplicate event type "${e.type}"` });
    eventTypes.add(e.type);
  });

  const checkEvent = (activityId: string, field: string, event: string) => {
    if (!eventTypes.has(event))
      problems.push({ activityId, field, reason: `unknown event type "${event}"` });
  };
  const checkOutcomes = (activityId: string, field: string, target: string, outcomes: string[]) => {
    const referenced = byId.get(target);
    if (!referenced) {
      problems.push({
        activityId,
        field: `${field}.activity`,
        reason: `unknown activity "${target}"`,
      });
      return;
    }
    for (const outcome of outcomes)
      if (!referenced.outcomes.some((o) => o.id === outcome))
        problems.push({
          activityId,
          field: `${field}.outcomes`,
          reason: `activity "${target}" has no outcome "${outcome}"`,
        });
  };

  for (const a of definition.activities) {
    const outcomeIds = new Set<string>();
    a.outcomes.forEach((o, i) => {
      if (outcomeIds.has(o.id))
        problems.push({
          activityId: a.id,
          field: `outcomes.${i}.id`,
          reason: 'duplicate outcome id',
        });
      outcomeIds.add(o.id);
    });
    for (const { trigger, field } of simpleTriggers(a)) {
      if (trigger.kind === 'event') checkEvent(a.id, `${field}.event`, trigger.event);
      else checkOutcomes(a.id, field, trigger.activity, trigger.outcomes ?? []);
    }
    for (const ref of conditionOutcomeRefs(a.condition, 'condition'))
      checkOutcomes(a.id, ref.field, ref.activity, ref.outcomes);
    a.recipients?.forEach((r, i) => {
      for (const ref of conditionOutcomeRefs(r.condition, `recipients.${i}.condition`))
        checkOutcomes(a.id, ref.field, ref.activity, ref.outcomes);
    });
    if (a.deadline.kind === 'before-event') checkEvent(a.id, 'deadline.event', a.deadline.event);
    if (a.deadline.kind === 'duration' && a.deadline.from)
      checkEvent(a.id, 'deadline.from.event', a.deadline.from.event);
    a.completedBy?.forEach((e, i) => checkEvent(a.id, `completedBy.${i}`, e));
    a.cancelledBy?.forEach((e, i) => checkEvent(a.id, `cancelledBy.${i}`, e));
    for (const at of SAMPLE_TIMES) {
      try {
        const due = computeDueAt(a.deadline, new Date(at));
        if (due !== undefined && Number.isNaN(due.getTime())) throw new Error('invalid due time');
      } catch (error) {
        problems.push({
          activityId: a.id,
          field: 'deadline',
          reason: `cannot compute a due time: ${(error as Error).message}`,
        });
        break;
      }
    }
    const timed = !['immediately', 'none', 'before-discharge'].includes(a.deadline.kind);
    if (a.source === 'configurable' && timed && !a.deadline.configKey)
      problems.push({
        activityId: a.id,
        field: 'deadline.configKey',
        reason: 'a configurable deadline needs a configKey so deployments can override it',
      });
    if (!unitsByLane[a.lane].includes(a.performerUnit))
      problems.push({
        activityId: a.id,
        field: 'performerUnit',
        reason: `unit "${a.performerUnit}" does not belong to lane "${a.lane}"`,
      });
    if (a.fanOut) {
      const message = byId.get(a.fanOut.of);
      if (!message)
        problems.push({
          activityId: a.id,
          field: 'fanOut.of',
          reason: `unknown activity "${a.fanOut.of}"`,
        });
      else if (!message.recipients?.some((r) => r.unit === a.performerUnit))
        problems.push({
          activityId: a.id,
          field: 'fanOut.of',
          reason: `"${a.fanOut.of}" has no recipient of unit "${a.performerUnit}"`,
        });
    }
  }
  problems.push(...checkRouting(definition, byId));
  problems.push(...checkGraph(definition, byId));
  return problems;
}

/** settings.routing names an activity performed at the intake, with the routing outcomes. */
function checkRouting(
  definition: ProcessDefinition,
  byId: ReadonlyMap<string, ActivityDefinition>,
): DefinitionProblem[] {
  const field = 'settings.routing.activity';
  const id = definition.settings.routing?.activity;
  if (id === undefined) {
    const misplaced = definition.activities.find((a) => a.performerUnit === 'intake');
    return misplaced
      ? [
          {
            activityId: misplaced.id,
            field: 'performerUnit',
            reason: 'only settings.routing.activity is performed by "intake"',
          },
        ]
      : [];
  }
  const activity = byId.get(id);
  if (!activity) return [{ field, reason: `unknown activity "${id}"` }];
  const problems: DefinitionProblem[] = [];
  if (activity.performerUnit !== 'intake')
    problems.push({
      activityId: id,
      field: 'performerUnit',
      reason: 'the routing activity is performed by "intake"',
    });
  for (const outcome of Object.values(routingOutcomes))
    if (!activity.outcomes.some((o) => o.id === outcome))
      problems.push({
        activityId: id,
        field: 'outcomes',
        reason: `the routing activity needs the outcome "${outcome}"`,
      });
  for (const other of definition.activities)
    if (other.id !== id && other.performerUnit === 'intake')
      problems.push({
        activityId: other.id,
        field: 'performerUnit',
        reason: 'only settings.routing.activity is performed by "intake"',
      });
  return problems;
}

/** Trigger cycles between activities, and activities no event can ever lead to. */
function checkGraph(
  definition: ProcessDefinition,
  byId: ReadonlyMap<string, ActivityDefinition>,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const predecessors = (a: ActivityDefinition) =>
    simpleTriggers(a).flatMap(({ trigger }) =>
      trigger.kind === 'activity-completed' && byId.has(trigger.activity) ? [trigger.activity] : [],
    );
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      if (!reported.has(id)) {
        reported.add(id);
        problems.push({
          activityId: id,
          field: 'trigger',
          reason: `trigger cycle: ${cycle.join(' → ')}`,
        });
      }
      return;
    }
    state.set(id, 'visiting');
    const activity = byId.get(id);
    if (activity) for (const p of predecessors(activity)) visit(p, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of byId.keys()) visit(id, []);

  const reachable = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of byId.values()) {
      if (reachable.has(a.id)) continue;
      const fromEvent = simpleTriggers(a).some(({ trigger }) =>
        trigger.kind === 'event' ? true : reachable.has(trigger.activity),
      );
      if (fromEvent) {
        reachable.add(a.id);
        grew = true;
      }
    }
  }
  for (const a of byId.values())
    if (!reachable.has(a.id) && !reported.has(a.id))
      problems.push({ activityId: a.id, field: 'trigger', reason: 'not reachable from any event' });
  return problems;
}
