import { AppError, fieldProblemsFromZod, type FieldProblem } from '@app/domain';
import type { z } from 'zod';

/** Validates input at the HTTP boundary; failures become a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'header' | 'path',
): z.infer<S> {
  const unstorable = unstorableText(value, where);
  if (unstorable.length > 0)
    throw AppError.invalidInput(`The request ${where} is invalid`, unstorable);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw AppError.invalidInput(
    `The request ${where} is invalid`,
    fieldProblemsFromZod(result.error, where),
  );
}

/** NUL (U+0000) and lone UTF-16 surrogates: PostgreSQL refuses them in text and in jsonb. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when PostgreSQL can store the text (no NUL, well-formed UTF-16). */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * Every string (and object key) in the input that PostgreSQL could not store, named by its
 * path, so that such input is a 400 rather than a database error after some writes.
 * Iterative, since a JSON body may nest deeply.
 */
function unstorableText(value: unknown, where: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const reason = 'must not contain NUL characters or unpaired surrogates';
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0 && problems.length < 20) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (!isStorableText(current)) problems.push({ field: path, reason });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (!isStorableText(key))
          problems.push({ field: path, reason: `has a key that ${reason}` });
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return problems;
}
