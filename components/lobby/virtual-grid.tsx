"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";
import type { CompactGame } from "@/lib/catalog/compact";
import { GameTile } from "./game-tile";

/** Columns per breakpoint; mirrors GRID_CLASS (2 / sm 3 / md 4 / lg 5 / xl 6). */
function columnsFor(width: number): number {
  if (width >= 1280) return 6;
  if (width >= 1024) return 5;
  if (width >= 768) return 4;
  if (width >= 640) return 3;
  return 2;
}
const ROW_CLASS = "grid grid-cols-2 gap-3 pb-3 sm:grid-cols-3 sm:gap-4 sm:pb-4 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6";

/**
 * The full result list, virtualized by rows against the window scroll: only the rows near the
 * viewport are in the DOM, so 5,000 games scroll as smoothly as 50.
 */
export function VirtualGrid({
  games,
  favorite,
  onToggleFavorite,
  onOpenDetails,
}: {
  games: CompactGame[];
  favorite: (id: number) => boolean | null;
  onToggleFavorite: (id: number) => void;
  onOpenDetails: (id: number) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const [cols, setCols] = useState(() => (typeof window === "undefined" ? 6 : columnsFor(window.innerWidth)));
  const [offset, setOffset] = useState(0);

  useLayoutEffect(() => {
    const update = () => setCols(columnsFor(window.innerWidth));
    update();
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  // Content above the grid (rails, banners) can appear after mount: keep the scroll margin exact.
  useLayoutEffect(() => {
    const top = listRef.current ? Math.round(listRef.current.getBoundingClientRect().top + window.scrollY) : 0;
    if (top !== offset) setOffset(top);
  });

  const rows = Math.ceil(games.length / cols);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    // A square icon plus ~120 px of text and buttons; rows are measured once rendered.
    estimateSize: () => (listRef.current ? listRef.current.clientWidth / cols + 130 : 330),
    overscan: 3,
    scrollMargin: offset,
  });

  return (
    // biome-ignore lint/a11y/useSemanticElements: virtualized rows need absolutely positioned wrappers between the list and its items, which <ul>/<li> cannot have; the roles keep the list semantics
    <div ref={listRef} role="list" data-testid="game-grid" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
      {virtualizer.getVirtualItems().map((row) => (
        <div
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          className={ROW_CLASS}
          style={{
            position: "absolute",
            top: 0,
            left: 0,
            width: "100%",
            transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
          }}
        >
          {games.slice(row.index * cols, row.index * cols + cols).map((g) => (
            // biome-ignore lint/a11y/useSemanticElements: an item of the role="list" above (see there)
            <div role="listitem" key={g.id}>
              <GameTile game={g} favorite={favorite(g.id)} onToggleFavorite={onToggleFavorite} onOpenDetails={onOpenDetails} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
