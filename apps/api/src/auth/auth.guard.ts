import {
  Injectable,
  SetMetadata,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { principalOf, type Principal } from './principal';
import { TokenService } from './token.service';

const PUBLIC = 'utskrivning:public';

/** Marks a route that answers without a token (health, docs, reference data, dev sign-in). */
export const Public = () => SetMetadata(PUBLIC, true);

type AuthenticatedRequest = Request & { principal?: Principal };

/** The signed-in user of the request; only on routes behind the guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw AppError.unauthenticated('Sign in first');
  return principal;
});

/**
 * Every route needs a valid bearer token unless marked @Public(). The token names a user
 * (dev: the user id; oidc: the subject), who must exist and be active.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])
    )
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer +([\w.~+/-]+=*)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw AppError.unauthenticated('A bearer token is required');
    const { mode, subject } = await this.tokens.verify(match[1]);
    const user =
      mode === 'dev'
        ? await this.users.findById(subject)
        : await this.users.findByOidcSubject(subject);
    if (!user) throw AppError.forbidden('The signed-in user has no access to this service');
    request.principal = principalOf(user);
    return true;
  }
}
