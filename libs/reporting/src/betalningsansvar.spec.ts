import { betalningsansvarReport, type BillingStayInput } from './betalningsansvar';
import { defaultRules, type AppliedDailyAmount } from './rules';

const daily: AppliedDailyAmount = { year: 2025, amountSek: 9300, setForYear: 2022, note: '' };
const at = (iso: string) => new Date(iso);
const met = { inskrivningsmeddelandeSent: true, sipNeeded: false, sipKallelseSent: false };

/** A stay UK at 08:00 UTC on `ukDay` and ended at 12:00 UTC on `endDay` (both in 2025). */
function stay(
  id: string,
  kommunCode: string,
  uk: string,
  endDay: string,
  overrides: Partial<BillingStayInput> = {},
  end = 'discharged',
): BillingStayInput {
  return {
    stayId: id,
    kommunCode,
    events: [
      { type: 'utskrivningsklar', occurredAt: at(`2025-${uk}T08:00:00Z`) },
      { type: end, occurredAt: at(`2025-${endDay}T12:00:00Z`) },
    ],
    ukNoticeSentAt: at(`2025-${uk}T09:00:00Z`),
    ...met,
    ...overrides,
  };
}

describe('betalningsansvar for a month', () => {
  const stays = [
    stay('a', '1480', '03-03', '03-03'), // zero-day: 0
    stay('b', '1480', '03-03', '03-08'), // 5 days; national: 03-06..03-08 = 2
    stay('c', '1480', '02-26', '03-04'), // over the month boundary: 6 days in March; national 3
    stay('d', '1480', '03-10', '03-20'), // 10 days: billed individually; national 7
    stay('e', '1480', '03-10', '03-14', { ukNoticeSentAt: null }), // no UK notice: not billable
    stay('f', '1480', '03-10', '03-12', { sipNeeded: true }), // SIP kallelse missing
    stay('g', '1480', '03-25', '04-02'), // ends in April: not in March
    stay('h', '1480', '03-01', '03-05', {}, 'died'), // death ends the count: 4; national 1
    stay('i', '0180', '03-01', '03-06', {}, 'transferred'), // outside VGR: national, 5 → 2
  ];
  const report = betalningsansvarReport(stays, '2025-03', defaultRules, daily);

  it('places each stay in the month its UK count ended, with all its UK days', () => {
    expect(report.stays.map((s) => [s.stayId, s.ukDays, s.billing, s.nationalDays])).toEqual([
      ['a', 0, 'mean', 0],
      ['b', 5, 'mean', 2],
      ['c', 6, 'mean', 3],
      ['d', 10, 'individual', 7],
      ['e', 4, 'not-billable', 0],
      ['f', 2, 'not-billable', 0],
      ['h', 4, 'mean', 1],
      ['i', 5, 'mean', 2],
    ]);
    expect(report.stays.find((s) => s.stayId === 'f')?.preconditions).toEqual({
      inskrivningsmeddelande: true,
      ukNotice: true,
      sipKallelse: false,
    });
  });

  it('bills the VGR mean above 3.0 days and the long cases individually', () => {
    const goteborg = report.kommuner.find((k) => k.kommunCode === '1480');
    // Mean pool a, b, c, h: 0 + 5 + 6 + 4 = 15 days over 4 cases, mean 3.75;
    // excess 15 − 3 × 4 = 3 days × 9 300 kr. Individually: d, 10 × 9 300 kr.
    expect(goteborg).toEqual({
      kommunCode: '1480',
      agreement: 'vgr',
      inGoteborgsomradet: true,
      cases: 7,
      notBillableCases: 2,
      mean: { cases: 4, ukDays: 15, meanUkDays: 3.75, excessDays: 3, amountSek: 27_900 },
      individual: { cases: 1, ukDays: 10, amountSek: 93_000 },
      vgrAmountSek: 120_900,
      national: { days: 13, amountSek: 120_900 },
      amountDueSek: 120_900,
    });
    const stockholm = report.kommuner.find((k) => k.kommunCode === '0180');
    expect(stockholm).toMatchObject({
      agreement: 'national',
      inGoteborgsomradet: false,
      national: { days: 2, amountSek: 18_600 },
      amountDueSek: 18_600,
    });
  });

  it('pays nothing while the mean is at or below 3.0, and takes corrections and what-if rules', () => {
    const low = betalningsansvarReport(
      [stay('a', '1481', '03-03', '03-06')],
      '2025-03',
      defaultRules,
      daily,
    );
    expect(low.kommuner[0]?.mean).toMatchObject({ meanUkDays: 3, excessDays: 0, amountSek: 0 });
    const corrected = betalningsansvarReport(
      [
        stay('a', '1481', '03-03', '03-06', {
          correction: {
            ukDays: 5,
            reason: 'x',
            correctedBy: 'u',
            correctedAt: at('2025-04-01T00:00:00Z'),
          },
        }),
      ],
      '2025-03',
      { ...defaultRules, dailyAmountSek: 1000 },
      daily,
    );
    expect(corrected.stays[0]).toMatchObject({ ukDays: 5, computedUkDays: 3 });
    expect(corrected.kommuner[0]?.mean).toMatchObject({ excessDays: 2, amountSek: 2000 });
  });
});
