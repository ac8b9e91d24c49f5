import { Injectable } from '@nestjs/common';
import type { UserRole } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import type { UnitRecord } from './unit.repository';

export interface UserRecord {
  id: string;
  displayName: string;
  role: UserRole;
  oidcSubject: string | null;
  units: UnitRecord[];
}

export interface NewUser {
  id: string;
  displayName: string;
  role: UserRole;
  oidcSubject?: string;
  unitIds: readonly string[];
}

/** Users and the units they act for. */
@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<UserRecord | null> {
    return this.findOne({ id, active: true });
  }

  findByOidcSubject(subject: string): Promise<UserRecord | null> {
    return this.findOne({ oidcSubject: subject, active: true });
  }

  /** Active users, by role and id (the development sign-in lists them). */
  async list(): Promise<UserRecord[]> {
    const users = await this.prisma.appUser.findMany({
      where: { active: true },
      orderBy: [{ role: 'asc' }, { id: 'asc' }],
      include: { units: true },
    });
    const units = await this.unitsById(users.flatMap((u) => u.units.map((m) => m.unitId)));
    return users.map((u) => toRecord(u, units));
  }

  /** Creates or updates users with exactly the given units (idempotent; for the demo data). */
  async upsertMany(users: readonly NewUser[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const user of users) {
        const data = {
          displayName: user.displayName,
          role: user.role,
          oidcSubject: user.oidcSubject ?? null,
        };
        await tx.appUser.upsert({
          where: { id: user.id },
          create: { id: user.id, ...data },
          update: data,
        });
        await tx.appUserUnit.deleteMany({ where: { userId: user.id } });
        await tx.appUserUnit.createMany({
          data: user.unitIds.map((unitId) => ({ userId: user.id, unitId })),
        });
      }
    });
  }

  private async findOne(where: { id?: string; oidcSubject?: string; active: boolean }) {
    const user = await this.prisma.appUser.findFirst({ where, include: { units: true } });
    if (!user) return null;
    return toRecord(user, await this.unitsById(user.units.map((m) => m.unitId)));
  }

  private async unitsById(ids: readonly string[]): Promise<Map<string, UnitRecord>> {
    const units = await this.prisma.unit.findMany({ where: { id: { in: [...new Set(ids)] } } });
    return new Map(units.map((u) => [u.id, u]));
  }
}

function toRecord(
  user: {
    id: string;
    displayName: string;
    role: UserRole;
    oidcSubject: string | null;
    units: { unitId: string }[];
  },
  units: Map<string, UnitRecord>,
): UserRecord {
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    oidcSubject: user.oidcSubject,
    units: user.units
      .map((m) => units.get(m.unitId))
      .filter((u): u is UnitRecord => u !== undefined)
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
