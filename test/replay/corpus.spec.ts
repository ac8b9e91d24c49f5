import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Patch } from '../../libs/workflows/src/stay/patches';

/**
 * The replay corpus (replayed by npm run replay and test/e2e/replay.e2e-spec.ts) covers every
 * patch and every path the stay workflow can take, so that a change that breaks running stays
 * on any of them fails the replay. Histories are recorded from real runs of the e2e tests
 * (RECORD_REPLAY_HISTORIES=1, test/support/replay-history.ts).
 */
const dir = __dirname;
const histories = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), readFileSync(join(dir, f), 'utf8')]),
);

/** The patch ids a history's workflow checked (Temporal's TemporalChangeVersion attribute). */
function patchesOf(history: string): Set<string> {
  const ids = new Set<string>();
  const attribute = /"TemporalChangeVersion": \{[^}]*\}[^"]*"data": "([^"]+)"/g;
  for (const [, data] of history.matchAll(attribute))
    for (const id of JSON.parse(Buffer.from(data ?? '', 'base64').toString()) as string[])
      ids.add(id);
  return ids;
}

/**
 * Patches no new run can take any more, so no recording from today's code has them:
 * local-activities-v1 is withdrawn (no workflow checks it), and readmission-link-v1 gates the
 * sequential admission that parallel-admission-v1 replaced for every run started since.
 */
const unreachable = new Set<string>([Patch.localActivities, Patch.readmissionLink]);

describe('the replay corpus', () => {
  it('has a recorded history for every patch a new run can take', () => {
    const covered = new Set([...histories.values()].flatMap((h) => [...patchesOf(h)]));
    const missing = Object.values(Patch).filter((id) => !unreachable.has(id) && !covered.has(id));
    expect(missing).toEqual([]);
  });

  it.each([
    ['walking-skeleton', ['"name": "admit"', '"name": "registerEvent"', '"name": "completeTask"']],
    ['task-reminder', ['EVENT_TYPE_TIMER_FIRED', '"name": "projectTasks"']],
    ['overdue-batched-escalation', ['"name": "recordDeviations"']],
    ['cancel-on-changed-needs', ['"name": "registerEvent"']],
    ['readmission-link', ['"name": "linkReadmission"', '"name": "projectEvent"']],
    ['continue-as-new-first-run', ['EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW']],
    ['continue-as-new-next-run', ['"name": "completeTask"']],
    [
      'claim-release-complete',
      ['"name": "claimTask"', '"name": "releaseTask"', '"name": "completeTask"'],
    ],
    ['reassign-complete', ['"name": "reassignTask"', '"name": "completeTask"']],
    ['receiving-unit-routing', [Patch.receivingUnitRouting]],
    ['projection-failure', [Patch.projectionFailures]],
    ['out-of-county', [Patch.outOfCountyFlag]],
  ])('records the %s path', (name, marks) => {
    const history = histories.get(name);
    expect([name, history !== undefined]).toEqual([name, true]);
    for (const mark of marks) {
      const found = history?.includes(mark) === true || patchesOf(history ?? '').has(mark);
      expect([name, mark, found]).toEqual([name, mark, true]);
    }
  });
});
