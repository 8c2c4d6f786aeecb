import { expect, test } from "@playwright/test";
import { SEED, signIn } from "./support/auth";
import { control } from "./support/env";

test("with the provider down, a freshly started instance serves the last good catalog; admins see it is stale", async ({
  page,
  request,
}) => {
  // The main instance has stored a snapshot (the e2e server warms it up). A second instance with
  // an empty memory points at a closed port: it can only serve the lobby from catalog_snapshots.
  const { url } = (await control("/instances/dead-provider")) as { url: string };
  await page.goto(`${url}/`);
  await expect(page.getByTestId("game-tile").first()).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("400 games");
  await expect(page.getByTestId("stale-catalog-banner")).toHaveCount(0);

  // An admin forces a reload: the provider fails, the old catalog stays and is flagged stale.
  await signIn(page, SEED.admin, { baseUrl: url });
  const answer = await page.request.post(`${url}/api/catalog/revalidate`);
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ games: 400, stale: true });
  await page.goto(`${url}/`);
  await expect(page.getByTestId("stale-catalog-banner")).toBeVisible();
  await expect(page.getByTestId("game-tile").first()).toBeVisible();

  // Players never see the admin notice, and anonymous callers cannot revalidate.
  expect((await request.post(`${url}/api/catalog/revalidate`)).status()).toBe(401);
});
