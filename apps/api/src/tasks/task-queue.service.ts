import { Injectable } from '@nestjs/common';
import { AppError } from '@app/domain';
import { TaskQueryRepository, TaskRepository, UnitRepository } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { PAGE_SIZE } from '../http/paging';
import { isProcessOwner, scopeOf, unitForStay, type Principal } from '../auth/principal';

/** What a queue is asked for, by the REST queue and by FHIR's Task search alike. */
export interface QueueRequest {
  /** One of the user's units (processägare: any unit); absent: all the user's units. */
  unit?: { id: string; field: string };
  status?: 'open' | 'claimed' | 'done' | 'cancelled';
  overdue?: boolean;
  dueBefore?: Date;
  stayId?: string;
  after?: { dueAt: Date | null; id: string };
  limit: number;
  now: Date;
}

/**
 * The one way into task queues and single tasks, for the REST API and the FHIR facade: the
 * unit check, the scope in SQL and the audit row (written by the statement that reads a page;
 * before the answer for a single task), refusals audited as well.
 */
@Injectable()
export class TaskQueueService {
  constructor(
    private readonly query: TaskQueryRepository,
    private readonly tasks: TaskRepository,
    private readonly units: UnitRepository,
    private readonly audit: AuditService,
  ) {}

  /** A page of a queue: 400 for an unknown unit, 403 (audited) for another unit's queue. */
  async page(principal: Principal, request: QueueRequest, action: string) {
    const { unit } = request;
    if (unit && !(await this.units.findById(unit.id)))
      throw AppError.invalidInput('Unknown unit', [
        { field: unit.field, reason: `no unit with id "${unit.id}"` },
      ]);
    const owner = isProcessOwner(principal);
    if (unit && !owner && !principal.unitIds.includes(unit.id)) {
      await this.audit.denied(principal, action, { unitId: unit.id });
      throw AppError.forbidden('The queue belongs to another unit');
    }
    const unitId = unit?.id ?? (owner ? null : (principal.unitIds[0] ?? null));
    return this.query.page(
      {
        ...(unit ? { unitIds: [unit.id] } : owner ? {} : { unitIds: principal.unitIds }),
        ...(request.status ? { status: request.status } : {}),
        ...(request.overdue === undefined ? {} : { overdue: request.overdue }),
        ...(request.dueBefore ? { dueBefore: request.dueBefore } : {}),
        ...(request.stayId ? { stayId: request.stayId } : {}),
        ...(request.after ? { after: request.after } : {}),
        limit: request.limit,
        now: request.now,
      },
      {
        reader: this.audit.reader(principal, action, unitId),
        shown: Math.min(request.limit, PAGE_SIZE),
      },
    );
  }

  /** One task of a stay the user may see, with its stay's process version; else 404 (audited). */
  async read(principal: Principal, taskId: string, action: string) {
    const found = await this.tasks.findVisible(taskId, scopeOf(principal));
    if (!found?.visible) {
      await this.audit.denied(principal, action, {
        unitId: principal.unitIds[0] ?? null,
        stayId: found?.stay.id ?? null,
        taskId,
      });
      throw AppError.notFound(`Task ${taskId} was not found`);
    }
    await this.audit.ok(principal, action, [
      { unitId: unitForStay(principal, found.stay), stayId: found.stay.id, taskId },
    ]);
    return found;
  }

  /** The process definition version of each stay among `stayIds`, in one query. */
  versionsOf(stayIds: readonly string[]): Promise<Map<string, number>> {
    return this.tasks.stayVersions(stayIds);
  }
}
