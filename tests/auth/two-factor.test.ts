import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { verifyAudit } from "@/lib/admin/audit";
import {
  beginEnrolment,
  confirmEnrolment,
  decryptSecret,
  endPass,
  MAX_FAILURES,
  previousSignIn,
  remainingRecoveryCodes,
  resetSecondFactorAs,
  secondFactorStatus,
  verifySecondFactor,
} from "@/lib/auth/two-factor";
import { staffViewer } from "../admin/helpers";
import { makePlayer, pool } from "../wallet/harness";

const step = () => Math.floor(Date.now() / 30_000);
const codeAt = (secret: string, s: number) => generate({ secret, epoch: s * 30 });

async function status(id: number, sid: string) {
  const r = await pool.query(`SELECT id, role::text, totp_enabled_at, totp_secret FROM players WHERE id = $1`, [id]);
  const p = r.rows[0];
  return secondFactorStatus({ id: p.id, role: p.role, totpEnabledAt: p.totp_enabled_at, totpSecret: p.totp_secret }, sid);
}

async function enrolled(role: "admin" | "finance" | "support" | "auditor" = "support") {
  const staff = await staffViewer(role);
  const sid = randomUUID();
  const { secret } = await beginEnrolment(staff.id);
  const s = step();
  const res = await confirmEnrolment(staff.id, sid, await codeAt(secret, s));
  if (!res.ok) throw new Error(res.message);
  return { staff, sid, secret, enrolledStep: s, recoveryCodes: res.recoveryCodes! };
}

describe("enrolment", () => {
  it("a staff member owes enrolment; the page's secret, URI and QR match; the first code turns it on with 10 recovery codes", async () => {
    const staff = await staffViewer("finance");
    const sid = randomUUID();
    expect(await status(staff.id, sid)).toBe("enrol");
    const e = await beginEnrolment(staff.id);
    expect(e.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(e.uri).toBe(
      `otpauth://totp/Web%20Games%20Casino:${encodeURIComponent(staff.email)}?secret=${e.secret}&issuer=Web%20Games%20Casino`,
    );
    expect(e.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // A reload shows the same pending secret.
    expect((await beginEnrolment(staff.id)).secret).toBe(e.secret);

    expect(await confirmEnrolment(staff.id, sid, "000000")).toMatchObject({ ok: false, reason: "invalid" });
    const res = await confirmEnrolment(staff.id, sid, await codeAt(e.secret, step()));
    expect(res.ok).toBe(true);
    const codes = res.ok ? res.recoveryCodes! : [];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await status(staff.id, sid)).toBe("passed");
    // Another sign-in (another sid) must pass the factor itself.
    expect(await status(staff.id, randomUUID())).toBe("challenge");

    // Stored: the secret encrypted, the recovery codes only as HMACs.
    const row = (await pool.query(`SELECT totp_secret, totp_pending_secret FROM players WHERE id = $1`, [staff.id])).rows[0];
    expect(row.totp_pending_secret).toBeNull();
    expect(row.totp_secret).not.toContain(e.secret);
    expect(decryptSecret(row.totp_secret)).toBe(e.secret);
    const stored = (await pool.query(`SELECT code_hash FROM recovery_codes WHERE player_id = $1`, [staff.id])).rows.map((r) => r.code_hash);
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored).not.toContain(c);
  });

  it("a player owes nothing until they turn it on", async () => {
    const p = await makePlayer();
    expect(await status(p.id, randomUUID())).toBe("not-required");
  });
});

describe("later sign-ins", () => {
  it("accepts a code once: the same code again (same 30 s window) is refused, the next step's code is accepted", async () => {
    const { staff, secret, enrolledStep } = await enrolled();
    // The enrolment used this step's code: a replay of it on a new sign-in is refused.
    const sid = randomUUID();
    expect(await verifySecondFactor(staff.id, sid, { code: await codeAt(secret, enrolledStep) })).toMatchObject({ ok: false });
    expect(await status(staff.id, sid)).toBe("challenge");
    const next = await codeAt(secret, enrolledStep + 1);
    expect(await verifySecondFactor(staff.id, sid, { code: next })).toEqual({ ok: true });
    expect(await status(staff.id, sid)).toBe("passed");
    expect(await verifySecondFactor(staff.id, randomUUID(), { code: next })).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("a recovery code works once, then is spent", async () => {
    const { staff, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    expect(await verifySecondFactor(staff.id, randomUUID(), { recoveryCode: code.toUpperCase().replace("-", " ") })).toEqual({ ok: true });
    expect(await remainingRecoveryCodes(staff.id)).toBe(9);
    expect(await verifySecondFactor(staff.id, randomUUID(), { recoveryCode: code })).toMatchObject({ ok: false, reason: "invalid" });
  });

  it(`after ${MAX_FAILURES} wrong codes even the right one is refused; 12 parallel guesses record exactly ${MAX_FAILURES} failures`, async () => {
    const { staff, secret, enrolledStep } = await enrolled();
    const results = await Promise.all(Array.from({ length: 12 }, () => verifySecondFactor(staff.id, randomUUID(), { code: "123456" })));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.reason === "limited")).toHaveLength(12 - MAX_FAILURES);
    const right = await codeAt(secret, enrolledStep + 1);
    expect(await verifySecondFactor(staff.id, randomUUID(), { code: right })).toMatchObject({ ok: false, reason: "limited" });
  });
});

describe("previous sign-in", () => {
  it("a staff member sees the sign-in before the current one (time and address); signing out ends a pass but keeps it as history", async () => {
    const { staff, sid, secret, enrolledStep } = await enrolled("finance");
    expect(await previousSignIn(staff.id, sid)).toBeNull();
    await endPass(sid);
    expect(await status(staff.id, sid)).toBe("challenge");
    const sid2 = randomUUID();
    expect(
      await verifySecondFactor(staff.id, sid2, { code: await codeAt(secret, enrolledStep + 1) }, { ip: "127.0.0.44", userAgent: "x" }),
    ).toEqual({
      ok: true,
    });
    const prev = await previousSignIn(staff.id, randomUUID());
    expect(prev).toMatchObject({ ip: "127.0.0.44" });
    const first = await previousSignIn(staff.id, sid2);
    expect(first?.ip).toBeNull();
  });
});

describe("reset by an admin", () => {
  it("an admin resets someone else's factor (audited): their sessions must enrol again; support may not, nobody resets their own", async () => {
    const admin = await staffViewer("admin");
    const support = await staffViewer("support");
    const { staff, sid } = await enrolled("auditor");
    await expect(resetSecondFactorAs(support, staff.id)).rejects.toMatchObject({ status: 403 });
    expect(await resetSecondFactorAs(admin, admin.id)).toMatchObject({ status: "error" });
    expect(await resetSecondFactorAs(admin, staff.id, { ip: "127.0.0.5" })).toMatchObject({ status: "ok" });
    expect(await status(staff.id, sid)).toBe("enrol");
    expect(await remainingRecoveryCodes(staff.id)).toBe(0);
    const a = (await pool.query(`SELECT admin_id, action, player_id, ip FROM admin_actions ORDER BY id DESC LIMIT 1`)).rows[0];
    expect(a).toEqual({ admin_id: admin.id, action: "mfa_reset", player_id: staff.id, ip: "127.0.0.5" });
    expect((await verifyAudit(admin)).ok).toBe(true);
  });
});
