import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { AppError, completeTaskSchema, listTasksQuerySchema } from '@app/domain';
import { TaskRepository, UnitRepository } from '@app/persistence';
import { parseInput } from '../http/parse';
import { idempotencyKey } from '../http/request';
import { presentTask } from '../stays/stay.presenter';
import { TasksService } from './tasks.service';

const taskIdSchema = z.object({ id: z.string().min(1).max(100) });
const PAGE_SIZE = 50;

/** Until sign-in lands, completions are attributed to this actor. */
const UNAUTHENTICATED_ACTOR = 'unauthenticated';

@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly service: TasksService,
    private readonly tasks: TaskRepository,
    private readonly units: UnitRepository,
  ) {}

  @Get()
  async list(@Query() query: unknown) {
    const filter = parseInput(listTasksQuerySchema, query, 'query');
    if (!(await this.units.findById(filter.unit)))
      throw AppError.invalidInput('Unknown unit', [
        { field: 'query.unit', reason: `no unit with id "${filter.unit}"` },
      ]);
    const rows = await this.tasks.list({
      unitId: filter.unit,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.overdue === undefined ? {} : { overdue: filter.overdue }),
      ...(filter.stay ? { stayId: filter.stay } : {}),
      limit: PAGE_SIZE,
    });
    return { items: rows.map((row) => presentTask(row)) };
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { id } = parseInput(taskIdSchema, params, 'path');
    const validKey = idempotencyKey(key);
    const request = parseInput(completeTaskSchema, body ?? {}, 'body');
    return this.service.complete(id, request, validKey, UNAUTHENTICATED_ACTOR);
  }
}
