import { computeKpis, type KpiStay, type KpiTask } from './kpi';
import { defaultRules } from './rules';

const at = (iso: string) => new Date(iso);
const base: Omit<KpiStay, 'stayId' | 'events'> = {
  admittedAt: at('2025-03-01T08:00:00Z'),
  sevenDayFlag: false,
  plannedDischargeDateSet: false,
  plannedDischargeDateMoves: 0,
  ended: true,
  readmittedWithin30Days: false,
  ukFirstAt: null,
  sipNeeded: false,
  sipOffered: false,
};
const uk = (from: string, to?: string) => [
  { type: 'utskrivningsklar', occurredAt: at(from) },
  ...(to ? [{ type: 'discharged', occurredAt: at(to) }] : []),
];
const task = (stayId: string, activityId: string, p: Partial<KpiTask>): KpiTask => ({
  stayId,
  activityId,
  status: 'done',
  triggeredAt: at('2025-03-01T08:00:00Z'),
  dueAt: null,
  completedAt: null,
  ...p,
});
const asOf = at('2025-03-20T12:00:00Z');

describe('effect-goal KPIs', () => {
  const stays: KpiStay[] = [
    {
      ...base,
      stayId: 's1',
      events: uk('2025-03-02T08:00:00Z', '2025-03-02T15:00:00Z'),
      ukFirstAt: at('2025-03-02T08:00:00Z'),
      sipNeeded: true,
      sipOffered: true,
      plannedDischargeDateSet: true,
      plannedDischargeDateMoves: 2,
    },
    {
      ...base,
      stayId: 's2',
      events: uk('2025-03-02T08:00:00Z', '2025-03-12T08:00:00Z'),
      ukFirstAt: at('2025-03-02T08:00:00Z'),
      sevenDayFlag: true,
      sipNeeded: true,
      readmittedWithin30Days: true,
      plannedDischargeDateSet: true,
    },
    {
      ...base,
      stayId: 's3',
      events: uk('2025-03-17T08:00:00Z'),
      ukFirstAt: at('2025-03-17T08:00:00Z'),
      ended: false,
    },
    { ...base, stayId: 's4', events: [] },
  ];
  const tasks: KpiTask[] = [
    task('s1', 'send-inskrivningsmeddelande', {
      completedAt: at('2025-03-01T20:00:00Z'),
      dueAt: at('2025-03-02T08:00:00Z'),
    }),
    task('s2', 'send-inskrivningsmeddelande', {
      completedAt: at('2025-03-02T09:00:00Z'),
      dueAt: at('2025-03-02T08:00:00Z'),
    }),
    task('s3', 'send-inskrivningsmeddelande', {
      status: 'open',
      dueAt: at('2025-03-02T08:00:00Z'),
    }),
    task('s4', 'send-inskrivningsmeddelande', {
      status: 'cancelled',
      dueAt: at('2025-03-02T08:00:00Z'),
    }),
    task('s1', 'send-sip-kallelse', {
      triggeredAt: at('2025-03-02T08:00:00Z'),
      completedAt: at('2025-03-04T10:00:00Z'),
      dueAt: at('2025-03-05T22:59:00Z'),
    }),
    task('s2', 'send-sip-kallelse', {
      triggeredAt: at('2025-03-02T08:00:00Z'),
      completedAt: at('2025-03-06T10:00:00Z'),
      dueAt: at('2025-03-05T22:59:00Z'),
    }),
  ];
  const deviations = [
    { category: 'informationsoverforing', unitId: 'sv-a' },
    { category: 'informationsoverforing', unitId: 'kpv-b' },
    { category: 'sen-planering', unitId: 'sv-a' },
  ];

  it('computes every figure', () => {
    const k = computeKpis({ stays, tasks, deviations }, defaultRules, asOf);
    expect(k.stays).toBe(4);
    // 0 + 10 + 3 (running, 17th → 20th) over 3 stays with UK
    expect(k.ukDays).toEqual({
      stays: 3,
      total: 13,
      meanPerStay: 4.33,
      stillRunning: 1,
      distribution: [
        { bucket: '0', stays: 1 },
        { bucket: '1', stays: 0 },
        { bucket: '2', stays: 0 },
        { bucket: '3', stays: 1 },
        { bucket: '4-7', stays: 0 },
        { bucket: '>7', stays: 1 },
      ],
    });
    expect(k.moreThanSevenDaysAfterUk).toEqual({ of: 3, count: 1, share: 0.3333 });
    expect(k.plannedDischargeDateMoves).toEqual({ stays: 2, moves: 2, perStay: 1 });
    expect(k.sipOffered).toEqual({ of: 2, count: 1, share: 0.5 });
    // due 03-05 08:00Z: s1 sent 03-04 10:00 (in time), s2 03-06 10:00 (late)
    expect(k.sipKallelseOnTime).toEqual({ deadlineDays: 3, of: 2, count: 1, share: 0.5 });
    // s1 in time, s2 late, s3 open and late, s4 cancelled (not counted)
    expect(k.inskrivningsmeddelandeOnTime).toEqual({
      deadlineHours: 24,
      of: 3,
      count: 1,
      share: 0.3333,
    });
    expect(k.readmissionsWithin30Days).toEqual({ of: 3, count: 1, share: 0.3333 });
    expect(k.deviations).toEqual({
      total: 3,
      byCategory: [
        { category: 'informationsoverforing', count: 2 },
        { category: 'sen-planering', count: 1 },
      ],
      byUnit: [
        { unitId: 'sv-a', count: 2 },
        { unitId: 'kpv-b', count: 1 },
      ],
    });
    expect(k.activities).toEqual([
      {
        activityId: 'send-inskrivningsmeddelande',
        tasks: 4,
        onTime: { of: 3, count: 1, share: 0.3333 },
      },
      { activityId: 'send-sip-kallelse', tasks: 2, onTime: { of: 2, count: 1, share: 0.5 } },
    ]);
  });

  it.each([
    [1, 0, 0],
    [2, 0, 0],
    [3, 1, 0.5],
    [4, 1, 0.5],
    [5, 2, 1],
  ])('what-if: a SIP kallelse deadline of %i days gives %i in time', (days, count, share) => {
    const k = computeKpis(
      { stays, tasks, deviations },
      { ...defaultRules, sipKallelseDays: days },
      asOf,
    );
    expect(k.sipKallelseOnTime).toEqual({ deadlineDays: days, of: 2, count, share });
  });

  // Issue 14, rule 3: due 3 days from UK whatever order the steps came in.
  it('counts the SIP kallelse from UK even when the timing was decided after UK', () => {
    const stay: KpiStay = { ...base, stayId: 'late-decision', events: uk('2025-03-02T08:00:00Z') };
    const kallelse = (completedAt: string) =>
      task('late-decision', 'send-sip-kallelse', {
        // opened by decide-sip-timing two days after UK
        triggeredAt: at('2025-03-04T08:00:00Z'),
        completedAt: at(completedAt),
      });
    const rate = (completedAt: string) =>
      computeKpis(
        { stays: [stay], tasks: [kallelse(completedAt)], deviations: [] },
        defaultRules,
        asOf,
      ).sipKallelseOnTime.count;
    expect(rate('2025-03-05T07:59:00Z')).toBe(1); // 3 days after UK
    expect(rate('2025-03-06T08:00:00Z')).toBe(0); // in time only if counted from the decision
  });

  // Issue 14, rule 2: 24 h from admission when assessed at admission, else from the assessment.
  it.each([
    ['assessed at admission, sent 34 h after admission', 10, 34, 0],
    ['assessed at admission, sent 23 h after admission', 2, 23, 1],
    ['assessed later (30 h), sent 20 h after the assessment', 30, 50, 1],
    ['assessed later (30 h), sent 25 h after the assessment', 30, 55, 0],
  ])('inskrivningsmeddelande KPI: %s', (_name, assessedAfter, sentAfter, count) => {
    const admittedAt = at('2025-03-01T08:00:00Z');
    const hoursAfter = (h: number) => new Date(admittedAt.getTime() + h * 3_600_000);
    const k = computeKpis(
      {
        stays: [{ ...base, admittedAt, stayId: 'm', events: [] }],
        tasks: [
          task('m', 'send-inskrivningsmeddelande', {
            triggeredAt: hoursAfter(assessedAfter),
            completedAt: hoursAfter(sentAfter),
          }),
        ],
        deviations: [],
      },
      defaultRules,
      asOf,
    );
    expect(k.inskrivningsmeddelandeOnTime).toMatchObject({ of: 1, count });
  });

  it('has no shares without cases', () => {
    const k = computeKpis({ stays: [], tasks: [], deviations: [] }, defaultRules, asOf);
    expect(k.ukDays.meanPerStay).toBeNull();
    expect(k.sipOffered).toEqual({ of: 0, count: 0, share: null });
  });
});
