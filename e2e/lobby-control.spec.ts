import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { SEED, signIn } from "./support/auth";
import { e2eState } from "./support/env";
import { focusSearch } from "./support/lobby";

/**
 * The operator's control of the lobby, through the back office in the browser, seen in the lobby
 * right after. Runs alone after the other specs (playwright.config.ts: it changes what the shared
 * lobby shows) and puts everything back at the end.
 */

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: (await e2eState()).databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function controlsOf(page: Page, title: string) {
  await page.goto(`/admin/catalog?q=${encodeURIComponent(title)}`);
  return page.getByTestId("catalog-row").filter({ hasText: title }).first();
}

async function save(page: Page, title: string, set: { hidden?: boolean; badgeNew?: boolean; featured?: boolean; pin?: string }) {
  const row = await controlsOf(page, title);
  if (set.hidden !== undefined) await row.getByLabel(`Hidden: ${title}`).setChecked(set.hidden);
  if (set.badgeNew !== undefined) await row.getByLabel(`New: ${title}`).setChecked(set.badgeNew);
  if (set.featured !== undefined) await row.getByLabel(`Featured: ${title}`).setChecked(set.featured);
  if (set.pin !== undefined) await row.getByLabel(`Pinned position: ${title}`).fill(set.pin);
  await row.getByRole("button", { name: `Save ${title}` }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");
}

test.afterAll(async () => {
  await sql("DELETE FROM lobby_controls");
  await sql("DELETE FROM extended_catalogs WHERE source = 'upload'");
});

test("an admin uploads a CSV in the browser: bad rows are listed, the lobby shows the new studio, RTP and features", async ({ page }) => {
  await signIn(page, SEED.admin);
  await page.goto("/admin/catalog");
  // The simulator's published sheet (its last good copy: the resilience spec may have flagged its last attempt).
  await expect(page.getByTestId("source-url")).toContainText("/spreadsheets/d/");
  await expect(page.getByTestId("source-url").getByRole("cell").nth(3)).toHaveText("400");
  const csv = ["\uFEFFgame_id;Studio;RTP, %;Features", "11;E2E Studio;97,25;e2e feature, wilds", "zzz;Nobody;95;"].join("\r\n");
  await page
    .getByLabel("Extended catalog file (CSV or XLSX)")
    .setInputFiles({ name: "extended.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  const result = page.getByTestId("upload-result");
  await expect(result).toContainText("1 row(s) loaded, 1 skipped");
  await expect(result).toContainText('Row 3: game ID "zzz" is not a positive whole number');
  await expect(page.getByTestId("source-upload")).toContainText("extended.csv");

  // A file that is no spreadsheet: a readable error, nothing changed.
  await page
    .getByLabel("Extended catalog file (CSV or XLSX)")
    .setInputFiles({ name: "x.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([0, 1, 2, 3]) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByTestId("upload-error")).toHaveText("This is neither a CSV nor an XLSX file.");

  await page.goto("/");
  // The full catalog loads on the player's first action (docs/lobby.md): focusing the search is one.
  // Focus only what a player could: a hidden element takes no focus (see e2e/support/lobby.ts).
  await focusSearch(page);
  await expect(page.locator('[data-testid="game-grid"][role="list"]')).toBeVisible({ timeout: 30_000 }); // full catalog loaded
  await page.getByLabel("Studio").selectOption("E2E Studio");
  const tile = page.getByTestId("game-tile");
  await expect(tile).toHaveCount(1);
  await expect(tile).toContainText("Chicago Deluxe");
  await tile.getByRole("button", { name: "Chicago Deluxe", exact: true }).click();
  const details = page.getByTestId("game-details");
  await expect(details).toBeVisible();
  await expect(details.getByTestId("details-rtp")).toHaveText("97.25%");
  await expect(details).toContainText("e2e feature");
  await expect(details.getByRole("link", { name: "Demo" })).toHaveAttribute("href", "/play/11?mode=demo");
  await expect(details.getByRole("link", { name: "Play" })).toHaveAttribute("href", "/play/11");
  await expect(details.locator("img")).toHaveAttribute("src", /\/287x193\//);
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();

  const audit = await sql<{ details: { rows: number; skipped: number } }>(
    "SELECT details FROM admin_actions WHERE action = 'catalog_changed' AND details->>'kind' = 'upload'",
  );
  expect(audit.at(-1)?.details).toMatchObject({ rows: 1, skipped: 1 });
});

test("hide and feature: the lobby reflects each change at once, and each change is audited", async ({ page }) => {
  await signIn(page, SEED.admin);
  const games = await (await page.request.get("/api/catalog")).json();
  const [first, second] = (games.games as { id: number; title: string }[]).slice(5, 7);
  if (!first || !second) throw new Error("catalog too small");

  await save(page, first.title, { featured: true, badgeNew: true, pin: "1" });
  await page.goto("/");
  // In the static HTML at once: the Featured rail, the pinned game first, its New badge.
  await expect(page.getByTestId("featured-rail").getByTestId("featured-game")).toHaveAttribute("data-game-id", String(first.id));
  await expect(page.getByTestId("game-tile").first()).toHaveAttribute("data-game-id", String(first.id));
  await expect(page.getByTestId("game-tile").first().getByTestId("badge-new")).toBeVisible();

  await save(page, second.title, { hidden: true });
  await page.goto("/");
  await expect(page.getByTestId("result-count")).toHaveText("399 games");
  const secondTile = page.locator(`[data-testid="game-tile"][data-game-id="${second.id}"]`);
  await expect(secondTile).toHaveCount(0); // not in the static HTML
  // The full catalog loads on the player's first action (docs/lobby.md): focusing the search is one.
  // Focus only what a player could: a hidden element takes no focus (see e2e/support/lobby.ts).
  await focusSearch(page);
  await expect(page.locator('[data-testid="game-grid"][role="list"]')).toBeVisible({ timeout: 30_000 }); // full catalog loaded
  await page.getByLabel("Search games").fill(second.title);
  await expect(page).toHaveURL(/\?q=/); // the search ran
  await expect(secondTile).toHaveCount(0);
  expect((await page.request.get(`/play/${second.id}?mode=demo`)).status()).toBe(404);

  const audit = await sql<{ details: { gameId: number; before: object; after: object } }>(
    "SELECT details FROM admin_actions WHERE action = 'catalog_changed' AND details->>'kind' = 'lobby_control' ORDER BY id",
  );
  expect(audit.map((a) => a.details)).toEqual([
    {
      kind: "lobby_control",
      gameId: first.id,
      before: { badgeNew: false, featured: false, pin: null },
      after: { badgeNew: true, featured: true, pin: 1 },
    },
    { kind: "lobby_control", gameId: second.id, before: { hidden: false }, after: { hidden: true } },
  ]);

  // Shown again: back in the lobby.
  await save(page, second.title, { hidden: false });
  await page.goto("/");
  await expect(page.getByTestId("result-count")).toHaveText("400 games");
  await expect(secondTile).toBeVisible();
});

test("players cannot reach the catalog controls or the upload", async ({ page, request }) => {
  expect(
    (
      await request.post("/admin/catalog/upload", {
        multipart: { file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("ID\n1") } },
      })
    ).status(),
  ).toBe(401);
  await signIn(page, SEED.player);
  expect(
    (
      await page.request.post("/admin/catalog/upload", {
        multipart: { file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("ID\n1") } },
      })
    ).status(),
  ).toBe(403);
  expect((await page.request.get("/admin/catalog")).status()).toBe(403);
});
