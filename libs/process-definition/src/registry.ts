import type { ProcessDefinition } from './model';
import { processDefinitionV1 } from './definitions/v1';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every released version, keyed by version number. Versions are immutable (deep-frozen). */
export const processDefinitions: Readonly<Record<number, ProcessDefinition>> = deepFreeze({
  1: processDefinitionV1,
});

export const currentProcessDefinitionVersion = 1;

export function findProcessDefinition(version: number): ProcessDefinition | undefined {
  return processDefinitions[version];
}
