import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { SEED, signIn } from "./support/auth";
import { e2eState } from "./support/env";

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every page, players' and staff's, signed out and in, in the
 * production build. The provider's game page inside the play page's iframe is the provider's
 * document, not ours: it is left out (the iframe element itself is checked).
 */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One line per rule: its id, how many elements, the first three and why. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).exclude('[data-testid="game-frame"]').analyze();
  return result.violations.map((v) => {
    const first = v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`);
    return `${v.id} (${v.impact}, ${v.nodes.length} elements) ${first.join(" | ")}`;
  });
}

/** Opens the page, waits until the client-side parts (header account area, lobby tiles) are there, then runs axe. */
async function check(page: Page, path: string, ready?: (page: Page) => Promise<void>) {
  await page.goto(path);
  // Not "networkidle": some pages poll (balance, play session) and never go quiet.
  await page.waitForLoadState("load");
  if (ready) await ready(page);
  // Soft: one run reports every page's violations.
  expect.soft(await violations(page), `axe on ${path}`).toEqual([]);
}

const lobbyReady = async (page: Page) => {
  await expect(page.getByTestId("game-tile").first()).toBeVisible();
};

async function firstRound(): Promise<{ playerId: number; roundId: string } | null> {
  const pool = new pg.Pool({ connectionString: (await e2eState()).databaseUrl, max: 1 });
  try {
    const r = await pool.query<{ player_id: number; round_id: string }>(
      "SELECT player_id, round_id FROM rounds ORDER BY opened_at LIMIT 1",
    );
    return r.rows[0] ? { playerId: r.rows[0].player_id, roundId: r.rows[0].round_id } : null;
  } finally {
    await pool.end();
  }
}

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  // axe takes a few seconds per page on a loaded 2-core machine; each test visits several pages.
  test.describe.configure({ timeout: 300_000 });
  test("players' pages, signed out", async ({ page }) => {
    await check(page, "/", lobbyReady);
    await check(page, "/?q=zzzzzz-no-such-game", async (p) => {
      await expect(p.getByText(/No games match/)).toBeVisible();
    });
    await check(page, "/help");
    await check(page, "/signin");
    await check(page, "/signup");
    await check(page, "/play/7?mode=demo", async (p) => {
      await expect(p.getByTestId("game-frame")).toBeVisible();
    });
    await check(page, "/forgot-password");
    await check(page, "/reset-password");
    await check(page, "/no-such-page");
  });

  test("players' forms with their errors shown", async ({ page }) => {
    await page.goto("/signup");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.goto("/signin");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    // The form's own alert (Next's route announcer is an alert too, outside the form).
    await expect(page.locator("form").getByRole("alert")).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test("players' pages, signed in, in English and in Russian", async ({ page, context }) => {
    await signIn(page, SEED.player2);
    const signedIn = async (p: Page) => {
      await expect(p.getByTestId("header-balance")).toBeVisible();
    };
    await check(page, "/", async (p) => {
      await lobbyReady(p);
      await signedIn(p);
    });
    await check(page, "/account", signedIn);
    await check(page, "/account/security", signedIn);
    await check(page, "/play/7", async (p) => {
      await expect(p.getByTestId("game-frame")).toBeVisible();
    });
    await check(page, "/admin"); // 403 for a player
    await context.addCookies([{ name: "NEXT_LOCALE", value: "ru", url: page.url() }]);
    await check(page, "/", async (p) => {
      await lobbyReady(p);
      await signedIn(p);
    });
    await check(page, "/account", signedIn);
  });

  test("staff pages: dashboard, transactions, players, a player", async ({ page }) => {
    await signIn(page, SEED.admin);
    for (const path of ["/admin", "/admin/transactions", "/admin/players"]) await check(page, path);
    await page.getByRole("link", { name: SEED.player.email }).first().click();
    await page.waitForLoadState("load");
    expect.soft(await violations(page), "axe on a player's page").toEqual([]);
  });

  test("staff pages: rounds, a round, callbacks, audit", async ({ page }) => {
    await signIn(page, SEED.admin);
    for (const path of ["/admin/rounds", "/admin/callbacks", "/admin/audit", "/admin/catalog", "/admin/wins"]) await check(page, path);
    const round = await firstRound();
    if (round) await check(page, `/admin/rounds/${round.playerId}/${round.roundId}`);
  });
});
