import { Injectable } from '@nestjs/common';
import { AuditRepository, type AuditRecord, type ListReader } from '@app/persistence';
import type { Principal } from '../auth/principal';

export interface AuditSubject {
  /** The unit the user acted for; null when region-wide. */
  unitId: string | null;
  stayId?: string | null;
  taskId?: string | null;
}

/**
 * Writes the audit log: who read or changed which stay's data, for which unit, when, and
 * whether it was refused. A read is answered only after its audit row is stored.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  ok(principal: Principal, action: string, subjects: readonly AuditSubject[]): Promise<void> {
    return this.write(principal, action, 'ok', subjects);
  }

  denied(principal: Principal, action: string, subject: AuditSubject): Promise<void> {
    return this.write(principal, action, 'denied', [subject]);
  }

  /** One row per stay of a list (the stays whose data the user was shown). */
  list(
    principal: Principal,
    action: string,
    unitId: string | null,
    stayIds: Iterable<string>,
  ): Promise<void> {
    return this.ok(
      principal,
      action,
      [...new Set(stayIds)].map((stayId) => ({ unitId, stayId })),
    );
  }

  /** The reader of a list whose statement writes its own audit rows (one per stay shown). */
  reader(principal: Principal, action: string, unitId: string | null): ListReader {
    return { userId: principal.userId, role: principal.role, unitId, action };
  }

  /** The rows `ok`/`denied` would write, for a statement that stores them with a change. */
  records(
    principal: Principal,
    action: string,
    outcome: 'ok' | 'denied',
    subjects: readonly AuditSubject[],
  ): AuditRecord[] {
    return subjects.map((s) => ({
      userId: principal.userId,
      role: principal.role,
      unitId: s.unitId,
      action,
      outcome,
      stayId: s.stayId ?? null,
      taskId: s.taskId ?? null,
    }));
  }

  private write(
    principal: Principal,
    action: string,
    outcome: 'ok' | 'denied',
    subjects: readonly AuditSubject[],
  ): Promise<void> {
    return this.audit.record(this.records(principal, action, outcome, subjects));
  }
}
