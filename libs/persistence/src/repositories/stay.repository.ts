import { Injectable } from '@nestjs/common';
import type { ReadmissionLink, StaySnapshot } from '@app/workflows';
import { PrismaService } from '../prisma.service';
import type { IdempotencyClaim } from './idempotency';

export interface NewStay {
  stayId: string;
  workflowId: string;
  processDefinitionVersion: number;
  wardUnitId: string;
  kommunCode: string;
  listedVardcentralUnitId?: string;
  /** Folkbokförd in another county than the ward's (countyOf). */
  outOfCounty?: boolean;
  careType: string;
  admittedAt: Date;
  patient: { personnummer: string; name: string; patientKey: string; folkbokforingskommun: string };
}

export type { IdempotencyClaim } from './idempotency';

export type AdmissionOutcome =
  | { kind: 'created'; stayId: string }
  | { kind: 'replayed'; stayId: string }
  | { kind: 'key-reused'; stayId: string };

@Injectable()
export class StayRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records the admission and its Idempotency-Key in one statement (so in one transaction):
   * the key is claimed, the patient upserted by personnummer and the stay inserted only when
   * the key is new. A repeated key with the same request replays the first stay; with another
   * request it is reported; either way nothing is written.
   */
  async admit(stay: NewStay, claim: IdempotencyClaim): Promise<AdmissionOutcome> {
    const { patient } = stay;
    const created = await this.prisma.$queryRaw<{ id: string }[]>`
      WITH claim AS (
        INSERT INTO idempotency_record (scope, key, request_hash, resource_id)
        VALUES (${claim.scope}, ${claim.key}, ${claim.requestHash}, ${stay.stayId})
        ON CONFLICT (scope, key) DO NOTHING
        RETURNING resource_id
      ), patient_row AS (
        INSERT INTO patient (id, patient_key, personnummer, name, folkbokforingskommun)
        SELECT ${crypto.randomUUID()}::uuid, ${patient.patientKey}, ${patient.personnummer},
          ${patient.name}, ${patient.folkbokforingskommun}
        FROM claim
        ON CONFLICT (personnummer) DO UPDATE SET name = EXCLUDED.name,
          folkbokforingskommun = EXCLUDED.folkbokforingskommun
        RETURNING id
      )
      INSERT INTO stay (id, workflow_id, patient_id, patient_name, process_definition_version,
        ward_unit_id, kommun_code, listed_vardcentral_unit_id, out_of_county, care_type, status,
        admitted_at, version)
      SELECT ${stay.stayId}::uuid, ${stay.workflowId}, patient_row.id, ${patient.name},
        ${stay.processDefinitionVersion}, ${stay.wardUnitId}, ${stay.kommunCode},
        ${stay.listedVardcentralUnitId ?? null}, ${stay.outOfCounty ?? false}, ${stay.careType},
        'admitted'::"StayStatus",
        ${stay.admittedAt}::timestamptz, 1
      FROM patient_row
      RETURNING id::text`;
    if (created.length > 0) return { kind: 'created', stayId: stay.stayId };
    const existing = await this.prisma.idempotencyRecord.findUniqueOrThrow({
      where: { scope_key: { scope: claim.scope, key: claim.key } },
    });
    return {
      kind: existing.requestHash === claim.requestHash ? 'replayed' : 'key-reused',
      stayId: existing.resourceId,
    };
  }

  findById(id: string) {
    return this.prisma.stay.findUnique({ where: { id } });
  }

  /** The stay with its timeline, for GET /stays/:id. */
  findTimeline(id: string) {
    return this.prisma.stay.findUnique({
      where: { id },
      include: {
        events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
        tasks: { orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] },
        deviations: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
      },
    });
  }

  /** Applies a projection only when it is newer than what is stored. */
  async project(snapshot: StaySnapshot): Promise<void> {
    const c = snapshot.counters;
    const date = (value: string | undefined) => (value ? new Date(value) : null);
    await this.prisma.$executeRaw`
      UPDATE stay SET status = ${snapshot.status}::"StayStatus",
        ended_at = ${date(snapshot.endedAt)},
        uk_first_at = ${date(c?.ukFirstAt)},
        uk_running_since = ${date(c?.ukRunningSince)},
        uk_accumulated_seconds = ${Math.floor((c?.ukAccumulatedMs ?? 0) / 1000)},
        uk_ended_at = ${date(c?.ukEndedAt)},
        seven_day_flag = ${c?.sevenDayFlag ?? false},
        planned_discharge_date = ${c?.plannedDischargeDate ?? null}::date,
        planned_discharge_date_moves = ${c?.plannedDischargeDateMoves ?? 0},
        counters = ${JSON.stringify(c ?? {})}::jsonb,
        version = ${snapshot.version}, updated_at = now()
      WHERE id = ${snapshot.stayId}::uuid AND version < ${snapshot.version}`;
  }

  /**
   * Links a readmission: the patient's latest other stay discharged within the window
   * before `admittedAt`. Idempotent (a repeated call finds and sets the same link).
   */
  async linkReadmission(input: {
    stayId: string;
    patientKey: string;
    admittedAt: string;
    windowDays: number;
  }): Promise<ReadmissionLink | null> {
    const admittedAt = new Date(input.admittedAt);
    const since = new Date(admittedAt.getTime() - input.windowDays * 86_400_000);
    // One statement: find the earlier stay and set both links, or change nothing.
    const rows = await this.prisma.$queryRaw<{ previousStayId: string; endedAt: Date }[]>`
      WITH previous AS (
        SELECT s.id, s.ended_at FROM stay s JOIN patient p ON p.id = s.patient_id
        WHERE p.patient_key = ${input.patientKey} AND s.id <> ${input.stayId}::uuid
          AND s.status = 'discharged'::"StayStatus"
          AND s.ended_at >= ${since}::timestamptz AND s.ended_at <= ${admittedAt}::timestamptz
        ORDER BY s.ended_at DESC LIMIT 1
      ), linked AS (
        UPDATE stay SET readmission_of_stay_id = previous.id FROM previous
        WHERE stay.id = ${input.stayId}::uuid RETURNING stay.id
      ), flagged AS (
        UPDATE stay SET readmitted_within_30_days = true FROM previous
        WHERE stay.id = previous.id RETURNING stay.id
      )
      SELECT id::text AS "previousStayId", ended_at AS "endedAt" FROM previous`;
    const previous = rows[0];
    if (!previous) return null;
    return {
      previousStayId: previous.previousStayId,
      previousEndedAt: new Date(previous.endedAt).toISOString(),
    };
  }
}

export type StayTimeline = NonNullable<Awaited<ReturnType<StayRepository['findTimeline']>>>;
