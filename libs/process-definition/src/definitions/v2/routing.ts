import type { ActivityDefinition } from '../../model';
import { routingOutcomes } from '../../vocabulary';
import { always, INF, onEvent, within } from './helpers';

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
];
