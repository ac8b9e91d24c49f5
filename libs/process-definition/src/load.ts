import { processDefinitionSchema, type ProcessDefinition } from './model';
import { processDefinitions } from './registry';
import { checkDefinition, type DefinitionProblem } from './validate';

/** A definition that cannot be used: names the version, activity, field and reason. */
export class ProcessDefinitionError extends Error {
  constructor(
    readonly version: number | undefined,
    readonly problems: readonly DefinitionProblem[],
  ) {
    super(
      `Process definition${version === undefined ? '' : ` v${version}`} is invalid: ` +
        problems
          .map((p) => `${p.activityId ? `activity ${p.activityId}, ` : ''}${p.field}: ${p.reason}`)
          .join('; '),
    );
    this.name = 'ProcessDefinitionError';
  }
}

/** Parses and checks one definition: shape first, then references, deadlines and the graph. */
export function validateProcessDefinition(source: unknown): ProcessDefinition {
  const parsed = processDefinitionSchema.safeParse(source);
  const rawVersion =
    typeof source === 'object' && source !== null && 'version' in source
      ? Number(source.version)
      : undefined;
  const version = Number.isFinite(rawVersion) ? rawVersion : undefined;
  if (!parsed.success) {
    const activities =
      typeof source === 'object' && source !== null
        ? ((source as { activities?: { id?: unknown }[] }).activities ?? [])
        : [];
    throw new ProcessDefinitionError(
      version,
      parsed.error.issues.map((issue) => {
        const [head, index, ...rest] = issue.path;
        const id =
          head === 'activities' && typeof index === 'number' && Array.isArray(activities)
            ? activities[index]?.id
            : undefined;
        const activityId = typeof id === 'string' ? id : undefined;
        return {
          ...(activityId ? { activityId } : {}),
          field: (activityId ? rest : issue.path).map(String).join('.') || '(root)',
          reason: issue.message,
        };
      }),
    );
  }
  const problems = checkDefinition(parsed.data);
  if (problems.length > 0) throw new ProcessDefinitionError(parsed.data.version, problems);
  return parsed.data;
}

/** Validates every released version; called once at start-up of the API and the worker. */
export function loadProcessDefinitions(): ReadonlyMap<number, ProcessDefinition> {
  const loaded = new Map<number, ProcessDefinition>();
  for (const [key, source] of Object.entries(processDefinitions)) {
    const definition = validateProcessDefinition(source);
    if (definition.version !== Number(key))
      throw new ProcessDefinitionError(definition.version, [
        { field: 'version', reason: `registered under version ${key}` },
      ]);
    loaded.set(definition.version, definition);
  }
  return loaded;
}
