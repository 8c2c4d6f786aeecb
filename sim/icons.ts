// Real JPEG icons, drawn per game from its seed (gradient + shapes), cached after first use.
import jpeg from "jpeg-js";
import type { ExtendedGame } from "./catalog.js";
import { seededRng } from "./slot.js";

export const ICON_SIZES = { "206x206": [206, 206], "287x193": [287, 193] } as const;
export type IconSize = keyof typeof ICON_SIZES;
export const isIconSize = (s: string): s is IconSize => s in ICON_SIZES;

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number): number => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

export function drawIcon(game: Pick<ExtendedGame, "seed">, size: IconSize): Buffer {
  const [width, height] = ICON_SIZES[size];
  const rng = seededRng(game.seed);
  const hue1 = rng() * 360;
  const hue2 = (hue1 + 60 + rng() * 120) % 360;
  const c1 = hsl(hue1, 0.7, 0.35);
  const c2 = hsl(hue2, 0.75, 0.55);
  const shapes = Array.from({ length: 3 + Math.floor(rng() * 4) }, () => ({
    x: rng() * width,
    y: rng() * height,
    r: 12 + rng() * Math.min(width, height) * 0.25,
    kind: Math.floor(rng() * 3), // 0 circle, 1 diamond, 2 ring
    color: hsl(rng() * 360, 0.85, 0.6 + rng() * 0.25),
  }));
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      let r = c1[0] + (c2[0] - c1[0]) * t;
      let g = c1[1] + (c2[1] - c1[1]) * t;
      let b = c1[2] + (c2[2] - c1[2]) * t;
      for (const s of shapes) {
        const dx = x - s.x;
        const dy = y - s.y;
        const inside =
          s.kind === 0
            ? dx * dx + dy * dy < s.r * s.r
            : s.kind === 1
              ? Math.abs(dx) + Math.abs(dy) < s.r
              : Math.abs(Math.sqrt(dx * dx + dy * dy) - s.r) < 4;
        if (inside) [r, g, b] = [(r + s.color[0] * 3) / 4, (g + s.color[1] * 3) / 4, (b + s.color[2] * 3) / 4];
      }
      // A light frame so icons read as tiles on a dark lobby.
      if (x < 3 || y < 3 || x >= width - 3 || y >= height - 3) [r, g, b] = [235, 235, 235];
      const i = (y * width + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return jpeg.encode({ data, width, height }, 82).data;
}

export class IconCache {
  private readonly cache = new Map<string, Buffer>();
  get(game: ExtendedGame, size: IconSize): Buffer {
    const key = `${game.id}/${size}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = drawIcon(game, size);
      // Bounded: a 10,000-game catalog fully browsed would otherwise hold ~20k JPEGs.
      if (this.cache.size >= 4000) this.cache.delete(this.cache.keys().next().value ?? "");
      this.cache.set(key, hit);
    }
    return hit;
  }
}
