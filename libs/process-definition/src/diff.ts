import { canonicalJson } from '@app/domain';
import type { ActivityDefinition, EventTypeDefinition, ProcessDefinition } from './model';

export interface ProcessDefinitionDiff {
  fromVersion: number;
  toVersion: number;
  addedActivities: string[];
  removedActivities: string[];
  /** Activities present in both with the top-level fields that differ. */
  changedActivities: { id: string; fields: string[] }[];
  addedEventTypes: string[];
  removedEventTypes: string[];
  changedEventTypes: string[];
  /** Other top-level fields of the definition that differ (title, validFrom, settings). */
  changedFields: string[];
}

function changedKeys(a: object, b: object): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter(
    (k) =>
      canonicalJson((a as Record<string, unknown>)[k]) !==
      canonicalJson((b as Record<string, unknown>)[k]),
  );
}

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((t) => [key(t), t]));
}

/** What changed from version a to version b. */
export function diffProcessDefinitions(
  a: ProcessDefinition,
  b: ProcessDefinition,
): ProcessDefinitionDiff {
  const fromActivities = byKey<ActivityDefinition>(a.activities, (x) => x.id);
  const toActivities = byKey<ActivityDefinition>(b.activities, (x) => x.id);
  const fromEvents = byKey<EventTypeDefinition>(a.eventTypes, (x) => x.type);
  const toEvents = byKey<EventTypeDefinition>(b.eventTypes, (x) => x.type);
  return {
    fromVersion: a.version,
    toVersion: b.version,
    addedActivities: [...toActivities.keys()].filter((id) => !fromActivities.has(id)),
    removedActivities: [...fromActivities.keys()].filter((id) => !toActivities.has(id)),
    changedActivities: [...fromActivities].flatMap(([id, from]) => {
      const to = toActivities.get(id);
      const fields = to ? changedKeys(from, to) : [];
      return fields.length > 0 ? [{ id, fields }] : [];
    }),
    addedEventTypes: [...toEvents.keys()].filter((t) => !fromEvents.has(t)),
    removedEventTypes: [...fromEvents.keys()].filter((t) => !toEvents.has(t)),
    changedEventTypes: [...fromEvents].flatMap(([type, from]) => {
      const to = toEvents.get(type);
      return to && changedKeys(from, to).length > 0 ? [type] : [];
    }),
    changedFields: changedKeys(
      { title: a.title, validFrom: a.validFrom, settings: a.settings },
      { title: b.title, validFrom: b.validFrom, settings: b.settings },
    ),
  };
}
