import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import {
  parseAcceptLanguage,
  parseLanguageMap,
  providerLanguageFor,
  resolveProviderLanguage,
  toProviderLanguage,
  UI_TO_PROVIDER,
} from "@/lib/i18n/provider-language";

describe("provider language", () => {
  it.each([
    ["en", "eng"],
    ["en-US", "eng"],
    ["ru", "rus"],
    ["de-AT", "deu"],
    ["es", "spa"],
    ["fr-CA", "fra"],
    ["pt-BR", "por"],
    ["tr", "tur"],
    ["it", "ita"],
    ["pl", "pol"],
    ["uk", "ukr"],
    ["UK-ua", "ukr"],
    ["rus", "rus"],
    ["ENG", "eng"],
    ["ger", "deu"],
    ["xx", null],
    ["", null],
    ["klingon", null],
  ])("maps %j to %j", (tag, code) => {
    expect(toProviderLanguage(tag)).toBe(code);
  });

  it("orders Accept-Language by q-value and drops q=0 and *", () => {
    expect(parseAcceptLanguage("fr;q=0.5, de-DE, en;q=0.8, *;q=0.1, it;q=0")).toEqual(["de-DE", "en", "fr"]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });

  it.each([
    { preference: "rus", accept: "de-DE,de;q=0.9", expected: "rus", why: "the player's saved preference wins" },
    { preference: null, accept: "de-DE,de;q=0.9,en;q=0.8", expected: "deu", why: "then the browser's first known language" },
    { preference: "zz", accept: "xx, pl;q=0.5", expected: "pol", why: "unknown entries are skipped" },
    { preference: null, accept: null, expected: "eng", why: "English by default" },
    { preference: null, accept: "tlh", expected: "eng", why: "English when nothing is known" },
  ])("$why", ({ preference, accept, expected }) => {
    expect(resolveProviderLanguage(preference, accept)).toBe(expected);
  });
});

describe("UI language → provider language (the one configurable table)", () => {
  it.each([
    ["en", "eng"],
    ["ru", "rus"],
    ["tr", "tur"],
    ["pt-BR", "por"],
    ["es", "spa"],
    ["de", "deu"],
  ] as const)("%s plays as %s", (locale, code) => {
    expect(providerLanguageFor(locale)).toBe(code);
    expect(UI_TO_PROVIDER[locale]).toBe(code);
  });

  it("applies WEBGAMES_LANGUAGE_MAP overrides and keeps the rest of the table", () => {
    expect(providerLanguageFor("pt-BR", "pt-BR=pob, es=esp")).toBe("pob");
    expect(providerLanguageFor("es", "pt-BR=pob, es=esp")).toBe("esp");
    expect(providerLanguageFor("de", "pt-BR=pob, es=esp")).toBe("deu");
    expect(parseLanguageMap("")).toEqual({});
  });

  it.each([
    ["pt-BR=pob,es=esp", true],
    ["", true],
    ["pt-BR=portuguese", false],
    ["pt-BR:pob", false],
  ])("lib/env.ts accepts WEBGAMES_LANGUAGE_MAP=%j: %s", (value, ok) => {
    const load = () => loadEnv({ NODE_ENV: "test", WEBGAMES_LANGUAGE_MAP: value });
    if (ok) expect(load().WEBGAMES_LANGUAGE_MAP).toBe(value);
    else expect(load).toThrow(/WEBGAMES_LANGUAGE_MAP/);
  });
});
