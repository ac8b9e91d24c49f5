import { applicableActivities, findActivity } from '../interpreter/applicable';
import { initialStayFacts } from '../interpreter/facts';
import { computeDueAt, describeDeadline } from '../interpreter/deadlines';
import { validateProcessDefinition } from '../load';
import { processDefinitionV1 as v1 } from './v1';
import { processDefinitionV2 as v2 } from './v2';
import { defined } from '../test-helpers';

const at = (iso: string) => new Date(iso);
const dueIso = (definition: typeof v2, id: string, from: string, overrides = {}) =>
  computeDueAt(defined(findActivity(definition, id), id).deadline, at(from), {
    deadlineOverrides: overrides,
  })?.toISOString();

describe('process definition v2', () => {
  it('is valid and keeps every activity and event type of v1', () => {
    expect(validateProcessDefinition(v2).version).toBe(2);
    expect(v2.version).toBe(2);
    const v2Activities = new Set(v2.activities.map((a) => a.id));
    expect(v1.activities.map((a) => a.id).filter((id) => !v2Activities.has(id))).toEqual([]);
    const v2Events = new Set(v2.eventTypes.map((e) => e.type));
    expect(v1.eventTypes.map((e) => e.type).filter((t) => !v2Events.has(t))).toEqual([]);
  });

  describe('rule 1: "omgående" gives a unit that acts promptly time to do it', () => {
    // The UK notice, the changed PUD and the revoked UK are to be sent "omgående": v1 made
    // them late the instant they opened, so every UK gave a "försenad aktivitet" deviation.
    it.each([
      'send-utskrivningsklar',
      'communicate-changed-pud',
      'notify-utskrivningsklar-revoked',
    ])('%s is due within the hour of its trigger (v1: at the trigger)', (id) => {
      expect(dueIso(v1, id, '2026-12-04T15:10:00Z')).toBe('2026-12-04T15:10:00.000Z');
      expect(dueIso(v2, id, '2026-12-04T15:10:00Z')).toBe('2026-12-04T16:10:00.000Z');
      expect(describeDeadline(defined(findActivity(v2, id)).deadline)).toBe(
        'omgående (inom 1 timme)',
      );
    });

    it('no task a person performs is due at the instant it opens', () => {
      const instant = v2.activities.filter(
        (a) =>
          a.performerUnit !== 'system' &&
          a.deadline.kind === 'immediately' &&
          a.deadline.allowance === undefined,
      );
      expect(instant.map((a) => a.id)).toEqual([]);
    });

    it('a deployment can agree on "the same working day" for every omgående deadline at once', () => {
      const sameWorkingDay = {
        omgaende: { kind: 'immediately', allowance: { kind: 'same-day', workingDay: true } },
      };
      // UK on Friday 4 December 2026 at 16:10 Stockholm: due at the end of that Friday.
      for (const id of ['send-utskrivningsklar', 'communicate-changed-pud'])
        expect(dueIso(v2, id, '2026-12-04T15:10:00Z', sameWorkingDay)).toBe(
          '2026-12-04T22:59:59.999Z',
        );
      // Revoked on Saturday: due at the end of Monday.
      expect(
        dueIso(v2, 'notify-utskrivningsklar-revoked', '2026-12-05T09:00:00Z', sameWorkingDay),
      ).toBe('2026-12-07T22:59:59.999Z');
    });
  });

  describe('rule 2: inskrivningsmeddelande from admission, or from a later assessment', () => {
    const admittedAt = '2026-03-10T08:00:00.000Z';
    const hoursAfter = (h: number) => new Date(Date.parse(admittedAt) + h * 3_600_000);
    const due = (definition: typeof v2, assessedAfterHours: number) =>
      computeDueAt(
        defined(findActivity(definition, 'send-inskrivningsmeddelande')).deadline,
        hoursAfter(assessedAfterHours),
        { eventTimes: { admitted: admittedAt } },
      )?.toISOString();
    it.each([
      // the law: within 24 hours of admission when the assessment is made at admission …
      ['assessed 2 h after admission', 2, hoursAfter(24)],
      ['assessed 10 h after admission (a message at 34 h is late)', 10, hoursAfter(24)],
      ['assessed at the 24th hour, still at admission', 24, hoursAfter(24)],
      // … within 24 hours of the assessment when it is made later in the stay
      ['assessed 30 h after admission', 30, hoursAfter(54)],
      ['assessed on day 5', 96, hoursAfter(120)],
    ])('%s', (_name, assessedAfter, expected) => {
      expect(due(v2, assessedAfter)).toBe(expected.toISOString());
    });
    it('v1 counted 24 hours from the assessment, always', () => {
      expect(due(v1, 10)).toBe(hoursAfter(34).toISOString());
    });
    it('says what it is and where it comes from', () => {
      const a = defined(findActivity(v2, 'send-inskrivningsmeddelande'));
      expect(a.source).toBe('law');
      expect(a.deadline.configKey).toBe('inskrivningsmeddelande');
      expect(a.sourceNote).toContain('vårt antagande');
    });
  });

  describe('rule 3: SIP kallelse 3 days from UK, whatever order the steps came in', () => {
    const ukAt = '2026-03-10T09:00:00.000Z';
    const kallelse = (definition: typeof v2, triggeredAt: string) =>
      computeDueAt(
        defined(findActivity(definition, 'send-sip-kallelse')).deadline,
        new Date(triggeredAt),
        { eventTimes: { admitted: '2026-03-01T08:00:00.000Z', utskrivningsklar: ukAt } },
      )?.toISOString();
    it.each([
      ['opened by UK itself', ukAt],
      ['opened by a timing decision a day after UK', '2026-03-11T09:00:00.000Z'],
      ['opened by a timing decision two days after UK', '2026-03-12T15:30:00.000Z'],
    ])('%s: due 3 calendar days after UK', (_name, triggeredAt) => {
      expect(kallelse(v2, triggeredAt)).toBe('2026-03-13T09:00:00.000Z');
    });
    it('v1 moved the due date with a late decision', () => {
      expect(kallelse(v1, '2026-03-12T15:30:00.000Z')).toBe('2026-03-15T15:30:00.000Z');
    });
  });

  describe('rule 12: every trigger can fire', () => {
    it('no activity waits for the completion of an activity that only an event closes', () => {
      const closedByEvent = new Set(
        v2.activities.filter((a) => a.completedBy !== undefined).map((a) => a.id),
      );
      const waiting = v2.activities.flatMap((a) =>
        (a.trigger.kind === 'any-of' ? a.trigger.triggers : [a.trigger])
          .filter((t) => t.kind === 'activity-completed' && closedByEvent.has(t.activity))
          .map(() => a.id),
      );
      expect(waiting).toEqual([]);
    });

    it('consent-information-sharing opens when the needs are assessed', () => {
      const facts = {
        ...initialStayFacts(),
        needs: { kommunalHalsoOchSjukvard: true },
      };
      const opened = applicableActivities(v2, { kind: 'event', event: 'needs-assessed' }, facts);
      expect(opened.map((a) => a.id)).toContain('consent-information-sharing');
      expect(
        applicableActivities(v1, { kind: 'event', event: 'needs-assessed' }, facts).map(
          (a) => a.id,
        ),
      ).not.toContain('consent-information-sharing');
    });
  });
});
