import { Injectable } from '@nestjs/common';
import type { DeviationRecord, StayEventRecord } from '@app/workflows';
import { PrismaService } from '../prisma.service';

/** Events and deviations of a stay; both written once, keyed by a deterministic id. */
@Injectable()
export class TimelineRepository {
  constructor(private readonly prisma: PrismaService) {}

  async recordEvent(event: StayEventRecord): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO stay_event (id, stay_id, type, occurred_at, recorded_at, data)
      VALUES (${event.id}, ${event.stayId}::uuid, ${event.type}, ${new Date(event.occurredAt)},
        ${new Date(event.recordedAt)}, ${JSON.stringify(event.data)}::jsonb)
      ON CONFLICT (id) DO NOTHING`;
  }

  async recordDeviation(d: DeviationRecord): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO deviation (id, stay_id, task_id, unit_id, category, description, source, occurred_at)
      VALUES (${d.id}, ${d.stayId}::uuid, ${d.taskId ?? null}, ${d.unitId}, ${d.category},
        ${d.description}, ${d.source}, ${new Date(d.occurredAt)})
      ON CONFLICT (id) DO NOTHING`;
  }

  listDeviations(stayId: string) {
    return this.prisma.deviation.findMany({ where: { stayId }, orderBy: { occurredAt: 'asc' } });
  }
}
