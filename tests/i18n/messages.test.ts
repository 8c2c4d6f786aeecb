import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALE_NAMES, LOCALES, matchLocale } from "@/lib/i18n/locales";

const dir = path.resolve(import.meta.dirname, "../../messages");
type Tree = { [key: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Tree;

/** "a.b.c" → message, for every leaf. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(id, value);
    else for (const [k, v] of leaves(value, id)) out.set(k, v);
  }
  return out;
}
// ICU arguments ({minutes}, {count, plural, …}): the names a translation must keep.
const argumentsOf = (message: string) => [...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => m[1]).sort();

const english = leaves(load("en"));

describe("messages", () => {
  it("has one file per supported locale and no other", () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort(),
    ).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys, each translated, with the same ICU arguments", (locale) => {
    const messages = leaves(load(locale));
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of messages) {
      expect(text.trim(), `${locale}: ${key} is empty`).not.toBe("");
      expect(argumentsOf(text), `${locale}: ${key}`).toEqual(argumentsOf(english.get(key) ?? ""));
    }
  });

  it("names every language in itself", () => {
    expect(LOCALE_NAMES).toEqual({
      en: "English",
      ru: "Русский",
      tr: "Türkçe",
      "pt-BR": "Português (Brasil)",
      es: "Español",
      de: "Deutsch",
    });
  });

  it.each([
    ["ru", "ru"],
    ["ru-RU", "ru"],
    ["pt", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["PT-br", "pt-BR"],
    ["de-AT", "de"],
    ["en-GB", "en"],
    ["fr", null],
    ["", null],
    [null, null],
  ])("matches the stored tag %j to the locale %j", (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });
});
