import { expect, test } from "@playwright/test";
import { signIn, signUp, verifyEmail } from "./support/auth";
import { revokedSessionsOf, setRealityCheckSeconds } from "./support/db";

test.describe("responsible gaming", () => {
  test("limits, a raise waiting for its cooling-off, and a time-out from the account page; play is refused and says until when", async ({
    page,
  }) => {
    await signUp(page, "EUR");
    await page.goto("/account");
    await expect(page.getByTestId("period-note")).toContainText("calendar periods in UTC");

    const loss = page.getByTestId("limit-loss_day");
    await loss.getByLabel("Daily loss limit").fill("50");
    await loss.getByRole("button", { name: "Save" }).click();
    await expect(loss.getByRole("status")).toHaveText("Daily loss limit set to 50.00 EUR, in force now.");
    await expect(page.getByTestId("limit-loss_day-summary")).toHaveText("0.00 of 50.00 EUR lost today");

    await loss.getByLabel("Daily loss limit").fill("80");
    await loss.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("limit-loss_day-pending")).toContainText("Rises to 80.00 EUR on");
    await expect(page.getByTestId("limit-loss_day-summary")).toHaveText("0.00 of 50.00 EUR lost today");

    const session = page.getByTestId("limit-session_session");
    await session.getByLabel("Session time limit").fill("abc");
    await session.getByRole("button", { name: "Save" }).click();
    await expect(session.getByText("Enter whole minutes, e.g. 60")).toBeVisible();
    await session.getByLabel("Session time limit").fill("45");
    await session.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("limit-session_session-summary")).toHaveText("45 minutes per play session");

    const breakForm = page.getByTestId("exclusion-timeout");
    await breakForm.getByLabel("1 week").check();
    await breakForm.getByRole("button", { name: "Take a break…" }).click();
    await expect(breakForm.getByRole("alertdialog")).toContainText("Take a break for 1 week?");
    await breakForm.getByRole("button", { name: "Yes, take a break for 1 week" }).click();
    await expect(page.getByTestId("exclusion-status")).toContainText("Your time-out is in force until");
    await expect(page.getByTestId("rg-history")).toContainText("time-out of 1 week until");

    await page.goto("/play/11");
    const refused = page.getByTestId("launch-refused");
    await expect(refused).toHaveAttribute("data-reason", "timeout");
    await expect(refused).toContainText("You are taking a break from real-money play until");
    await expect(refused.getByRole("link", { name: "Play demo" })).toBeVisible();

    await page.goto("/");
    await expect(page.getByTestId("play-notice-exclusion")).toContainText("real-money play is closed until");
  });

  test("the reality check appears over the game at the player's interval; Keep playing, then Stop playing ends the session", async ({
    page,
  }) => {
    const who = await signUp(page, "USD");
    await verifyEmail(page, who.email); // real money needs a verified address
    await setRealityCheckSeconds(who.email, 4);
    await page.goto("/play/11");
    await expect(page.getByTestId("game-frame")).toBeVisible();
    await expect(page.getByTestId("session-clock")).toHaveText(/^0:00:\d\d$/);
    await expect(page.getByTestId("session-net")).toHaveText("+0.00 USD");

    const check = page.getByTestId("reality-check");
    await expect(check).toBeVisible({ timeout: 15_000 });
    await expect(check).toContainText("You have been playing for");
    await expect(page.getByTestId("reality-check-net")).toHaveText("+0.00 USD");
    await check.getByRole("button", { name: "Keep playing" }).click();
    await expect(check).toBeHidden();
    await expect(check).toBeVisible({ timeout: 15_000 }); // the next interval

    expect(await revokedSessionsOf(who.email)).toBe(0);
    await check.getByRole("button", { name: "Stop playing" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect.poll(() => revokedSessionsOf(who.email)).toBe(1);

    // After signing in again the player is told when the previous play session was.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await signIn(page, who);
    await page.goto("/");
    await expect(page.getByTestId("play-notice-previous")).toContainText("Your previous play session was on");
  });
});
