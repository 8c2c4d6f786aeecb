import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-pg";
import { migrate } from "../../scripts/lib/migrate";
import { freePort } from "../../scripts/lib/ports";

/**
 * One real PostgreSQL (embedded) for the whole run, in a throwaway folder on a free port. The
 * migrated `template_test` database is cloned per test file (tests/setup/per-file-database.ts),
 * so files run in parallel without seeing each other's rows.
 */
export const TEMPLATE_DB = "template_test";

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "wg-test-pg-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), persistent: false });
  await ensureDatabase(pg.baseUrl, TEMPLATE_DB);
  await migrate(pg.urlFor(TEMPLATE_DB));
  project.provide("pgBaseUrl", pg.baseUrl);
  return async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgBaseUrl: string;
  }
}
