import { Injectable } from '@nestjs/common';
import { Prisma, type UserRole } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** One access to (or attempt at) a stay's data. */
export interface AuditRecord {
  userId: string;
  role: UserRole;
  /** The unit the user acted for, when one applies (null: region-wide, e.g. processägare). */
  unitId: string | null;
  /** What was done, e.g. `stay.read`, `task.complete`, `fhir.encounter.read`. */
  action: string;
  /** `ok`, or `denied` when the user was refused (the stay may not even exist). */
  outcome: 'ok' | 'denied';
  stayId?: string | null;
  taskId?: string | null;
}

/** Who reads a list, for the `ok` rows that the statement reading it writes itself. */
export interface ListReader {
  userId: string;
  role: UserRole;
  unitId: string | null;
  action: string;
}

/**
 * An INSERT of one `ok` row per distinct stay that `shownStays` (a query with a uuid column
 * stay_id) yields, for a statement that reads a page and logs the read at once (as a
 * data-modifying WITH): one round trip and one commit, and no rows come back unless their
 * audit rows were stored with them.
 */
export function auditListSql(reader: ListReader, shownStays: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`INSERT INTO audit_entry (id, at, user_id, role, unit_id, action, outcome, stay_id)
    SELECT gen_random_uuid(), ${new Date()}::timestamptz, ${reader.userId},
      ${reader.role}::"UserRole", ${reader.unitId}, ${reader.action}, 'ok', shown.stay_id
    FROM (SELECT DISTINCT stay_id FROM (${shownStays}) AS stays) AS shown`;
}

/**
 * An INSERT of `entries`, one row each for every row `gate` (a CTE or query) yields, e.g. only
 * when a claim was new. For statements that store a change and its audit rows at once.
 */
export function auditInsertSql(
  entries: readonly AuditRecord[],
  gate: Prisma.Sql = Prisma.sql`(SELECT 1) AS always`,
): Prisma.Sql {
  const rows = entries.map((e) => ({
    id: crypto.randomUUID(),
    userId: e.userId,
    role: e.role,
    unitId: e.unitId,
    action: e.action,
    outcome: e.outcome,
    stayId: e.stayId ?? null,
    taskId: e.taskId ?? null,
  }));
  return Prisma.sql`INSERT INTO audit_entry (id, at, user_id, role, unit_id, action, outcome,
      stay_id, task_id)
    SELECT r.id, ${new Date()}::timestamptz, r."userId", r.role, r."unitId", r.action,
      r.outcome, r."stayId", r."taskId"
    FROM ${gate}, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, "userId" text,
      role "UserRole", "unitId" text, action text, outcome text, "stayId" uuid, "taskId" text)`;
}

export interface AuditFilter {
  userId?: string;
  unitId?: string;
  stayId?: string;
  action?: string;
  outcome?: 'ok' | 'denied';
  from?: Date;
  to?: Date;
  /** Keyset: the last row of the previous page (newest first). */
  before?: { at: Date; id: string };
  limit: number;
}

/** The audit log: append-only, newest first when read. */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Appends the entries in one statement. Written out rather than createMany: a list's page
   * is audited with up to 50 rows on every read, and Prisma's query compiler was most of that
   * read's CPU.
   */
  async record(entries: readonly AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await this.prisma.$executeRaw(auditInsertSql(entries));
  }

  list(filter: AuditFilter) {
    const and: Prisma.AuditEntryWhereInput[] = [];
    if (filter.userId) and.push({ userId: filter.userId });
    if (filter.unitId) and.push({ unitId: filter.unitId });
    if (filter.stayId) and.push({ stayId: filter.stayId });
    if (filter.action) and.push({ action: filter.action });
    if (filter.outcome) and.push({ outcome: filter.outcome });
    if (filter.from) and.push({ at: { gte: filter.from } });
    if (filter.to) and.push({ at: { lt: filter.to } });
    if (filter.before) {
      const { at, id } = filter.before;
      and.push({ OR: [{ at: { lt: at } }, { at, id: { lt: id } }] });
    }
    return this.prisma.auditEntry.findMany({
      where: { AND: and },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: filter.limit,
    });
  }
}
