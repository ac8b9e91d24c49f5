import type { ProcessDefinition } from './model';
import { processDefinitionV1 } from './definitions/v1';
import { processDefinitionV2 } from './definitions/v2';

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
  2: processDefinitionV2,
});

/** The version new stays are admitted under; running stays keep the version they started with. */
export const currentProcessDefinitionVersion = 2;

export function findProcessDefinition(version: number): ProcessDefinition | undefined {
  return processDefinitions[version];
}
