import { useTranslations } from "next-intl";
import { GameTileSkeleton, GRID_CLASS } from "./game-tile";

// Placeholders have no identity of their own: fixed ids, so React keys never come from an index.
const CHIP_IDS = Array.from({ length: 8 }, (_, i) => `chip-${i}`);
export const SKELETON_TILE_IDS = Array.from({ length: 18 }, (_, i) => `tile-${i}`);

export function LobbySkeleton() {
  const t = useTranslations("lobby");
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label={t("loadingLabel")}>
      <div className="h-40 animate-pulse rounded-2xl bg-surface-raised" />
      <div className="flex gap-2">
        {CHIP_IDS.map((id) => (
          <div key={id} className="h-8 w-28 animate-pulse rounded-full bg-surface-raised" />
        ))}
      </div>
      <div className={GRID_CLASS}>
        {SKELETON_TILE_IDS.map((id) => (
          <GameTileSkeleton key={id} />
        ))}
      </div>
    </div>
  );
}
