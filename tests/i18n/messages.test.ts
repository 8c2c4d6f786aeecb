import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import IntlMessageFormat from "intl-messageformat";
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

/** Every argument (plural/select ones as numbers) and rich-text tag of a parsed ICU message. */
function shape(elements: MessageFormatElement[], out = { args: new Map<string, "number" | "text">(), tags: new Set<string>() }) {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) {
      if (!out.args.has(e.value)) out.args.set(e.value, e.type === TYPE.number ? "number" : "text");
    } else if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.args.set(e.value, e.type === TYPE.plural ? "number" : "text");
      for (const option of Object.values(e.options)) shape(option.value, out);
    } else if (e.type === TYPE.tag) {
      out.tags.add(e.value);
      shape(e.children, out);
    }
  }
  return out;
}

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

  it.each(LOCALES)("%s: every message is valid ICU, keeps the English rich-text tags, and formats with sample values", (locale) => {
    for (const [key, text] of leaves(load(locale))) {
      const own = shape(parse(text));
      const en = shape(parse(english.get(key) ?? ""));
      expect([...own.tags].sort(), `${locale}: ${key} tags`).toEqual([...en.tags].sort());
      const values: Record<string, unknown> = {};
      for (const [name, kind] of en.args) values[name] = kind === "number" ? 3 : `<${name}>`;
      for (const tag of en.tags) values[tag] = (chunks: string[]) => `[${chunks.join("")}]`;
      const formatted = new IntlMessageFormat(text, locale).format(values as Record<string, string>);
      const flat = Array.isArray(formatted) ? formatted.join("") : String(formatted);
      for (const [name, kind] of en.args) if (kind === "text") expect(flat, `${locale}: ${key} shows {${name}}`).toContain(`<${name}>`);
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
