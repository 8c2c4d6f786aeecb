"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { memo } from "react";
import type { Badge, CompactGame } from "@/lib/catalog/compact";

const actionClass =
  "inline-flex h-8 flex-1 items-center justify-center rounded-md text-xs font-semibold transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft focus-visible:ring-offset-2 focus-visible:ring-offset-surface-raised";

const BADGE_CLASS: Record<Badge, string> = { new: "bg-emerald-500 text-emerald-950", hot: "bg-orange-500 text-orange-950" };
const BADGE_KEY = { new: "badgeNew", hot: "badgeHot" } as const;

/** The operator's New / Hot marks on a game (lobby_controls). */
export function Badges({ badges, className = "" }: { badges: Badge[]; className?: string }) {
  const t = useTranslations("games");
  if (badges.length === 0) return null;
  return (
    <span className={`flex gap-1 ${className}`}>
      {badges.map((b) => (
        <span
          key={b}
          data-testid={`badge-${b}`}
          className={`rounded px-1.5 py-0.5 text-[11px] font-bold uppercase tracking-wide ${BADGE_CLASS[b]}`}
        >
          {t(BADGE_KEY[b])}
        </span>
      ))}
    </span>
  );
}

export const GameTile = memo(function GameTile({
  game,
  favorite,
  onToggleFavorite,
  onOpenDetails,
  eager,
  priority,
}: {
  game: CompactGame;
  favorite: boolean | null;
  onToggleFavorite?: (id: number) => void;
  /** Opens the game's details (large icon, studio, RTP, volatility, features). */
  onOpenDetails?: (id: number) => void;
  eager?: boolean;
  /** The first icons on a phone's first screen: fetched before the rest (the lobby's LCP). */
  priority?: boolean;
}) {
  const t = useTranslations("games");
  return (
    <article
      data-testid="game-tile"
      data-game-id={game.id}
      className="group flex flex-col overflow-hidden rounded-xl bg-surface-raised ring-1 ring-surface-border transition hover:-translate-y-0.5 hover:ring-brand/60"
    >
      <div className="relative aspect-square bg-surface-overlay">
        {/* Icons live on the provider's host: a plain lazy <img> with fixed dimensions (no layout shift). */}
        {/* biome-ignore lint/performance/noImgElement: next/image would proxy every icon through our server; the provider serves them sized (206x206) */}
        <img
          src={game.icon}
          alt=""
          width={206}
          height={206}
          loading={eager ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : undefined}
          decoding="async"
          className="h-full w-full object-cover"
        />
        {onOpenDetails ? (
          <button
            type="button"
            tabIndex={-1}
            aria-hidden
            onClick={() => onOpenDetails(game.id)}
            className="absolute inset-0 cursor-pointer"
          />
        ) : null}
        <Badges badges={game.badges} className="pointer-events-none absolute left-2 top-2" />
        {game.rtp ? (
          <span className="pointer-events-none absolute bottom-2 left-2 rounded-md bg-black/70 px-1.5 py-0.5 text-[11px] tabular-nums text-zinc-200">
            {t("rtp")} {game.rtp}%
          </span>
        ) : null}
        {game.volatility ? (
          <span className="pointer-events-none absolute bottom-2 right-2 rounded-md bg-black/70 px-1.5 py-0.5 text-[11px] capitalize text-zinc-200">
            {game.volatility}
          </span>
        ) : null}
        {favorite !== null && onToggleFavorite ? (
          <button
            type="button"
            onClick={() => onToggleFavorite(game.id)}
            aria-pressed={favorite}
            aria-label={favorite ? t("removeFavorite", { title: game.title }) : t("addFavorite", { title: game.title })}
            className="absolute right-2 top-2 grid h-8 w-8 place-items-center rounded-full bg-black/60 text-lg leading-none text-zinc-200 transition hover:bg-black/80 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
          >
            <span aria-hidden className={favorite ? "text-amber-400" : ""}>
              {favorite ? "★" : "☆"}
            </span>
          </button>
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="truncate text-sm font-semibold text-white" title={game.title}>
          {onOpenDetails ? (
            <button
              type="button"
              onClick={() => onOpenDetails(game.id)}
              aria-haspopup="dialog"
              className="max-w-full truncate text-left hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
            >
              {game.title}
            </button>
          ) : (
            game.title
          )}
        </h3>
        <p className="truncate text-xs text-zinc-400">
          {game.category}
          {game.provider ? <span className="text-zinc-400"> · {game.provider}</span> : null}
        </p>
        <div className="mt-auto flex gap-2 pt-2">
          <Link
            href={`/play/${game.id}`}
            prefetch={false}
            aria-label={t("playReal", { title: game.title })}
            className={`${actionClass} bg-brand text-white hover:bg-brand-strong`}
          >
            {t("play")}
          </Link>
          <Link
            href={`/play/${game.id}?mode=demo`}
            prefetch={false}
            aria-label={t("playDemo", { title: game.title })}
            className={`${actionClass} bg-surface-overlay text-zinc-200 ring-1 ring-inset ring-surface-border hover:bg-surface-border`}
          >
            {t("demo")}
          </Link>
        </div>
      </div>
    </article>
  );
});

export function GameTileSkeleton() {
  return (
    <div aria-hidden className="overflow-hidden rounded-xl bg-surface-raised ring-1 ring-surface-border">
      <div className="aspect-square animate-pulse bg-surface-overlay" />
      <div className="space-y-2 p-3">
        <div className="h-3.5 w-3/4 animate-pulse rounded bg-surface-overlay" />
        <div className="h-3 w-1/2 animate-pulse rounded bg-surface-overlay" />
        <div className="h-8 animate-pulse rounded bg-surface-overlay" />
      </div>
    </div>
  );
}

export const GRID_CLASS = "grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6";
