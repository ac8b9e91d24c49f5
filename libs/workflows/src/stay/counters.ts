import type { TaskState } from './types';

const DAY_MS = 86_400_000;
export const SEVEN_DAYS_MS = 7 * DAY_MS;

/**
 * What processägare measure per stay, kept by the workflow and projected to the read model.
 * UK time runs from the utskrivningsklar judgement (which the ward notifies at once) to
 * discharge, death or transfer, and is paused while UK is revoked.
 */
export interface StayCounters {
  ukFirstAt?: string;
  /** Set while the UK clock runs; cleared when UK is revoked or the stay ends. */
  ukRunningSince?: string;
  /** UK time before the current run (earlier runs, between revocations). */
  ukAccumulatedMs: number;
  ukEndedAt?: string;
  ukRevocations: number;
  /** More than 7 calendar days of UK time without discharge: billed individually (VGR). */
  sevenDayFlag: boolean;
  plannedDischargeDate?: string;
  plannedDischargeDateMoves: number;
  inskrivningsmeddelandeSentAt?: string;
  inskrivningsmeddelandeOnTime?: boolean;
  ukNoticeSentAt?: string;
  /** The FVK found that the patient needs a SIP (needs from both huvudmän). */
  sipNeeded?: boolean;
  sipOffered?: boolean;
  sipResponse?: string;
  sipKallelseSentAt?: string;
  sipKallelseOnTime?: boolean;
  readmissionOfStayId?: string;
}

export const emptyCounters = (): StayCounters => ({
  ukAccumulatedMs: 0,
  ukRevocations: 0,
  sevenDayFlag: false,
  plannedDischargeDateMoves: 0,
});

/** UK time up to `at`, including the current run. */
export function ukElapsedMs(c: StayCounters, at: Date): number {
  const running = c.ukRunningSince ? Math.max(0, at.getTime() - Date.parse(c.ukRunningSince)) : 0;
  return c.ukAccumulatedMs + running;
}

/** When the 7-day flag falls due while UK runs, if it is not raised yet. */
export function sevenDayFlagDueAt(c: StayCounters): number | undefined {
  if (c.sevenDayFlag || !c.ukRunningSince) return undefined;
  return Date.parse(c.ukRunningSince) + SEVEN_DAYS_MS - c.ukAccumulatedMs;
}

/**
 * Stops the UK clock at `at`. The 7-day flag is then recomputed from the UK time that really
 * ran: an event registered late (a retroactive discharge) can show the flag was never due.
 */
function stopUkClock(c: StayCounters, at: string): void {
  if (!c.ukRunningSince) return;
  c.ukAccumulatedMs += Math.max(0, Date.parse(at) - Date.parse(c.ukRunningSince));
  delete c.ukRunningSince;
  c.sevenDayFlag = c.ukAccumulatedMs > SEVEN_DAYS_MS;
}

/** How an event changes the counters. Returns true when something changed. */
export function countEvent(
  c: StayCounters,
  event: { type: string; occurredAt: string; data: Record<string, unknown> },
): boolean {
  switch (event.type) {
    case 'utskrivningsklar':
      if (c.ukRunningSince || c.ukEndedAt) return false;
      c.ukFirstAt ??= event.occurredAt;
      c.ukRunningSince = event.occurredAt;
      return true;
    case 'utskrivningsklar-revoked':
      if (!c.ukRunningSince) return false;
      stopUkClock(c, event.occurredAt);
      c.ukRevocations += 1;
      return true;
    case 'discharged':
    case 'died':
    case 'transferred':
      stopUkClock(c, event.occurredAt);
      if (c.ukFirstAt) c.ukEndedAt = event.occurredAt;
      return true;
    case 'planned-discharge-date-set':
    case 'planned-discharge-date-changed': {
      const date = typeof event.data.date === 'string' ? event.data.date : undefined;
      if (!date || date === c.plannedDischargeDate) return false;
      if (c.plannedDischargeDate !== undefined) c.plannedDischargeDateMoves += 1;
      c.plannedDischargeDate = date;
      return true;
    }
    default:
      return false;
  }
}

const onTime = (task: TaskState) =>
  task.dueAt === undefined || task.completedAt === undefined
    ? undefined
    : Date.parse(task.completedAt) <= Date.parse(task.dueAt);

/** How a completed task changes the counters. Returns true when something changed. */
export function countCompletion(c: StayCounters, task: TaskState): boolean {
  switch (task.activityId) {
    case 'send-inskrivningsmeddelande':
      c.inskrivningsmeddelandeSentAt = task.completedAt;
      c.inskrivningsmeddelandeOnTime = onTime(task);
      return true;
    case 'send-utskrivningsklar':
      c.ukNoticeSentAt = task.completedAt;
      return true;
    case 'identify-sip-need':
      c.sipNeeded = task.outcome === 'confirmed';
      return true;
    case 'offer-sip':
      c.sipOffered = true;
      c.sipResponse = task.outcome;
      return true;
    case 'contact-relatives-about-sip':
      c.sipResponse = task.outcome;
      return true;
    case 'send-sip-kallelse':
      c.sipKallelseSentAt = task.completedAt;
      c.sipKallelseOnTime = onTime(task);
      return true;
    default:
      return false;
  }
}

/** Raises the 7-day flag once 7 calendar days of UK time have passed at `now`. */
export function raiseSevenDayFlag(c: StayCounters, now: Date): boolean {
  if (c.sevenDayFlag || ukElapsedMs(c, now) <= SEVEN_DAYS_MS) return false;
  c.sevenDayFlag = true;
  return true;
}

/**
 * The betalningsansvar preconditions: the kommun can be charged for UK days only when the
 * inskrivningsmeddelande and the UK notice were sent, and the SIP kallelse where SIP is needed.
 */
export function betalningsansvarPreconditions(c: StayCounters) {
  const inskrivningsmeddelande = c.inskrivningsmeddelandeSentAt !== undefined;
  const ukNotice = c.ukNoticeSentAt !== undefined;
  const sipKallelse = c.sipNeeded !== true || c.sipKallelseSentAt !== undefined;
  return {
    inskrivningsmeddelande,
    ukNotice,
    sipKallelse,
    met: inskrivningsmeddelande && ukNotice && sipKallelse,
  };
}
