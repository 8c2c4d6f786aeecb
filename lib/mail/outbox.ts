// No "server-only" marker: instrumentation.ts imports this outside the React server graph.
import nodemailer, { type Transporter } from "nodemailer";
import type pg from "pg";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { seal, unseal } from "./seal";
import { type MailParams, type MailTemplate, renderMail } from "./templates";

/**
 * The mail outbox. An action that needs a mail writes a row (in its own transaction, so the mail
 * exists exactly when the action happened) and kicks the sender; it never waits for SMTP. The
 * sender claims due rows (FOR UPDATE SKIP LOCKED: any number of app instances), sends them, and on
 * failure logs and retries later with backoff, at most MAX_ATTEMPTS times; a row still failing is
 * marked `failed` (and logged as an error). Each instance also polls (startOutboxWorker, from
 * instrumentation.ts), so mail queued before a crash or during an SMTP outage still goes out.
 */
export const MAX_ATTEMPTS = 6;
/** Delay before attempt n+1 after n failed attempts (index n-1). */
export const RETRY_DELAYS_S = [10, 30, 120, 600, 1800] as const;
const CLAIM_S = 120; // a claimed row is retried by someone else if its sender died for this long
const POLL_MS = 5_000;

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export interface OutgoingMail {
  to: string;
  template: MailTemplate;
  params: MailParams;
  playerId?: number | null;
  /** The player's UI locale (players.language): the mail is written in it. */
  language?: string | null;
}

function log(level: "info" | "warn" | "error", msg: string, extra: Record<string, unknown> = {}) {
  logger[level](extra, msg);
}

/** Writes the mail to the outbox (on `db`, e.g. a transaction's client). Call kickOutbox() after COMMIT. */
export async function enqueueMail(db: Queryable, mail: OutgoingMail): Promise<bigint> {
  const rendered = renderMail(mail.template, mail.params, mail.language);
  const r = await db.query<{ id: string }>(
    `INSERT INTO mail_outbox (player_id, to_address, template, subject, payload) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [mail.playerId ?? null, mail.to, mail.template, rendered.subject, seal(JSON.stringify({ text: rendered.text, html: rendered.html }))],
  );
  return BigInt(r.rows[0]!.id);
}

/**
 * A nodemailer transport for an smtp:// or smtps:// URL. Short timeouts (unless the URL sets its
 * own as query parameters): a dead SMTP server costs one attempt, not a hung sender. They go into
 * the URL because nodemailer ignores option timeouts next to a `url` option.
 */
export function smtpTransport(smtpUrl: string): Transporter {
  const u = new URL(smtpUrl);
  for (const [k, v] of [
    ["connectionTimeout", "10000"],
    ["greetingTimeout", "10000"],
    ["socketTimeout", "30000"],
  ] as const)
    if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  return nodemailer.createTransport(u.toString());
}

let cachedTransport: Transporter | null = null;
function defaultTransport(): Transporter | null {
  if (!env.SMTP_URL) return null;
  cachedTransport ??= smtpTransport(env.SMTP_URL);
  return cachedTransport;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

interface ClaimedRow {
  id: string;
  to_address: string;
  subject: string;
  template: string;
  payload: Buffer | null;
  attempts: number;
}

/** Sends every due mail once (claimed rows only). Returns what happened; never throws for a failed send. */
export async function deliverDue(opts: { transport?: Transporter; limit?: number; from?: string } = {}): Promise<DeliveryReport> {
  const transport = opts.transport ?? defaultTransport();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  if (!transport) return report;
  const claimed = await pool.query<ClaimedRow>(
    `UPDATE mail_outbox SET locked_until = now() + make_interval(secs => $2), attempts = attempts + 1
      WHERE id IN (SELECT id FROM mail_outbox
                    WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                    ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, to_address, subject, template, payload, attempts`,
    [opts.limit ?? 20, CLAIM_S],
  );
  for (const row of claimed.rows) {
    try {
      if (!row.payload) throw new Error("no payload");
      let body: { text: string; html: string };
      try {
        body = JSON.parse(unseal(row.payload)) as { text: string; html: string };
      } catch {
        // Sealed under another AUTH_SECRET: no retry can help.
        await pool.query(`UPDATE mail_outbox SET status = 'failed', payload = NULL, locked_until = NULL, last_error = $2 WHERE id = $1`, [
          row.id,
          "cannot decrypt the payload (AUTH_SECRET changed?)",
        ]);
        report.failed++;
        log("error", "mail given up", { id: row.id, template: row.template, reason: "undecryptable payload" });
        continue;
      }
      await transport.sendMail({
        from: opts.from ?? env.MAIL_FROM,
        to: row.to_address,
        subject: row.subject,
        text: body.text,
        html: body.html,
      });
      await pool.query(
        `UPDATE mail_outbox SET status = 'sent', sent_at = now(), payload = NULL, locked_until = NULL, last_error = NULL WHERE id = $1`,
        [row.id],
      );
      report.sent++;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (row.attempts >= MAX_ATTEMPTS) {
        await pool.query(`UPDATE mail_outbox SET status = 'failed', payload = NULL, locked_until = NULL, last_error = $2 WHERE id = $1`, [
          row.id,
          reason.slice(0, 500),
        ]);
        report.failed++;
        log("error", "mail given up", { id: row.id, template: row.template, attempts: row.attempts, reason });
      } else {
        const delay = RETRY_DELAYS_S[row.attempts - 1] ?? RETRY_DELAYS_S[RETRY_DELAYS_S.length - 1];
        await pool.query(
          `UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => $2), locked_until = NULL, last_error = $3 WHERE id = $1`,
          [row.id, delay, reason.slice(0, 500)],
        );
        report.retrying++;
        log("warn", "mail send failed, will retry", {
          id: row.id,
          template: row.template,
          attempts: row.attempts,
          retryInS: delay,
          reason,
        });
      }
    }
  }
  return report;
}

// One sender run at a time per process; a kick during a run asks for one more run after it.
let running: Promise<void> | null = null;
let again = false;

async function runOnce(): Promise<void> {
  try {
    do {
      again = false;
      const r = await deliverDue();
      if (r.sent + r.retrying + r.failed >= 20) again = true; // more may be due
    } while (again);
  } catch (err) {
    log("warn", "mail outbox run failed", { reason: err instanceof Error ? err.message : String(err) });
  }
}

/** Asks the sender to run soon; returns at once (never awaits SMTP). */
export function kickOutbox(): void {
  if (!env.SMTP_URL) return;
  if (running) {
    again = true;
    return;
  }
  running = runOnce().finally(() => {
    running = null;
  });
}

/** Waits for the current sender run, if any (tests, graceful shutdown). */
export async function outboxIdle(): Promise<void> {
  while (running) await running;
}

let timer: NodeJS.Timeout | null = null;
/** Polls the outbox every few seconds (retries, mail queued by a crashed instance). Idempotent. */
export function startOutboxWorker(): void {
  if (timer) return;
  if (!env.SMTP_URL) {
    log("warn", "SMTP_URL is not set: mail is queued in mail_outbox and not sent");
    return;
  }
  timer = setInterval(kickOutbox, POLL_MS);
  timer.unref();
  kickOutbox();
}
