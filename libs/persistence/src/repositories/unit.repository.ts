import { Injectable } from '@nestjs/common';
import type { StayUnits } from '@app/workflows';
import type { Lane, UnitKind } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { resolveReceivingUnits, type StayAddress } from './receiving-units';

export interface UnitRecord {
  id: string;
  name: string;
  lane: Lane;
  kommunCode: string | null;
  kind: UnitKind;
  /** The stadsområde / NOSAM area the unit serves, when its kommun routes by area. */
  area: string | null;
  postalCodePrefixes: string[];
}

/**
 * How long a process keeps the units it read. Units are reference data that change only with
 * a deployment's seed or an administrator's import, while nearly every request (sign-in,
 * admission, task routing) looks one up; a new unit is seen everywhere within this time.
 */
export const UNIT_CACHE_MS = 60_000;

interface UnitSnapshot {
  loadedAt: number;
  /** In the database's order by id, so "the first unit" means the same as in SQL. */
  ordered: readonly UnitRecord[];
  byId: ReadonlyMap<string, UnitRecord>;
}

@Injectable()
export class UnitRepository {
  private snapshot?: UnitSnapshot;
  private loading?: Promise<UnitSnapshot>;

  constructor(private readonly prisma: PrismaService) {}

  async findById(id: string): Promise<UnitRecord | null> {
    return (await this.units()).byId.get(id) ?? null;
  }

  /** Several units at once, by id; unknown ids are left out. */
  async findByIds(ids: Iterable<string>): Promise<Map<string, UnitRecord>> {
    const { byId } = await this.units();
    const found = new Map<string, UnitRecord>();
    for (const id of ids) {
      const unit = byId.get(id);
      if (unit) found.set(id, unit);
    }
    return found;
  }

  list(): Promise<UnitRecord[]> {
    return this.prisma.unit.findMany({ orderBy: [{ lane: 'asc' }, { id: 'asc' }] });
  }

  /**
   * The units that perform a stay's activities (see resolveReceivingUnits): its ward,
   * vårdcentral and kommun's units, and the intake units for the receivers not resolved.
   */
  async resolveStayUnits(stay: StayAddress): Promise<StayUnits> {
    return resolveReceivingUnits((await this.units()).ordered, stay);
  }

  async upsertMany(units: readonly UnitRecord[]): Promise<void> {
    await this.prisma.$transaction(
      units.map((unit) =>
        this.prisma.unit.upsert({ where: { id: unit.id }, create: unit, update: unit }),
      ),
    );
    this.snapshot = undefined;
  }

  /** All units, read at most once per UNIT_CACHE_MS (concurrent callers share one read). */
  private units(): Promise<UnitSnapshot> {
    const current = this.snapshot;
    if (current && Date.now() - current.loadedAt < UNIT_CACHE_MS) return Promise.resolve(current);
    this.loading ??= this.prisma.unit
      .findMany({ orderBy: { id: 'asc' } })
      .then((ordered) => {
        const snapshot = {
          loadedAt: Date.now(),
          ordered,
          byId: new Map(ordered.map((u) => [u.id, u])),
        };
        this.snapshot = snapshot;
        return snapshot;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
