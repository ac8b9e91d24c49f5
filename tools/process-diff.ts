// Prints what changed between two released process definitions (default: v1 → current):
//   npm run process:diff            npm run process:diff -- 1 2
// Per changed activity it shows each changed field before and after, so a reviewer (and the
// closing note of a version) reads the change itself, not just its name.
import { canonicalJson } from '../libs/domain/src';
import {
  currentProcessDefinitionVersion,
  diffProcessDefinitions,
  findActivity,
  findProcessDefinition,
} from '../libs/process-definition/src';

const [fromArg, toArg] = process.argv.slice(2);
const from = findProcessDefinition(Number(fromArg ?? 1));
const to = findProcessDefinition(Number(toArg ?? currentProcessDefinitionVersion));
if (!from || !to) {
  console.error(`Unknown version: ${fromArg ?? 1} or ${toArg ?? currentProcessDefinitionVersion}`);
  process.exit(2);
}
const diff = diffProcessDefinitions(from, to);
const list = (title: string, items: string[]) =>
  console.log(`${title} (${items.length})${items.length ? `: ${items.join(', ')}` : ''}`);

console.log(`Process definition v${diff.fromVersion} → v${diff.toVersion}`);
list('Changed definition fields', diff.changedFields);
list('Added activities', diff.addedActivities);
list('Removed activities', diff.removedActivities);
list('Added event types', diff.addedEventTypes);
list('Removed event types', diff.removedEventTypes);
list('Changed event types', diff.changedEventTypes);
console.log(`Changed activities (${diff.changedActivities.length}):`);
for (const { id, fields } of diff.changedActivities) {
  console.log(`- ${id}`);
  const before = findActivity(from, id) as Record<string, unknown> | undefined;
  const after = findActivity(to, id) as Record<string, unknown> | undefined;
  for (const field of fields)
    console.log(`    ${field}: ${shown(before?.[field])} → ${shown(after?.[field])}`);
}

/** A field's value as canonical JSON, or a dash where the activity has none. */
function shown(value: unknown): string {
  return value === undefined ? '–' : canonicalJson(value);
}
