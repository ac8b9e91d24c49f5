import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { completeTaskSchema, reassignTaskSchema, taskQueueQuerySchema } from '@app/domain';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { PAGE_SIZE, cursorDate, cursorParts, pageOf } from '../http/paging';
import { idempotencyKey } from '../http/request';
import { presentTask } from '../stays/stay.presenter';
import { TaskQueueService } from './task-queue.service';
import { TasksService, type TaskAction } from './tasks.service';

export const taskIdSchema = z.object({ id: z.string().min(1).max(100) });

@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly service: TasksService,
    private readonly queue: TaskQueueService,
  ) {}

  /** A queue: the user's units (or one of them), by due time, in pages of 50. */
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const filter = parseInput(taskQueueQuerySchema, query, 'query');
    const [dueAt, id] = filter.cursor ? cursorParts(filter.cursor, 2) : [];
    const now = new Date();
    const rows = await this.queue.page(
      principal,
      {
        ...(filter.unit ? { unit: { id: filter.unit, field: 'query.unit' } } : {}),
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
      'task.list',
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
    return this.act(p, params, key, undefined, () => ({ kind: 'claim' }));
  }

  @Post(':id/release')
  @HttpCode(200)
  release(
    @CurrentPrincipal() p: Principal,
    @Param() params: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.act(p, params, key, undefined, () => ({ kind: 'release' }));
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(
    @CurrentPrincipal() p: Principal,
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.act(p, params, key, body, () => ({
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
    return this.act(p, params, key, body, () => ({
      kind: 'reassign',
      request: parseInput(reassignTaskSchema, body ?? {}, 'body'),
    }));
  }

  private act(
    principal: Principal,
    params: unknown,
    key: string | undefined,
    body: unknown,
    action: () => TaskAction,
  ) {
    const { id } = parseInput(taskIdSchema, params, 'path');
    const validKey = idempotencyKey(key);
    return this.service.act(principal, id, action(), { key: validKey, request: body ?? {} });
  }
}
