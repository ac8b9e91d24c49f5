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

  /** Records deviations once each (their ids are deterministic), in one statement. */
  async recordDeviations(deviations: readonly DeviationRecord[]): Promise<void> {
    if (deviations.length === 0) return;
    await this.prisma.deviation.createMany({
      data: deviations.map((d) => ({
        id: d.id,
        stayId: d.stayId,
        taskId: d.taskId ?? null,
        unitId: d.unitId,
        category: d.category,
        description: d.description,
        source: d.source,
        occurredAt: new Date(d.occurredAt),
      })),
      skipDuplicates: true,
    });
  }

  listDeviations(stayId: string) {
    return this.prisma.deviation.findMany({ where: { stayId }, orderBy: { occurredAt: 'asc' } });
  }
}
