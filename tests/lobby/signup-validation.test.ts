import { describe, expect, it } from "vitest";
import { z } from "zod";
import { safeCallbackUrl, signUpSchema } from "@/lib/auth/schemas";
import en from "@/messages/en.json";

const valid = { email: "New.Player@Example.com ", password: "longenough", nick: "Lucky Lena", currency: "EUR" };
const errorsOf = (input: Record<string, unknown>) => {
  const r = signUpSchema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe("sign-up validation", () => {
  it("accepts a valid form and normalises the email", () => {
    const r = signUpSchema.parse(valid);
    expect(r.email).toBe("new.player@example.com");
    expect(r.currency).toBe("EUR");
  });

  it.each([
    { field: "email", value: "not-an-email", message: "Enter a valid email address" },
    { field: "email", value: "", message: "Enter a valid email address" },
    { field: "password", value: "short77", message: "Use at least 8 characters" },
    { field: "password", value: "x".repeat(201), message: "Use at most 200 characters" },
    { field: "nick", value: "a", message: "Use at least 2 characters" },
    { field: "nick", value: "x".repeat(25), message: "Use at most 24 characters" },
    { field: "nick", value: "<script>", message: "Letters, digits, spaces, dots, dashes and underscores only" },
    { field: "currency", value: "DMO", message: "Choose a currency" },
    { field: "currency", value: "XYZ", message: "Choose a currency" },
    { field: "currency", value: "eur", message: "Choose a currency" },
  ])("rejects $field = $value", ({ field, value, message }) => {
    const errors = errorsOf({ ...valid, [field]: value }) as Record<string, string[] | undefined>;
    // The schema gives message keys; the English text is what a player reads (messages/en.json).
    const keys = errors[field] ?? [];
    expect(keys.map((k) => en.validation[k as keyof typeof en.validation])).toContain(message);
  });

  it("accepts the case-sensitive provider codes (mBT, uBTC, FBu)", () => {
    for (const currency of ["mBT", "uBTC", "FBu", "BTC", "JPY"]) expect(signUpSchema.safeParse({ ...valid, currency }).success).toBe(true);
  });

  it.each([
    ["/play/11", "/play/11"],
    ["/account?x=1", "/account?x=1"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
  ])("only follows same-site callback URLs: %j → %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
