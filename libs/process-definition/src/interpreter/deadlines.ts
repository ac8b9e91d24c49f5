import type { Allowance, DeadlineRule, DurationFrom } from '../model';
import {
  addStockholmCalendarDays,
  addStockholmWorkingDays,
  endOfStockholmDay,
  endOfStockholmWorkingDay,
  type CalendarOptions,
} from './calendar';

const HOUR_MS = 3_600_000;

export interface DeadlineOptions {
  calendar?: CalendarOptions;
  /**
   * Replacement rules by configKey (deployment configuration). The workflow must pass the
   * same overrides on replay, e.g. by capturing them in the workflow input.
   */
  deadlineOverrides?: Readonly<Record<string, DeadlineRule>>;
  /** When each event of the stay last happened (occurredAt), for durations counted `from` one. */
  eventTimes?: Readonly<Record<string, string>>;
}

/**
 * Where a duration counts from: the trigger, or the latest occurrence of the rule's `from`
 * event when it happened before the trigger (and, with ifTriggerWithinHours, not longer
 * before it than that).
 */
export function durationStart(
  from: DurationFrom | undefined,
  occurredAt: Date,
  eventTimes: Readonly<Record<string, string>> = {},
): Date {
  const at = from ? eventTimes[from.event] : undefined;
  if (!from || at === undefined) return occurredAt;
  const anchor = new Date(at);
  const before = occurredAt.getTime() - anchor.getTime();
  if (Number.isNaN(before) || before < 0) return occurredAt;
  if (from.ifTriggerWithinHours !== undefined && before > from.ifTriggerWithinHours * HOUR_MS)
    return occurredAt;
  return anchor;
}

/** The rule that applies after deployment overrides. */
export function effectiveDeadlineRule(
  rule: DeadlineRule,
  options: DeadlineOptions = {},
): DeadlineRule {
  const override = rule.configKey ? options.deadlineOverrides?.[rule.configKey] : undefined;
  return override ?? rule;
}

/**
 * The absolute due time of an activity, computed from when its trigger happened
 * (occurredAt), never from when the trigger was registered, nor from "now".
 * A duration counts from the trigger, or from an earlier event of the stay (`from`).
 * - hours: elapsed time (24 hours over a DST change is 24 real hours);
 * - calendar-days: the same Stockholm wall-clock time N days later;
 * - working-days: the same wall-clock time N Swedish working days later;
 * - same-day: end of the Stockholm calendar day (of the working day, with workingDay);
 * - immediately: the trigger's instant, or the end of its allowance when it has one.
 * Returns undefined for rules without a fixed time ("before discharge", "before event", none).
 */
export function computeDueAt(
  rule: DeadlineRule,
  occurredAt: Date,
  options: DeadlineOptions = {},
): Date | undefined {
  const effective = effectiveDeadlineRule(rule, options);
  switch (effective.kind) {
    case 'duration': {
      const start = durationStart(effective.from, occurredAt, options.eventTimes);
      switch (effective.unit) {
        case 'hours':
          return new Date(start.getTime() + effective.amount * HOUR_MS);
        case 'calendar-days':
          return addStockholmCalendarDays(start, effective.amount);
        case 'working-days':
          return addStockholmWorkingDays(start, effective.amount, options.calendar);
        default:
          return effective.unit satisfies never;
      }
    }
    case 'immediately':
      return effective.allowance
        ? computeDueAt(effective.allowance, occurredAt, options)
        : new Date(occurredAt.getTime());
    case 'same-day':
      return effective.workingDay
        ? endOfStockholmWorkingDay(occurredAt, options.calendar)
        : endOfStockholmDay(occurredAt);
    case 'before-discharge':
    case 'before-event':
    case 'none':
      return undefined;
    default:
      return effective satisfies never;
  }
}

/** The event before which the activity must be done, for rules without a fixed time. */
export function dueBeforeEvent(
  rule: DeadlineRule,
  options: DeadlineOptions = {},
): string | undefined {
  const effective = effectiveDeadlineRule(rule, options);
  if (effective.kind === 'before-discharge') return 'discharged';
  if (effective.kind === 'before-event') return effective.event;
  return undefined;
}

/** Swedish text for a deadline rule (UI and generated documentation). */
export function describeDeadline(rule: DeadlineRule, eventTitle = (e: string) => e): string {
  switch (rule.kind) {
    case 'duration': {
      const unit =
        rule.unit === 'hours'
          ? rule.amount === 1
            ? 'timme'
            : 'timmar'
          : rule.unit === 'calendar-days'
            ? rule.amount === 1
              ? 'kalenderdag'
              : 'kalenderdagar'
            : rule.amount === 1
              ? 'arbetsdag'
              : 'arbetsdagar';
      const within = `inom ${rule.amount} ${unit}`;
      if (!rule.from) return within;
      const from = `${within} från: ${eventTitle(rule.from.event)}`;
      return rule.from.ifTriggerWithinHours === undefined
        ? from
        : `${from}, om utlösande händelse skedde inom ${rule.from.ifTriggerWithinHours} timmar därefter (annars från den)`;
    }
    case 'immediately':
      return rule.allowance ? `omgående (${describeAllowance(rule.allowance)})` : 'omgående';
    case 'same-day':
      return rule.workingDay ? 'samma arbetsdag' : 'samma dag';
    case 'before-discharge':
      return 'före utskrivning';
    case 'before-event':
      return `före: ${eventTitle(rule.event)}`;
    case 'none':
      return 'ingen fast tidsfrist';
    default:
      return rule satisfies never;
  }
}

function describeAllowance(allowance: Allowance): string {
  return allowance.kind === 'duration'
    ? describeDeadline(allowance)
    : describeDeadline({ kind: 'same-day', ...(allowance.workingDay ? { workingDay: true } : {}) });
}
