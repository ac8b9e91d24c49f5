import { checkDefinition } from '@app/process-definition';
import {
  findProcessDefinition,
  initialStayFacts,
  type ActivityDefinition,
  type ProcessDefinition,
} from '@app/process-definition/interpreter';
import { emptyCounters } from './counters';
import { openTasks } from './interpreter';
import { moveRoutedTasks, routeReceiver, routingProblem } from './routing';
import type { StayState, StayUnits, TaskState } from './types';

/**
 * Rule 5 of issue 14, from its wording: "When a task's receiving unit cannot be resolved the
 * task still exists: it goes to an intake queue of the kommun or the region with a routing
 * task ('Välj mottagande enhet') and, if not routed in time, a deviation. Routing then moves
 * the task(s) to the chosen unit." Here on v1's activities with routing switched on, so the
 * test does not depend on which version carries the rule.
 */
const v1 = findProcessDefinition(1);
if (!v1) throw new Error('v1 missing');
const routingActivity: ActivityDefinition = {
  id: 'choose-receiving-unit',
  phase: 'inskrivning',
  lane: 'system',
  performerRole: 'mottagningens samordnare',
  performerUnit: 'intake',
  title: 'Välj mottagande enhet',
  goal: 'g',
  purpose: 'p',
  how: 'h',
  trigger: { kind: 'event', event: 'admitted' },
  deadline: { kind: 'duration', amount: 4, unit: 'hours', configKey: 'route' },
  condition: { kind: 'always' },
  outcomes: [
    { id: 'routed', title: 'Skickad' },
    { id: 'handled-by-intake', title: 'Hanteras här' },
  ],
  source: 'configurable',
};
const definition: ProcessDefinition = {
  ...v1,
  settings: { ...v1.settings, routing: { activity: routingActivity.id } },
  activities: [...v1.activities, routingActivity],
};

/** A patient in Mölndal with no listed vårdcentral. */
const units: StayUnits = {
  ward: 'sv-ward',
  kommunHemsjukvard: 'kpv-hsj',
  kommunSocialtjanst: 'kst-bistand',
  intake: { 'listed-vardcentral': 'rpv-mottagning' },
};
const assessedAt = new Date('2026-12-01T09:00:00Z');

function stay(): StayState {
  return {
    facts: initialStayFacts('somatic'),
    status: 'admitted',
    tasks: [],
    counters: emptyCounters(),
    version: 1,
  };
}

let ids = 0;
const newId = () => `t${++ids}`;

/** Needs assessed with a regional primary care need, then the inskrivningsmeddelande sent. */
function assessAndSend(state: StayState, routing: boolean): TaskState[] {
  state.facts = {
    ...state.facts,
    needs: { ...state.facts.needs, regionalPrimarvard: true, kommunalHalsoOchSjukvard: true },
  };
  const open = (occurrence: Parameters<typeof openTasks>[4]) => {
    const opened = openTasks(
      definition,
      state,
      units,
      's1',
      occurrence,
      assessedAt,
      newId,
      routing,
    );
    state.tasks.push(...opened);
    return opened;
  };
  return [
    ...open({ kind: 'event', event: 'needs-assessed' }),
    ...open({ kind: 'activity-completed', activity: 'send-inskrivningsmeddelande' }),
  ];
}

