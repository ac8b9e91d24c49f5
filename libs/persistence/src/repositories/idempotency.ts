import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { auditInsertSql, type AuditRecord } from './audit.repository';

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

/** What a claim of a request's key found: a new request, a retry of one, or a key reused. */
export type RequestClaim =
  | { kind: 'new' }
  /** The same request again; `response` is its first answer, null when none was stored yet. */
  | { kind: 'replayed'; response: unknown }
  | { kind: 'key-reused' };

/**
 * Idempotency for requests whose change happens elsewhere (a Workflow Update): the key is
 * claimed, together with the request's audit rows, in one statement BEFORE the change, and
 * the first answer is stored with the claim after it.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims (scope, key, hash) and, only for a new claim, appends `audit` in the same
   * statement: a change is never made without its audit row (nor is the row written twice).
   */
  async claim(
    claim: IdempotencyClaim,
    resourceId: string,
    audit: readonly AuditRecord[],
  ): Promise<RequestClaim> {
    const rows = await this.prisma.$queryRaw<{ claimed: boolean }[]>`
      WITH claimed AS (
        INSERT INTO idempotency_record (scope, key, request_hash, resource_id)
        VALUES (${claim.scope}, ${claim.key}, ${claim.requestHash}, ${resourceId})
        ON CONFLICT (scope, key) DO NOTHING
        RETURNING 1
      ), audited AS (${auditInsertSql(audit, Prisma.sql`claimed`)})
      SELECT EXISTS (SELECT 1 FROM claimed) AS claimed`;
    if (rows[0]?.claimed) return { kind: 'new' };
    const existing = await this.prisma.$queryRaw<{ requestHash: string; response: unknown }[]>`
      SELECT request_hash AS "requestHash", response FROM idempotency_record
      WHERE scope = ${claim.scope} AND key = ${claim.key}`;
    const found = existing[0];
    if (!found) throw new Error('An idempotency claim vanished');
    return found.requestHash === claim.requestHash
      ? { kind: 'replayed', response: found.response ?? null }
      : { kind: 'key-reused' };
  }

  /**
   * Withdraws a claim whose change was refused, so that a refusal changes nothing (its audit
   * rows stay). A claim that has an answer is never withdrawn.
   */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.prisma.$executeRaw`
      DELETE FROM idempotency_record
      WHERE scope = ${claim.scope} AND key = ${claim.key} AND response IS NULL`;
  }

  /** Keeps the first answer to the claimed request (a later one never replaces it). */
  async storeResponse(claim: IdempotencyClaim, response: unknown): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE idempotency_record SET response = ${JSON.stringify(response)}::json
      WHERE scope = ${claim.scope} AND key = ${claim.key} AND response IS NULL`;
  }
}
