import { expect, test } from "@playwright/test";
import { SEED, signIn } from "./support/auth";
import { e2eState } from "./support/env";

// Runs in the "phone" project (Pixel 7 user agent and viewport).
test("a phone goes straight to the provider's game page (demo)", async ({ page }) => {
  const { simUrl } = await e2eState();
  await page.goto("/play/11?mode=demo");
  await expect(page).toHaveURL(new RegExp(`^${simUrl}/game\\?`));
  expect(new URL(page.url()).searchParams.get("currency")).toBe("DMO");
  await expect(page.getByTestId("spin")).toBeVisible();
});

test("a phone goes straight to the provider's game page (real money)", async ({ page }) => {
  const { simUrl } = await e2eState();
  await signIn(page, SEED.player);
  await page.goto("/play/11");
  await expect(page).toHaveURL(new RegExp(`^${simUrl}/game\\?`));
  const q = new URL(page.url()).searchParams;
  expect(q.get("currency")).toBe("EUR");
  expect(q.get("token")).toBeTruthy();
  await expect(page.getByTestId("balance")).toBeVisible();
});
