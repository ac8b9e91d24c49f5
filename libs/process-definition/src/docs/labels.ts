import type {
  ActivityDefinition,
  Condition,
  DischargeDestination,
  Flag,
  Lane,
  Need,
  PerformerUnit,
  Phase,
  ProcessDefinition,
  Source,
  Trigger,
} from '../model';

/** Swedish labels for identifiers, shared by the UI and the generated documentation. */
export const phaseTitles: Record<Phase, string> = {
  inskrivning: 'Inskrivning',
  under_vardtiden: 'Under vårdtiden',
  utskrivningsklar: 'Utskrivningsklar',
  utskrivning: 'Utskrivning',
  efter_utskrivning: 'Efter utskrivning',
};
export const phases = Object.keys(phaseTitles) as Phase[];

export const laneTitles: Record<Lane, string> = {
  slutenvard: 'Slutenvård',
  regional_primarvard: 'Regional primärvård',
  kommunal_primarvard: 'Kommunal primärvård',
  kommunal_socialtjanst: 'Kommunal socialtjänst',
  system: 'Systemet och processägare',
};
export const lanes = Object.keys(laneTitles) as Lane[];

export const unitTitles: Record<PerformerUnit, string> = {
  ward: 'avdelningen',
  'listed-vardcentral': 'listad vårdcentral',
  'kommun-hemsjukvard': 'kommunens hälso- och sjukvård',
  'kommun-socialtjanst': 'kommunens socialtjänst',
  'kommun-hemtjanst': 'kommunens utförare av hemtjänst',
  'kommun-korttid': 'kommunens korttidsboende',
  system: 'systemet',
  processagare: 'processägare',
  intake: 'mottagningen som håller uppgiften',
};

export const sourceTitles: Record<Source, string> = {
  law: 'Lag',
  'local-agreement': 'Lokal överenskommelse',
  configurable: 'Konfigurerbar',
};

export const needTitles: Record<Need, string> = {
  socialtjanst: 'insatser från socialtjänsten',
  kommunalHalsoOchSjukvard: 'kommunal hälso- och sjukvård',
  regionalPrimarvard: 'regional primärvård',
  korttid: 'korttidsboende',
  hjalpmedel: 'hjälpmedel',
  rehab: 'rehabilitering',
  egenvard: 'egenvård',
  palliativ: 'palliativ vård',
};

export const flagTitles: Record<Flag, string> = {
  existingMunicipalInsatser: 'har redan kommunala insatser',
  existingFastVardkontakt: 'har redan fast vårdkontakt',
  cognitiveImpairment: 'kognitiv svikt',
  lpt: 'vårdas enligt LPT',
  utskrivningsklar: 'är utskrivningsklar',
  discharged: 'är utskriven',
  outOfCounty: 'är folkbokförd i ett annat län',
};

export const destinationTitles: Record<DischargeDestination, string> = {
  home: 'hemmet',
  korttid: 'korttidsboende',
  'sarskilt-boende': 'särskilt boende',
  'other-hospital': 'annat sjukhus',
};

export function eventTitle(definition: ProcessDefinition, type: string): string {
  return definition.eventTypes.find((e) => e.type === type)?.title ?? type;
}

function activityTitle(definition: ProcessDefinition, id: string): string {
  return definition.activities.find((a) => a.id === id)?.title ?? id;
}

function outcomeTitles(definition: ProcessDefinition, id: string, outcomes: string[]): string {
  const activity = definition.activities.find((a) => a.id === id);
  return outcomes
    .map((o) => activity?.outcomes.find((x) => x.id === o)?.title ?? o)
    .join(' eller ');
}

export function describeTrigger(definition: ProcessDefinition, trigger: Trigger): string {
  switch (trigger.kind) {
    case 'event':
      return `Händelse: ${eventTitle(definition, trigger.event)}`;
    case 'activity-completed': {
      const done = `Klar: ${activityTitle(definition, trigger.activity)}`;
      return trigger.outcomes
        ? `${done} (${outcomeTitles(definition, trigger.activity, trigger.outcomes)})`
        : done;
    }
    case 'any-of':
      return trigger.triggers.map((t) => describeTrigger(definition, t)).join(', eller ');
    default:
      return trigger satisfies never;
  }
}

export function describeCondition(definition: ProcessDefinition, condition: Condition): string {
  const nested = (c: Condition) =>
    c.kind === 'all' || c.kind === 'any'
      ? `(${describeCondition(definition, c)})`
      : describeCondition(definition, c);
  switch (condition.kind) {
    case 'always':
      return 'alltid';
    case 'need':
      return `behov av ${needTitles[condition.need]}`;
    case 'flag':
      return flagTitles[condition.flag];
    case 'care-type':
      return `vårdform ${condition.careTypes.join(' eller ')}`;
    case 'outcome':
      return `${activityTitle(definition, condition.activity)}: ${outcomeTitles(definition, condition.activity, condition.outcomes)}`;
    case 'discharge-destination':
      return `skrivs ut till ${condition.destinations.map((d) => destinationTitles[d]).join(' eller ')}`;
    case 'all':
      return condition.of.map(nested).join(' och ');
    case 'any':
      return condition.of.map(nested).join(' eller ');
    case 'not':
      return `inte ${nested(condition.condition)}`;
    default:
      return condition satisfies never;
  }
}

export function describePerformer(activity: ActivityDefinition): string {
  return `${activity.performerRole} (${unitTitles[activity.performerUnit]})`;
}
