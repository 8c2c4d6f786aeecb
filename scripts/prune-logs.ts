import { pruneCallbackLogs } from "@/lib/callbacks/retention";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";

// `npm run db:prune-logs`: delete callback_logs rows older than CALLBACK_LOG_RETENTION_DAYS now, in
// batches, keeping those of open and unreviewed flagged rounds (the server also does this on a schedule).
const started = Date.now();
const r = await pruneCallbackLogs();
console.log(
  env.CALLBACK_LOG_RETENTION_DAYS <= 0
    ? "CALLBACK_LOG_RETENTION_DAYS=0: callback logs are kept forever, nothing deleted"
    : `callback logs older than ${env.CALLBACK_LOG_RETENTION_DAYS} days: ${r.logs} rows deleted in ${r.batches} batch(es), ${r.windows} refusal-count rows; ${Date.now() - started} ms`,
);
await pool.end();
