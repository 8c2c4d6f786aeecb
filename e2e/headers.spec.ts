import { expect, test } from "@playwright/test";
import { e2eState } from "./support/env";

test("pages carry the CSP (frames and icons only from the provider) and the other security headers", async ({ request }) => {
  const { simUrl } = await e2eState();
  const provider = new URL(simUrl).origin;
  for (const path of ["/", "/play/11?mode=demo", "/signin"]) {
    const res = await request.get(path);
    const h = res.headers();
    const csp = Object.fromEntries(
      (h["content-security-policy"] ?? "").split(";").map((d) => {
        const [name = "", ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(csp["frame-src"], path).toEqual([provider]);
    expect(csp["img-src"], path).toContain(provider);
    expect(csp["frame-ancestors"], path).toEqual(["'self'"]);
    expect(csp["script-src"], path).not.toContain("'unsafe-eval'");
    expect(csp["object-src"], path).toEqual(["'none'"]);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    // Production: HTTPS only, remembered for two years.
    expect(h["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
  }
});

test("the game iframe is sandboxed to what a game needs, never top navigation", async ({ page }) => {
  await page.goto("/play/11?mode=demo");
  const frame = page.getByTestId("game-frame");
  await expect(frame).toBeVisible();
  const sandbox = ((await frame.getAttribute("sandbox")) ?? "").split(/\s+/).sort();
  expect(sandbox).toEqual(["allow-forms", "allow-popups", "allow-same-origin", "allow-scripts"]);
  // The spins themselves are proven in the sandboxed frame by e2e/demo.spec.ts and e2e/real-money.spec.ts.
});

test("the lobby's JavaScript holds no server secrets", async ({ request }) => {
  const { apiKey, databaseUrl } = await e2eState();
  const html = await (await request.get("/")).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(3);
  for (const src of scripts) {
    const js = await (await request.get(src)).text();
    expect(js, src).not.toContain(apiKey);
    expect(js, src).not.toContain(new URL(databaseUrl).host);
    expect(js, src).not.toMatch(/AUTH_SECRET|DATABASE_URL|WEBGAMES_API_KEY/);
  }
});

test("the lobby is static HTML per locale (prerendered, regenerated in the background), not rendered per request", async ({ browser }) => {
  for (const locale of ["en-US", "de-DE"]) {
    const context = await browser.newContext({ locale });
    const res = await context.request.get("/");
    const h = res.headers();
    // A prerendered (ISR) page: shared caches may keep it; a dynamic page would say no-store / private.
    expect(h["cache-control"], locale).toMatch(/s-maxage=\d+/);
    expect(h["cache-control"], locale).not.toMatch(/no-store|private/);
    expect(h["x-nextjs-cache"], locale).toMatch(/HIT|STALE|MISS/);
    expect(await res.text(), locale).toContain(`lang="${locale.slice(0, 2)}"`);
    await context.close();
  }
});
