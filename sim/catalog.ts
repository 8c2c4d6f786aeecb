// Deterministic generated catalog: same ids, titles and classes on every start for a given size.
import Decimal from "decimal.js";
import { seededRng } from "./slot.js";

export interface Game {
  id: number;
  title: string;
  url: string;
  icon: string;
  class: string;
}

export interface ExtendedGame extends Game {
  provider: string;
  rtp: string; // exact decimal text, written as a JSON number
  volatility: "low" | "medium" | "high";
  features: string[];
  icons: { "206x206": string; "287x193": string };
  classSlug: string;
  name: string;
  seed: number;
}

export const CLASSES = [
  "Novomatic Deluxe",
  "Fruit Classics",
  "Egyptian Treasures",
  "Wild West",
  "Ocean Quest",
  "Space Odyssey",
  "Asian Fortune",
  "Viking Saga",
  "Candy Land",
  "Jewel Vault",
  "Irish Luck",
  "Safari Gold",
] as const;

const PROVIDERS = ["Webgames Studio", "Lucky Forge", "Reelcraft", "Neon Owl", "Bright Tiger"];
const FEATURES = ["free spins", "wilds", "scatter pays", "multiplier", "gamble", "expanding wilds", "bonus game", "jackpot"];
const FIRST = [
  "Chicago",
  "Golden",
  "Lucky",
  "Mystic",
  "Royal",
  "Blazing",
  "Crystal",
  "Diamond",
  "Emerald",
  "Frozen",
  "Hidden",
  "Ancient",
  "Thunder",
  "Silver",
  "Magic",
  "Neon",
  "Secret",
  "Wild",
  "Midnight",
  "Sunny",
  "Cosmic",
  "Dragon",
  "Phoenix",
  "Pirate",
  "Jungle",
  "Desert",
  "Arctic",
  "Velvet",
  "Scarlet",
  "Cobalt",
  "Iron",
  "Jade",
  "Ruby",
  "Amber",
  "Shadow",
  "Stellar",
  "Twin",
  "Triple",
  "Mega",
  "Little",
];
const SECOND = [
  "Fortune",
  "Riches",
  "Treasure",
  "Fruits",
  "Sevens",
  "Stars",
  "Gems",
  "Nights",
  "Wolves",
  "Kings",
  "Queens",
  "Temple",
  "Pharaoh",
  "Cherries",
  "Bells",
  "Reels",
  "Spins",
  "Harbor",
  "Rocket",
  "Lotus",
  "Tiger",
  "Horseshoe",
  "Clover",
  "Saloon",
  "Pearls",
  "Coins",
  "Crown",
  "Voyage",
  "Legends",
  "Empire",
];
const SUFFIX = ["", " Deluxe", " Hot", " Megaways", " XL", " Gold", " Classic", " Extreme"];

export const slugify = (s: string, sep: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, "g"), "");

export const MAX_GAMES = 10_000;

export interface Catalog {
  games: ExtendedGame[];
  byId: Map<number, ExtendedGame>;
  /** `${classSlug}/${name}` -> game, for icon lookups */
  byIconKey: Map<string, ExtendedGame>;
}

export function buildCatalog(size = 400): Catalog {
  if (!Number.isInteger(size) || size < 11 || size > MAX_GAMES) {
    throw new Error(`catalog size must be an integer in [11, ${MAX_GAMES}] (game 11 must exist)`);
  }
  const games: ExtendedGame[] = [];
  const used = new Set<string>();
  for (let id = 1; id <= size; id++) {
    const rng = seededRng(id * 7919);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
    let cls: string = CLASSES[(id - 1) % CLASSES.length] ?? "Fruit Classics";
    let title: string;
    if (id === 11) {
      // The provider document's own example row.
      cls = "Novomatic Deluxe";
      title = "Chicago Deluxe";
    } else {
      title = `${pick(FIRST)} ${pick(SECOND)}${pick(SUFFIX)}`;
      if (cls === "Novomatic Deluxe" && !title.endsWith("Deluxe")) title += " Deluxe";
    }
    let unique = title;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${title} ${n}`;
    used.add(unique.toLowerCase());
    const classSlug = slugify(cls, "-");
    const name = slugify(unique, "_");
    const icon206 = `/icon/${classSlug}/206x206/${name}.jpg`;
    const rtpHundredths = 9400 + Math.floor(rng() * 300); // 94.00 .. 96.99
    const features = FEATURES.filter(() => rng() < 0.35);
    if (!features.includes("free spins")) features.unshift("free spins"); // every game has the bonus round
    games.push({
      id,
      title: unique,
      url: "/game",
      icon: icon206,
      class: cls,
      provider: pick(PROVIDERS),
      rtp: new Decimal(rtpHundredths).div(100).toString(),
      volatility: pick(["low", "medium", "high"] as const),
      features,
      icons: { "206x206": icon206, "287x193": `/icon/${classSlug}/287x193/${name}.jpg` },
      classSlug,
      name,
      seed: id * 2654435761,
    });
  }
  return {
    games,
    byId: new Map(games.map((g) => [g.id, g])),
    byIconKey: new Map(games.map((g) => [`${g.classSlug}/${g.name}`, g])),
  };
}

/** Exactly the provider's GetListGames shape, key order included. */
export function listGamesJson(catalog: Catalog): string {
  const games = catalog.games.map((g) => ({ id: g.id, title: g.title, url: g.url, icon: g.icon, class: g.class }));
  return JSON.stringify({ code: 0, message: "Ok", games });
}

/** The id in the simulator's spreadsheet links (`/spreadsheets/d/<id>/export?format=csv`). */
export const SHEET_ID = "1WebGamesExtendedCatalogSim";

/** The extended catalog as a person keeps it in a spreadsheet: headers as typed, one row per game. */
export const SHEET_HEADERS = ["Game ID", "Title", "Studio", "RTP, %", "Volatility", "Features", "Icon 206x206", "Icon 287x193"];

/** Rows of the extended catalog sheet; icon links are absolute on `origin` (the simulator's own URL). */
export function sheetRows(catalog: Catalog, origin: string): string[][] {
  return catalog.games.map((g) => [
    String(g.id),
    g.title,
    g.provider,
    g.rtp,
    g.volatility.charAt(0).toUpperCase() + g.volatility.slice(1),
    g.features.join(", "),
    `${origin}${g.icons["206x206"]}`,
    `${origin}${g.icons["287x193"]}`,
  ]);
}
