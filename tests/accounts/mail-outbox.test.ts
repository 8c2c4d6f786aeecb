import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startMailSink } from "../../scripts/lib/mail-sink";

/**
 * The mail outbox over real SMTP: a real SMTP server (smtp-server, with AUTH) receives what the
 * app sends and mailparser reads it back. lib/env is loaded after SMTP_URL points at it.
 */
const sink = await startMailSink({ auth: { user: "mailer", pass: "s3cret:pw" } });
process.env.SMTP_URL = sink.url;
process.env.MAIL_FROM = "Casino Test <no-reply@casino.test>";
const { deliverDue, enqueueMail, kickOutbox, MAX_ATTEMPTS, outboxIdle, smtpTransport } = await import("@/lib/mail/outbox");
const { pool } = await import("@/lib/db");

afterAll(async () => {
  await sink.close();
});

beforeEach(async () => {
  await outboxIdle();
  await pool.query("DELETE FROM mail_outbox");
  sink.mails.length = 0;
  sink.failNext(0);
});

const link = "http://127.0.0.1:3000/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

async function row(id: bigint) {
  const r = await pool.query<{ status: string; attempts: number; payload: Buffer | null; last_error: string | null; sent_at: Date | null }>(
    "SELECT status, attempts, payload, last_error, sent_at FROM mail_outbox WHERE id = $1",
    [String(id)],
  );
  return r.rows[0]!;
}

/** Makes every waiting retry due now (instead of waiting for the backoff). */
const fastForward = () => pool.query("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'pending'");

describe("mail outbox over real SMTP", () => {
  it("delivers with SMTP AUTH: From = MAIL_FROM, a plain-text and an HTML body, the nickname escaped; the stored body is sealed, then wiped", async () => {
    const id = await enqueueMail(pool, { to: "lena@example.com", template: "reset_password", params: { nick: "<b>Lena</b>", link } });
    // While it waits, the database holds no readable link.
    const waiting = await row(id);
    expect(waiting.status).toBe("pending");
    expect(waiting.payload!.toString("latin1")).not.toContain("reset-password");

    expect(await deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await sink.waitFor("lena@example.com");
    expect(mail!.from).toBe('"Casino Test" <no-reply@casino.test>');
    expect(mail!.subject).toBe("Reset your Web Games Casino password");
    expect(mail!.text).toContain(`Choose a new password: ${link}`);
    expect(mail!.text).toContain("Hi <b>Lena</b>,");
    expect(mail!.html).toContain(`href="${link}"`);
    expect(mail!.html).toContain("Hi &lt;b&gt;Lena&lt;/b&gt;,");
    expect(mail!.links).toEqual([link]);

    const sent = await row(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, payload: null, last_error: null });
    expect(sent.sent_at).toBeInstanceOf(Date);
  });

  it("a failed send is logged and retried later; the mail arrives once the server recovers", async () => {
    sink.failNext(2);
    const id = await enqueueMail(pool, { to: "retry@example.com", template: "verify_email", params: { nick: "R", link } });
    expect(await deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const first = await row(id);
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first.last_error).toMatch(/451/);
    // Not due yet: the backoff holds it back.
    expect(await deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await fastForward();
    expect(await deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    await fastForward();
    expect(await deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3 });
    expect(sink.to("retry@example.com")).toHaveLength(1);
    expect(sink.refused).toBeGreaterThanOrEqual(2);
  });

  it(`retries are bounded: after 6 failed attempts the mail is given up (status failed, body wiped), never sent twice`, async () => {
    expect(MAX_ATTEMPTS).toBe(6);
    sink.failNext(1_000);
    const id = await enqueueMail(pool, { to: "down@example.com", template: "verify_email", params: { nick: "D", link } });
    const reports = [];
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      reports.push(await deliverDue());
      await fastForward();
    }
    expect(reports.map((r) => r.retrying + r.failed * 10)).toEqual([1, 1, 1, 1, 1, 10, 0, 0]);
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, payload: null });
    expect(sink.to("down@example.com")).toHaveLength(0);
  });

  it("sending never blocks the caller: with an SMTP server that takes 3 s per mail, enqueue + kick return at once", async () => {
    sink.stall(3_000);
    const started = performance.now();
    await enqueueMail(pool, { to: "slow@example.com", template: "verify_email", params: { nick: "S", link } });
    kickOutbox();
    expect(performance.now() - started).toBeLessThan(500);
    expect(sink.to("slow@example.com")).toHaveLength(0);
    await outboxIdle();
    expect(performance.now() - started).toBeGreaterThan(2_500);
    expect(sink.to("slow@example.com")).toHaveLength(1);
    sink.stall(0);
  });

  it("a sender stuck on a server that never answers gives up after its timeout and keeps the mail for a retry", async () => {
    const sockets: Socket[] = [];
    const hole: Server = createServer((s) => sockets.push(s)); // TCP accepted, no SMTP greeting ever
    await new Promise<void>((r) => hole.listen(0, "127.0.0.1", r));
    const port = (hole.address() as { port: number }).port;
    const stuck = smtpTransport(`smtp://127.0.0.1:${port}?greetingTimeout=1000`);
    try {
      const id = await enqueueMail(pool, { to: "hole@example.com", template: "verify_email", params: { nick: "H", link } });
      const t0 = performance.now();
      expect(await deliverDue({ transport: stuck })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(await row(id)).toMatchObject({ status: "pending", attempts: 1 });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => hole.close(r));
    }
  });

  it("two senders at once (two app instances) send each mail exactly once", async () => {
    for (let i = 0; i < 10; i++)
      await enqueueMail(pool, { to: `both${i}@example.com`, template: "verify_email", params: { nick: "B", link } });
    const [a, b] = await Promise.all([deliverDue({ limit: 10 }), deliverDue({ limit: 10 })]);
    expect(a.sent + b.sent).toBe(10);
    for (let i = 0; i < 10; i++) expect(sink.to(`both${i}@example.com`)).toHaveLength(1);
  });
});
