import { swedishMonth } from './calendar';
import type { AppliedDailyAmount, ReportRules } from './rules';
import {
  nationalBillableDays,
  ukCalendarDays,
  ukRuns,
  type StayEnd,
  type UkEvent,
} from './uk-days';

/**
 * Betalningsansvar for one month, per folkbokföringskommun.
 *
 * Which stays belong to a month: a stay belongs to the month (Swedish calendar) in which its
 * UK count ended — by discharge, death or transfer — with all its UK days, also those that
 * fell in earlier months. The VGR model is a mean of UK days per *case*, and a case's UK
 * days are known only when it ends; splitting a case across months would count it in two
 * means. Stays still utskrivningsklar at the month's end wait for the month they end in.
 * Zero-day cases (UK and discharge the same day) count, with 0 days; revoked UK time does not.
 *
 * VGR model (kommuner of Västra Götalands län, kommunkod 14xx): cases with more UK days than
 * `vgrIndividualAfterDays` are billed individually for all their UK days and left out of the
 * mean; for the others the kommun pays the days by which the month's mean exceeds
 * `vgrMeanThresholdDays`, times the number of those cases. National default (every kommun,
 * the one that applies outside VGR): each case from the third calendar day after the UK notice.
 *
 * A case counts only when the preconditions hold (inskrivningsmeddelande sent, UK notice
 * sent, SIP kallelse sent where SIP is needed); otherwise it is listed, not billed. A
 * correction replaces the case's UK days (the national days are capped at the corrected days).
 */
export interface BillingStayInput {
  stayId: string;
  kommunCode: string;
  /** The stay's UK-clock events in the order the workflow applied them. */
  events: readonly UkEvent[];
  inskrivningsmeddelandeSent: boolean;
  ukNoticeSentAt: Date | null;
  sipNeeded: boolean;
  sipKallelseSent: boolean;
  correction?: { ukDays: number; reason: string; correctedBy: string; correctedAt: Date };
}

export type Billing = 'mean' | 'individual' | 'not-billable';

export interface BillingStayRow {
  stayId: string;
  kommunCode: string;
  end: StayEnd;
  endedAt: Date;
  ukDays: number;
  computedUkDays: number;
  correction: BillingStayInput['correction'] | null;
  preconditions: { inskrivningsmeddelande: boolean; ukNotice: boolean; sipKallelse: boolean };
  billing: Billing;
  individualAmountSek: number;
  nationalDays: number;
  nationalAmountSek: number;
}

export interface KommunBilling {
  kommunCode: string;
  agreement: 'vgr' | 'national';
  inGoteborgsomradet: boolean;
  cases: number;
  notBillableCases: number;
  mean: {
    cases: number;
    ukDays: number;
    meanUkDays: number;
    excessDays: number;
    amountSek: number;
  };
  individual: { cases: number; ukDays: number; amountSek: number };
  vgrAmountSek: number;
  national: { days: number; amountSek: number };
  /** What the kommun pays under the model that applies to it. */
  amountDueSek: number;
}

export const goteborgsomradetKommuner: ReadonlySet<string> = new Set([
  '1480',
  '1481',
  '1402',
  '1401',
  '1407',
]);

/** Västra Götalands län: kommunkod 14xx. */
export const inVgr = (kommunCode: string) => kommunCode.startsWith('14');

const kr = (value: number) => Math.round(value * 100) / 100;

