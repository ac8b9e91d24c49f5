import { Injectable } from '@nestjs/common';
import type { Lane } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface UnitRecord {
  id: string;
  name: string;
  lane: Lane;
  kommunCode: string | null;
}

@Injectable()
export class UnitRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<UnitRecord | null> {
    return this.prisma.unit.findUnique({ where: { id } });
  }

  list(): Promise<UnitRecord[]> {
    return this.prisma.unit.findMany({ orderBy: [{ lane: 'asc' }, { id: 'asc' }] });
  }

  /** The kommun's unit in a lane (hemsjukvård or socialtjänst), if the kommun has one. */
  findKommunUnit(kommunCode: string, lane: Lane): Promise<UnitRecord | null> {
    return this.prisma.unit.findFirst({ where: { kommunCode, lane }, orderBy: { id: 'asc' } });
  }

  async upsertMany(units: readonly UnitRecord[]): Promise<void> {
    await this.prisma.$transaction(
      units.map((unit) =>
        this.prisma.unit.upsert({ where: { id: unit.id }, create: unit, update: unit }),
      ),
    );
  }
}
