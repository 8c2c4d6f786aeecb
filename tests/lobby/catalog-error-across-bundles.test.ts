import { describe, expect, it, vi } from "vitest";

describe("CatalogUnavailableError across module copies", () => {
  it("is recognised by instanceof when thrown by another copy of the module (Next bundles it per route; the cache lives on globalThis)", async () => {
    const first = await import("@/lib/catalog/catalog-cache");
    vi.resetModules();
    const second = await import("@/lib/catalog/catalog-cache");
    expect(second.CatalogUnavailableError).not.toBe(first.CatalogUnavailableError);
    const thrownByOtherCopy = new first.CatalogUnavailableError(new Error("connect ECONNREFUSED"));
    expect(thrownByOtherCopy).toBeInstanceOf(second.CatalogUnavailableError);
    expect(new Error("other")).not.toBeInstanceOf(second.CatalogUnavailableError);
  });
});
