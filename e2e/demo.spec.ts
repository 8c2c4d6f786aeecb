import { expect, test } from "@playwright/test";
import { gameFootprint } from "./support/db";
import { e2eState } from "./support/env";

test("demo play needs no account, plays a spin and never touches the wallet", async ({ page }) => {
  // Game 5 (first row of the lobby) is played by this test only, so parallel tests cannot disturb the counts.
  const before = await gameFootprint(5);
  const { simUrl } = await e2eState();
  await page.goto("/");
  const tile = page.locator('[data-testid="game-tile"][data-game-id="5"]');
  await tile.getByRole("link", { name: /in demo mode$/ }).click();
  await expect(page).toHaveURL(/\/play\/5\?mode=demo$/);

  const frameEl = page.getByTestId("game-frame");
  const src = await frameEl.getAttribute("src");
  expect(src).toContain(`${simUrl}/game?`);
  const params = new URL(src!).searchParams;
  expect(params.get("currency")).toBe("DMO");
  expect(params.get("token")).toBeNull();
  expect(params.get("player_id")).toBeNull();
  await expect(frameEl).toHaveAttribute("allow", "fullscreen; autoplay");

  const frame = page.frameLocator('[data-testid="game-frame"]');
  const startBalance = await frame.getByTestId("balance").textContent();
  await frame.getByTestId("spin").click();
  // A losing spin changes the balance; a win shows in "last win" (a win equal to the bet leaves
  // the balance as it was).
  await expect
    .poll(
      async () =>
        (await frame.getByTestId("balance").textContent()) !== startBalance ||
        !/^0(\.0+)?$/.test((await frame.getByTestId("last-win").textContent()) ?? "0"),
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect(frame.getByTestId("error")).toBeEmpty();

  expect(await gameFootprint(5)).toEqual(before);
  expect(before).toEqual({ ledger: 0, callbacks: 0, sessions: 0 });
});

test.describe("narrow desktop window", () => {
  test.use({ viewport: { width: 420, height: 800 } });
  test("a narrow screen with a desktop browser is sent to the game page itself (client redirect)", async ({ page }) => {
    const { simUrl } = await e2eState();
    await page.goto("/play/12?mode=demo");
    await expect(page).toHaveURL(new RegExp(`^${simUrl}/game\\?`));
    expect(new URL(page.url()).searchParams.get("game_id")).toBe("12");
    await expect(page.getByTestId("spin")).toBeVisible();
  });
});
