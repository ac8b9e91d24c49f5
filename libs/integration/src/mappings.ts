import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { careTypeSchema, unitIdSchema } from '@app/domain';
import { dischargeDestinationSchema } from '@app/process-definition';

/**
 * The mapping tables between a hospital's codes and this service's units and vocabulary:
 * data files (units.json, dispositions.json), validated here once at start-up, so a wrong
 * file stops the listener with the file, the entry and the reason.
 */
const code = z.string().trim().min(1, 'is required').max(80);

const unitsFileSchema = z.strictObject({
  /** Wards by (sending facility, point of care in PV1-3). */
  wards: z
    .array(
      z.strictObject({
        facility: code,
        code,
        unitId: unitIdSchema,
        /** Wards of one hospital share it: a move between them is not a transfer to another hospital. */
        hospital: code,
        careType: careTypeSchema.default('somatic'),
      }),
    )
    .min(1, 'name at least one ward'),
  /** Vårdcentraler by the patient's primary facility (PD1-3, e.g. an HSA-id). */
  primaryCare: z.array(z.strictObject({ code, unitId: unitIdSchema })).default([]),
});

const dispositionsFileSchema = z.strictObject({
  /** Discharge disposition (PV1-36) → where the patient went. */
  discharge: z.record(code, dischargeDestinationSchema),
  /** Discharge dispositions that mean the patient died (HL7 table 0112: 20, 40–42). */
  death: z.array(code).default([]),
});

export interface WardMapping {
  facility: string;
  code: string;
  unitId: string;
  hospital: string;
  careType: z.infer<typeof careTypeSchema>;
}

export interface Hl7Mappings {
  ward(facility: string, code: string): WardMapping | undefined;
  wardOfUnit(unitId: string): WardMapping | undefined;
  primaryCare(code: string): string | undefined;
  dischargeDestination(disposition: string): z.infer<typeof dischargeDestinationSchema> | undefined;
  isDeath(disposition: string): boolean;
  /** Every unit id the tables name, to check against the unit register at start-up. */
  unitIds(): { wards: string[]; primaryCare: string[] };
}

export class MappingError extends Error {}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MappingError(`${path}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MappingError(`${path}: ${issue?.path.join('.') || '(root)'} ${issue?.message}`);
  }
  return parsed.data;
}

/** The shipped tables: Göteborgsområdet's demo wards and HL7 table 0112's dispositions. */
export const defaultMappingsDir = join(__dirname, '..', 'mappings');

export function loadHl7Mappings(dir: string = defaultMappingsDir): Hl7Mappings {
  const units = readJson(dir, 'units.json', unitsFileSchema);
  const dispositions = readJson(dir, 'dispositions.json', dispositionsFileSchema);
  const wards = new Map<string, WardMapping>();
  for (const ward of units.wards) {
    const key = `${ward.facility}|${ward.code}`;
    if (wards.has(key))
      throw new MappingError(`${join(dir, 'units.json')}: ward ${key} is listed twice`);
    wards.set(key, ward);
  }
  const byUnit = new Map(units.wards.map((w) => [w.unitId, w]));
  const primaryCare = new Map(units.primaryCare.map((p) => [p.code, p.unitId]));
  const death = new Set(dispositions.death);
  for (const d of death)
    if (d in dispositions.discharge)
      throw new MappingError(
        `${join(dir, 'dispositions.json')}: ${d} is both a discharge and a death`,
      );
  return {
    ward: (facility, wardCode) => wards.get(`${facility}|${wardCode}`),
    wardOfUnit: (unitId) => byUnit.get(unitId),
    primaryCare: (c) => primaryCare.get(c),
    dischargeDestination: (d) => dispositions.discharge[d],
    isDeath: (d) => death.has(d),
    unitIds: () => ({
      wards: [...byUnit.keys()],
      primaryCare: [...primaryCare.values()],
    }),
  };
}
