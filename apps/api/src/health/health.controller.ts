import { Controller, Get } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppError } from '@app/domain';
import { PrismaService } from '@app/persistence';
import { Public } from '../auth/auth.guard';

/** How long each dependency may take to answer before it counts as not ready. */
const CHECK_TIMEOUT_MS = 2_000;

type Check = 'up' | 'down';

const within = <T>(ms: number, promise: Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/**
 * Readiness: 200 when PostgreSQL and Temporal both answer, else 503 problem+json naming
 * which does not (and Retry-After), so a load balancer or orchestrator stops sending
 * requests that could only fail.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
  ) {}

  @Get()
  async health() {
    const [postgresql, temporal] = await Promise.all([
      this.probe(() => this.prisma.$queryRaw`SELECT 1`),
      this.probe(() =>
        // The call's own deadline ends before the probe's timeout: no call outlives the probe.
        this.temporal.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS - 500, () =>
          this.temporal.connection.workflowService.getSystemInfo({}),
        ),
      ),
    ]);
    const down = [
      ...(postgresql === 'down' ? ['PostgreSQL'] : []),
      ...(temporal === 'down' ? ['Temporal'] : []),
    ];
    if (down.length > 0) throw AppError.unavailable(`Not ready: ${down.join(' and ')} unavailable`);
    return { status: 'ok' as const, checks: { postgresql, temporal } };
  }

  private async probe(check: () => Promise<unknown>): Promise<Check> {
    try {
      await within(CHECK_TIMEOUT_MS, check());
      return 'up';
    } catch {
      return 'down';
    }
  }
}
