import { Injectable } from '@nestjs/common';
import { AppError } from '@app/domain';
import { IdempotencyRepository } from '@app/persistence';
import { AuditService, type AuditSubject } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { fromInfrastructureError } from '@app/stay-commands';
import { requestHash } from '../http/request';

/** A change made by a Workflow Update on behalf of a user, under an Idempotency-Key. */
export interface IdempotentWrite {
  principal: Principal;
  /** The audit action, e.g. `task.complete`. */
  action: string;
  subject: AuditSubject;
  /** What the key is for, e.g. `complete:<task id>`: a key is claimed once per scope. */
  scope: string;
  /** The resource the change concerns (a task or a stay id). */
  resourceId: string;
  key: string;
  /** The request as the user sent it; with the user's id, it is what the key is bound to. */
  request: unknown;
}

/**
 * Idempotency and audit for changes made in Temporal: (scope, key, hash of user and request)
 * is claimed in PostgreSQL together with the audit row, before the Update runs, so no change
 * happens unaudited; the first answer is stored with the claim. The same key with another
 * request is a 422; a retry gets the first answer, also after the workflow continued as new
 * (when Temporal no longer remembers the Update's id). A change the workflow refuses is
 * audited as denied after its `ok` row, and its claim withdrawn.
 */
@Injectable()
export class IdempotentWriteService {
  constructor(
    private readonly idempotency: IdempotencyRepository,
    private readonly audit: AuditService,
  ) {}

  async run<T>(write: IdempotentWrite, change: () => Promise<T>): Promise<T> {
    const { principal, action, subject } = write;
    const claim = {
      scope: write.scope,
      key: write.key,
      requestHash: requestHash({ userId: principal.userId, request: write.request }),
    };
    const claimed = await this.idempotency.claim(
      claim,
      write.resourceId,
      this.audit.records(principal, action, 'ok', [subject]),
    );
    if (claimed.kind === 'key-reused')
      throw new AppError(
        'idempotency-mismatch',
        'This Idempotency-Key was already used for a different request',
        [{ field: 'header.Idempotency-Key', reason: 'already used with another request body' }],
      );
    if (claimed.kind === 'replayed') {
      // The answer shows the stay's data again: that read is logged, as a replay (the
      // change itself has its one `ok` row, written with the claim).
      await this.audit.ok(principal, `${action}.replayed`, [subject]);
      if (claimed.response !== null) return claimed.response as T;
    }
    let result: T;
    try {
      result = await change();
    } catch (error) {
      const refusal = error instanceof AppError ? error : fromInfrastructureError(error);
      // Refused: the claim is withdrawn (a refusal changes nothing) and the refusal logged.
      // Unavailable: the claim stays, so the retry completes what may have been done.
      if (refusal && refusal.kind !== 'unavailable') {
        await this.idempotency.release(claim);
        await this.audit.denied(principal, action, subject);
      }
      throw error;
    }
    await this.idempotency.storeResponse(claim, result);
    return result;
  }
}
