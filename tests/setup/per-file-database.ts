import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

// Runs before each test file's imports are evaluated: gives the file its own database, cloned from
// the migrated template, and points lib/env (DATABASE_URL) at it.
const base = inject("pgBaseUrl");
const name = `t_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "template_test"`);
await admin.end();
const url = new URL(base);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.WEBGAMES_API_KEY ??= "test-secret";
