import {
  computeDueAt,
  currentProcessDefinitionVersion,
  findActivity,
  findProcessDefinition,
  type DeadlineRule,
} from '@app/process-definition/interpreter';
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
  admittedAt: Date;
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
 * The current process definition's deadline of an activity, with the what-if's amount: the
 * KPI judges every stay by the rule the law and the agreement set (v2), the same function
 * the workflow computes task due times with, so the task list and the KPI agree.
 */
function currentRule(activityId: string, amount: number): DeadlineRule {
  const definition = findProcessDefinition(currentProcessDefinitionVersion);
  const rule = definition && findActivity(definition, activityId)?.deadline;
  if (rule?.kind !== 'duration') throw new Error(`${activityId} has no duration deadline`);
  return { ...rule, amount };
}

/**
 * SIP kallelse in time: by the same Swedish wall-clock time `days` calendar days after the UK
 * judgement the kallelse followed (the latest UK before the task opened), in whatever order
 * the steps came.
 */
function kallelseOnTime(task: KpiTask, stay: KpiStay, days: number, asOf: Date) {
  const ukAt = ukRuns(stay.events)
    .runs.map((r) => r.start)
    .filter((start) => start.getTime() <= task.triggeredAt.getTime())
    .at(-1);
  if (!ukAt) return undefined;
  const due = computeDueAt(currentRule('send-sip-kallelse', days), task.triggeredAt, {
    eventTimes: { utskrivningsklar: ukAt.toISOString() },
  });
  return due ? taskOnTime(task, due, asOf) : undefined;
}

/**
 * Inskrivningsmeddelande in time: `hours` from admission when the needs were assessed at
 * admission, from the assessment when it came later (the definition's rule).
 */
function meddelandeOnTime(task: KpiTask, stay: KpiStay, hours: number, asOf: Date) {
  const due = computeDueAt(currentRule('send-inskrivningsmeddelande', hours), task.triggeredAt, {
    eventTimes: { admitted: stay.admittedAt.toISOString() },
  });
  return due ? taskOnTime(task, due, asOf) : undefined;
}

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
      const stay = stayById.get(t.stayId);
      return stay ? kallelseOnTime(t, stay, rules.sipKallelseDays, asOf) : undefined;
    });
  const meddelande = tasks
    .filter((t) => t.activityId === 'send-inskrivningsmeddelande')
    .map((t) => {
      const stay = stayById.get(t.stayId);
      return stay ? meddelandeOnTime(t, stay, rules.inskrivningsmeddelandeHours, asOf) : undefined;
    });
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
