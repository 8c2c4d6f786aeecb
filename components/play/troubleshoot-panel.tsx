"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** "Game did not load?": the provider's troubleshooting steps and the launch URL for support. */
export function TroubleshootPanel({ maskedUrl, real }: { maskedUrl: string; real: boolean }) {
  const t = useTranslations("play");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(maskedUrl);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <details className="group text-sm text-zinc-300" data-testid="troubleshoot">
      <summary className="cursor-pointer select-none rounded-md px-2 py-1 text-zinc-400 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft">
        {t("troubleSummary")}
      </summary>
      <div className="absolute right-3 top-14 z-20 w-[min(32rem,calc(100vw-1.5rem))] space-y-3 rounded-xl border border-surface-border bg-surface-raised p-4 shadow-2xl shadow-black/50">
        <ol className="list-decimal space-y-1 pl-5">
          <li>{t("troubleReload")}</li>
          <li>{t("troubleFrames")}</li>
          {real ? <li>{t("troubleToken")}</li> : null}
          <li>{t("troubleSupport")}</li>
        </ol>
        <details className="text-xs text-zinc-400">
          <summary className="cursor-pointer hover:text-zinc-200">{t("supportChecks")}</summary>
          <ul className="mt-2 list-disc space-y-0.5 pl-5">
            <li>{t("checkBaseUrl")}</li>
            <li>{t("checkReachable")}</li>
            <li>{t("checkJson")}</li>
            <li>{t("checkParams")}</li>
          </ul>
        </details>
        <div>
          <label htmlFor="launch-url" className="mb-1 block text-xs text-zinc-400">
            {real ? t("launchLinkMasked") : t("launchLink")}
          </label>
          <div className="flex gap-2">
            <input
              id="launch-url"
              readOnly
              value={maskedUrl}
              data-testid="masked-launch-url"
              className="h-9 min-w-0 flex-1 rounded-md border border-surface-border bg-surface px-2 font-mono text-xs text-zinc-300"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              onClick={copy}
              className="h-9 shrink-0 rounded-md bg-surface-overlay px-3 text-xs ring-1 ring-surface-border hover:bg-surface-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
          <p className="sr-only" aria-live="polite">
            {copied ? t("copiedAnnounce") : ""}
          </p>
        </div>
      </div>
    </details>
  );
}
