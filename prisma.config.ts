import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// `prisma generate` needs no schema engine, but the CLI downloads one at the start of every command,
// which fails offline. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download
// (ENVIRONMENT.md). Migrations are applied by scripts/db-migrate.ts, not by the Prisma CLI.
// This is tooling configuration, read before lib/env.ts exists, hence process.env here.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.resolve("package.json");
  if (existsSync(placeholder)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/webgames" },
});
