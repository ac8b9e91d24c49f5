import {
  findProcessDefinition,
  initialStayFacts,
  type ProcessDefinition,
} from '@app/process-definition/interpreter';
import {
  closeTasksOnEvent,
  nextDueAt,
  openTasks,
  recordEventTime,
  resolvePerformerUnit,
  tasksFallingOverdue,
  unitsForDefinition,
} from './interpreter';
import { emptyCounters } from './counters';
import type { StayState, StayUnits } from './types';

const found = findProcessDefinition(1);
if (!found) throw new Error('v1 missing');
const definition: ProcessDefinition = found;

const units: StayUnits = {
  ward: 'sv-ward',
  listedVardcentral: 'rpv-vc',
  kommunHemsjukvard: 'kpv-hsj',
  kommunSocialtjanst: 'kst-bistand',
};

function newState(): StayState {
  return {
    facts: initialStayFacts('somatic'),
    status: 'admitted',
    tasks: [],
    counters: emptyCounters(),
    version: 1,
  };
}

let counter = 0;
const newId = () => `task-${++counter}`;
const assessedAt = new Date('2026-03-28T10:00:00Z');

function assessNeeds(state: StayState) {
  state.facts = {
    ...state.facts,
    needs: { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true },
  };
  return openTasks(
    definition,
    state,
    units,
    'stay-1',
    { kind: 'event', event: 'needs-assessed' },
    assessedAt,
    newId,
  );
}

describe('stay interpreter', () => {
  it('opens the inskrivningsmeddelande for the ward, due 24 h after the assessment', () => {
    const opened = assessNeeds(newState());
    const message = opened.find((t) => t.activityId === 'send-inskrivningsmeddelande');
    expect(message).toMatchObject({
      unitId: 'sv-ward',
      lane: 'slutenvard',
      status: 'open',
      triggeredAt: assessedAt.toISOString(),
      dueAt: '2026-03-29T10:00:00.000Z', // 24 real hours, across the DST change
    });
  });

  it('does not open a second live task for the same activity', () => {
    const state = newState();
    state.tasks.push(...assessNeeds(state));
    expect(assessNeeds(state).map((t) => t.activityId)).not.toContain(
      'send-inskrivningsmeddelande',
    );
  });

  it('opens no task for an activity whose unit the stay does not have', () => {
    expect(resolvePerformerUnit('processagare', units)).toBeUndefined();
    expect(resolvePerformerUnit('system', units)).toBeUndefined();
    const state = newState();
    const opened = openTasks(
      definition,
      state,
      { ward: 'sv-ward' },
      'stay-1',
      { kind: 'event', event: 'needs-assessed' },
      assessedAt,
      newId,
    );
    expect(opened.every((t) => t.unitId === 'sv-ward')).toBe(true);
  });

  it('finds overdue tasks at their due time and the next due time before it', () => {
    const state = newState();
    state.tasks.push(...assessNeeds(state));
    const earliest = Math.min(
      ...state.tasks.flatMap((t) => (t.dueAt ? [Date.parse(t.dueAt)] : [])),
    );
    expect(nextDueAt(state)).toBe(earliest);
    expect(tasksFallingOverdue(state, new Date(earliest - 1))).toEqual([]);
    expect(tasksFallingOverdue(state, new Date(earliest)).length).toBeGreaterThan(0);
  });

  it('cancels every live task when the patient dies, keeping the reason', () => {
    const state = newState();
    state.tasks.push(...assessNeeds(state));
    const live = state.tasks.length;
    const changed = closeTasksOnEvent(definition, state, {
      type: 'died',
      occurredAt: '2026-03-29T08:00:00Z',
    });
    expect(changed).toHaveLength(live);
    expect(state.tasks.every((t) => t.status === 'cancelled')).toBe(true);
    expect(state.tasks[0]?.cancelReason).toBe('event:died');
    expect(nextDueAt(state)).toBeUndefined();
  });

  it('keeps a v1 stay to the units v1 knew, although admission now resolves more', () => {
    const resolved: StayUnits = {
      ...units,
      kommunHemtjanst: 'kst-hemtjanst',
      kommunKorttid: 'kst-korttid',
      processagare: 'po-region',
      intake: { 'listed-vardcentral': 'rpv-mottagning' },
      outOfCounty: true,
    };
    expect(unitsForDefinition(definition, resolved)).toEqual(units);
    const withRouting = {
      ...definition,
      settings: { ...definition.settings, routing: { activity: 'x' } },
    };
    expect(unitsForDefinition(withRouting, resolved)).toBe(resolved);
  });
});

describe('event times for deadlines counted from an earlier event (v2)', () => {
  const v2 = findProcessDefinition(2);
  if (!v2) throw new Error('v2 missing');

  it('keeps the latest occurrence of each event, not a late-registered earlier one', () => {
    let times = recordEventTime(undefined, {
      type: 'utskrivningsklar',
      occurredAt: '2026-03-10T09:00:00Z',
    });
    times = recordEventTime(times, {
      type: 'utskrivningsklar',
      occurredAt: '2026-03-12T09:00:00Z',
    });
    times = recordEventTime(times, {
      type: 'utskrivningsklar',
      occurredAt: '2026-03-11T09:00:00Z',
    });
    expect(times).toEqual({ utskrivningsklar: '2026-03-12T09:00:00Z' });
  });

  it('opens the v2 inskrivningsmeddelande due 24 h after admission when assessed at admission', () => {
    const state: StayState = {
      ...newState(),
      eventTimes: { admitted: '2026-03-28T00:00:00.000Z' },
      facts: { ...initialStayFacts('somatic'), needs: { regionalPrimarvard: true } },
    };
    const opened = openTasks(
      v2,
      state,
      units,
      'stay-2',
      { kind: 'event', event: 'needs-assessed' },
      assessedAt,
      newId,
    );
    expect(opened.find((t) => t.activityId === 'send-inskrivningsmeddelande')?.dueAt).toBe(
      '2026-03-29T00:00:00.000Z',
    );
  });
});
