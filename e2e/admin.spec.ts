import { type APIRequestContext, expect, test } from "@playwright/test";
import { env } from "@/lib/env";
import { createPlayer } from "@/lib/players/create-player";
import { issueLaunch } from "@/lib/wallet/launch";
import { sign } from "@/lib/webgames/signature";
import { signIn } from "./support/auth";

/**
 * D9 end to end: an admin blocks a player in the back office; that player's next bet (Credit) is
 * answered 4 while the win (Debit) of a round opened before the block is still paid.
 *
 * The provider's side is played by signed HTTP calls to the app's /api/callbacks, with a launch
 * token issued straight in the database the server uses (DATABASE_URL and WEBGAMES_API_KEY must
 * be the e2e server's: scripts/e2e-server.ts exports them to the test process).
 */
// A fresh admin of this run (the seeded one is used by other specs; each enrols its own second factor).
const ADMIN = { email: `e2e-admin-${Date.now()}-${process.pid}@test.local`, password: "admin-password" };
const GAME_ID = 11;

// The lib/db pool is shared by every spec file of this worker: never end it here (a later file would
// get "Cannot use a pool after calling end on the pool"); the worker's exit closes it.

type Fields = Record<string, string | number | boolean>;

async function callback(request: APIRequestContext, method: "Authorization" | "Credit" | "Debit", fields: Fields) {
  const order =
    method === "Authorization" ? ["player_id", "game_id", "token"] : ["player_id", "round_id", "game_id", "transaction_id", "token"];
  const hash = sign(
    method,
    order.map((k) => String(fields[k])),
    env.WEBGAMES_API_KEY,
  );
  const res = await request.post(`/api/callbacks/${method}`, { data: { ...fields, hash } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { code: number; message: string; balance?: number };
}

test("an admin blocks a player: the next bet is refused with 4, the open round's win is still paid", async ({ page, request }) => {
  await createPlayer({ ...ADMIN, nick: "E2E Admin", currency: "EUR", role: "admin" });
  const email = `e2e-block-${Date.now()}@test.local`;
  const { id: playerId } = await createPlayer({
    email,
    password: "player123",
    nick: "E2E Block",
    currency: "EUR",
    openingBalance: "100.00",
  });
  const { token } = await issueLaunch({ playerId, gameId: GAME_ID });
  const base = { player_id: playerId, game_id: GAME_ID, token };
  expect((await callback(request, "Authorization", base)).code).toBe(0);
  const bet = await callback(request, "Credit", { ...base, round_id: "e2e-open", transaction_id: "e2e-b1", amount: 5, is_close: false });
  expect(bet).toMatchObject({ code: 0, balance: 95 });

  // The admin signs in through the real sign-in page (password, then the second factor) and lands on the player's page.
  await signIn(page, ADMIN, { callbackUrl: `/admin/players/${playerId}` });
  await expect(page).toHaveURL(new RegExp(`/admin/players/${playerId}$`));
  await expect(page.getByRole("heading", { name: email })).toBeVisible();
  await expect(page.getByTestId("player-balance")).toHaveText("95.00 EUR");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Block player" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Player blocked" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unblock player" })).toBeVisible();

  // The provider's next calls: a new bet is refused, the open round's win is paid.
  const refused = await callback(request, "Credit", { ...base, round_id: "e2e-new", transaction_id: "e2e-b2", amount: 1, is_close: false });
  expect(refused.code).toBe(4);
  const win = await callback(request, "Debit", {
    ...base,
    round_id: "e2e-open",
    transaction_id: "e2e-w1",
    amount: 7.5,
    bet_amount: 5,
    is_close: true,
  });
  expect(win).toMatchObject({ code: 0, balance: 102.5 });

  // The back office shows all of it: new balance, the audit row, and the refused callback.
  await page.reload();
  await expect(page.getByTestId("player-balance")).toHaveText("102.50 EUR");
  await expect(page.getByRole("row").filter({ hasText: ADMIN.email }).filter({ hasText: "block" })).toBeVisible();
  await page.goto(`/admin/callbacks?player=${playerId}&failed=1`);
  await expect(page.getByRole("row").filter({ hasText: "e2e-b2" })).toContainText("4 · Player blocked");
  await page.goto(`/admin/rounds/${playerId}/e2e-open`);
  await expect(page.getByRole("row").filter({ hasText: "e2e-w1" }).first()).toContainText("7.50 EUR");
});

test("a player who signs in cannot open the back office", async ({ page }) => {
  const email = `e2e-nosy-${Date.now()}@test.local`;
  await createPlayer({ email, password: "player123", nick: "E2E Nosy", currency: "EUR" });
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/admin/transactions")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("player123");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(page.getByText("Transactions", { exact: true })).toHaveCount(0);
  const direct = await page.request.get("/admin/players");
  expect(direct.status()).toBe(403);
  expect(await direct.text()).not.toContain("player@example.com");
  const csv = await page.request.get("/admin/transactions/export");
  expect(csv.status()).toBe(403);
});
