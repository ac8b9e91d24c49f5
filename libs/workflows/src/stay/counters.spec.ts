import {
  betalningsansvarPreconditions,
  countCompletion,
  countEvent,
  emptyCounters,
  raiseSevenDayFlag,
  sevenDayFlagDueAt,
  ukElapsedMs,
} from './counters';
import type { TaskState } from './types';

const DAY = 86_400_000;
const at = (day: number, hour = 8) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
const ev = (type: string, day: number, data: Record<string, unknown> = {}) => ({
  type,
  occurredAt: at(day),
  data,
});

function task(activityId: string, dueDay: number, doneDay: number, outcome?: string): TaskState {
  return {
    id: 't',
    stayId: 's',
    activityId,
    unitId: 'u',
    lane: 'slutenvard',
    status: 'done',
    triggeredAt: at(1),
    dueAt: at(dueDay),
    completedAt: at(doneDay),
    overdue: false,
    version: 2,
    ...(outcome ? { outcome } : {}),
  };
}

describe('stay counters', () => {
  it('counts UK time from the judgement to discharge, pausing while revoked', () => {
    const c = emptyCounters();
    countEvent(c, ev('utskrivningsklar', 2)); // day 2
    countEvent(c, ev('utskrivningsklar-revoked', 4)); // 2 days
    expect(ukElapsedMs(c, new Date(at(10)))).toBe(2 * DAY); // paused
    countEvent(c, ev('utskrivningsklar', 6));
    countEvent(c, ev('discharged', 7, { destination: 'home' })); // +1 day
    expect(ukElapsedMs(c, new Date(at(20)))).toBe(3 * DAY);
    expect(c).toMatchObject({ ukFirstAt: at(2), ukEndedAt: at(7), ukRevocations: 1 });
  });

  it('counts a zero-day UK stay and ignores a repeated UK judgement', () => {
    const c = emptyCounters();
    countEvent(c, ev('utskrivningsklar', 2));
    expect(countEvent(c, ev('utskrivningsklar', 2))).toBe(false);
    countEvent(c, ev('discharged', 2, { destination: 'home' }));
    expect(ukElapsedMs(c, new Date(at(9)))).toBe(0);
  });

  it('raises the 7-day flag only after 7 full calendar days of UK time', () => {
    const c = emptyCounters();
    countEvent(c, ev('utskrivningsklar', 1));
    expect(sevenDayFlagDueAt(c)).toBe(Date.parse(at(8)));
    expect(raiseSevenDayFlag(c, new Date(at(8)))).toBe(false);
    expect(raiseSevenDayFlag(c, new Date(Date.parse(at(8)) + 1))).toBe(true);
    expect(sevenDayFlagDueAt(c)).toBeUndefined();
  });

  it('lowers the flag when a discharge registered late shows UK lasted less than 7 days', () => {
    const c = emptyCounters();
    countEvent(c, ev('utskrivningsklar', 1));
    raiseSevenDayFlag(c, new Date(at(20))); // registered long after the fact
    expect(c.sevenDayFlag).toBe(true);
    countEvent(c, ev('discharged', 4, { destination: 'home' }));
    expect(c.sevenDayFlag).toBe(false);
  });

  it('counts moves of the planned UK date, not its first setting', () => {
    const c = emptyCounters();
    countEvent(c, ev('planned-discharge-date-set', 1, { date: '2026-11-10' }));
    countEvent(c, ev('planned-discharge-date-changed', 3, { date: '2026-11-12' }));
    expect(countEvent(c, ev('planned-discharge-date-changed', 4, { date: '2026-11-12' }))).toBe(
      false,
    );
    countEvent(c, ev('planned-discharge-date-changed', 5, { date: '2026-11-14' }));
    expect(c).toMatchObject({ plannedDischargeDate: '2026-11-14', plannedDischargeDateMoves: 2 });
  });

  it('records timeliness, SIP and the betalningsansvar preconditions', () => {
    const c = emptyCounters();
    expect(betalningsansvarPreconditions(c).met).toBe(false);
    countCompletion(c, task('send-inskrivningsmeddelande', 2, 3)); // late
    countCompletion(c, task('send-utskrivningsklar', 5, 5));
    expect(betalningsansvarPreconditions(c).met).toBe(true); // no SIP need known
    countCompletion(c, task('identify-sip-need', 5, 5, 'confirmed'));
    expect(betalningsansvarPreconditions(c)).toMatchObject({ sipKallelse: false, met: false });
    countCompletion(c, task('offer-sip', 6, 6, 'accepted'));
    countCompletion(c, task('send-sip-kallelse', 8, 7));
    expect(c).toMatchObject({
      inskrivningsmeddelandeOnTime: false,
      sipOffered: true,
      sipResponse: 'accepted',
      sipKallelseOnTime: true,
    });
    expect(betalningsansvarPreconditions(c).met).toBe(true);
  });
});
