import { Injectable } from '@nestjs/common';
import type { ReadmissionLink, StaySnapshot } from '@app/workflows';
import { PrismaService } from '../prisma.service';
import { claimIdempotencyKey, type IdempotencyClaim } from './idempotency';

export interface NewStay {
  stayId: string;
  workflowId: string;
  processDefinitionVersion: number;
  wardUnitId: string;
  kommunCode: string;
  listedVardcentralUnitId?: string;
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
   * Records the admission and its Idempotency-Key in one transaction. A repeated key with the
   * same request replays the first stay; with another request it is reported, nothing written.
   */
  async admit(stay: NewStay, claim: IdempotencyClaim): Promise<AdmissionOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await claimIdempotencyKey(tx, claim, stay.stayId);
      if (claimed.kind !== 'new') return { kind: claimed.kind, stayId: claimed.resourceId };
      const patient = await tx.patient.upsert({
        where: { personnummer: stay.patient.personnummer },
        create: { id: crypto.randomUUID(), ...stay.patient },
        update: {
          name: stay.patient.name,
          folkbokforingskommun: stay.patient.folkbokforingskommun,
        },
      });
      await tx.stay.create({
        data: {
          id: stay.stayId,
          workflowId: stay.workflowId,
          patientId: patient.id,
          processDefinitionVersion: stay.processDefinitionVersion,
          wardUnitId: stay.wardUnitId,
          kommunCode: stay.kommunCode,
          listedVardcentralUnitId: stay.listedVardcentralUnitId ?? null,
          careType: stay.careType,
          status: 'admitted',
          admittedAt: stay.admittedAt,
          version: 1,
        },
      });
      return { kind: 'created', stayId: stay.stayId };
    });
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
    return this.prisma.$transaction(async (tx) => {
      const previous = await tx.stay.findFirst({
        where: {
          id: { not: input.stayId },
          patient: { patientKey: input.patientKey },
          status: 'discharged',
          endedAt: { gte: since, lte: admittedAt },
        },
        orderBy: { endedAt: 'desc' },
        select: { id: true, endedAt: true },
      });
      if (!previous?.endedAt) return null;
      await tx.stay.update({
        where: { id: input.stayId },
        data: { readmissionOfStayId: previous.id },
      });
      await tx.stay.update({
        where: { id: previous.id },
        data: { readmittedWithin30Days: true },
      });
      return { previousStayId: previous.id, previousEndedAt: previous.endedAt.toISOString() };
    });
  }
}

export type StayTimeline = NonNullable<Awaited<ReturnType<StayRepository['findTimeline']>>>;
