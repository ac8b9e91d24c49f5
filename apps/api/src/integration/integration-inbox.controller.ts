import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { idempotencyKey } from '../http/request';
import {
  inboxQuerySchema,
  integrationMessageIdSchema,
  resolveMessageSchema,
} from './integration-inbox.schemas';
import { IntegrationInboxService } from './integration-inbox.service';

/** The inbox of messages from the hospitals' systems (HL7 v2) that were not applied. */
@Controller('api/v1/integration/messages')
export class IntegrationInboxController {
  constructor(private readonly inbox: IntegrationInboxService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.inbox.list(principal, parseInput(inboxQuerySchema, query, 'query'));
  }

  @Post(':id/replay')
  @HttpCode(200)
  replay(
    @CurrentPrincipal() principal: Principal,
    @Param() params: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const validKey = idempotencyKey(key);
    const { id } = parseInput(integrationMessageIdSchema, params, 'path');
    return this.inbox.replay(principal, id, validKey);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(
    @CurrentPrincipal() principal: Principal,
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const validKey = idempotencyKey(key);
    const { id } = parseInput(integrationMessageIdSchema, params, 'path');
    const { note } = parseInput(resolveMessageSchema, body, 'body');
    return this.inbox.resolve(principal, id, note, validKey);
  }
}
