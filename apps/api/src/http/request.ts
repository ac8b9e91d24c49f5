import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, idempotencyKeySchema } from '@app/domain';
import { parseInput } from './parse';

const headerSchema = z.object({ 'Idempotency-Key': idempotencyKeySchema });

/** The Idempotency-Key header, validated. */
export function idempotencyKey(header: string | undefined): string {
  return parseInput(headerSchema, { 'Idempotency-Key': header }, 'header')['Idempotency-Key'];
}

/** A stable fingerprint of a request body, to detect a key reused for another request. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
