import { Injectable } from '@nestjs/common';
import type { ProjectionFailureRecord } from '@app/workflows';
import { PrismaService } from '../prisma.service';

export interface ProjectionFailureRow {
  id: string;
  stayId: string;
  projection: string;
  sqlState: string | null;
  failedAt: Date;
}

/**
 * Projections PostgreSQL refused for good, recorded by the stay workflow. Each is also put on
 * the stay's timeline as a `projection-failed` event (when the stay's row exists), so whoever
 * may see the stay sees that its read model is behind.
 */
@Injectable()
export class ProjectionFailureRepository {
  constructor(private readonly prisma: PrismaService) {}

  async record(failure: ProjectionFailureRecord): Promise<void> {
    const failedAt = new Date(failure.failedAt);
    await this.prisma.$executeRaw`
      INSERT INTO projection_failure (id, stay_id, projection, sql_state, failed_at)
      VALUES (${failure.id}::uuid, ${failure.stayId}::uuid, ${failure.projection},
        ${failure.sqlState}, ${failedAt})
      ON CONFLICT (id) DO NOTHING`;
    const data = JSON.stringify({ projection: failure.projection, sqlState: failure.sqlState });
    await this.prisma.$executeRaw`
      INSERT INTO stay_event (id, stay_id, type, occurred_at, recorded_at, data)
      SELECT ${`projection-failed:${failure.id}`}, s.id, 'projection-failed', ${failedAt},
        now(), ${data}::jsonb
      FROM stay s WHERE s.id = ${failure.stayId}::uuid
      ON CONFLICT (id) DO NOTHING`;
  }

  /** The latest failures, newest first (for the monitoring API; no patient data). */
  latest(limit: number): Promise<ProjectionFailureRow[]> {
    return this.prisma.projectionFailure.findMany({
      orderBy: [{ failedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { id: true, stayId: true, projection: true, sqlState: true, failedAt: true },
    });
  }
}
