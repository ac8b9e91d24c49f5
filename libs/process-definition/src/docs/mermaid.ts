import type { ActivityDefinition, ProcessDefinition, SimpleTrigger } from '../model';
import { eventTitle, lanes, laneTitles } from './labels';

const nodeId = (prefix: string, id: string) => `${prefix}_${id.replace(/[^a-z0-9]/g, '_')}`;
const label = (text: string) => text.replace(/"/g, '#quot;').replace(/\|/g, '/');

function simpleTriggers(activity: ActivityDefinition): SimpleTrigger[] {
  return activity.trigger.kind === 'any-of' ? activity.trigger.triggers : [activity.trigger];
}

/**
 * A swimlane diagram (Mermaid flowchart): one subgraph per lane, events as rounded nodes,
 * arrows from each trigger to the activity it starts. Activities outside `activities`
 * that trigger one inside are drawn in a separate "Andra faser" group.
 */
export function renderSwimlaneDiagram(
  definition: ProcessDefinition,
  activities: readonly ActivityDefinition[] = definition.activities,
): string {
  const included = new Set(activities.map((a) => a.id));
  const events = new Set<string>();
  const external = new Set<string>();
  const edges: string[] = [];
  for (const activity of activities)
    for (const trigger of simpleTriggers(activity)) {
      const to = nodeId('a', activity.id);
      if (trigger.kind === 'event') {
        events.add(trigger.event);
        edges.push(`  ${nodeId('e', trigger.event)} --> ${to}`);
      } else {
        if (!included.has(trigger.activity)) external.add(trigger.activity);
        const via = trigger.outcomes ? `|"${label(trigger.outcomes.join(' / '))}"|` : '';
        edges.push(`  ${nodeId('a', trigger.activity)} -->${via} ${to}`);
      }
    }
  const lines = ['flowchart LR'];
  lines.push('  subgraph handelser["Händelser"]');
  for (const event of [...events].sort())
    lines.push(`    ${nodeId('e', event)}(["${label(eventTitle(definition, event))}"])`);
  lines.push('  end');
  if (external.size > 0) {
    lines.push('  subgraph andra["Andra faser"]');
    for (const id of [...external].sort()) {
      const title = definition.activities.find((a) => a.id === id)?.title ?? id;
      lines.push(`    ${nodeId('a', id)}["${label(title)}"]`);
    }
    lines.push('  end');
  }
  for (const lane of lanes) {
    const inLane = activities.filter((a) => a.lane === lane);
    if (inLane.length === 0) continue;
    lines.push(`  subgraph ${lane}["${laneTitles[lane]}"]`);
    for (const a of inLane) lines.push(`    ${nodeId('a', a.id)}["${label(a.title)}"]`);
    lines.push('  end');
  }
  lines.push(...edges);
  return lines.join('\n');
}
