import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AppError } from '@app/domain';
import { ReportRepository } from '@app/persistence';
import {
  betalningsansvarReport,
  dailyAmountFor,
  defaultRules,
  freezesAt,
  isFrozen,
  monthBounds,
  parseDailyAmounts,
  swedishMonth,
  ukCalendarDays,
  ukRuns,
  type BillingStayInput,
  type DailyAmount,
  type ReportRules,
} from '@app/reporting';
import {
  betalningsansvarResponseSchema,
  type BetalningsansvarResponse,
  type CorrectionRequest,
} from './reports.schemas';

type BillingStayRecord = NonNullable<Awaited<ReturnType<ReportRepository['findBillingStay']>>>;
type CorrectionRecord = Awaited<ReturnType<ReportRepository['corrections']>>[number];

const presentCorrection = (c: CorrectionRecord) => ({
  id: c.id,
  ukDays: c.ukDays,
  reason: c.reason,
  correctedBy: c.correctedBy,
  correctedAt: c.correctedAt.toISOString(),
});

/** The monthly betalningsansvar report (rules in libs/reporting) and its corrections. */
@Injectable()
export class ReportsService {
  private readonly dailyAmounts: readonly DailyAmount[];

  constructor(
    private readonly reports: ReportRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dailyAmounts = parseDailyAmounts(config.BETALNINGSANSVAR_DAILY_AMOUNTS);
  }

  /**
   * The month's report. Once the month has frozen, the figures are those stored at the first
   * read after the freeze (all kommuner), so late registrations no longer change them; a
   * what-if (`rules` given) always recomputes from the recorded stays.
   */
  async betalningsansvar(
    month: string,
    kommunCode: string | undefined,
    now: Date,
    rules?: ReportRules,
  ): Promise<BetalningsansvarResponse> {
    if (rules || !isFrozen(month, now))
      return this.compute(month, kommunCode, now, rules ?? defaultRules);
    const stored =
      (await this.reports.snapshot(month)) ??
      (await this.reports.freeze(month, await this.compute(month, undefined, now, defaultRules)));
    return ofKommun(betalningsansvarResponseSchema.parse(stored), kommunCode);
  }

  private async compute(
    month: string,
    kommunCode: string | undefined,
    now: Date,
    rules: ReportRules,
  ): Promise<BetalningsansvarResponse> {
    const daily = dailyAmountFor(Number(month.slice(0, 4)), this.dailyAmounts);
    if (!daily)
      throw AppError.unprocessable('No daily amount is configured for that year', [
        { field: 'query.month', reason: 'is before the first year with a configured daily amount' },
      ]);
    const { start, end } = monthBounds(month);
    const stays = await this.reports.staysWithUkEndedBetween(start, end, kommunCode);
    const corrections = await this.reports.corrections(stays.map((s) => s.id));
    const byStay = new Map<string, CorrectionRecord[]>();
    for (const c of corrections) byStay.set(c.stayId, [...(byStay.get(c.stayId) ?? []), c]);
    const report = betalningsansvarReport(
      stays.map((s) => billingInput(s, byStay.get(s.id)?.[0])),
      month,
      rules,
      daily,
    );
    return {
      month,
      kommun: kommunCode ?? null,
      dailyAmount: daily,
      freezesAt: freezesAt(month).toISOString(),
      frozen: isFrozen(month, now),
      kommuner: report.kommuner,
      stays: report.stays.map(({ correction: _latest, ...row }) => ({
        ...row,
        endedAt: row.endedAt.toISOString(),
        corrections: (byStay.get(row.stayId) ?? []).map(presentCorrection),
      })),
    };
  }

  /**
   * Corrects a stay's UK days for the month its UK count ended in, until that month freezes
   * (then 409). The correction is kept with who made it and why; the latest one counts.
   */
  async correct(request: CorrectionRequest, userId: string, now: Date) {
    const stay = await this.reports.findBillingStay(request.stayId);
    if (!stay) throw AppError.notFound('No such stay');
    const { runs, end } = ukRuns(stay.events);
    if (!end || runs.length === 0)
      throw AppError.unprocessable('The stay has no ended UK count to correct', [
        {
          field: 'body.stayId',
          reason: 'the stay was never utskrivningsklar, or is still in hospital',
        },
      ]);
    const month = swedishMonth(end.at);
    if (isFrozen(month, now))
      throw AppError.conflict(
        `The figures for ${month} froze at ${freezesAt(month).toISOString()}; corrections are closed`,
      );
    const saved = await this.reports.addCorrection({
      id: crypto.randomUUID(),
      stayId: stay.id,
      month,
      ukDays: request.ukDays,
      reason: request.reason,
      correctedBy: userId,
    });
    return {
      ...presentCorrection(saved),
      stayId: stay.id,
      month,
      computedUkDays: ukCalendarDays(runs, end.at),
      freezesAt: freezesAt(month).toISOString(),
    };
  }
}

/** A report narrowed to one kommun (or all of it). */
function ofKommun(report: BetalningsansvarResponse, kommunCode: string | undefined) {
  if (!kommunCode) return report;
  return {
    ...report,
    kommun: kommunCode,
    kommuner: report.kommuner.filter((k) => k.kommunCode === kommunCode),
    stays: report.stays.filter((s) => s.kommunCode === kommunCode),
  };
}

function billingInput(stay: BillingStayRecord, latest?: CorrectionRecord): BillingStayInput {
  const c = stay.counters;
  return {
    stayId: stay.id,
    kommunCode: stay.kommunCode,
    events: stay.events,
    inskrivningsmeddelandeSent: c.inskrivningsmeddelandeSentAt !== undefined,
    ukNoticeSentAt: c.ukNoticeSentAt ? new Date(c.ukNoticeSentAt) : null,
    sipNeeded: c.sipNeeded === true,
    sipKallelseSent: c.sipKallelseSentAt !== undefined,
    ...(latest
      ? {
          correction: {
            ukDays: latest.ukDays,
            reason: latest.reason,
            correctedBy: latest.correctedBy,
            correctedAt: latest.correctedAt,
          },
        }
      : {}),
  };
}
