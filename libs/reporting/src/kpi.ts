import { addStockholmCalendarDays } from '@app/process-definition/interpreter/calendar';
import type { ReportRules } from './rules';
import { ukCalendarDays, ukRuns, type UkEvent } from './uk-days';

/**
 * The effect goals, over a cohort of stays (the API's cohort: stays admitted in the period).
 * Every figure is about those stays, their tasks and their deviations, so figures of one
 * period add up. UK days are counted as in the betalningsansvar report (Swedish calendar days,
 * zero-day cases included, revoked time paused, discharge, death or transfer ending the count);
 * a stay still utskrivningsklar counts its days so far and is also counted as running.
 */
export interface KpiStay {
  stayId: string;
  events: readonly UkEvent[];
  sevenDayFlag: boolean;
  plannedDischargeDateSet: boolean;
  plannedDischargeDateMoves: number;
  /** Discharged, dead or transferred. */
  ended: boolean;
  readmittedWithin30Days: boolean;
  ukFirstAt: Date | null;
  sipNeeded: boolean;
  sipOffered: boolean;
}

export interface KpiTask {
  stayId: string;
  activityId: string;
  status: 'open' | 'claimed' | 'done' | 'cancelled';
  triggeredAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
}

export interface KpiDeviation {
  category: string;
  unitId: string;
}

export interface Rate {
  /** Cases counted (the denominator). */
  of: number;
  count: number;
  /** count / of, four decimals; null when nothing was counted. */
  share: number | null;
}

const rate = (count: number, of: number): Rate => ({
  of,
  count,
  share: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000,
});

const round2 = (value: number) => Math.round(value * 100) / 100;

export const ukDayBuckets = ['0', '1', '2', '3', '4-7', '>7'] as const;
const bucketOf = (days: number): (typeof ukDayBuckets)[number] =>
  days <= 3 ? (String(days) as '0' | '1' | '2' | '3') : days <= 7 ? '4-7' : '>7';

const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  [...items.reduce((m, i) => m.set(key(i), (m.get(key(i)) ?? 0) + 1), new Map<string, number>())]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/**
 * Whether a task with a deadline was done in time: done by its due time; still open after it
 * is late; open before it, or cancelled, is not counted (undefined).
 */
function taskOnTime(task: KpiTask, dueAt: Date, asOf: Date): boolean | undefined {
  if (task.status === 'cancelled') return undefined;
  if (task.completedAt) return task.completedAt.getTime() <= dueAt.getTime();
  return dueAt.getTime() < asOf.getTime() ? false : undefined;
}

/**
 * SIP kallelse in time: sent by the same Swedish wall-clock time `days` calendar days after
 * UK, the process definition's own rule for "inom 3 kalenderdagar" (so the default agrees
 * with the workflow's sipKallelseOnTime counter).
 */
const kallelseOnTime = (task: KpiTask, ukFirstAt: Date, days: number, asOf: Date) =>
  taskOnTime(task, addStockholmCalendarDays(ukFirstAt, days), asOf);

const onTimeRate = (results: readonly (boolean | undefined)[]) => {
  const counted = results.filter((r): r is boolean => r !== undefined);
  return rate(counted.filter(Boolean).length, counted.length);
};

export function computeKpis(
  input: {
    stays: readonly KpiStay[];
    tasks: readonly KpiTask[];
    deviations: readonly KpiDeviation[];
  },
  rules: ReportRules,
  asOf: Date,
) {
  const { stays, tasks, deviations } = input;
  const uk = stays.flatMap((s) => {
    const { runs } = ukRuns(s.events);
    if (runs.length === 0) return [];
    return [{ stay: s, days: ukCalendarDays(runs, asOf), running: runs.some((r) => !r.end) }];
  });
  const ukTotal = uk.reduce((sum, u) => sum + u.days, 0);
  const withPud = stays.filter((s) => s.plannedDischargeDateSet);
  const moves = withPud.reduce((sum, s) => sum + s.plannedDischargeDateMoves, 0);
  const stayById = new Map(stays.map((s) => [s.stayId, s]));
  const kallelse = tasks
    .filter((t) => t.activityId === 'send-sip-kallelse')
    .map((t) => {
      const ukAt = stayById.get(t.stayId)?.ukFirstAt;
      return ukAt ? kallelseOnTime(t, ukAt, rules.sipKallelseDays, asOf) : undefined;
    });
  const meddelande = tasks
    .filter((t) => t.activityId === 'send-inskrivningsmeddelande')
    .map((t) =>
      taskOnTime(
        t,
        new Date(t.triggeredAt.getTime() + rules.inskrivningsmeddelandeHours * 3_600_000),
        asOf,
      ),
    );
  const activities = [...new Set(tasks.map((t) => t.activityId))].sort().map((activityId) => {
    const own = tasks.filter((t) => t.activityId === activityId);
    return {
      activityId,
      tasks: own.length,
      onTime: onTimeRate(own.map((t) => (t.dueAt ? taskOnTime(t, t.dueAt, asOf) : undefined))),
    };
  });
  const ended = stays.filter((s) => s.ended);
  return {
    stays: stays.length,
    ukDays: {
      stays: uk.length,
      total: ukTotal,
      meanPerStay: uk.length === 0 ? null : round2(ukTotal / uk.length),
      stillRunning: uk.filter((u) => u.running).length,
      distribution: ukDayBuckets.map((bucket) => ({
        bucket,
        stays: uk.filter((u) => bucketOf(u.days) === bucket).length,
      })),
    },
    moreThanSevenDaysAfterUk: rate(
      uk.filter((u) => u.stay.sevenDayFlag || u.days > rules.vgrIndividualAfterDays).length,
      uk.length,
    ),
    plannedDischargeDateMoves: {
      stays: withPud.length,
      moves,
      perStay: withPud.length === 0 ? null : round2(moves / withPud.length),
    },
    sipOffered: rate(
      stays.filter((s) => s.sipNeeded && s.sipOffered).length,
      stays.filter((s) => s.sipNeeded).length,
    ),
    sipKallelseOnTime: { deadlineDays: rules.sipKallelseDays, ...onTimeRate(kallelse) },
    inskrivningsmeddelandeOnTime: {
      deadlineHours: rules.inskrivningsmeddelandeHours,
      ...onTimeRate(meddelande),
    },
    readmissionsWithin30Days: rate(
      ended.filter((s) => s.readmittedWithin30Days).length,
      ended.length,
    ),
    deviations: {
      total: deviations.length,
      byCategory: countBy(deviations, (d) => d.category).map(({ key, count }) => ({
        category: key,
        count,
      })),
      byUnit: countBy(deviations, (d) => d.unitId).map(({ key, count }) => ({
        unitId: key,
        count,
      })),
    },
    activities,
  };
}

export type Kpis = ReturnType<typeof computeKpis>;
