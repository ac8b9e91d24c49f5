import { Injectable } from '@nestjs/common';
import type { StaySnapshot } from '@app/workflows';
import { PrismaService } from '../prisma.service';

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

export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

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
      const inserted = await tx.$executeRaw`
        INSERT INTO idempotency_record (scope, key, request_hash, resource_id)
        VALUES (${claim.scope}, ${claim.key}, ${claim.requestHash}, ${stay.stayId})
        ON CONFLICT (scope, key) DO NOTHING`;
      if (inserted === 0) {
        const existing = await tx.idempotencyRecord.findUniqueOrThrow({
          where: { scope_key: { scope: claim.scope, key: claim.key } },
        });
        return {
          kind: existing.requestHash === claim.requestHash ? 'replayed' : 'key-reused',
          stayId: existing.resourceId,
        };
      }
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
    await this.prisma.$executeRaw`
      UPDATE stay SET status = ${snapshot.status}::"StayStatus",
        ended_at = ${snapshot.endedAt ? new Date(snapshot.endedAt) : null},
        version = ${snapshot.version}, updated_at = now()
      WHERE id = ${snapshot.stayId}::uuid AND version < ${snapshot.version}`;
  }
}

export type StayTimeline = NonNullable<Awaited<ReturnType<StayRepository['findTimeline']>>>;
