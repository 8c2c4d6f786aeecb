"use client";

import { useState } from "react";

/** "Game did not load?": the provider's troubleshooting steps and the launch URL for support. */
export function TroubleshootPanel({ maskedUrl, real }: { maskedUrl: string; real: boolean }) {
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
        Game did not load?
      </summary>
      <div className="absolute right-3 top-14 z-20 w-[min(32rem,calc(100vw-1.5rem))] space-y-3 rounded-xl border border-surface-border bg-surface-raised p-4 shadow-2xl shadow-black/50">
        <ol className="list-decimal space-y-1 pl-5">
          <li>Reload the page: every load starts a fresh game session.</li>
          <li>Allow third-party frames and autoplay for this site, and turn off blockers that hide embedded content.</li>
          {real ? (
            <li>If the game shows “Partner API return null” or a token error, go back to the lobby and start the game again.</li>
          ) : null}
          <li>Still stuck? Send the launch link below to support: it lets them reproduce exactly what your browser opened.</li>
        </ol>
        <details className="text-xs text-zinc-400">
          <summary className="cursor-pointer hover:text-zinc-200">What support checks</summary>
          <ul className="mt-2 list-disc space-y-0.5 pl-5">
            <li>partner_api_url is the base URL, without /Authorization or a trailing slash</li>
            <li>the Authorization endpoint is reachable by the provider (firewall, IP allowlist)</li>
            <li>it accepts POST with application/json and answers JSON for success and failure</li>
            <li>player_id and token are present in GET /game for real money</li>
          </ul>
        </details>
        <div>
          <label htmlFor="launch-url" className="mb-1 block text-xs text-zinc-400">
            Launch link {real ? "(token masked)" : ""}
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
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <p className="sr-only" aria-live="polite">
            {copied ? "Launch link copied" : ""}
          </p>
        </div>
      </div>
    </details>
  );
}
