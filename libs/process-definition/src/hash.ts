import { createHash } from 'node:crypto';
import type { ProcessDefinition } from './model';

/** JSON with sorted object keys, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical JSON of a definition: pins released versions. Not for workflow code. */
export function processDefinitionHash(definition: ProcessDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}
