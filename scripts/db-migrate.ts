import { env } from "@/lib/env";
import { migrate } from "./lib/migrate";

// `npm run db:migrate`: apply pending migrations to DATABASE_URL (advisory-locked, idempotent).
const result = await migrate(env.DATABASE_URL, (m) => console.log(m));
console.log(`migrations: ${result.applied.length} applied, ${result.skipped} already up to date`);
