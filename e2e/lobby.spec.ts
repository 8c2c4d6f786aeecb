import { expect, test } from "@playwright/test";
import { focusSearch } from "./support/lobby";

test.describe("lobby", () => {
  test("shows game tiles with icon, title, class and RTP, and a result count", async ({ page }) => {
    await page.goto("/");
    const tiles = page.getByTestId("game-tile");
    await expect(tiles.first()).toBeVisible();
    // Right after a deploy the static HTML may hold no games yet; the client renders them as the catalog arrives.
    await expect.poll(() => tiles.count()).toBeGreaterThanOrEqual(24);
    const first = tiles.first();
    await expect(first.locator("img")).toHaveAttribute("src", /\/icon\/.+\/206x206\/.+\.jpg$/);
    await expect(first.getByText(/RTP \d+\.\d\d%/)).toBeVisible();
    await expect(page.getByTestId("result-count")).toHaveText("400 games");
    await expect(first.getByRole("link", { name: /in demo mode$/ })).toHaveAttribute("href", /\/play\/\d+\?mode=demo$/);
  });

  test("the full catalog loads only when the player acts, not at page load (the first screen is the static HTML)", async ({ page }) => {
    const catalogRequests: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/catalog") catalogRequests.push(r.url());
    });
    await page.goto("/");
    await expect(page.getByTestId("game-tile").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1000);
    expect(catalogRequests).toEqual([]);
    await focusSearch(page);
    await expect(page.locator('[data-testid="game-grid"][role="list"]')).toBeVisible({ timeout: 30_000 }); // full catalog loaded
    expect(catalogRequests).toHaveLength(1);
  });

  test("the grid is virtualized: the last game renders at the end while the DOM holds only a window", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("game-tile").first()).toBeVisible();
    // Scrolling towards the end of the static first page loads the full catalog.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.locator('[data-testid="game-grid"][role="list"]')).toBeVisible({ timeout: 30_000 }); // full catalog loaded
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.locator('[data-testid="game-tile"][data-game-id="400"]')).toBeVisible();
    expect(await page.getByTestId("game-tile").count()).toBeLessThan(100);
    await expect(page.locator('[data-testid="game-tile"][data-game-id="1"]')).toHaveCount(0);
  });

  test("a game clicked right after typing in the search opens (the pending URL update never wins over the click)", async ({ page }) => {
    // A slow play page (as on a busy server) leaves the search's debounced URL update time to fire
    // mid-navigation: before the fix, Next's router took that replaceState and dropped the click.
    await page.route("**/play/**", async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.goto("/");
    const search = await focusSearch(page);
    await expect(page.locator('[data-testid="game-grid"][role="list"]')).toBeVisible({ timeout: 30_000 });
    await search.pressSequentially("chicago", { delay: 15 });
    // At once, well within the 250 ms the URL update waits for.
    await page.getByRole("link", { name: "Play Chicago Deluxe in demo mode" }).first().click();
    await expect(page).toHaveURL(/\/play\/\d+\?mode=demo$/);
    await expect(page.getByTestId("game-frame")).toBeVisible();
    // The search was written to the lobby's history entry first: Back returns to the results.
    await page.goBack();
    await expect(page).toHaveURL(/\/\?q=chicago$/);
    await expect(search).toHaveValue("chicago");
  });

  test("search is instant and typo tolerant, and lands in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Search games").fill("chicgo delux");
    await expect(page.getByTestId("game-tile").first().getByRole("heading")).toHaveText("Chicago Deluxe");
    await expect(page).toHaveURL(/\?q=chicgo\+delux/);
  });

  test("a class deep link filters on first render; chips and sort update the URL", async ({ page }) => {
    await page.goto("/?class=Wild%20West&sort=az");
    await expect(page.getByRole("heading", { name: "Wild West", level: 2 })).toBeVisible();
    await expect(page.getByTestId("result-count")).toHaveText(/^\d+ games$/);
    // The first paint may still show skeletons while the catalog arrives: wait for the filtered tiles.
    const classesShown = () => page.getByTestId("game-tile").locator("p").allTextContents();
    await expect
      .poll(async () => {
        const c = await classesShown();
        return c.length > 0 && c.every((x) => x.includes("Wild West"));
      })
      .toBe(true);
    const titles = await page.getByTestId("game-tile").getByRole("heading").allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "en")));

    await page.getByRole("button", { name: /^Ocean Quest/ }).click();
    await expect(page).toHaveURL(/class=Ocean\+Quest/);
    await expect(page.getByRole("button", { name: /^Ocean Quest/ })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel("Sort by").selectOption("rtp");
    await expect(page).toHaveURL(/sort=rtp/);
    const rtpsShown = async () =>
      (await page.getByTestId("game-tile").getByText(/^RTP /).allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, "")));
    await expect
      .poll(async () => {
        const r = await rtpsShown();
        return r.length > 0 && r.every((v, i) => i === 0 || r[i - 1]! >= v);
      })
      .toBe(true);
  });

  test("signed-in players keep favorites across visits", async ({ page }) => {
    const { signUp } = await import("./support/auth");
    await signUp(page);
    await page.goto("/");
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
    await page.getByRole("button", { name: "Add Chicago Deluxe to favorites" }).click();
    await expect(page.getByRole("button", { name: "Remove Chicago Deluxe from favorites" }).first()).toBeVisible();
    await saved; // the server action stored it
    await page.reload();
    await expect(page.getByTestId("favorites-rail").getByRole("heading", { name: "Chicago Deluxe" })).toBeVisible();
  });
});
