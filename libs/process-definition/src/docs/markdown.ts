import { describeDeadline } from '../interpreter/deadlines';
import type { ActivityDefinition, Phase, ProcessDefinition } from '../model';
import {
  describeCondition,
  describePerformer,
  describeTrigger,
  eventTitle,
  lanes,
  laneTitles,
  phases,
  phaseTitles,
  sourceTitles,
} from './labels';
import { renderSwimlaneDiagram } from './mermaid';

const HEADER =
  '<!-- Genererad från processdefinitionen av tools/generate-process-docs.ts. Ändra inte för hand. -->';
const cell = (text: string) => text.replace(/\|/g, '\\|');
const phaseFile = (phase: Phase) => `${phase.replace(/_/g, '-')}.md`;

function deadlineText(definition: ProcessDefinition, a: ActivityDefinition): string {
  const text = describeDeadline(a.deadline, (e) => eventTitle(definition, e));
  return a.deadline.configKey ? `${text} (nyckel \`${a.deadline.configKey}\`)` : text;
}

function activityRow(definition: ProcessDefinition, a: ActivityDefinition): string {
  const extras = [
    a.recipients ? 'Meddelande till mottagande enheter.' : '',
    a.fanOut ? 'En uppgift per mottagande enhet.' : '',
    a.outcomes.length ? `Utfall: ${a.outcomes.map((o) => o.title).join(', ')}.` : '',
  ].filter(Boolean);
  const what = [`**Mål:** ${a.goal}`, `**Syfte:** ${a.purpose}`, `**Hur:** ${a.how}`, ...extras];
  const source = a.sourceNote
    ? `${sourceTitles[a.source]}: ${a.sourceNote}`
    : sourceTitles[a.source];
  return `| ${[
    `**${a.title}**<br>\`${a.id}\``,
    describePerformer(a),
    describeTrigger(definition, a.trigger),
    deadlineText(definition, a),
    describeCondition(definition, a.condition),
    source,
    what.join('<br>'),
  ]
    .map(cell)
    .join(' | ')} |`;
}

function renderPhase(definition: ProcessDefinition, phase: Phase): string {
  const inPhase = definition.activities.filter((a) => a.phase === phase);
  const lines = [HEADER, '', `# ${phaseTitles[phase]} (version ${definition.version})`, ''];
  lines.push(`[Tillbaka till översikten](README.md)`, '');
  for (const lane of lanes) {
    const inLane = inPhase.filter((a) => a.lane === lane);
    if (inLane.length === 0) continue;
    lines.push(`## ${laneTitles[lane]}`, '');
    lines.push(
      '| Aktivitet | Utförare | Trigger | Tidsfrist | Villkor | Källa | Mål, syfte och hur |',
    );
    lines.push('|---|---|---|---|---|---|---|');
    for (const a of inLane) lines.push(activityRow(definition, a));
    lines.push('');
  }
  lines.push('## Simbana', '', '```mermaid', renderSwimlaneDiagram(definition, inPhase), '```', '');
  return lines.join('\n');
}

function countBy<T extends string>(
  definition: ProcessDefinition,
  keys: readonly T[],
  key: (a: ActivityDefinition) => T,
  title: (k: T) => string,
): string[] {
  return keys.map(
    (k) => `| ${title(k)} | ${definition.activities.filter((a) => key(a) === k).length} |`,
  );
}

function renderOverview(definition: ProcessDefinition): string {
  const lines = [HEADER, '', `# ${definition.title}, version ${definition.version}`, ''];
  lines.push(
    `Gäller från ${definition.validFrom}. ${definition.activities.length} aktiviteter. ` +
      `Återinläggning räknas inom ${definition.settings.readmissionWindowDays} dagar.`,
    '',
    '## Faser',
    '',
    '| Fas | Aktiviteter |',
    '|---|---|',
    ...phases.map(
      (p) =>
        `| [${phaseTitles[p]}](${phaseFile(p)}) | ${definition.activities.filter((a) => a.phase === p).length} |`,
    ),
    '',
    '## Simbanor',
    '',
    '| Simbana | Aktiviteter |',
    '|---|---|',
    ...countBy(
      definition,
      lanes,
      (a) => a.lane,
      (l) => laneTitles[l],
    ),
    '',
    '## Källa för tidsfristerna',
    '',
    '| Källa | Aktiviteter |',
    '|---|---|',
    ...countBy(
      definition,
      ['law', 'local-agreement', 'configurable'] as const,
      (a) => a.source,
      (s) => sourceTitles[s],
    ),
    '',
    '## Händelser',
    '',
    '| Händelse | Betydelse | Avslutar vårdtillfället |',
    '|---|---|---|',
    ...definition.eventTypes.map(
      (e) => `| \`${e.type}\` | ${cell(e.title)} | ${e.endsStay ? 'ja' : ''} |`,
    ),
    '',
    '## Hela processen',
    '',
    '```mermaid',
    renderSwimlaneDiagram(definition),
    '```',
    '',
  );
  return lines.join('\n');
}

function renderIndex(definitions: readonly ProcessDefinition[]): string {
  return [
    HEADER,
    '',
    '# Processdefinitionen',
    '',
    'Dokumentationen genereras från `libs/process-definition` och visar vad som ska göras, av vem,',
    'när och varför i samverkan vid in- och utskrivning. Släppta versioner ändras aldrig.',
    '',
    ...definitions.map(
      (d) => `- [Version ${d.version}](v${d.version}/README.md), gäller från ${d.validFrom}`,
    ),
    '',
    '## Så räknas tidsfrister',
    '',
    '- All tid räknas i svensk tid (Europe/Stockholm), med sommar- och vintertid.',
    '- Fristen räknas från när det utlösande hände, inte från när det registrerades.',
    '- **Timmar** är verklig förfluten tid; 24 timmar över ett tidsomställningsdygn blir 23 eller 25 timmar på klockan.',
    '- **Kalenderdagar** ger samma klockslag det antal dagar senare. Finns klockslaget inte (vårens omställning) gäller 03.00; under vinterns upprepade timme används 03.00 för den andra passagen.',
    '- **Arbetsdagar** hoppar över lördag, söndag och svenska helgdagar enligt lagen (1989:253) om allmänna helgdagar. Midsommarafton, julafton och nyårsafton räknas som lediga dagar om inget annat konfigureras. Sker något en ledig dag börjar räkningen vid nästa arbetsdags början.',
    '- **Samma dag** betyder senast 23.59.59 svensk tid samma kalenderdag; **samma arbetsdag** flyttar till nästa arbetsdag om dagen är ledig.',
    '- **Före utskrivning** och **före en händelse** har ingen fast tidpunkt; uppgiften blir försenad om händelsen inträffar först.',
    '- Tidsfrister med en nyckel kan ändras per driftmiljö utan att versionen ändras.',
    '',
  ].join('\n');
}

/** All documentation files, keyed by path relative to docs/process. Pure: no file access. */
export function renderProcessDocs(
  definitions: readonly ProcessDefinition[],
): Record<string, string> {
  const files: Record<string, string> = { 'README.md': renderIndex(definitions) };
  for (const definition of definitions) {
    files[`v${definition.version}/README.md`] = renderOverview(definition);
    for (const phase of phases)
      files[`v${definition.version}/${phaseFile(phase)}`] = renderPhase(definition, phase);
  }
  return files;
}
