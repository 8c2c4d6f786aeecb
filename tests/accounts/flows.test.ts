import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startMailSink } from "../../scripts/lib/mail-sink";

/**
 * The account flows end to end below the browser: every mail goes over real SMTP to a test server
 * and the link is read back from the parsed mail. Expired, reused and tampered links are refused.
 * (The browser flows and the enumeration check over HTTP are in e2e/accounts.spec.ts.)
 */
const sink = await startMailSink();
process.env.SMTP_URL = sink.url;
const { pool } = await import("@/lib/db");
const { outboxIdle } = await import("@/lib/mail/outbox");
const { createPlayer } = await import("@/lib/players/create-player");
const { verifyPassword } = await import("@/lib/auth/password");
const { sessionStamp, stampMatches } = await import("@/lib/auth/session-version");
const { followVerifyLink, isEmailVerified, resendVerificationMail, sendVerificationMail } = await import("@/lib/accounts/verification");
const { checkResetLink, resetPassword, sendResetLinkIfAccountExists, takeResetAllowance } = await import("@/lib/accounts/password-reset");
const { changePassword, describeBrowser, recentSignIns, recordSignIn, requestEmailChange, sessionVersionOf, signOutEverywhere } =
  await import("@/lib/accounts/settings");
const { LIMITS, take } = await import("@/lib/accounts/rate-limit");

afterAll(() => sink.close());

/** Whether `password` signs in as the account with `email` (the check Auth.js's authorize makes). */
async function passwordWorks(email: string, password: string): Promise<boolean> {
  const r = await pool.query<{ password_hash: string }>(`SELECT password_hash FROM players WHERE email = $1`, [email]);
  return r.rows[0] ? verifyPassword(r.rows[0].password_hash, password) : false;
}
beforeEach(() => outboxIdle());

let n = 0;
async function newPlayer(opts: { verified?: boolean } = {}) {
  const email = `acc${Date.now()}-${++n}@test.local`;
  const { id } = await createPlayer({ email, password: "old-password", nick: `Acc ${n}`, currency: "EUR", emailVerified: opts.verified });
  return { id, email };
}

/** The token in the newest mail to `address` that links to `path`. */
async function linkFrom(address: string, path: string, count = 1): Promise<{ url: string; token: string }> {
  const mails = await sink.waitFor(address, count);
  const url = mails[count - 1]!.links.find((l) => new URL(l).pathname === path);
  if (!url) throw new Error(`no ${path} link in: ${mails[count - 1]!.text}`);
  return { url, token: new URL(url).searchParams.get("token")! };
}

/** The same token with one character changed (still well-formed). */
function tamper(token: string): string {
  const i = 10;
  return token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
}

const expireTokens = (playerId: number) =>
  pool.query(
    `UPDATE account_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE player_id = $1`,
    [playerId],
  );

describe("email verification", () => {
  it("sign-up's mail carries a one-time link; following it verifies; reusing or tampering with it is refused", async () => {
    const p = await newPlayer();
    expect(await isEmailVerified(p.id)).toBe(false);
    await sendVerificationMail(p.id);
    const { url, token } = await linkFrom(p.email, "/verify-email");
    expect(url.startsWith("http://localhost:3000/verify-email?token=")).toBe(true);

    expect(await followVerifyLink(tamper(token))).toEqual({ ok: false, reason: "invalid" });
    expect(await followVerifyLink("not-a-token")).toEqual({ ok: false, reason: "invalid" });
    expect(await isEmailVerified(p.id)).toBe(false);
    expect(await followVerifyLink(token)).toEqual({ ok: true, kind: "verified", email: p.email });
    expect(await isEmailVerified(p.id)).toBe(true);
    expect(await followVerifyLink(token)).toEqual({ ok: false, reason: "used" });
  });

  it("only the token's SHA-256 is stored: the raw token is in no table", async () => {
    const p = await newPlayer();
    await sendVerificationMail(p.id);
    const { token } = await linkFrom(p.email, "/verify-email");
    const stored = await pool.query<{ token_hash: string }>(`SELECT token_hash FROM account_tokens WHERE player_id = $1`, [p.id]);
    expect(stored.rows.map((r) => r.token_hash)).toEqual([createHash("sha256").update(token).digest("hex")]);
    const dump = await pool.query<{ t: string }>(
      `SELECT (SELECT string_agg(t::text, ' ') FROM account_tokens t) || (SELECT string_agg(encode(coalesce(payload, ''), 'escape') || subject, ' ') FROM mail_outbox) AS t`,
    );
    expect(dump.rows[0]!.t).not.toContain(token);
  });

  it("a link expires after 24 hours", async () => {
    const p = await newPlayer();
    await sendVerificationMail(p.id);
    const { token } = await linkFrom(p.email, "/verify-email");
    const ttl = await pool.query<{ hours: number }>(
      `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM account_tokens WHERE player_id = $1`,
      [p.id],
    );
    expect(Number(ttl.rows[0]!.hours)).toBeCloseTo(24, 2);
    await expireTokens(p.id);
    expect(await followVerifyLink(token)).toEqual({ ok: false, reason: "expired" });
    expect(await isEmailVerified(p.id)).toBe(false);
  });

  it("resend is rate-limited (one a minute), and refused once verified", async () => {
    const p = await newPlayer();
    expect(await resendVerificationMail(p.id)).toEqual({ ok: true });
    const again = await resendVerificationMail(p.id);
    expect(again.ok).toBe(false);
    expect(again).toMatchObject({ reason: "limited" });
    await sink.waitFor(p.email, 1);
    const v = await newPlayer({ verified: true });
    expect(await resendVerificationMail(v.id)).toEqual({ ok: false, reason: "verified" });
  });
});

