import fc from 'fast-check';
import type { DeadlineRule } from '../model';
import { isStockholmWorkingDay, stockholmDateKey } from './calendar';
import { computeDueAt, describeDeadline } from './deadlines';
import { defined } from '../test-helpers';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const due = (rule: DeadlineRule, iso: string) => computeDueAt(rule, at(iso))?.toISOString();
const stockholmTime = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(d);

const days = (amount: number): DeadlineRule => ({
  kind: 'duration',
  amount,
  unit: 'calendar-days',
});
const workdays = (amount: number): DeadlineRule => ({
  kind: 'duration',
  amount,
  unit: 'working-days',
});

/** Instants 2019–2032, biased towards DST changes, holidays and month/year ends. */
const interesting = [
  '2026-03-29T00:59:59Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T00:30:00Z',
  '2026-10-25T01:30:00Z',
  '2026-06-18T22:00:00Z',
  '2026-12-23T23:00:00Z',
  '2026-12-31T22:59:59.999Z',
  '2027-02-28T23:00:00Z',
  '2028-02-29T12:00:00Z',
  '2025-04-17T21:59:00Z',
].map((s) => at(s).getTime());
const instant = fc
  .oneof(
    fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2032, 11, 31) }),
    fc
      .tuple(fc.constantFrom(...interesting), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }))
      .map(([base, offset]) => base + offset),
  )
  .map((ms) => new Date(ms));
const rule = fc.oneof(
  fc
    .integer({ min: 1, max: 200 })
    .map((n): DeadlineRule => ({ kind: 'duration', amount: n, unit: 'hours' })),
  fc.integer({ min: 1, max: 40 }).map(days),
  fc.integer({ min: 1, max: 25 }).map(workdays),
  fc.boolean().map((workingDay): DeadlineRule => ({ kind: 'same-day', workingDay })),
  fc.constant<DeadlineRule>({ kind: 'immediately' }),
  fc.integer({ min: 1, max: 24 }).map((n): DeadlineRule => ({
    kind: 'immediately',
    allowance: { kind: 'duration', amount: n, unit: 'hours' },
  })),
);

