import type { Browser } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { enrolSecondFactor, freshCode, signIn, signUp } from "./support/auth";
import { closeDb, db, makeAccount } from "./support/staff";

/**
 * Governance in a real browser: staff sign in with a password and then a second factor (enrolment
 * through the page the first time, codes computed from the secret the page showed), each role
 * meets its permissions, and the audit trail is tampered with in SQL and caught by "Verify".
 */
test.afterAll(async () => {
  await closeDb();
});

const newStaff = (role: "admin" | "finance" | "support" | "auditor") => makeAccount({ role });

async function signOut(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("staff enrol a second factor at first sign-in; later sign-ins need a fresh code, a replayed one is refused", async ({ page }) => {
  test.setTimeout(90_000);
  const who = await newStaff("support");
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
  // The staff member sees their own previous sign-in (the enrolment), with its address.
  await expect(page.getByTestId("previous-sign-in")).toContainText(/Previous sign-in \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC from 127\.0\.0\.1/);

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
  const staffId = (await (await db()).query(`SELECT id FROM players WHERE email = $1`, [auditor.email])).rows[0].id as number;
  const target = (
    await (
      await db()
    ).query(
      `INSERT INTO admin_actions (admin_id, action, details) VALUES ($1, 'revoke_sessions', '{"revoked": 0}') RETURNING id::text, details`,
      [staffId],
    )
  ).rows[0] as { id: string; details: unknown };
  await (await db()).query(`INSERT INTO admin_actions (admin_id, action, details) VALUES ($1, 'revoke_sessions', '{"revoked": 0}')`, [
    staffId,
  ]);
  const client = await (await db()).connect();
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

/** What each role may open: HTTP status of the real pages and exports, signed in through the second factor. */
const MATRIX: Record<"admin" | "finance" | "support" | "auditor", Record<string, number>> = {
  admin: {
    "/admin/staff": 200,
    "/admin": 200,
    "/admin/players": 200,
    "/admin/audit": 200,
    "/admin/reports": 200,
    "/admin/adjustments": 200,
    "/admin/audit/export": 200,
    "/admin/reports/export": 200,
    "/admin/transactions/export": 200,
  },
  finance: {
    "/admin/staff": 403,
    "/admin": 200,
    "/admin/players": 200,
    "/admin/audit": 403,
    "/admin/reports": 200,
    "/admin/adjustments": 200,
    "/admin/audit/export": 403,
    "/admin/reports/export": 200,
    "/admin/transactions/export": 200,
  },
  support: {
    "/admin/staff": 403,
    "/admin": 200,
    "/admin/players": 200,
    "/admin/audit": 403,
    "/admin/reports": 403,
    "/admin/adjustments": 403,
    "/admin/audit/export": 403,
    "/admin/reports/export": 403,
    "/admin/transactions/export": 403,
  },
  auditor: {
    "/admin/staff": 200,
    "/admin": 200,
    "/admin/players": 200,
    "/admin/audit": 200,
    "/admin/reports": 200,
    "/admin/adjustments": 200,
    "/admin/audit/export": 200,
    "/admin/reports/export": 200,
    "/admin/transactions/export": 200,
  },
};

for (const role of ["admin", "finance", "support", "auditor"] as const) {
  test(`role ${role}: opens what it may, gets 403 elsewhere, sees only its own controls`, async ({ page }) => {
    const who = await newStaff(role);
    const target = await makeAccount({ balance: "10.00", tag: "target" });
    await signIn(page, who, { callbackUrl: "/admin" });
    for (const [url, status] of Object.entries(MATRIX[role])) {
      const res = await page.request.get(url, { maxRedirects: 0 });
      expect(`${url} ${res.status()}`).toBe(`${url} ${status}`);
    }
    await page.goto(`/admin/players/${target.id}`);
    const block = page.getByRole("button", { name: "Block player" });
    const adjust = page.getByRole("button", { name: "Adjust balance" });
    await expect(block).toHaveCount(role === "admin" || role === "support" ? 1 : 0);
    await expect(adjust).toHaveCount(role === "admin" || role === "finance" ? 1 : 0);
  });
}

async function staffPage(browser: Browser, role: "finance" | "admin") {
  const who = await newStaff(role);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who, { callbackUrl: "/admin" });
  return { who, page, context };
}

test("four eyes: a finance member's 250.00 adjustment waits; a second one approves; the ledger names both", async ({ browser }) => {
  test.setTimeout(90_000);
  const target = await makeAccount({ balance: "10.00", tag: "4eyes" });
  const a = await staffPage(browser, "finance");
  await a.page.goto(`/admin/players/${target.id}`);
  await a.page.getByLabel(/Amount/).fill("250.00");
  await a.page.getByLabel(/Reason/).fill("tournament prize");
  await a.page.getByRole("button", { name: "Adjust balance" }).click();
  await expect(a.page.getByRole("status").filter({ hasText: "waits for a second" })).toBeVisible();
  await expect(a.page.getByTestId("player-balance")).toHaveText("10.00 EUR");
  const requestId = /request #(\d+)/.exec((await a.page.getByRole("status").filter({ hasText: "waits" }).textContent()) ?? "")?.[1];
  // The requester sees it pending but cannot decide it.
  await a.page.goto("/admin/adjustments");
  await expect(a.page.locator(`[data-request-id="${requestId}"]`)).toContainText("another member decides");

  const b = await staffPage(browser, "finance");
  await b.page.goto("/admin/adjustments");
  await b.page.getByRole("button", { name: `Approve request #${requestId}` }).click();
  // Decided: it leaves the pending list and shows among the decisions, approved by b.
  await expect(b.page.locator(`[data-request-id="${requestId}"]`)).toHaveCount(0);
  await expect(b.page.getByRole("row").filter({ hasText: a.who.email }).filter({ hasText: "approved" })).toContainText(b.who.email);
  await b.page.goto(`/admin/players/${target.id}`);
  await expect(b.page.getByTestId("player-balance")).toHaveText("260.00 EUR");
  const entry = await (await db()).query(
    `SELECT l.amount::text, q.email AS requested_by, d.email AS approved_by FROM ledger_entries l
     JOIN players q ON q.id = l.admin_id JOIN players d ON d.id = l.approved_by WHERE l.player_id = $1 ORDER BY l.id DESC LIMIT 1`,
    [target.id],
  );
  expect(entry.rows[0]).toEqual({ amount: "250.00000000", requested_by: a.who.email, approved_by: b.who.email });
  await a.context.close();
  await b.context.close();
});
