import { createHash } from 'node:crypto';
import { canonicalJson } from '@app/domain';
import type { ProcessDefinition } from './model';

/** SHA-256 of the canonical JSON of a definition: pins released versions. Not for workflow code. */
export function processDefinitionHash(definition: ProcessDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}
