/** The parts of the processägare endpoints (GET /api/v1/monitoring/*, /reports/*) the UI shows. */
export interface Rate {
  of: number;
  count: number;
  share: number | null;
}

export interface Kpis {
  period: { from: string; to: string };
  kpis: {
    stays: number;
    ukDays: {
      total: number;
      meanPerStay: number | null;
      stillRunning: number;
      distribution: { bucket: string; stays: number }[];
    };
    moreThanSevenDaysAfterUk: Rate;
    plannedDischargeDateMoves: { moves: number; perStay: number | null };
    sipOffered: Rate;
    sipKallelseOnTime: Rate & { deadlineDays: number };
    inskrivningsmeddelandeOnTime: Rate & { deadlineHours: number };
    readmissionsWithin30Days: Rate;
    deviations: { total: number; byCategory: { category: string; count: number }[] };
    activities: { activityId: string; tasks: number; onTime: Rate }[];
  };
}

/** GET /api/v1/monitoring/situation: "Läget just nu", exact counts. */
export interface Situation {
  asOf: string;
  admittedStays: number;
  openTasks: number;
  overdueTasks: number;
  deviations: { total: number; recent: number; days: number };
  byLane: { lane: string; open: number; overdue: number }[];
}

export interface OverdueList {
  total: number;
  offset: number;
  items: {
    taskId: string;
    stayId: string;
    activityId: string;
    unitId: string;
    kommunCode: string;
    dueAt: string;
    escalatedAt: string | null;
  }[];
}

export interface Betalningsansvar {
  month: string;
  frozen: boolean;
  freezesAt: string;
  dailyAmount: { amountSek: number };
  kommuner: {
    kommunCode: string;
    agreement: 'vgr' | 'national';
    cases: number;
    notBillableCases: number;
    mean: { meanUkDays: number };
    vgrAmountSek: number;
    national: { amountSek: number };
    amountDueSek: number;
  }[];
}
