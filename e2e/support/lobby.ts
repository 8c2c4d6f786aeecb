import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Focuses the lobby's search the way a player can: once it is visible. `locator.focus()` alone
 * does not wait for that, and `element.focus()` on an element that is not rendered (for example
 * content React streamed into a hidden container and reveals a moment later) does nothing, so a
 * spec that focused too early waited for a catalog load that the page never saw a reason for
 * (twice in 27 runs of the whole suite, e2e/lobby-control.spec.ts).
 */
export async function focusSearch(page: Page): Promise<Locator> {
  const search = page.getByLabel("Search games");
  await expect(search).toBeVisible();
  await search.focus();
  await expect(search).toBeFocused();
  return search;
}
