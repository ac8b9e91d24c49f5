import type { DischargeDestination, Flag, Need } from '../model';
import type { StayFacts } from './conditions';
import { assessedFlags, dischargeDestinations, needs } from '../vocabulary';

/** Keys of needs-assessed / needs-changed data that are needs, and those that are flags. */
export const needKeys: readonly Need[] = needs;
export const assessedFlagKeys: readonly Flag[] = assessedFlags;
const destinations: readonly DischargeDestination[] = dischargeDestinations;

export interface StayEvent {
  type: string;
  data?: Readonly<Record<string, unknown>>;
}

export function initialStayFacts(careType = 'somatic'): StayFacts {
  return { needs: {}, careType, flags: {}, outcomes: {} };
}

/**
 * The facts after an event. needs-assessed replaces the assessed needs and flags it mentions,
 * needs-changed merges; the UK flag follows utskrivningsklar / revoked; discharged records
 * the destination. Unknown data keys are ignored (the API validates the payload).
 */
export function applyEventToFacts(facts: StayFacts, event: StayEvent): StayFacts {
  const data = event.data ?? {};
  switch (event.type) {
    case 'needs-assessed':
    case 'needs-changed': {
      const needs = { ...facts.needs };
      const flags = { ...facts.flags };
      for (const key of needKeys) if (typeof data[key] === 'boolean') needs[key] = data[key];
      for (const key of assessedFlagKeys)
        if (typeof data[key] === 'boolean') flags[key] = data[key];
      const careType = typeof data.careType === 'string' ? data.careType : facts.careType;
      return { ...facts, needs, flags, careType };
    }
    case 'utskrivningsklar':
      return { ...facts, flags: { ...facts.flags, utskrivningsklar: true } };
    case 'utskrivningsklar-revoked':
      return { ...facts, flags: { ...facts.flags, utskrivningsklar: false } };
    case 'discharged': {
      const destination = destinations.find((d) => d === data.destination);
      return {
        ...facts,
        flags: { ...facts.flags, utskrivningsklar: false, discharged: true },
        ...(destination ? { dischargeDestination: destination } : {}),
      };
    }
    default:
      return facts;
  }
}

/** The facts after an activity was completed with an outcome (or without one). */
export function recordOutcome(facts: StayFacts, activityId: string, outcome?: string): StayFacts {
  if (outcome === undefined) return facts;
  return { ...facts, outcomes: { ...facts.outcomes, [activityId]: outcome } };
}
