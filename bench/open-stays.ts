import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Client as PgClient } from 'pg';
import type { AppConfig } from '@app/config';
import { patientKeyOf } from '@app/domain';
import { demoUnits } from '@app/persistence';
import { currentProcessDefinitionVersion } from '@app/process-definition';
import {
  admitUpdate,
  registerEventUpdate,
  stayWorkflowId,
  stayWorkflowType,
  type StayWorkflowInput,
} from '@app/workflows';
import { randomPersonnummer } from '../test/support/fixtures';

/** When stay `i` was admitted and when its physician's needs assessment happened. */
export type StayTimes = (i: number) => { admittedAt: Date; assessedAt: Date };

export interface OpenStaysOptions {
  client: Client;
  pg: PgClient;
  config: AppConfig;
  /** The task queue of the worker that is to hold the stays. */
  taskQueue: string;
  count: number;
  times: StayTimes;
  /** Workflows being started at once (update-with-start, then the needs assessment). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface OpenStay {
  stayId: string;
  /** When the needs assessment was accepted by the workflow (its tasks are projected). */
  assessedBy: number;
}

const wards = demoUnits.filter((u) => u.lane === 'slutenvard').map((u) => u.id);
const KOMMUN = '1480';
const VARDCENTRAL = 'rpv-vc-majorna';
const ROWS_PER_BATCH = 1000;

/**
 * Opens `count` stays as admission through the API would, but fast: patient and stay rows in
 * batched inserts, then for each a running stay workflow started with the input the API
 * builds (update-with-start of `admit`, so its first tasks are projected) and a needs
 * assessment (registerEvent), so that every stay sleeps on deadline timers. Bounded
 * concurrency; the stays spread over the demo wards. No patient data leaves PostgreSQL:
 * workflow ids are `stay-<uuid>` and the workflow sees the keyed hash of the personnummer.
 */
export async function openStays(options: OpenStaysOptions): Promise<OpenStay[]> {
  const { client, pg, config, count } = options;
  const concurrency = options.concurrency ?? 64;
  const opened: OpenStay[] = [];
  const taken = new Set<string>();
  for (let from = 0; from < count; from += ROWS_PER_BATCH) {
    const batch = Array.from({ length: Math.min(ROWS_PER_BATCH, count - from) }, (_, k) => {
      let personnummer = randomPersonnummer();
      while (taken.has(personnummer)) personnummer = randomPersonnummer();
      taken.add(personnummer);
      const i = from + k;
      return {
        i,
        stayId: randomUUID(),
        personnummer,
        patientKey: patientKeyOf(personnummer, config.PATIENT_KEY_SECRET),
        ward: wards[i % wards.length] ?? 'sv-sahlgrenska-avd-32',
        ...options.times(i),
      };
    });
    await insertRows(pg, batch);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
        for (let row = batch[next++]; row; row = batch[next++]) {
          const input: StayWorkflowInput = {
            stayId: row.stayId,
            processDefinitionVersion: currentProcessDefinitionVersion,
            admittedAt: row.admittedAt.toISOString(),
            careType: 'somatic',
            wardUnitId: row.ward,
            kommunCode: KOMMUN,
            listedVardcentralUnitId: VARDCENTRAL,
            patientKey: row.patientKey,
            taskTiming: {
              reminderBeforeDueHours: config.TASK_REMINDER_BEFORE_DUE_HOURS,
              escalationAfterDueHours: config.TASK_ESCALATION_AFTER_DUE_HOURS,
            },
          };
          await client.workflow.executeUpdateWithStart(admitUpdate, {
            updateId: `admit:${row.stayId}`,
            startWorkflowOperation: new WithStartWorkflowOperation(stayWorkflowType, {
              workflowId: stayWorkflowId(row.stayId),
              taskQueue: options.taskQueue,
              workflowIdConflictPolicy: 'USE_EXISTING',
              args: [input],
            }),
          });
          await client.workflow
            .getHandle(stayWorkflowId(row.stayId))
            .executeUpdate(registerEventUpdate, {
              args: [
                {
                  type: 'needs-assessed',
                  occurredAt: row.assessedAt.toISOString(),
                  data: {
                    socialtjanst: true,
                    kommunalHalsoOchSjukvard: true,
                    regionalPrimarvard: true,
                  },
                },
              ],
              updateId: `bench-needs:${row.stayId}`,
            });
          opened.push({ stayId: row.stayId, assessedBy: Date.now() });
          options.onProgress?.(opened.length, count);
        }
      }),
    );
  }
  return opened;
}

/** The rows StayRepository.admit writes (patient upserted by personnummer, then the stay). */
async function insertRows(
  pg: PgClient,
  rows: {
    stayId: string;
    personnummer: string;
    patientKey: string;
    ward: string;
    admittedAt: Date;
  }[],
): Promise<void> {
  await pg.query('BEGIN');
  try {
    const patients = await pg.query<{ id: string; personnummer: string }>(
      `INSERT INTO patient (id, patient_key, personnummer, name, folkbokforingskommun)
       SELECT id, key, pnr, 'Bench Bench', $4 FROM unnest($1::uuid[], $2::text[], $3::text[])
         AS r(id, key, pnr)
       ON CONFLICT (personnummer) DO UPDATE SET name = EXCLUDED.name
       RETURNING id, personnummer`,
      [
        rows.map(() => randomUUID()),
        rows.map((r) => r.patientKey),
        rows.map((r) => r.personnummer),
        KOMMUN,
      ],
    );
    const patientOf = new Map(patients.rows.map((p) => [p.personnummer, p.id]));
    await pg.query(
      `INSERT INTO stay (id, workflow_id, patient_id, process_definition_version, ward_unit_id,
         kommun_code, listed_vardcentral_unit_id, care_type, status, admitted_at, version)
       SELECT id, 'stay-' || id, patient, $4, ward, $5, $6, 'somatic', 'admitted'::"StayStatus", admitted, 1
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $7::timestamptz[])
         AS r(id, patient, ward, admitted)`,
      [
        rows.map((r) => r.stayId),
        rows.map((r) => patientOf.get(r.personnummer)),
        rows.map((r) => r.ward),
        currentProcessDefinitionVersion,
        KOMMUN,
        VARDCENTRAL,
        rows.map((r) => r.admittedAt),
      ],
    );
    await pg.query('COMMIT');
  } catch (error) {
    await pg.query('ROLLBACK');
    throw error;
  }
}
