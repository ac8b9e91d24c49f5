import { AppError, fieldProblemsFromZod } from '@app/domain';
import type { z } from 'zod';

/** Validates input at the HTTP boundary; failures become a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'header' | 'path',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw AppError.invalidInput(
    `The request ${where} is invalid`,
    fieldProblemsFromZod(result.error, where),
  );
}
