/**
 * The event form's fields, derived from the JSON Schema the API serves for each event type's
 * data (GET /api/v1/process-definitions/{version} → acceptedEventTypes[].dataSchema). A new
 * event type or field in the definition appears in the form without a line of UI code.
 */

/** The part of a JSON Schema (draft 2020-12, as zod writes it) the form reads. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  title?: string;
  description?: string;
}

export type Field =
  | { name: string; kind: 'checkbox'; required: boolean }
  /** An optional yes/no where leaving it out means "unchanged" (needs-changed). */
  | { name: string; kind: 'yes-no-unchanged'; required: false }
  | { name: string; kind: 'choice'; required: boolean; options: string[] }
  | { name: string; kind: 'date'; required: boolean }
  | { name: string; kind: 'unit'; required: boolean }
  | {
      name: string;
      kind: 'text' | 'long-text';
      required: boolean;
      maxLength?: number;
      pattern?: string;
    };

const LONG_TEXT = 500;

/**
 * One field per property, in the schema's order. Booleans are checkboxes when the event
 * states the whole picture (some are required: an unticked box is "no"); when every boolean
 * is optional the event states changes, and each is unchanged / yes / no.
 */
export function fieldsOf(schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  const wholePicture = properties.some(([name, p]) => p.type === 'boolean' && required.has(name));
  return properties.map(([name, p]): Field => {
    const isRequired = required.has(name);
    if (p.type === 'boolean')
      return wholePicture || isRequired
        ? { name, kind: 'checkbox', required: isRequired }
        : { name, kind: 'yes-no-unchanged', required: false };
    if (Array.isArray(p.enum))
      return { name, kind: 'choice', required: isRequired, options: p.enum.map(String) };
    if (p.format === 'date') return { name, kind: 'date', required: isRequired };
    if (/UnitId$|^unitId$/.test(name)) return { name, kind: 'unit', required: isRequired };
    return {
      name,
      kind: (p.maxLength ?? 0) > LONG_TEXT ? 'long-text' : 'text',
      required: isRequired,
      ...(p.maxLength !== undefined ? { maxLength: p.maxLength } : {}),
      ...(p.pattern !== undefined && p.format === undefined ? { pattern: p.pattern } : {}),
    };
  });
}

/** What the user has entered, by field name: booleans, "yes"/"no"/"" or text. */
export type Values = Record<string, string | boolean | undefined>;

/** The initial values: unticked boxes, "unchanged", the first choice of a required select. */
export function initialValues(fields: Field[]): Values {
  return Object.fromEntries(
    fields.map((f) => [
      f.name,
      f.kind === 'checkbox' ? false : f.kind === 'choice' && f.required ? (f.options[0] ?? '') : '',
    ]),
  );
}

/**
 * The event's data as the API takes it: required booleans always, optional ones only when
 * true (or, for yes/no/unchanged, when answered); text trimmed, empty optional text left out.
 */
export function dataOf(fields: Field[], values: Values): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const value = values[f.name];
    if (f.kind === 'checkbox') {
      if (f.required || value === true) data[f.name] = value === true;
    } else if (f.kind === 'yes-no-unchanged') {
      if (value === 'yes' || value === 'no') data[f.name] = value === 'yes';
    } else {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text || f.required) data[f.name] = text;
    }
  }
  return data;
}

/** Whether anything differs from the initial values (a half-filled form). */
export function isDirty(fields: Field[], values: Values): boolean {
  const initial = initialValues(fields);
  return fields.some((f) => (values[f.name] ?? '') !== (initial[f.name] ?? ''));
}
