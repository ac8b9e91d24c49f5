import type { Allowance, DeadlineRule } from '../model';
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
    case 'duration':
      switch (effective.unit) {
        case 'hours':
          return new Date(occurredAt.getTime() + effective.amount * HOUR_MS);
        case 'calendar-days':
          return addStockholmCalendarDays(occurredAt, effective.amount);
        case 'working-days':
          return addStockholmWorkingDays(occurredAt, effective.amount, options.calendar);
        default:
          return effective.unit satisfies never;
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
      return `inom ${rule.amount} ${unit}`;
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
