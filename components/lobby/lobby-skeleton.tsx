import { GameTileSkeleton, GRID_CLASS } from "./game-tile";

export function LobbySkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading games">
      <div className="h-40 animate-pulse rounded-2xl bg-surface-raised" />
      <div className="flex gap-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-8 w-28 animate-pulse rounded-full bg-surface-raised" />
        ))}
      </div>
      <div className={GRID_CLASS}>
        {Array.from({ length: 18 }, (_, i) => (
          <GameTileSkeleton key={i} />
        ))}
      </div>
    </div>
  );
}
