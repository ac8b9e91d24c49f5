// Deviations ("försenad aktivitet") per demo stay under each process definition version:
//   npm run demo:deviations
// Runs the demo stays (tools/stack/demo-plan.ts, the same plan `npm start` seeds) through the
// stay workflow's own pure decisions (open, close, cancel, miss, fall overdue), with every
// receiving unit known. A task is late when it was not done by its due time, or when an event
// it had to come before happened first: one automatic deviation each, as the workflow records.
// Two cases: the demo as seeded, and the same stays with a ward that does every "omgående"
// task (immediately, with or without an allowance) 20 minutes after it opened.
import {
  applyEventToFacts,
  initialStayFacts,
  processDefinitions,
  recordOutcome,
  type ProcessDefinition,
  type TriggerOccurrence,
} from '../libs/process-definition/src/interpreter';
import { demoKommuner } from '../libs/persistence/src/seed/demo-units';
import { emptyCounters } from '../libs/workflows/src/stay/counters';
import {
  cancelTasksNoLongerApplying,
  closeTasksOnEvent,
  openTasks,
  recordEventTime,
  unitsForDefinition,
} from '../libs/workflows/src/stay/interpreter';
import { isLive, tasksMissedByEvent } from '../libs/workflows/src/stay/lifecycle';
import type { StayState, StayUnits, TaskState } from '../libs/workflows/src/stay/types';
import { demoAdmittedAt, demoStages, demoStayPlan, type DemoStep } from './stack/demo-plan';

const KOMMUNER = demoKommuner.length;
const units: StayUnits = {
  ward: 'ward',
  listedVardcentral: 'vc',
  kommunHemsjukvard: 'hsv',
  kommunSocialtjanst: 'bist',
  kommunHemtjanst: 'hemtjanst',
  kommunKorttid: 'korttid',
  processagare: 'po',
};

function runStay(
  definition: ProcessDefinition,
  steps: DemoStep[],
  admittedAt: number,
  now: number,
  promptWard: boolean,
) {
  const state: StayState = {
    facts: { ...initialStayFacts('somatic'), flags: { lpt: false } },
    status: 'admitted',
    tasks: [],
    counters: emptyCounters(),
    version: 1,
    eventTimes: { admitted: new Date(admittedAt).toISOString() },
  };
  const late = new Set<string>();
  const lateActivities = () => state.tasks.filter((t) => late.has(t.id)).map((t) => t.activityId);
  let n = 0;
  const newId = () => `t${++n}`;
  const stayUnits = unitsForDefinition(definition, units);
  const open = (occurrence: TriggerOccurrence, at: number) => {
    const opened = openTasks(definition, state, stayUnits, 's', occurrence, new Date(at), newId);
    state.tasks.push(...opened);
  };
  const complete = (task: TaskState, at: number) => {
    task.status = 'done';
    task.completedAt = new Date(at).toISOString();
    state.facts = recordOutcome(state.facts, task.activityId);
    open({ kind: 'activity-completed', activity: task.activityId }, at);
  };
  const omgaende = (t: TaskState) =>
    definition.activities.find((a) => a.id === t.activityId)?.deadline.kind === 'immediately';
  const promptly = (until: number) => {
    if (!promptWard) return;
    for (const t of state.tasks.filter((x) => isLive(x) && x.unitId === 'ward' && omgaende(x))) {
      const at = Date.parse(t.triggeredAt) + 20 * 60_000;
      if (at <= until) complete(t, at);
    }
  };
  for (const step of steps) {
    promptly(step.at);
    if (step.kind === 'complete') {
      const task = state.tasks.find((t) => isLive(t) && t.activityId === step.activityId);
      if (task) complete(task, step.at);
      continue;
    }
    const event = { type: step.type, occurredAt: new Date(step.at).toISOString(), data: step.data };
    state.facts = applyEventToFacts(state.facts, event);
    state.eventTimes = recordEventTime(state.eventTimes, event);
    closeTasksOnEvent(definition, state, event);
    if (step.type === 'needs-assessed') cancelTasksNoLongerApplying(definition, state, step.type);
    for (const t of tasksMissedByEvent(definition, state, step.type)) late.add(t.id);
    open({ kind: 'event', event: step.type }, step.at);
  }
  promptly(now);
  for (const t of state.tasks) {
    if (!t.dueAt || t.status === 'cancelled') continue;
    const doneAt = t.completedAt ? Date.parse(t.completedAt) : now;
    if (doneAt > Date.parse(t.dueAt) && Date.parse(t.dueAt) <= now) late.add(t.id);
  }
  return { late: late.size, activities: lateActivities() };
}

const now = Date.now();
const results = new Map<string, Map<string, number>>();
for (const promptWard of [false, true]) {
  console.log(
    promptWard
      ? '\nThe same stays, the ward doing every "omgående" task within 20 minutes:'
      : 'The demo stays as seeded:',
  );
  for (const definition of Object.values(processDefinitions)) {
    const perStage: number[] = [];
    const byActivity = new Map<string, number>();
    let total = 0;
    let serial = 0;
    for (let k = 0; k < KOMMUNER; k++)
      for (let stage = 0; stage < demoStages; stage++) {
        serial += 1;
        const admittedAt = demoAdmittedAt(now, stage, serial);
        const { late, activities } = runStay(
          definition,
          demoStayPlan(stage, admittedAt),
          admittedAt,
          now,
          promptWard,
        );
        perStage[stage] = (perStage[stage] ?? 0) + late;
        for (const a of activities) byActivity.set(a, (byActivity.get(a) ?? 0) + 1);
        total += late;
      }
    const stays = KOMMUNER * demoStages;
    results.set(`${promptWard}:${definition.version}`, byActivity);
    console.log(
      `  v${definition.version}: ${total} deviations over ${stays} stays = ${(total / stays).toFixed(2)} per stay; by stage (0 admitted … 3 discharged, per stay): ${perStage.map((x) => (x / KOMMUNER).toFixed(1)).join(' / ')}`,
    );
  }
}

for (const promptWard of [false, true]) {
  const v1 = results.get(`${promptWard}:1`) ?? new Map<string, number>();
  const v2 = results.get(`${promptWard}:2`) ?? new Map<string, number>();
  const changed = [...new Set([...v1.keys(), ...v2.keys()])]
    .filter((a) => (v1.get(a) ?? 0) !== (v2.get(a) ?? 0))
    .map((a) => `${a} ${v1.get(a) ?? 0}→${v2.get(a) ?? 0}`);
  console.log(
    `${promptWard ? 'Prompt ward' : 'As seeded'}, late tasks v1→v2 by activity: ${changed.join(', ')}`,
  );
}