/** The stay's billing row, or undefined when its UK count did not end in `month`. */
export function billingStay(
  stay: BillingStayInput,
  month: string,
  rules: ReportRules,
  daily: AppliedDailyAmount,
): BillingStayRow | undefined {
  const { runs, end } = ukRuns(stay.events);
  if (!end || runs.length === 0 || swedishMonth(end.at) !== month) return undefined;
  const computedUkDays = ukCalendarDays(runs, end.at);
  const ukDays = stay.correction?.ukDays ?? computedUkDays;
  const preconditions = {
    inskrivningsmeddelande: stay.inskrivningsmeddelandeSent,
    ukNotice: stay.ukNoticeSentAt !== null,
    sipKallelse: !stay.sipNeeded || stay.sipKallelseSent,
  };
  const met =
    preconditions.inskrivningsmeddelande && preconditions.ukNotice && preconditions.sipKallelse;
  const billing: Billing = !met
    ? 'not-billable'
    : ukDays > rules.vgrIndividualAfterDays
      ? 'individual'
      : 'mean';
  const amount = rules.dailyAmountSek ?? daily.amountSek;
  const nationalDays =
    met && stay.ukNoticeSentAt
      ? Math.min(
          ukDays,
          nationalBillableDays(runs, stay.ukNoticeSentAt, end.at, rules.nationalDaysAfterNotice),
        )
      : 0;
  return {
    stayId: stay.stayId,
    kommunCode: stay.kommunCode,
    end: end.type,
    endedAt: end.at,
    ukDays,
    computedUkDays,
    correction: stay.correction ?? null,
    preconditions,
    billing,
    individualAmountSek: billing === 'individual' ? kr(ukDays * amount) : 0,
    nationalDays,
    nationalAmountSek: kr(nationalDays * amount),
  };
}

/** One kommun's month from its stays' rows. */
export function kommunBilling(
  kommunCode: string,
  rows: readonly BillingStayRow[],
  rules: ReportRules,
  daily: AppliedDailyAmount,
): KommunBilling {
  const amount = rules.dailyAmountSek ?? daily.amountSek;
  const pool = rows.filter((r) => r.billing === 'mean');
  const individual = rows.filter((r) => r.billing === 'individual');
  const poolDays = pool.reduce((s, r) => s + r.ukDays, 0);
  const excessDays = Math.max(0, poolDays - rules.vgrMeanThresholdDays * pool.length);
  const meanAmount = kr(excessDays * amount);
  const individualDays = individual.reduce((s, r) => s + r.ukDays, 0);
  const individualAmount = kr(individual.reduce((s, r) => s + r.individualAmountSek, 0));
  const nationalDays = rows.reduce((s, r) => s + r.nationalDays, 0);
  const nationalAmount = kr(rows.reduce((s, r) => s + r.nationalAmountSek, 0));
  const agreement = inVgr(kommunCode) ? 'vgr' : 'national';
  const vgrAmount = kr(meanAmount + individualAmount);
  return {
    kommunCode,
    agreement,
    inGoteborgsomradet: goteborgsomradetKommuner.has(kommunCode),
    cases: rows.length,
    notBillableCases: rows.filter((r) => r.billing === 'not-billable').length,
    mean: {
      cases: pool.length,
      ukDays: poolDays,
      meanUkDays: pool.length === 0 ? 0 : Math.round((poolDays / pool.length) * 100) / 100,
      excessDays,
      amountSek: meanAmount,
    },
    individual: { cases: individual.length, ukDays: individualDays, amountSek: individualAmount },
    vgrAmountSek: vgrAmount,
    national: { days: nationalDays, amountSek: nationalAmount },
    amountDueSek: agreement === 'vgr' ? vgrAmount : nationalAmount,
  };
}

/** The month's report: one row per stay that belongs to it, one summary per kommun. */
export function betalningsansvarReport(
  stays: readonly BillingStayInput[],
  month: string,
  rules: ReportRules,
  daily: AppliedDailyAmount,
) {
  const rows = stays
    .map((s) => billingStay(s, month, rules, daily))
    .filter((r): r is BillingStayRow => r !== undefined);
  const kommuner = [...new Set(rows.map((r) => r.kommunCode))].sort();
  return {
    stays: rows,
    kommuner: kommuner.map((k) =>
      kommunBilling(
        k,
        rows.filter((r) => r.kommunCode === k),
        rules,
        daily,
      ),
    ),
  };
}