describe('routing a task whose receiver is not resolved (rule 5)', () => {
  it('without routing (v1), the vårdcentral’s tasks are silently not opened', () => {
    const opened = assessAndSend(stay(), false);
    expect(opened.filter((t) => t.lane === 'regional_primarvard')).toEqual([]);
  });

  it('with routing, they open at primärvårdens mottagning with one routing task, due in time', () => {
    const state = stay();
    const opened = assessAndSend(state, true);
    const atIntake = opened.filter((t) => t.unitId === 'rpv-mottagning');
    const routing = atIntake.filter((t) => t.routes !== undefined);
    const held = atIntake.filter((t) => t.routes === undefined);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((t) => t.awaitingRouting === 'listed-vardcentral')).toBe(true);
    expect(held.every((t) => t.lane === 'regional_primarvard')).toBe(true);
    expect(routing).toEqual([
      expect.objectContaining({
        activityId: 'choose-receiving-unit',
        routes: 'listed-vardcentral',
        lane: 'regional_primarvard',
        status: 'open',
        // "if not routed in time, a deviation": the routing task has a deadline of its own
        dueAt: '2026-12-01T13:00:00.000Z',
      }),
    ]);
    // Receivers that were resolved are not touched.
    expect(opened.filter((t) => t.lane === 'kommunal_primarvard').map((t) => t.unitId)).toEqual(
      expect.arrayContaining(['kpv-hsj']),
    );
  });

  it('routing moves every waiting task to the chosen unit, and later tasks go there directly', () => {
    const state = stay();
    assessAndSend(state, true);
    const routingTask = state.tasks.find((t) => t.routes !== undefined);
    if (!routingTask) throw new Error('no routing task');
    const waiting = state.tasks.filter((t) => t.awaitingRouting !== undefined).length;
    const moved = moveRoutedTasks(state, 'listed-vardcentral', 'rpv-vc-molndal', routingTask.id);
    expect(moved).toHaveLength(waiting);
    expect(moved.every((t) => t.unitId === 'rpv-vc-molndal' && !t.awaitingRouting)).toBe(true);
    expect(moved[0]?.reassignReason).toBe(`routed-by:${routingTask.id}`);

    const routed = routeReceiver(units, 'listed-vardcentral', 'rpv-vc-molndal');
    expect(routed).toEqual({
      ward: 'sv-ward',
      listedVardcentral: 'rpv-vc-molndal',
      kommunHemsjukvard: 'kpv-hsj',
      kommunSocialtjanst: 'kst-bistand',
    });
    state.facts = { ...state.facts, flags: { ...state.facts.flags, discharged: true } };
    const later = openTasks(
      definition,
      state,
      routed,
      's1',
      { kind: 'event', event: 'discharged' },
      assessedAt,
      newId,
      true,
    );
    expect(later.find((t) => t.activityId === 'follow-up-contact')).toMatchObject({
      unitId: 'rpv-vc-molndal',
    });
    expect(later.some((t) => t.awaitingRouting !== undefined)).toBe(false);
    expect(later.some((t) => t.routes !== undefined)).toBe(false);
  });

  it('opens no second routing task for the same receiver while one is live', () => {
    const state = stay();
    assessAndSend(state, true);
    expect(state.tasks.filter((t) => t.routes === 'listed-vardcentral')).toHaveLength(1);
  });

  it.each<[string, { outcome?: string; receivingUnitId?: string }, string | undefined]>([
    ['routed to a unit', { outcome: 'routed', receivingUnitId: 'rpv-vc-molndal' }, undefined],
    ['kept at the intake', { outcome: 'handled-by-intake' }, undefined],
    ['routed without a unit', { outcome: 'routed' }, 'a routed task needs receivingUnitId'],
    [
      'kept, but with a unit',
      { outcome: 'handled-by-intake', receivingUnitId: 'rpv-vc-molndal' },
      'receivingUnitId goes with the outcome "routed"',
    ],
    [
      'routed to the intake itself',
      { outcome: 'routed', receivingUnitId: 'rpv-mottagning' },
      'the receiving unit must be another unit than the intake',
    ],
  ])('a routing task %s: %s', (_case, args, problem) => {
    const task = { unitId: 'rpv-mottagning', routes: 'listed-vardcentral' } as TaskState;
    const found = routingProblem(task, args);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('refuses a receiving unit on a task that is not a routing task', () => {
    const task = { unitId: 'sv-ward' } as TaskState;
    expect(routingProblem(task, { receivingUnitId: 'x' })).toMatch(/only for a routing task/);
    expect(routingProblem(task, {})).toBeUndefined();
  });
});

describe('a definition’s routing settings are checked at load', () => {
  it('accepts an intake-performed routing activity with both outcomes', () => {
    expect(checkDefinition(definition)).toEqual([]);
  });

  it('refuses a routing activity without the outcome that keeps the tasks at the intake', () => {
    const broken = {
      ...definition,
      activities: definition.activities.map((a) =>
        a.id === routingActivity.id ? { ...a, outcomes: [{ id: 'routed', title: 'Skickad' }] } : a,
      ),
    };
    expect(checkDefinition(broken)).toContainEqual(
      expect.objectContaining({
        reason: 'the routing activity needs the outcome "handled-by-intake"',
      }),
    );
  });

  it('refuses an intake-performed activity in a definition without routing (v1)', () => {
    const broken = { ...v1, activities: [...v1.activities, routingActivity] };
    expect(checkDefinition(broken)).toContainEqual(
      expect.objectContaining({ activityId: routingActivity.id, field: 'performerUnit' }),
    );
  });
});
