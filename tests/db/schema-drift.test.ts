import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";

/**
 * schema.prisma and the hand-written migrations must describe the same database: every model's
 * table and every scalar field's column exist with a compatible type and nullability, every enum
 * matches, and every table in the database is modelled. Fails when one is changed without the other.
 */
interface RuntimeField {
  name: string;
  kind: string;
  type: string;
  dbName?: string | null;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
}
interface RuntimeModel {
  dbName: string | null;
  fields: RuntimeField[];
}
interface RuntimeDataModel {
  models: Record<string, RuntimeModel>;
}

// The generated client embeds the parsed schema (models with their db names and native types).
async function dataModel(): Promise<RuntimeDataModel> {
  const src = await readFile(new URL("../../lib/generated/prisma/internal/class.ts", import.meta.url), "utf8");
  const m = /config\.runtimeDataModel = JSON\.parse\((".*?")\)/s.exec(src);
  if (!m) throw new Error("runtimeDataModel not found in the generated client");
  return JSON.parse(JSON.parse(m[1]!)) as RuntimeDataModel;
}

const PG_TYPE: Record<string, string[]> = {
  Int: ["integer", "smallint"],
  BigInt: ["bigint"],
  String: ["text", "uuid", "character varying"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone", "timestamp without time zone", "date"],
  Decimal: ["numeric"],
  Float: ["double precision"],
  Json: ["jsonb", "json"],
  Bytes: ["bytea"],
};

describe("schema drift: schema.prisma vs the migrated database", () => {
  it("every model, column, type, nullability and enum agrees", async () => {
    const dm = await dataModel();
    // The runtime model omits optionality and enum db names: read those from schema.prisma itself.
    const schema = await readFile(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
    const optional = new Set<string>();
    for (const block of schema.matchAll(/model (\w+) \{([\s\S]*?)\n\}/g)) {
      for (const f of block[2]!.matchAll(/^\s+(\w+)\s+\w+\?/gm)) optional.add(`${block[1]}.${f[1]}`);
    }
    const enumsInSchema = new Map<string, { dbName: string; values: string[] }>();
    for (const block of schema.matchAll(/enum (\w+) \{([\s\S]*?)\n\}/g)) {
      const values = [...block[2]!.matchAll(/^\s+(\w+)\s*$/gm)].map((v) => v[1]!);
      enumsInSchema.set(block[1]!, { dbName: /@@map\("([^"]+)"\)/.exec(block[2]!)?.[1] ?? block[1]!, values });
    }
    const cols = await pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      numeric_precision: number | null;
      numeric_scale: number | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, numeric_precision, numeric_scale
         FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const byTable = new Map<string, Map<string, (typeof cols.rows)[number]>>();
    for (const c of cols.rows) {
      if (!byTable.has(c.table_name)) byTable.set(c.table_name, new Map());
      byTable.get(c.table_name)!.set(c.column_name, c);
    }
    const problems: string[] = [];
    const modelled = new Set<string>();
    for (const [name, model] of Object.entries(dm.models)) {
      const table = model.dbName ?? name;
      modelled.add(table);
      const columns = byTable.get(table);
      if (!columns) {
        problems.push(`model ${name}: table ${table} missing`);
        continue;
      }
      const fieldColumns = new Set<string>();
      for (const f of model.fields) {
        if (f.kind === "object") continue;
        const col = f.dbName ?? f.name;
        fieldColumns.add(col);
        const c = columns.get(col);
        if (!c) {
          problems.push(`${table}.${col} missing`);
          continue;
        }
        if (f.kind === "enum") {
          const e = enumsInSchema.get(f.type);
          if (c.udt_name !== e?.dbName) problems.push(`${table}.${col}: enum ${c.udt_name} vs ${e?.dbName}`);
        } else if (!(PG_TYPE[f.type] ?? []).includes(c.data_type)) {
          problems.push(`${table}.${col}: ${c.data_type} vs ${f.type}`);
        }
        if (f.type === "Decimal" && f.nativeType) {
          const [p, s] = f.nativeType[1].map(Number);
          if (c.numeric_precision !== p || c.numeric_scale !== s)
            problems.push(`${table}.${col}: numeric(${c.numeric_precision},${c.numeric_scale}) vs Decimal(${p},${s})`);
        }
        const required = !optional.has(`${name}.${f.name}`);
        if ((c.is_nullable === "NO") !== required) problems.push(`${table}.${col}: nullable=${c.is_nullable} vs required=${required}`);
      }
      for (const col of columns.keys()) if (!fieldColumns.has(col)) problems.push(`${table}.${col}: column not in schema.prisma`);
    }
    for (const table of byTable.keys())
      if (!modelled.has(table) && table !== "_prisma_migrations") problems.push(`table ${table} not in schema.prisma`);

    const enums = await pool.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    for (const [name, e] of enumsInSchema) {
      const db = enums.rows.find((r) => r.typname === e.dbName);
      if (!db) problems.push(`enum ${name} missing`);
      else if (JSON.stringify(db.labels) !== JSON.stringify(e.values)) problems.push(`enum ${name}: ${db.labels} vs ${e.values}`);
    }
    expect(problems).toEqual([]);
  });

  it("every unique constraint and index of schema.prisma exists in the database", async () => {
    const schema = await readFile(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
    const idx = await pool.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
    const names = new Set(idx.rows.map((r) => r.indexname));
    const missing: string[] = [];
    for (const block of schema.matchAll(/model (\w+) \{([\s\S]*?)\n\}/g)) {
      const body = block[2]!;
      const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? block[1]!;
      const colName = (field: string) => new RegExp(`^\\s+${field}\\s+\\S+.*@map\\("([^"]+)"\\)`, "m").exec(body)?.[1] ?? field;
      for (const m of body.matchAll(/@@(unique|index)\(\[([^\]]+)\](?:,\s*map:\s*"([^"]+)")?/g)) {
        const fields = m[2]!.split(",").map((f) => f.trim().replace(/\(.*\)$/, ""));
        const name = m[3] ?? `${table}_${fields.map(colName).join("_")}_${m[1] === "unique" ? "key" : "idx"}`;
        if (!names.has(name)) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });
});
