import { expect, test } from "@playwright/test";
import { pool } from "@/lib/db";
import { createPlayer } from "@/lib/players/create-player";
import { signIn } from "./support/auth";

/**
 * The one admin guard over real HTTP, on each kind of entry point: an admin who is blocked while
 * signed in (a valid session cookie) is refused by the next page load, route handler and server
 * action, and nothing changes. Role and blocked state are read from the database on every request.
 */
// The lib/db pool is shared by every spec file of this worker: never end it here (a later file would
// get "Cannot use a pool after calling end on the pool"); the worker's exit closes it.

test("a blocked admin is refused by every page, route handler and server action", async ({ page }) => {
  // A sign-in, an action, two handlers and six page loads: more than the default 45 s on a loaded machine.
  test.setTimeout(120_000);
  const tag = `${Date.now()}-${process.pid}`;
  const admin = { email: `e2e-guard-admin-${tag}@test.local`, password: "admin-password" };
  const { id: adminId } = await createPlayer({ ...admin, nick: "Guard Admin", currency: "EUR" });
  await pool.query(`UPDATE players SET role = 'admin' WHERE id = $1`, [adminId]);
  const { id: targetId } = await createPlayer({
    email: `e2e-guard-target-${tag}@test.local`,
    password: "x-password",
    nick: "Target",
    currency: "EUR",
  });

  // Password, then the second factor (enrolled through the page: staff always have one).
  await signIn(page, admin, { callbackUrl: `/admin/players/${targetId}` });
  await expect(page).toHaveURL(new RegExp(`/admin/players/${targetId}$`));
  await expect(page.getByRole("button", { name: "Block player" })).toBeVisible();
  // While not blocked, the handlers answer (the guard is not refusing everyone).
  expect((await page.request.get("/admin/transactions/export")).status()).toBe(200);

  await pool.query(`UPDATE players SET blocked = true WHERE id = $1`, [adminId]);

  // Server action, from the page loaded before the block: refused, and the target is untouched.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Block player" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Not allowed for your role" })).toBeVisible();
  const target = await pool.query<{ blocked: boolean }>(`SELECT blocked FROM players WHERE id = $1`, [targetId]);
  expect(target.rows[0]?.blocked).toBe(false);
  const audit = await pool.query(`SELECT 1 FROM admin_actions WHERE admin_id = $1`, [adminId]);
  expect(audit.rowCount).toBe(0);

  // Route handlers: JSON 403, no CSV, no catalog reload.
  const exported = await page.request.get("/admin/transactions/export");
  expect(exported.status()).toBe(403);
  expect(exported.headers()["content-type"]).toContain("application/json");
  const reload = await page.request.post("/api/catalog/revalidate");
  expect(reload.status()).toBe(403);
  expect(await reload.json()).toEqual({ error: expect.stringContaining("Not allowed") });

  // Pages (and the layout): HTTP 403 with the forbidden view, for every back-office page.
  for (const path of [
    "/admin",
    "/admin/transactions",
    "/admin/rounds",
    "/admin/players",
    `/admin/players/${targetId}`,
    "/admin/callbacks",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByText("403", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Block player" })).toHaveCount(0);
  }
});
