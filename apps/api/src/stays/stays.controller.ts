import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { AppError, admissionSchema, stayEventRequestSchema } from '@app/domain';
import { StayRepository } from '@app/persistence';
import { parseInput } from '../http/parse';
import { idempotencyKey, requestHash } from '../http/request';
import { presentTimeline } from './stay.presenter';
import { StaysService } from './stays.service';

const stayIdSchema = z.object({ id: z.uuid('must be a stay id (uuid)') });

@Controller('api/v1/stays')
export class StaysController {
  constructor(
    private readonly service: StaysService,
    private readonly stays: StayRepository,
  ) {}

  @Post()
  @HttpCode(201)
  admit(@Body() body: unknown, @Headers('idempotency-key') key: string | undefined) {
    const validKey = idempotencyKey(key);
    const admission = parseInput(admissionSchema, body, 'body');
    return this.service.admit(admission, validKey, requestHash(body));
  }

  @Get(':id')
  async timeline(@Param() params: unknown) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    const stay = await this.stays.findTimeline(id);
    if (!stay) throw AppError.notFound(`Stay ${id} was not found`);
    return presentTimeline(stay);
  }

  @Post(':id/events')
  @HttpCode(201)
  registerEvent(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    const event = parseInput(stayEventRequestSchema, body, 'body');
    const updateId = `event:${key === undefined ? crypto.randomUUID() : idempotencyKey(key)}`;
    return this.service.registerEvent(id, event, updateId);
  }
}
