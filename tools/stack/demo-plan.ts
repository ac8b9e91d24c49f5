/**
 * What happens in each demo stay, as data: seeded through the API by demo-stays.ts and
 * measured by tools/demo-deviations.ts (deviations per demo stay under each definition), so
 * both tell about the same stays.
 */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const demoStages = 4;
const allNeeds = { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true };

export type DemoStep =
  | { kind: 'event'; type: string; at: number; data: Record<string, unknown> }
  /** The ward completes its live task of the activity. */
  | { kind: 'complete'; activityId: string; at: number };

/** When the demo stay of this stage (0: just admitted … 3: discharged) was admitted. */
export const demoAdmittedAt = (now: number, stage: number, serial: number): number =>
  now - (2 + stage * 4) * DAY - (serial % 5) * HOUR;

/** The stay's steps in order, from just admitted (stage 0) to discharged (stage 3). */
export function demoStayPlan(stage: number, admittedAt: number): DemoStep[] {
  const event = (type: string, at: number, data: Record<string, unknown> = {}): DemoStep => ({
    kind: 'event',
    type,
    at,
    data,
  });
  const day = (n: number) => new Date(admittedAt + n * DAY).toISOString().slice(0, 10);
  const steps: DemoStep[] = [event('needs-assessed', admittedAt + 3 * HOUR, allNeeds)];
  // Half the wards sent their inskrivningsmeddelande on time.
  if (stage % 2 === 1)
    steps.push({
      kind: 'complete',
      activityId: 'send-inskrivningsmeddelande',
      at: admittedAt + 8 * HOUR,
    });
  if (stage >= 1)
    steps.push(event('planned-discharge-date-set', admittedAt + DAY, { date: day(5) }));
  if (stage >= 2)
    steps.push(
      event('planned-discharge-date-changed', admittedAt + 3 * DAY, { date: day(7) }),
      event('utskrivningsklar', admittedAt + 6 * DAY),
    );
  if (stage >= 3) steps.push(event('discharged', admittedAt + 9 * DAY, { destination: 'home' }));
  return steps;
}
