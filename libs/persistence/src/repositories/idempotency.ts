import type { Prisma } from '../generated/prisma/client';

/** An Idempotency-Key as a request presents it: its scope, the key and the request's hash. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

export type IdempotencyClaimResult =
  { kind: 'new' } | { kind: 'replayed' | 'key-reused'; resourceId: string };

/**
 * Claims the key for `resourceId` inside the caller's transaction. A key seen before answers
 * with the resource it created: 'replayed' for the same request, 'key-reused' for another.
 */
export async function claimIdempotencyKey(
  tx: Prisma.TransactionClient,
  claim: IdempotencyClaim,
  resourceId: string,
): Promise<IdempotencyClaimResult> {
  const inserted = await tx.$executeRaw`
    INSERT INTO idempotency_record (scope, key, request_hash, resource_id)
    VALUES (${claim.scope}, ${claim.key}, ${claim.requestHash}, ${resourceId})
    ON CONFLICT (scope, key) DO NOTHING`;
  if (inserted > 0) return { kind: 'new' };
  const existing = await tx.idempotencyRecord.findUniqueOrThrow({
    where: { scope_key: { scope: claim.scope, key: claim.key } },
  });
  return {
    kind: existing.requestHash === claim.requestHash ? 'replayed' : 'key-reused',
    resourceId: existing.resourceId,
  };
}
