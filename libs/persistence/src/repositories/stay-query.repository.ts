import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { visibleStay, type StayScope } from './access-scope';

export interface StayListFilter {
  scope: StayScope;
  /** Stays on this ward, listed at this vårdcentral, or with a task at this unit. */
  unitId?: string;
  kommunCode?: string;
  status?: 'admitted' | 'discharged' | 'died' | 'transferred';
  /** Keyset: the last row of the previous page. */
  after?: { admittedAt: Date; id: string };
  limit: number;
}

export interface StayListRow {
  id: string;
  status: string;
  wardUnitId: string;
  kommunCode: string;
  listedVardcentralUnitId: string | null;
  outOfCounty: boolean;
  careType: string;
  admittedAt: Date;
  endedAt: Date | null;
  processDefinitionVersion: number;
  patientName: string;
  personnummer: string;
  patientKey: string;
  openTasks: number;
  overdueTasks: number;
}

interface RawStayListRow {
  id: string;
  status: string;
  ward_unit_id: string;
  kommun_code: string;
  listed_vardcentral_unit_id: string | null;
  out_of_county: boolean;
  care_type: string;
  admitted_at: Date;
  ended_at: Date | null;
  process_definition_version: number;
  patient_name: string;
  personnummer: string;
  patient_key: string;
  open_tasks: number;
  overdue_tasks: number;
}

/** Stay reads that apply a user's scope: lists, the timeline and single-stay checks. */
@Injectable()
export class StayQueryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** True when the stay exists and the scope may see it. */
  async isVisible(stayId: string, scope: StayScope): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ ok: number }[]>`
      SELECT 1 AS ok FROM stay s WHERE s.id = ${stayId}::uuid AND ${visibleStay(scope)}`;
    return rows.length > 0;
  }

  /** The stay with patient, events, tasks, deviations and frailty, or null when not visible. */
  async findTimeline(stayId: string, scope: StayScope) {
    if (!(await this.isVisible(stayId, scope))) return null;
    const [stay, frailty] = await Promise.all([
      this.prisma.stay.findUnique({
        where: { id: stayId },
        include: {
          patient: true,
          events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
          tasks: { orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] },
          deviations: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
        },
      }),
      this.prisma.stayFrailty.findUnique({ where: { stayId } }),
    ]);
    return stay ? { ...stay, frailty } : null;
  }

  /** Visible stays, newest admission first, one page. */
  async list(filter: StayListFilter): Promise<StayListRow[]> {
    const conditions: Prisma.Sql[] = [visibleStay(filter.scope)];
    if (filter.unitId)
      conditions.push(Prisma.sql`(s.ward_unit_id = ${filter.unitId}
        OR s.listed_vardcentral_unit_id = ${filter.unitId}
        OR EXISTS (SELECT 1 FROM task t WHERE t.stay_id = s.id AND t.unit_id = ${filter.unitId}))`);
    if (filter.kommunCode) conditions.push(Prisma.sql`s.kommun_code = ${filter.kommunCode}`);
    if (filter.status) conditions.push(Prisma.sql`s.status = ${filter.status}::"StayStatus"`);
    if (filter.after)
      conditions.push(
        Prisma.sql`(s.admitted_at, s.id) < (${filter.after.admittedAt}, ${filter.after.id}::uuid)`,
      );
    const rows = await this.prisma.$queryRaw<RawStayListRow[]>`
      SELECT s.id, s.status::text AS status, s.ward_unit_id, s.kommun_code,
        s.listed_vardcentral_unit_id, s.out_of_county, s.care_type, s.admitted_at, s.ended_at,
        s.process_definition_version, coalesce(s.patient_name, p.name) AS patient_name, p.personnummer, p.patient_key,
        (SELECT count(*)::int FROM task t WHERE t.stay_id = s.id
           AND t.status IN ('open', 'claimed')) AS open_tasks,
        (SELECT count(*)::int FROM task t WHERE t.stay_id = s.id
           AND t.status IN ('open', 'claimed') AND (t.overdue OR t.due_at <= now())) AS overdue_tasks
      FROM stay s JOIN patient p ON p.id = s.patient_id
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY s.admitted_at DESC, s.id DESC
      LIMIT ${filter.limit}`;
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      wardUnitId: r.ward_unit_id,
      kommunCode: r.kommun_code,
      listedVardcentralUnitId: r.listed_vardcentral_unit_id,
      outOfCounty: r.out_of_county,
      careType: r.care_type,
      admittedAt: r.admitted_at,
      endedAt: r.ended_at,
      processDefinitionVersion: r.process_definition_version,
      patientName: r.patient_name,
      personnummer: r.personnummer,
      patientKey: r.patient_key,
      openTasks: r.open_tasks,
      overdueTasks: r.overdue_tasks,
    }));
  }

  /** Records the admission's frailty assessment; a repeated admission changes nothing. */
  async recordFrailty(stayId: string, cfs: number): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO stay_frailty (stay_id, cfs) VALUES (${stayId}::uuid, ${cfs})
      ON CONFLICT (stay_id) DO NOTHING`;
  }
}

export type VisibleStayTimeline = NonNullable<
  Awaited<ReturnType<StayQueryRepository['findTimeline']>>
>;
