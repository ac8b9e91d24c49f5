import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AppConfig } from '@app/config';
import { AppError } from '@app/domain';
import type { Principal } from '../auth/principal';

const MINUTE_MS = 60_000;

/**
 * Two limits a minute: per signed-in user (a script or a stuck client of one person) and per
 * client IP (much higher: a hospital's staff may share one NAT address). Both configurable;
 * the test stacks raise them so the suites and the benchmark never meet them.
 */
export const rateLimitModule = (config: AppConfig) =>
  ThrottlerModule.forRoot({
    throttlers: [
      { name: 'ip', ttl: MINUTE_MS, limit: config.RATE_LIMIT_PER_IP_PER_MINUTE },
      { name: 'user', ttl: MINUTE_MS, limit: config.RATE_LIMIT_PER_USER_PER_MINUTE },
    ],
    setHeaders: false,
  });

type Request = { ip?: string; principal?: Principal };

/**
 * Runs after the AuthGuard (registered after it), so the user limit counts by the signed-in
 * user; a route without sign-in counts by IP for both. Over a limit: 429 problem+json with
 * Retry-After, through the one error type.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    return Promise.resolve(`ip:${(req as Request).ip ?? 'unknown'}`);
  }

  protected override generateKey(
    context: ExecutionContext,
    tracker: string,
    throttlerName: string,
  ): string {
    const principal = context.switchToHttp().getRequest<Request>().principal;
    const who = throttlerName === 'user' && principal ? `user:${principal.userId}` : tracker;
    return `${throttlerName}:${who}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw AppError.rateLimited(
      'Too many requests; try again shortly',
      Math.max(1, Math.ceil(detail.timeToBlockExpire)),
    );
  }
}
