/** The daily amount (kr per UK day) from a year on, as Socialstyrelsen sets it. */
export interface DailyAmount {
  fromYear: number;
  amountSek: number;
}

/** The amounts known to this release; DAILY_AMOUNTS in the configuration can replace them. */
export const defaultDailyAmounts: readonly DailyAmount[] = [
  { fromYear: 2019, amountSek: 7800 },
  { fromYear: 2022, amountSek: 9300 },
];

/** The rules the reports and the what-if compute with; the defaults are today's rules. */
export interface ReportRules {
  /** The VGR model pays the month's mean UK days per stay above this. */
  vgrMeanThresholdDays: number;
  /** A stay with more UK days than this is billed individually in the VGR model. */
  vgrIndividualAfterDays: number;
  /** The national default bills from this many calendar days after the UK notice. */
  nationalDaysAfterNotice: number;
  /** SIP kallelse within this many calendar days of UK. */
  sipKallelseDays: number;
  /**
   * Inskrivningsmeddelande within this many hours of admission when the needs were assessed
   * at admission, of the assessment when it came later (the process definition's rule).
   */
  inskrivningsmeddelandeHours: number;
  /** Replaces the configured daily amount (what-if only). */
  dailyAmountSek?: number;
}

export const defaultRules: ReportRules = {
  vgrMeanThresholdDays: 3,
  vgrIndividualAfterDays: 7,
  nationalDaysAfterNotice: 3,
  sipKallelseDays: 3,
  inskrivningsmeddelandeHours: 24,
};

export interface AppliedDailyAmount {
  year: number;
  amountSek: number;
  /** The year the amount was set for. */
  setForYear: number;
  /** How the amount was chosen, in Swedish, for the report. */
  note: string;
}

/**
 * The daily amount for a year: the one set for that year, else the latest one set before it
 * (said so in the note). Years before the first known amount have none.
 */
export function dailyAmountFor(
  year: number,
  amounts: readonly DailyAmount[],
): AppliedDailyAmount | undefined {
  const applicable = [...amounts]
    .sort((a, b) => a.fromYear - b.fromYear)
    .filter((a) => a.fromYear <= year)
    .at(-1);
  if (!applicable) return undefined;
  return {
    year,
    amountSek: applicable.amountSek,
    setForYear: applicable.fromYear,
    note:
      applicable.fromYear === year
        ? `Belopp fastställt för ${year}`
        : `Inget belopp fastställt för ${year}; senast kända belopp (från ${applicable.fromYear}) används`,
  };
}

/** Parses "2019:7800,2022:9300". */
export function parseDailyAmounts(text: string): DailyAmount[] {
  return text.split(',').map((pair) => {
    const [year, amount] = pair.split(':');
    return { fromYear: Number(year), amountSek: Number(amount) };
  });
}