describe('computeDueAt examples', () => {
  it.each<[string, DeadlineRule, string, string | undefined]>([
    [
      '24 h over spring DST is 24 real hours',
      { kind: 'duration', amount: 24, unit: 'hours' },
      '2026-03-28T10:00:00Z',
      '2026-03-29T10:00:00.000Z',
    ],
    [
      '1 calendar day over spring DST keeps 11:00',
      days(1),
      '2026-03-28T10:00:00Z',
      '2026-03-29T09:00:00.000Z',
    ],
    [
      '1 calendar day over autumn DST keeps 11:00',
      days(1),
      '2026-10-24T09:00:00Z',
      '2026-10-25T10:00:00.000Z',
    ],
    [
      'calendar day into the skipped hour gives 03:00',
      days(1),
      '2026-03-28T01:30:00Z',
      '2026-03-29T01:00:00.000Z',
    ],
    [
      'calendar day into the repeated hour gives the first 02:30',
      days(1),
      '2026-10-24T00:30:00Z',
      '2026-10-25T00:30:00.000Z',
    ],
    [
      'second pass of the repeated hour counts as 03:00',
      days(1),
      '2026-10-25T01:30:00Z',
      '2026-10-26T02:00:00.000Z',
    ],
    [
      '3 calendar days over a month end',
      days(3),
      '2026-01-30T08:00:00Z',
      '2026-02-02T08:00:00.000Z',
    ],
    [
      '3 calendar days over a year end',
      days(3),
      '2026-12-30T12:00:00Z',
      '2027-01-02T12:00:00.000Z',
    ],
    ['leap day', days(1), '2028-02-28T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    [
      'Friday + 1 working day is Monday',
      workdays(1),
      '2026-01-09T09:00:00Z',
      '2026-01-12T09:00:00.000Z',
    ],
    [
      'Saturday + 1 working day is end of Monday',
      workdays(1),
      '2026-01-10T09:00:00Z',
      '2026-01-12T23:00:00.000Z',
    ],
    [
      'skips Easter (långfredag, annandag påsk)',
      workdays(1),
      '2026-04-02T08:00:00Z',
      '2026-04-07T08:00:00.000Z',
    ],
    [
      'skips midsommarafton by default',
      workdays(1),
      '2026-06-18T08:00:00Z',
      '2026-06-22T08:00:00.000Z',
    ],
    [
      'skips julafton, juldagen, annandag jul',
      workdays(1),
      '2026-12-23T08:00:00Z',
      '2026-12-28T08:00:00.000Z',
    ],
    [
      'skips nyårsafton and nyårsdagen',
      workdays(1),
      '2026-12-30T08:00:00Z',
      '2027-01-04T08:00:00.000Z',
    ],
    [
      'same day ends 23:59:59.999 Stockholm (winter)',
      { kind: 'same-day' },
      '2026-01-15T08:00:00Z',
      '2026-01-15T22:59:59.999Z',
    ],
    [
      'same day ends 23:59:59.999 Stockholm (summer)',
      { kind: 'same-day' },
      '2026-07-15T22:30:00Z',
      '2026-07-16T21:59:59.999Z',
    ],
    [
      'same working day on a Sunday is end of Monday',
      { kind: 'same-day', workingDay: true },
      '2026-01-11T10:00:00Z',
      '2026-01-12T22:59:59.999Z',
    ],
    ['immediately', { kind: 'immediately' }, '2026-01-11T10:00:00Z', '2026-01-11T10:00:00.000Z'],
    [
      'omgående within the hour is an hour after the trigger',
      { kind: 'immediately', allowance: { kind: 'duration', amount: 1, unit: 'hours' } },
      '2026-01-09T16:30:00Z',
      '2026-01-09T17:30:00.000Z',
    ],
    [
      'omgående the same working day, triggered on a Saturday, ends with Monday',
      { kind: 'immediately', allowance: { kind: 'same-day', workingDay: true } },
      '2026-01-10T10:00:00Z',
      '2026-01-12T22:59:59.999Z',
    ],
    [
      'before discharge has no fixed time',
      { kind: 'before-discharge' },
      '2026-01-11T10:00:00Z',
      undefined,
    ],
    [
      'before event has no fixed time',
      { kind: 'before-event', event: 'utskrivningsklar' },
      '2026-01-11T10:00:00Z',
      undefined,
    ],
    ['none', { kind: 'none' }, '2026-01-11T10:00:00Z', undefined],
  ])('%s', (_name, r, from, expected) => {
    expect(due(r, from)).toBe(expected);
  });

  it('can count midsommarafton as a working day', () => {
    const result = computeDueAt(workdays(1), at('2026-06-18T08:00:00Z'), {
      calendar: { deFactoHolidaysAreNonWorking: false },
    });
    expect(result?.toISOString()).toBe('2026-06-19T08:00:00.000Z');
  });

  it('applies a deployment override by configKey', () => {
    const sip: DeadlineRule = {
      kind: 'duration',
      amount: 3,
      unit: 'calendar-days',
      configKey: 'sip-kallelse',
    };
    const result = computeDueAt(sip, at('2026-01-09T09:00:00Z'), {
      deadlineOverrides: { 'sip-kallelse': workdays(3) },
    });
    expect(result?.toISOString()).toBe('2026-01-14T09:00:00.000Z');
  });

  it('describes rules in Swedish', () => {
    expect(describeDeadline(days(3))).toBe('inom 3 kalenderdagar');
    expect(describeDeadline(workdays(1))).toBe('inom 1 arbetsdag');
    expect(describeDeadline({ kind: 'same-day', workingDay: true })).toBe('samma arbetsdag');
    expect(
      describeDeadline({
        kind: 'immediately',
        allowance: { kind: 'duration', amount: 1, unit: 'hours' },
      }),
    ).toBe('omgående (inom 1 timme)');
    expect(
      describeDeadline({ kind: 'immediately', allowance: { kind: 'same-day', workingDay: true } }),
    ).toBe('omgående (samma arbetsdag)');
  });
});

