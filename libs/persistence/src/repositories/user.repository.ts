import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Prisma, type UserRole } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { UnitRepository, type UnitRecord } from './unit.repository';

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

/**
 * How long a process trusts an active user it read. Every authenticated request looks its
 * user up; a deactivated user, or one moved to another unit, is seen within this time. A user
 * who is not found is not remembered: a new user may sign in at once.
 */
export const USER_CACHE_MS = 10_000;

type UserKey = `id:${string}` | `oidc:${string}`;

/** Users and the units they act for. */
@Injectable()
export class UserRepository {
  private readonly active = new LRUCache<UserKey, UserRecord>({
    max: 10_000,
    ttl: USER_CACHE_MS,
    // Concurrent requests of one user share one read.
    fetchMethod: (key) =>
      this.findOne(
        key.startsWith('id:') ? { id: key.slice(3) } : { oidcSubject: key.slice(5) },
      ).then((user) => user ?? undefined),
  });

  constructor(
    private readonly prisma: PrismaService,
    private readonly units: UnitRepository,
  ) {}

  async findById(id: string): Promise<UserRecord | null> {
    return (await this.active.fetch(`id:${id}`)) ?? null;
  }

  async findByOidcSubject(subject: string): Promise<UserRecord | null> {
    return (await this.active.fetch(`oidc:${subject}`)) ?? null;
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
    try {
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
    } finally {
      this.active.clear(); // this process sees the change at once
    }
  }

  /** The active user and the ids of their units, in one statement; units from the cache. */
  private async findOne(where: { id: string } | { oidcSubject: string }) {
    const rows = await this.prisma.$queryRaw<UserRow[]>`
      SELECT u.id, u.display_name AS "displayName", u.role::text AS role,
        u.oidc_subject AS "oidcSubject",
        coalesce(array_agg(m.unit_id) FILTER (WHERE m.unit_id IS NOT NULL), '{}') AS "unitIds"
      FROM app_user u LEFT JOIN app_user_unit m ON m.user_id = u.id
      WHERE u.active AND ${
        'id' in where
          ? Prisma.sql`u.id = ${where.id}`
          : Prisma.sql`u.oidc_subject = ${where.oidcSubject}`
      }
      GROUP BY u.id`;
    const row = rows[0];
    if (!row) return null;
    const units = await this.units.findByIds(row.unitIds);
    return toRecord({ ...row, units: row.unitIds.map((unitId) => ({ unitId })) }, units);
  }

  private async unitsById(ids: readonly string[]): Promise<Map<string, UnitRecord>> {
    return this.units.findByIds(ids);
  }
}

interface UserRow {
  id: string;
  displayName: string;
  role: UserRole;
  oidcSubject: string | null;
  unitIds: string[];
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
