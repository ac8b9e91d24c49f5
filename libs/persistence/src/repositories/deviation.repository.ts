import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { visibleStay, type StayScope } from './access-scope';
import { claimIdempotencyKey, type IdempotencyClaim } from './idempotency';

export interface NewManualDeviation {
  id: string;
  stayId: string;
  /** The unit the deviation is against. */
  unitId: string;
  category: string;
  description: string;
  occurredAt: Date;
}

export type ManualDeviationOutcome =
  | { kind: 'created' | 'replayed'; deviationId: string }
  | { kind: 'key-reused'; deviationId: string };

export interface DeviationFilter {
  scope: StayScope;
  unitId?: string;
  kommunCode?: string;
  category?: string;
  source?: 'manual' | 'automatic';
  from?: Date;
  to?: Date;
  /** Keyset: the last row of the previous page (newest first). */
  before?: { occurredAt: Date; id: string };
  limit: number;
}

export interface DeviationRow {
  id: string;
  stayId: string;
  taskId: string | null;
  unitId: string;
  kommunCode: string;
  category: string;
  description: string;
  source: string;
  occurredAt: Date;
  recordedAt: Date;
}

/** Samverkansavvikelser: manual reports (automatic ones come from the workflow). */
@Injectable()
export class DeviationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Records a manual deviation once per Idempotency-Key, in one transaction with the key. */
  async createManual(
    deviation: NewManualDeviation,
    claim: IdempotencyClaim,
  ): Promise<ManualDeviationOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await claimIdempotencyKey(tx, claim, deviation.id);
      if (claimed.kind !== 'new') return { kind: claimed.kind, deviationId: claimed.resourceId };
      await tx.deviation.create({ data: { ...deviation, source: 'manual', taskId: null } });
      return { kind: 'created', deviationId: deviation.id };
    });
  }

  findById(id: string) {
    return this.prisma.deviation.findUnique({ where: { id } });
  }

  /** Deviations on stays within the scope, newest first, one page. */
  async list(filter: DeviationFilter): Promise<DeviationRow[]> {
    const conditions: Prisma.Sql[] = [visibleStay(filter.scope)];
    if (filter.unitId) conditions.push(Prisma.sql`d.unit_id = ${filter.unitId}`);
    if (filter.kommunCode) conditions.push(Prisma.sql`s.kommun_code = ${filter.kommunCode}`);
    if (filter.category) conditions.push(Prisma.sql`d.category = ${filter.category}`);
    if (filter.source) conditions.push(Prisma.sql`d.source = ${filter.source}`);
    if (filter.from) conditions.push(Prisma.sql`d.occurred_at >= ${filter.from}`);
    if (filter.to) conditions.push(Prisma.sql`d.occurred_at < ${filter.to}`);
    if (filter.before)
      conditions.push(
        Prisma.sql`(d.occurred_at, d.id) < (${filter.before.occurredAt}, ${filter.before.id})`,
      );
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        stay_id: string;
        task_id: string | null;
        unit_id: string;
        kommun_code: string;
        category: string;
        description: string;
        source: string;
        occurred_at: Date;
        recorded_at: Date;
      }[]
    >`
      SELECT d.id, d.stay_id, d.task_id, d.unit_id, s.kommun_code, d.category, d.description,
        d.source, d.occurred_at, d.recorded_at
      FROM deviation d JOIN stay s ON s.id = d.stay_id
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY d.occurred_at DESC, d.id DESC
      LIMIT ${filter.limit}`;
    return rows.map((r) => ({
      id: r.id,
      stayId: r.stay_id,
      taskId: r.task_id,
      unitId: r.unit_id,
      kommunCode: r.kommun_code,
      category: r.category,
      description: r.description,
      source: r.source,
      occurredAt: r.occurred_at,
      recordedAt: r.recorded_at,
    }));
  }
}
