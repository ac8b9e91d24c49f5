import type { Condition, DeadlineRule, Need, Recipient, SimpleTrigger } from '../../model';

/**
 * Small builders that keep the v1 data readable. They only return plain objects: the
 * definition stays data (no zod, no logic) and can be bundled into workflow code.
 */

export const onEvent = (event: string): SimpleTrigger => ({ kind: 'event', event });

export function after(activity: string, ...outcomes: string[]): SimpleTrigger {
  const [first, ...rest] = outcomes;
  return first === undefined
    ? { kind: 'activity-completed', activity }
    : { kind: 'activity-completed', activity, outcomes: [first, ...rest] };
}

export const within = (
  amount: number,
  unit: 'hours' | 'calendar-days' | 'working-days',
  configKey?: string,
): DeadlineRule => ({ kind: 'duration', amount, unit, ...(configKey ? { configKey } : {}) });

export const beforeUk = (configKey: string): DeadlineRule => ({
  kind: 'before-event',
  event: 'utskrivningsklar',
  configKey,
});

export const need = (n: Need): Condition => ({ kind: 'need', need: n });
export const always: Condition = { kind: 'always' };

/** The patient needs insatser from socialtjänst, kommunal HSL or regional primärvård. */
export const anyInsats: Condition = {
  kind: 'any',
  of: [need('socialtjanst'), need('kommunalHalsoOchSjukvard'), need('regionalPrimarvard')],
};

/**
 * SIP is offered when insatser are needed from both region and kommun after discharge.
 * A patient granted korttid counts as having two huvudmän (Göteborgsområdet).
 */
export const sipNeed: Condition = {
  kind: 'any',
  of: [
    {
      kind: 'all',
      of: [
        need('regionalPrimarvard'),
        { kind: 'any', of: [need('socialtjanst'), need('kommunalHalsoOchSjukvard')] },
      ],
    },
    need('korttid'),
  ],
};

/** Receivers of the ward's messages (inskrivningsmeddelande, UK, utskrivningsmeddelande). */
export const wardMessageRecipients: [Recipient, ...Recipient[]] = [
  {
    unit: 'kommun-socialtjanst',
    condition: { kind: 'any', of: [need('socialtjanst'), need('korttid')] },
  },
  {
    unit: 'kommun-hemsjukvard',
    condition: { kind: 'any', of: [need('kommunalHalsoOchSjukvard'), need('korttid')] },
  },
  {
    unit: 'listed-vardcentral',
    condition: { kind: 'any', of: [need('regionalPrimarvard'), need('korttid')] },
  },
];

export const LAW = 'Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård';
export const GBG = 'Göteborgsområdets arbetsbeskrivning för in- och utskrivning';
export const VGR = 'Västra Götalands överenskommelse och rutin (SAMSA)';
export const INF = 'Vårt antagande, konfigurerbart per driftmiljö';
