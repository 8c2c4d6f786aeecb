import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { pool } from "@/lib/db";
import { createPlayer } from "@/lib/players/create-player";
import { enrolSecondFactor, freshCode, signIn, signUp } from "./support/auth";

/**
 * Governance in a real browser: staff sign in with a password and then a second factor (enrolment
 * through the page the first time, codes computed from the secret the page showed), each role
 * meets its permissions, and the audit trail is tampered with in SQL and caught by "Verify".
 */
test.afterAll(async () => {
  await pool.end();
});

let n = 0;
async function newStaff(role: "admin" | "finance" | "support" | "auditor") {
  const who = { email: `e2e-${role}-${Date.now()}-${process.pid}-${++n}@test.local`, password: "staff-password" };
  await createPlayer({ ...who, nick: `E2E ${role}`, currency: "EUR", role });
  return who;
}

async function signOut(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("staff enrol a second factor at first sign-in; later sign-ins need a fresh code, a replayed one is refused", async ({ page }) => {
  test.setTimeout(90_000);
  const who = await newStaff("admin");
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/admin")}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  // Password alone opens nothing: the back office sends the half-signed-in visitor back.
  await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code of your two-factor secret" })).toBeVisible();
  const direct = await page.request.get("/admin/players", { maxRedirects: 0 });
  expect(direct.status()).toBe(307);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByText("otpauth:// URI").click();
  await expect(page.getByTestId("totp-uri")).toContainText(`otpauth://totp/`);
  await expect(page.getByTestId("totp-uri")).toContainText(`secret=${secret}`);

  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code is not valid")).toBeVisible();

  const { recoveryCodes, step: enrolStep } = await enrolSecondFactor(page, who.email);
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByRole("link", { name: "Players" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin$/);

  // Sign out, sign in again: the code of the step already used is refused, a fresh one works.
  await signOut(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/admin")}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  // The enrolment's code (its 30 s step) is spent: the same code again is refused.
  const replay = await generate({ secret, epoch: enrolStep * 30 });
  await page.getByLabel("Authentication code").fill(replay);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not valid")).toBeVisible();
  await page.getByLabel("Authentication code").fill(await freshCode(who.email));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  // A recovery code works instead of the app, once.
  await signOut(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/admin")}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Lost your phone? Use a recovery code").click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test("a player turns two-factor sign-in on from the account page; the next sign-in asks for the code", async ({ page }) => {
  const who = await signUp(page, "EUR");
  await page.goto("/account");
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");
  await page.getByRole("link", { name: "Turn on two-factor sign-in" }).click();
  await enrolSecondFactor(page, who.email);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("On since");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  const me = await page.request.get("/api/me");
  expect(((await me.json()) as { player: unknown }).player).toBeNull();
  await page.getByLabel("Authentication code").fill(await freshCode(who.email));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("account-balance")).toBeVisible();
});

test("the audit trail: an auditor verifies it, a row edited in SQL is reported at that row", async ({ page }) => {
  const auditor = await newStaff("auditor");
  await signIn(page, auditor, { callbackUrl: "/admin/audit" });
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Chain intact" })).toBeVisible();

  // A row to tamper with (the trigger chains it like any other) and one after it.
  const staffId = (await pool.query(`SELECT id FROM players WHERE email = $1`, [auditor.email])).rows[0].id as number;
  const target = (
    await pool.query(
      `INSERT INTO admin_actions (admin_id, action, details) VALUES ($1, 'revoke_sessions', '{"revoked": 0}') RETURNING id::text, details`,
      [staffId],
    )
  ).rows[0] as { id: string; details: unknown };
  await pool.query(`INSERT INTO admin_actions (admin_id, action, details) VALUES ($1, 'revoke_sessions', '{"revoked": 0}')`, [staffId]);
  const client = await pool.connect();
  try {
    await client.query(`ALTER TABLE admin_actions DISABLE TRIGGER admin_actions_no_update_delete`);
    await client.query(`UPDATE admin_actions SET details = '{"tampered": true}'::jsonb WHERE id = $1`, [target.id]);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert").filter({ hasText: `Chain broken at row #${target.id}` })).toBeVisible();
  } finally {
    await client.query(`UPDATE admin_actions SET details = $2::jsonb WHERE id = $1`, [target.id, JSON.stringify(target.details)]);
    await client.query(`ALTER TABLE admin_actions ENABLE TRIGGER admin_actions_no_update_delete`);
    client.release();
  }
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Chain intact" })).toBeVisible();
});
