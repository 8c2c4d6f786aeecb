"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { CompactGame } from "@/lib/catalog/compact";
import { Badges } from "./game-tile";

/**
 * A game's details over the lobby: the 287x193 icon (the 206x206 one when the extended catalog
 * has none), studio, class, RTP, volatility, features, and Demo / Play. A native modal <dialog>:
 * focus moves in and back, Escape closes it, the page behind is inert.
 */
export function GameDetails({ game, onClose }: { game: CompactGame | null; onClose: () => void }) {
  const t = useTranslations("games");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (game && !dialog.open) dialog.showModal();
    if (!game && dialog.open) dialog.close();
  }, [game]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click closes on the backdrop only; the keyboard has Escape (native to <dialog>) and the Close button.
    <dialog
      ref={ref}
      aria-labelledby="game-details-title"
      data-testid="game-details"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // a click on the backdrop
      }}
      className="w-[min(92vw,28rem)] overflow-hidden rounded-2xl bg-surface-raised p-0 text-zinc-100 ring-1 ring-surface-border backdrop:bg-black/70"
    >
      {game ? (
        <div>
          <div className="relative aspect-[287/193] bg-surface-overlay">
            {/* biome-ignore lint/performance/noImgElement: next/image would proxy every icon through our server; the provider serves them sized (287x193) */}
            <img src={game.wideIcon ?? game.icon} alt="" width={287} height={193} className="h-full w-full object-cover" />
            <Badges badges={game.badges} className="absolute left-3 top-3" />
          </div>
          <div className="space-y-4 p-5">
            <div>
              <h2 id="game-details-title" className="text-xl font-bold text-white">
                {game.title}
              </h2>
              <p className="text-sm text-zinc-400">
                {game.provider ? `${game.provider} · ` : ""}
                {game.category}
              </p>
            </div>
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <div className="rounded-lg bg-surface-overlay p-3">
                <dt className="text-xs text-zinc-400">{t("rtp")}</dt>
                <dd className="font-mono text-white" data-testid="details-rtp">
                  {game.rtp ? `${game.rtp}%` : "—"}
                </dd>
              </div>
              <div className="rounded-lg bg-surface-overlay p-3">
                <dt className="text-xs text-zinc-400">{t("volatility")}</dt>
                <dd className="capitalize text-white">{game.volatility ?? "—"}</dd>
              </div>
            </dl>
            {game.features.length > 0 ? (
              <div>
                <h3 className="mb-2 text-xs text-zinc-400">{t("features")}</h3>
                <ul className="flex flex-wrap gap-1.5">
                  {game.features.map((f) => (
                    <li
                      key={f}
                      className="rounded-full bg-surface-overlay px-2.5 py-1 text-xs text-zinc-200 ring-1 ring-inset ring-surface-border"
                    >
                      {f}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="flex gap-2">
              <Link
                href={`/play/${game.id}`}
                prefetch={false}
                className="inline-flex h-10 flex-1 items-center justify-center rounded-lg bg-brand text-sm font-semibold text-white hover:bg-brand-strong focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
              >
                {t("play")}
              </Link>
              <Link
                href={`/play/${game.id}?mode=demo`}
                prefetch={false}
                className="inline-flex h-10 flex-1 items-center justify-center rounded-lg bg-surface-overlay text-sm font-semibold text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
              >
                {t("demo")}
              </Link>
            </div>
          </div>
          <button
            type="button"
            onClick={onClose}
            aria-label={t("close")}
            className="absolute right-3 top-3 grid h-8 w-8 place-items-center rounded-full bg-black/60 text-lg text-zinc-200 hover:bg-black/80 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
          >
            <span aria-hidden>×</span>
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
