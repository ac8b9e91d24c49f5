import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { AppError, devTokenRequestSchema } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { parseInput } from '../http/parse';
import { presentMe } from '../me/me.controller';
import { Public } from './auth.guard';
import { principalOf } from './principal';
import { DEV_TOKEN_LIFETIME_SECONDS, TokenService } from './token.service';

/** Development sign-in: registered only when AUTH_MODE=dev (see AppModule). */
@Public()
@Controller('api/v1/dev')
export class DevAuthController {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
  ) {}

  @Get('users')
  async list() {
    return { items: (await this.users.list()).map((u) => presentMe(principalOf(u))) };
  }

  @Post('token')
  @HttpCode(200)
  async token(@Body() body: unknown) {
    const { userId } = parseInput(devTokenRequestSchema, body ?? {}, 'body');
    const user = await this.users.findById(userId);
    if (!user)
      throw AppError.unprocessable('Unknown user', [
        { field: 'body.userId', reason: `no demo user with id "${userId}"` },
      ]);
    return {
      accessToken: await this.tokens.signDevToken(user.id),
      tokenType: 'Bearer' as const,
      expiresIn: DEV_TOKEN_LIFETIME_SECONDS,
    };
  }
}