describe("password reset", () => {
  it("a mail only when the account exists; the link sets a new password once, ends every session, and tells the player", async () => {
    const p = await newPlayer();
    const stampBefore = sessionStamp(p.id, (await sessionVersionOf(p.id))!);
    expect(await sendResetLinkIfAccountExists(`  ${p.email.toUpperCase()} `)).toBe(true);
    const ghost = `ghost-${randomBytes(4).toString("hex")}@test.local`;
    expect(await sendResetLinkIfAccountExists(ghost)).toBe(false);

    const { url, token } = await linkFrom(p.email, "/reset-password");
    expect(url.startsWith("http://localhost:3000/reset-password?token=")).toBe(true);
    expect(await checkResetLink(token)).toEqual({ ok: true });
    expect(await resetPassword(tamper(token), "new-password-1")).toEqual({ ok: false, reason: "invalid" });
    const done = await resetPassword(token, "new-password-1");
    expect(done).toEqual({ ok: true, playerId: p.id });
    expect(await resetPassword(token, "new-password-2")).toEqual({ ok: false, reason: "used" });
    expect(await checkResetLink(token)).toEqual({ ok: false, reason: "used" });

    expect(await passwordWorks(p.email, "old-password")).toBe(false);
    expect(await passwordWorks(p.email, "new-password-1")).toBe(true);
    // Every cookie stamped before the reset is dead; the mailbox was proven, so the email counts as verified.
    expect(stampMatches(stampBefore, p.id, (await sessionVersionOf(p.id))!)).toBe(false);
    expect(await isEmailVerified(p.id)).toBe(true);
    const mails = await sink.waitFor(p.email, 2);
    expect(mails[1]!.subject).toBe("Your Web Games Casino password was changed");
    await outboxIdle();
    expect(sink.to(ghost)).toHaveLength(0);
  });

  it("mail is written in the player's language (players.language), English when it has none", async () => {
    const email = `de-${randomBytes(4).toString("hex")}@test.local`;
    await createPlayer({ email, password: "old-password", nick: "Dora", currency: "EUR", language: "de" });
    await sendResetLinkIfAccountExists(email);
    const [mail] = await sink.waitFor(email, 1);
    expect(mail!.subject).toBe("Setze dein Web Games Casino Passwort zurück");
    expect(mail!.text).toContain("Hallo Dora,");
    expect(mail!.text).toMatch(/Neues Passwort wählen: http:\/\/localhost:3000\/reset-password\?token=/);
    expect(mail!.html).toContain('<html lang="de">');
  });

  it("a reset link expires after 30 minutes, and a newer link replaces an older one", async () => {
    const p = await newPlayer();
    await sendResetLinkIfAccountExists(p.email);
    const first = await linkFrom(p.email, "/reset-password", 1);
    await sendResetLinkIfAccountExists(p.email);
    const second = await linkFrom(p.email, "/reset-password", 2);
    expect(await resetPassword(first.token, "new-password-1")).toEqual({ ok: false, reason: "invalid" });
    const ttl = await pool.query<{ minutes: number }>(
      `SELECT extract(epoch FROM expires_at - created_at) / 60 AS minutes FROM account_tokens WHERE player_id = $1 AND purpose = 'reset_password'`,
      [p.id],
    );
    expect(Number(ttl.rows[0]!.minutes)).toBeCloseTo(30, 2);
    await expireTokens(p.id);
    expect(await checkResetLink(second.token)).toEqual({ ok: false, reason: "expired" });
    expect(await resetPassword(second.token, "new-password-1")).toEqual({ ok: false, reason: "expired" });
    expect(await passwordWorks(p.email, "old-password")).toBe(true);
  });

  it("requests are limited per email (3 an hour) whether or not an account has it, and per client address (10 an hour)", async () => {
    const existing = await newPlayer();
    const ghost = `ghost-${randomBytes(4).toString("hex")}@test.local`;
    for (const email of [existing.email, ghost]) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await takeResetAllowance(email, `10.0.0.${n}`)).ok);
      expect(answers, email).toEqual([true, true, true, false]);
    }
    const ip = `10.1.${++n}.1`;
    const fromOneAddress = [];
    for (let i = 0; i < 11; i++) fromOneAddress.push((await takeResetAllowance(`spray${i}-${ip}@test.local`, ip)).ok);
    expect(fromOneAddress.filter(Boolean)).toHaveLength(10);
    expect(fromOneAddress[10]).toBe(false);
  });

  it("the limit is atomic: 20 parallel requests for one email let exactly 3 through", async () => {
    const email = `parallel-${randomBytes(4).toString("hex")}@test.local`;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => takeResetAllowance(email, `10.2.${n}.${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(LIMITS.resetPerEmail.max);
    const limited = results.find((r) => !r.ok);
    expect(limited && !limited.ok && limited.retryAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
    expect((await take([{ limit: LIMITS.resetPerEmail, subject: email }])).ok).toBe(false);
  });
});

describe("account settings", () => {
  it("change password needs the current one, ends the other sessions and tells the player", async () => {
    const p = await newPlayer();
    const v0 = (await sessionVersionOf(p.id))!;
    expect(await changePassword(p.id, "wrong", "brand-new-pw")).toEqual({ ok: false, reason: "wrong-password" });
    expect(await sessionVersionOf(p.id)).toBe(v0);
    expect(await changePassword(p.id, "old-password", "brand-new-pw")).toEqual({ ok: true, sessionVersion: v0 + 1 });
    expect(await passwordWorks(p.email, "brand-new-pw")).toBe(true);
    expect(stampMatches(sessionStamp(p.id, v0), p.id, v0 + 1)).toBe(false);
    const [notice] = await sink.waitFor(p.email, 1);
    expect(notice!.subject).toBe("Your Web Games Casino password was changed");
  });

  it("change email: the link goes to the new address, switches the account, verifies it and tells the old address", async () => {
    const p = await newPlayer({ verified: true });
    const next = `new-${randomBytes(4).toString("hex")}@test.local`;
    expect(await requestEmailChange(p.id, "wrong", next)).toEqual({ ok: false, reason: "wrong-password" });
    expect(await requestEmailChange(p.id, "old-password", p.email)).toEqual({ ok: false, reason: "same-email" });
    expect(await requestEmailChange(p.id, "old-password", next.toUpperCase())).toEqual({ ok: true, sentTo: next });
    const { token } = await linkFrom(next, "/verify-email");
    // Until the link is used the old address stays.
    expect((await pool.query(`SELECT email FROM players WHERE id = $1`, [p.id])).rows[0].email).toBe(p.email);
    expect(await followVerifyLink(tamper(token))).toEqual({ ok: false, reason: "invalid" });
    expect(await followVerifyLink(token)).toEqual({ ok: true, kind: "email-changed", email: next });
    expect(await followVerifyLink(token)).toEqual({ ok: false, reason: "used" });
    expect((await pool.query(`SELECT email FROM players WHERE id = $1`, [p.id])).rows[0].email).toBe(next);
    expect(await isEmailVerified(p.id)).toBe(true);
    const [toldOld] = await sink.waitFor(p.email, 1);
    expect(toldOld!.subject).toBe("The email of your Web Games Casino account was changed");
    expect(toldOld!.text).toContain(next);
    expect(await passwordWorks(next, "old-password")).toBe(true);
  });

  it("change email to an address another account has: the same answer, and no link is sent", async () => {
    const p = await newPlayer();
    const other = await newPlayer();
    expect(await requestEmailChange(p.id, "old-password", other.email)).toEqual({ ok: true, sentTo: other.email });
    await outboxIdle();
    expect(sink.to(other.email)).toHaveLength(0);
  });

  it("sign out everywhere bumps the session version: every earlier stamp stops matching", async () => {
    const p = await newPlayer();
    const v0 = (await sessionVersionOf(p.id))!;
    const before = sessionStamp(p.id, v0);
    expect(stampMatches(before, p.id, v0)).toBe(true);
    const v1 = await signOutEverywhere(p.id);
    expect(v1).toBe(v0 + 1);
    expect(stampMatches(before, p.id, v1)).toBe(false);
    // A stamp is bound to the player and the secret: neither another player's nor a guessed one works.
    expect(stampMatches(sessionStamp(p.id + 1, v1), p.id, v1)).toBe(false);
    expect(stampMatches(sessionStamp(p.id, v1, "another-secret-of-at-least-32-chars!!"), p.id, v1)).toBe(false);
    expect(stampMatches(String(v1), p.id, v1)).toBe(false);
    expect(stampMatches(undefined, p.id, v1)).toBe(false);
  });

  it("recent sign-ins: newest first, with address and browser", async () => {
    const p = await newPlayer();
    await recordSignIn(
      p.id,
      "203.0.113.9",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    );
    await recordSignIn(
      p.id,
      "198.51.100.4",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    );
    const rows = await recentSignIns(p.id);
    expect(rows.map((r) => [r.ip, describeBrowser(r.userAgent)])).toEqual([
      ["198.51.100.4", "Safari 17 on iOS"],
      ["203.0.113.9", "Chrome 131 on Linux"],
    ]);
  });

  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge 131 on Windows",
    ],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 on macOS"],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome 131 on Android",
    ],
    ["curl/8.5.0", "curl/8.5.0"],
    [null, "Unknown browser"],
  ])("describeBrowser(%s) = %s", (ua, expected) => {
    expect(describeBrowser(ua)).toBe(expected);
  });
});
