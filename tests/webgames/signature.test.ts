import { LosslessNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parseAmount } from "@/lib/webgames/callback-request";
import { buildLaunchUrl, maskLaunchUrl } from "@/lib/webgames/launch-url";
import { sign, verifySignature } from "@/lib/webgames/signature";

describe("signature (docs/protocol.md)", () => {
  it("matches the provider's known vector", () => {
    expect(sign("Authorization", [42, 2, "Aj4BAnMZBepwoYqavIjwg3m3"], "secret")).toBe("bac2df62b8873884dea9b0a918733554");
  });

  it("D2: accepts either hex case, refuses anything else", () => {
    const h = "bac2df62b8873884dea9b0a918733554";
    expect(verifySignature(h, h)).toBe(true);
    expect(verifySignature(h.toUpperCase(), h)).toBe(true);
    expect(verifySignature(h.slice(0, 31), h)).toBe(false);
    expect(verifySignature(`${h}0`, h)).toBe(false);
    expect(verifySignature(undefined, h)).toBe(false);
    expect(verifySignature(123, h)).toBe(false);
    expect(verifySignature("z".repeat(32), h)).toBe(false);
  });
});

describe("parseAmount (D7: exact decimals from the JSON text)", () => {
  const n = (t: string) => new LosslessNumber(t);
  it.each([
    [n("0"), "0"],
    [n("10"), "10"],
    [n("0.1"), "0.1"],
    [n("42.60"), "42.6"],
    [n("0.00000001"), "0.00000001"],
    [n("9007199254740993.01"), "9007199254740993.01"],
    [n("1e3"), "1000"],
    [n("1.5E-2"), "0.015"],
    ["12.50", "12.5"],
  ])("accepts %s as %s", (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each([
    ["negative", n("-1")],
    ["too many decimals", n("0.000000001")],
    ["too many decimals via exponent", n("1e-9")],
    ["huge", n("1e40")],
    ["string NaN", "NaN"],
    ["string Infinity", "Infinity"],
    ["exponent as string", "1e3"],
    ["negative string", "-5"],
    ["empty string", ""],
    ["boolean", true],
    ["null", null],
    ["object", {}],
  ])("refuses %s", (_name, input) => {
    expect(parseAmount(input)).toBeNull();
  });
});

describe("launch URL", () => {
  it("uses the provider's exact parameter names, DMO for demo, and masks the token for support", () => {
    const cfg = { apiUrl: "https://games.example", partnerId: "7" };
    const demo = new URL(buildLaunchUrl(cfg, { mode: "demo", gameId: 11, language: "eng" }));
    expect(Object.fromEntries(demo.searchParams)).toEqual({ partner_id: "7", game_id: "11", language: "eng", currency: "DMO" });
    const real = buildLaunchUrl(cfg, { mode: "real", gameId: 11, playerId: 42, currency: "EUR", token: "abcdefghijklmnop" });
    expect(real).toBe("https://games.example/game?partner_id=7&player_id=42&game_id=11&currency=EUR&token=abcdefghijklmnop");
    expect(maskLaunchUrl(real)).not.toContain("abcdefghijklmnop");
  });
});
