import type { ActivityDefinition } from '../../model';
import { routingOutcomes } from '../../vocabulary';
import { always, INF, need, onEvent, within } from './helpers';

/**
 * Nothing dropped silently (issue 14, rule 5): a task whose receiving unit could not be
 * resolved waits at an intake (primärvårdens mottagning, the kommun's mottagning, the
 * mottagning for other kommuner) and this activity, performed there, routes it. The
 * interpreter opens it (settings.routing), once per receiver; its deadline makes an unrouted
 * receiver a deviation like any late task.
 */
export const routingActivities: ActivityDefinition[] = [
  {
    id: 'choose-receiving-unit',
    phase: 'inskrivning',
    lane: 'system',
    performerRole: 'samordnare på mottagningen',
    performerUnit: 'intake',
    title: 'Välj mottagande enhet',
    goal: 'Uppgifterna ligger hos den enhet som ska utföra dem.',
    purpose:
      'Ingen uppgift försvinner för att patienten saknar listning, bor i en kommun utan anslutna enheter eller i ett område som inte kunde avgöras.',
    how: 'Ta reda på vilken enhet som ansvarar (listning, stadsområde eller NOSAM-område, hemkommun) och välj den. Sköter mottagningen själv kontakten, till exempel med en kommun i ett annat län, välj att uppgifterna stannar här.',
    trigger: onEvent('receiving-unit-unresolved'),
    deadline: within(1, 'working-days', 'choose-receiving-unit'),
    condition: always,
    outcomes: [
      { id: routingOutcomes.routed, title: 'Skickad till vald enhet' },
      { id: routingOutcomes.handledByIntake, title: 'Mottagningen hanterar uppgifterna' },
    ],
    source: 'configurable',
    sourceNote: `${INF}; ingen överenskommelse anger tid för att fördela uppgifter utan mottagare`,
  },
  {
    // Issue 14, rule 12: a patient folkbokförd in another county still has a home kommun
    // that receives; its tasks wait at the mottagning for other kommuner, and the ward calls.
    id: 'contact-home-kommun-out-of-county',
    phase: 'inskrivning',
    lane: 'slutenvard',
    performerRole: 'sjuksköterska på avdelningen',
    performerUnit: 'ward',
    title: 'Kontakta hemkommunen i ett annat län',
    goal: 'Patientens hemkommun vet att patienten är inskriven och vilka insatser som kan behövas.',
    purpose:
      'Hemkommunen utanför länet nås inte av våra meddelanden och ska ändå kunna planera sina insatser inför utskrivningen.',
    how: 'Ring eller skicka säkert meddelande till hemkommunens biståndsenhet och hälso- och sjukvård, och anteckna vem du talat med. Kommunens uppgifter ligger hos mottagningen för övriga kommuner.',
    trigger: onEvent('needs-assessed'),
    deadline: within(1, 'working-days', 'contact-home-kommun-out-of-county'),
    condition: {
      kind: 'all',
      of: [
        { kind: 'flag', flag: 'outOfCounty' },
        { kind: 'any', of: [need('socialtjanst'), need('kommunalHalsoOchSjukvard')] },
      ],
    },
    outcomes: [],
    source: 'configurable',
    sourceNote: INF,
  },
];