describe('computeDueAt properties', () => {
  it('is retroactive: depends only on occurredAt, and a past trigger gives a past due time', () => {
    fc.assert(
      fc.property(
        rule,
        instant,
        fc.integer({ min: 0, max: 10_000 }),
        (r, occurredAt, laterDays) => {
          const first = computeDueAt(r, occurredAt);
          const again = computeDueAt(r, new Date(occurredAt.getTime()));
          expect(again?.getTime()).toBe(first?.getTime());
          const now = occurredAt.getTime() + (laterDays + 400) * 86_400_000;
          if (first) expect(first.getTime()).toBeLessThan(now);
        },
      ),
    );
  });

  it('is never before occurredAt', () => {
    fc.assert(
      fc.property(rule, instant, (r, occurredAt) => {
        expect(defined(computeDueAt(r, occurredAt)).getTime()).toBeGreaterThanOrEqual(
          occurredAt.getTime(),
        );
      }),
    );
  });

  it('is monotone in occurredAt', () => {
    fc.assert(
      fc.property(rule, instant, fc.integer({ min: 0, max: 4 * 86_400_000 }), (r, a, delta) => {
        const b = new Date(a.getTime() + delta);
        expect(defined(computeDueAt(r, b)).getTime()).toBeGreaterThanOrEqual(
          defined(computeDueAt(r, a)).getTime(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('is monotone in the amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('hours', 'calendar-days', 'working-days' as const),
        fc.integer({ min: 1, max: 30 }),
        instant,
        (unit, n, a) => {
          const shorter = defined(computeDueAt({ kind: 'duration', amount: n, unit }, a));
          const longer = defined(computeDueAt({ kind: 'duration', amount: n + 1, unit }, a));
          expect(longer.getTime()).toBeGreaterThan(shorter.getTime());
        },
      ),
    );
  });

  it('keeps the Stockholm wall-clock time for calendar days (outside DST gaps and overlaps)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), instant, (n, a) => {
        const result = defined(computeDueAt(days(n), a));
        const hour = Number(stockholmTime(a).slice(0, 2));
        fc.pre(hour !== 2); // 02:xx may not exist or be ambiguous on DST days
        expect(stockholmTime(result)).toBe(stockholmTime(a));
        const elapsedDays = Math.round((result.getTime() - a.getTime()) / 86_400_000);
        expect(elapsedDays).toBe(n);
      }),
    );
  });

  it('lands working-day results on working days, never on a weekend or public holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), instant, fc.boolean(), (n, a, deFacto) => {
        const calendar = { deFactoHolidaysAreNonWorking: deFacto };
        const result = defined(computeDueAt(workdays(n), a, { calendar }));
        expect(isStockholmWorkingDay(stockholmDateKey(result), calendar)).toBe(true);
        const sameDay = defined(
          computeDueAt({ kind: 'same-day', workingDay: true }, a, { calendar }),
        );
        expect(isStockholmWorkingDay(stockholmDateKey(sameDay), calendar)).toBe(true);
      }),
    );
  });

  it('ends same-day rules on the Stockholm day of occurredAt', () => {
    fc.assert(
      fc.property(instant, (a) => {
        const result = defined(computeDueAt({ kind: 'same-day' }, a));
        expect(stockholmDateKey(result)).toBe(stockholmDateKey(a));
        expect(stockholmDateKey(new Date(result.getTime() + 1))).not.toBe(stockholmDateKey(a));
      }),
    );
  });
});
