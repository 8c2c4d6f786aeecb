export function StaleCatalogBanner({ fetchedAt, error }: { fetchedAt: string; error: string | null }) {
  return (
    <div
      role="status"
      data-testid="stale-catalog-banner"
      className="rounded-xl border border-amber-500/40 bg-amber-500/10 px-4 py-3 text-sm text-amber-200"
    >
      <strong className="font-semibold">Admin notice:</strong> the provider&apos;s catalog could not be refreshed, so the lobby shows the
      last good copy from {fetchedAt.replace("T", " ").slice(0, 16)} UTC.
      {error ? <span className="text-amber-300/80"> Last error: {error}</span> : null}
    </div>
  );
}
