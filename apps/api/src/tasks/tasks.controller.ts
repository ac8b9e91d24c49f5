import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import {
  AppError,
  completeTaskSchema,
  reassignTaskSchema,
  taskQueueQuerySchema,
} from '@app/domain';
import { TaskQueryRepository, UnitRepository } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal } from '../auth/auth.guard';
import { isProcessOwner, type Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { PAGE_SIZE, cursorDate, cursorParts, pageOf } from '../http/paging';
import { idempotencyKey } from '../http/request';
import { presentTask } from '../stays/stay.presenter';
import { TasksService, type TaskAction } from './tasks.service';

export const taskIdSchema = z.object({ id: z.string().min(1).max(100) });

@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly service: TasksService,
    private readonly tasks: TaskQueryRepository,
    private readonly units: UnitRepository,
    private readonly audit: AuditService,
  ) {}

  /** A queue: the user's units (or one of them), by due time, in pages of 50. */
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const filter = parseInput(taskQueueQuerySchema, query, 'query');
    if (filter.unit && !(await this.units.findById(filter.unit)))
      throw AppError.invalidInput('Unknown unit', [
        { field: 'query.unit', reason: `no unit with id "${filter.unit}"` },
      ]);
    const owner = isProcessOwner(principal);
    if (filter.unit && !owner && !principal.unitIds.includes(filter.unit))
      throw AppError.forbidden('The queue belongs to another unit');
    const [dueAt, id] = filter.cursor ? cursorParts(filter.cursor, 2) : [];
    const now = new Date();
    const unitId = filter.unit ?? (owner ? null : (principal.unitIds[0] ?? null));
    const rows = await this.tasks.page(
      {
        ...(filter.unit ? { unitIds: [filter.unit] } : owner ? {} : { unitIds: principal.unitIds }),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.overdue === undefined ? {} : { overdue: filter.overdue }),
        ...(filter.dueBefore ? { dueBefore: filter.dueBefore } : {}),
        ...(filter.stay ? { stayId: filter.stay } : {}),
        ...(filter.cursor
          ? { after: { dueAt: dueAt === null ? null : cursorDate(dueAt), id: id ?? '' } }
          : {}),
        limit: PAGE_SIZE + 1,
        now,
      },
      { reader: this.audit.reader(principal, 'task.list', unitId), shown: PAGE_SIZE },
    );
    const page = pageOf(rows, (last) => [last.dueAt?.toISOString() ?? null, last.id]);
    return { items: page.items.map((t) => presentTask(t, now)), nextCursor: page.nextCursor };
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(
    @CurrentPrincipal() p: Principal,
    @Param() params: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.act(p, params, key, () => ({ kind: 'claim' }));
  }

  @Post(':id/release')
  @HttpCode(200)
  release(
    @CurrentPrincipal() p: Principal,
    @Param() params: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.act(p, params, key, () => ({ kind: 'release' }));
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(
    @CurrentPrincipal() p: Principal,
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.act(p, params, key, () => ({
      kind: 'complete',
      request: parseInput(completeTaskSchema, body ?? {}, 'body'),
    }));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  reassign(
    @CurrentPrincipal() p: Principal,
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.act(p, params, key, () => ({
      kind: 'reassign',
      request: parseInput(reassignTaskSchema, body ?? {}, 'body'),
    }));
  }

  private act(
    principal: Principal,
    params: unknown,
    key: string | undefined,
    action: () => TaskAction,
  ) {
    const { id } = parseInput(taskIdSchema, params, 'path');
    const validKey = idempotencyKey(key);
    return this.service.act(principal, id, action(), validKey);
  }
}
