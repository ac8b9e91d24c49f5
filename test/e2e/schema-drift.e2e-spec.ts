import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { Client } from 'pg';

/**
 * schema.prisma and the hand-written migrations must describe the same database:
 * tables, columns, types, nullability, enums and indexes. Prisma's schema engine (which
 * would diff them) cannot be fetched here, so we compare its parsed schema with the catalog.
 */
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList?: boolean;
  nativeType: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'normal' | 'unique' | 'fulltext';
  fields: { name: string }[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; values: { name: string }[] }[];
  indexes: DmmfIndex[];
}

const schema = readFileSync(join(__dirname, '..', '..', 'prisma', 'schema.prisma'), 'utf8');
const datamodel = (
  JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as {
    datamodel: Datamodel;
  }
).datamodel;

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;

function expectedType(field: DmmfField): string {
  if (field.isList) return `${expectedType({ ...field, isList: false })}[]`;
  if (field.kind === 'enum') return `enum ${field.type}`;
  const [native, args] = field.nativeType ?? [undefined, []];
  if (native === 'Uuid') return 'uuid';
  if (native === 'Char') return `character(${args[0] ?? '1'})`;
  if (native === 'Timestamptz') return `timestamptz(${args[0] ?? '6'})`;
  if (native === 'Date') return 'date';
  if (native === 'Json') return 'json';
  const scalar: Record<string, string> = {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Boolean: 'boolean',
    DateTime: 'timestamp(3)',
    Json: 'jsonb',
    Float: 'double precision',
  };
  return scalar[field.type] ?? `unmapped ${field.type}`;
}

interface CatalogColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  character_maximum_length: number | null;
  datetime_precision: number | null;
}

function actualType(c: CatalogColumn): string {
  switch (c.data_type) {
    case 'USER-DEFINED':
      return `enum ${c.udt_name}`;
    case 'ARRAY': // udt_name is the element type's, with a leading underscore
      return `${actualType({ ...c, data_type: c.udt_name.slice(1), udt_name: c.udt_name.slice(1) })}[]`;
    case 'character':
      return `character(${c.character_maximum_length ?? 1})`;
    case 'timestamp with time zone':
      return `timestamptz(${c.datetime_precision ?? 6})`;
    case 'timestamp without time zone':
      return `timestamp(${c.datetime_precision ?? 6})`;
    default:
      return c.data_type;
  }
}

describe('schema.prisma matches the migrated database', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(() => db.end());

  it('has the same tables, columns, types and nullability', async () => {
    const { rows } = await db.query<CatalogColumn>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable,
              character_maximum_length, datetime_precision
       FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows
      .map(
        (c) =>
          `${c.table_name}.${c.column_name} ${actualType(c)}${c.is_nullable === 'YES' ? '?' : ''}`,
      )
      .sort();
    const expected = datamodel.models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind !== 'object')
          .map((f) => `${tableOf(m)}.${columnOf(f)} ${expectedType(f)}${f.isRequired ? '' : '?'}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the same enums and values', async () => {
    const { rows } = await db.query<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
    );
    const actual = rows.map((r) => `${r.name}.${r.value}`);
    const expected = [...datamodel.enums]
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => e.values.map((v) => `${e.name}.${v.name}`));
    expect(actual).toEqual(expected);
  });

  it('has the same primary keys, unique constraints and indexes', async () => {
    const { rows } = await db.query<{ table: string; columns: string[]; kind: string }>(
      `SELECT c.relname AS table,
              array_agg(a.attname::text ORDER BY k.ord) AS columns,
              CASE WHEN i.indisprimary THEN 'id' WHEN i.indisunique THEN 'unique' ELSE 'normal' END AS kind
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE c.relname <> '_prisma_migrations'
       GROUP BY c.relname, i.indexrelid, i.indisprimary, i.indisunique`,
    );
    const actual = rows.map((r) => `${r.table} ${r.kind} (${r.columns.join(', ')})`).sort();
    const models = new Map(datamodel.models.map((m) => [m.name, m]));
    const expected = datamodel.indexes
      .map((index) => {
        const model = models.get(index.model);
        if (!model) throw new Error(`index on unknown model ${index.model}`);
        const columns = index.fields.map((f) => {
          const field = model.fields.find((candidate) => candidate.name === f.name);
          return field ? columnOf(field) : f.name;
        });
        return `${tableOf(model)} ${index.type} (${columns.join(', ')})`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });
});
