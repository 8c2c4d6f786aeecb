import path from "node:path";
import { parseArgs } from "node:util";
import { DEV_DATABASE_PORT } from "@/lib/dev-database";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-pg";
import { migrate } from "./lib/migrate";

/**
 * `npm run db:dev -- [--name webgames]`: only the database part of `npm run dev` — starts (or
 * reuses) the embedded PostgreSQL under .data/pg, creates the named database, migrates and seeds
 * it, prints its URL and keeps running until Ctrl-C. Handy for running `next dev` or the
 * simulator by hand, or several working copies against one server.
 */
const { values } = parseArgs({ options: { name: { type: "string", default: "webgames" } } });
const name = values.name ?? "webgames";
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("--name must be a plain lowercase identifier");
const root = path.resolve(import.meta.dirname, "..");
const pg = await startEmbeddedPostgres({ dataDir: path.join(root, ".data/pg"), port: DEV_DATABASE_PORT, persistent: true });
await ensureDatabase(pg.baseUrl, name);
const url = pg.urlFor(name);
await migrate(url, (m) => console.log(`migrations: ${m}`));
// lib/env (through the seed) is evaluated only now, so it sees this database.
process.env.DATABASE_URL = url;
const { seed } = await import("../prisma/seed");
await seed((m) => console.log(`seed: ${m}`));
console.log(`DATABASE_URL=${url}`);
if (pg.reused) process.exit(0);
const stop = async () => {
  await pg.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
setInterval(() => {}, 1 << 30);
