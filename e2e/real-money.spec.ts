import { expect, test } from "@playwright/test";
import { SEED, signIn, signUp, verifyEmail } from "./support/auth";
import { moneyOf } from "./support/db";

test.describe("real money", () => {
  test("anonymous players are sent to sign in and come back to the game", async ({ page }) => {
    await page.goto("/play/11");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fplay%2F11$/);
    await page.getByLabel("Email").fill(SEED.player2.email);
    await page.getByLabel("Password").fill(SEED.player2.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/play\/11$/);
    const src = await page.getByTestId("game-frame").getAttribute("src");
    const q = new URL(src!).searchParams;
    expect(q.get("currency")).toBe("USD");
    expect(q.get("token")?.length).toBeGreaterThanOrEqual(43);
    // The support panel shows the launch URL with the token masked.
    await page.getByText("Game did not load?").click();
    const masked = await page.getByTestId("masked-launch-url").inputValue();
    expect(masked).not.toContain(q.get("token")!);
    expect(masked).toContain("token=");
  });

  test("sign-in is throttled after 5 failures for an email, with a friendly message", async ({ page }) => {
    const email = `throttle-${Date.now()}@example.com`;
    await page.goto("/signin");
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      const expected = i <= 5 ? "Wrong email or password." : /Too many failed sign-in attempts\. Please wait 1[45] min/;
      await expect(page.getByLabel("Password")).toHaveValue(""); // React resets the form once the action is done
      await expect(page.getByText(i <= 5 ? "Wrong email or password." : "Too many failed sign-in attempts", { exact: false })).toHaveText(
        expected,
      );
    }
  });

  test("sign out from the lobby", async ({ page }) => {
    await signIn(page, SEED.player2);
    await page.goto("/");
    const refreshed = page.waitForResponse((r) => r.url().includes("_rsc=")); // the client navigation to the lobby
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect((await page.request.get("/api/me/balance")).status()).toBe(401);
    await refreshed;
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  });

  test("wrong password shows a clear error", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong email or password.")).toHaveAttribute("role", "alert");
  });

  test("sign up, deposit, spin: the bar and the account page match the ledger", async ({ page }) => {
    const who = await signUp(page, "USD");
    await verifyEmail(page, who.email);
    await page.goto("/account");
    await page.getByLabel("Amount (USD)").fill("50");
    await page.getByRole("button", { name: "Add funds" }).click();
    await expect(page.getByText("Added 50.00 USD.")).toBeVisible();
    await expect(page.getByTestId("account-balance")).toHaveText("50.00 USD");

    await page.goto("/play/11");
    const frame = page.frameLocator('[data-testid="game-frame"]');
    await expect(frame.getByTestId("balance")).toHaveText("50.00");
    await expect(page.getByTestId("live-balance")).toHaveText("50.00 USD");
    await expect(frame.getByTestId("spin")).toBeEnabled();
    await frame.getByTestId("spin").click();
    // The spin is done when the wallet has the bet (a win equal to the bet leaves the balance at
    // 50.00, so the displayed number alone cannot tell) and the game is ready for the next spin.
    await expect.poll(async () => (await moneyOf(who.email)).entries, { timeout: 15_000 }).toBeGreaterThanOrEqual(2); // deposit + bet (+ win)
    await expect(frame.getByTestId("spin")).toBeEnabled({ timeout: 15_000 });
    const money = await moneyOf(who.email);
    expect(money.ledgerSum).toBe(money.balance);
    await expect(frame.getByTestId("balance")).toHaveText(money.balance);
    // The bar polls /api/me/balance and follows the spin.
    await expect(page.getByTestId("live-balance")).toHaveText(`${money.balance} USD`, { timeout: 6_000 });

    await page.goto("/account");
    await expect(page.getByTestId("account-balance")).toHaveText(`${money.balance} USD`);
    await expect(page.getByTestId("ledger-table").getByRole("row").nth(1)).toContainText(/Bet|Win/);
  });

  test("a blocked player is refused with an explanation and no token is issued", async ({ page }) => {
    await signIn(page, SEED.blocked);
    const { sessionsOf } = await import("./support/db");
    const before = await sessionsOf(SEED.blocked.email);
    await page.goto("/play/11");
    await expect(page.getByTestId("launch-refused")).toContainText("blocked");
    await expect(page.getByTestId("game-frame")).toHaveCount(0);
    expect(await sessionsOf(SEED.blocked.email)).toBe(before);
  });
});
