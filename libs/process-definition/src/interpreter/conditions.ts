import type { Condition, DischargeDestination, Flag, Need } from '../model';

/** What is known about a stay that conditions can test. */
export interface StayFacts {
  needs: Partial<Record<Need, boolean>>;
  careType: string;
  /** Circumstances such as LPT, cognitive impairment or an existing fast vårdkontakt. */
  flags?: Partial<Record<Flag, boolean>>;
  /** The outcome last recorded by each completed activity, by activity id. */
  outcomes?: Readonly<Record<string, string>>;
  dischargeDestination?: DischargeDestination;
}

export function conditionHolds(condition: Condition, facts: StayFacts): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'need':
      return facts.needs[condition.need] === true;
    case 'flag':
      return facts.flags?.[condition.flag] === true;
    case 'care-type':
      return condition.careTypes.includes(facts.careType);
    case 'outcome': {
      const recorded = facts.outcomes?.[condition.activity];
      return recorded !== undefined && condition.outcomes.includes(recorded);
    }
    case 'discharge-destination':
      return (
        facts.dischargeDestination !== undefined &&
        condition.destinations.includes(facts.dischargeDestination)
      );
    case 'all':
      return condition.of.every((c) => conditionHolds(c, facts));
    case 'any':
      return condition.of.some((c) => conditionHolds(c, facts));
    case 'not':
      return !conditionHolds(condition.condition, facts);
    default:
      return condition satisfies never;
  }
}
