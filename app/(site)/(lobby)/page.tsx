import { Lobby } from "@/components/lobby/lobby";
import { StaleCatalogBanner } from "@/components/lobby/stale-banner";
import { currentPlayerCached } from "@/lib/auth/current";
import { lobbyData } from "@/lib/lobby/lobby-data";
import { parseLobbyQuery } from "@/lib/lobby/query";

export default async function LobbyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseLobbyQuery(await searchParams);
  const player = await currentPlayerCached();
  const data = await lobbyData(query, player);
  if (!data) {
    return (
      <div role="alert" className="rounded-2xl border border-surface-border bg-surface-raised p-10 text-center">
        <h1 className="text-xl font-semibold text-white">Games are temporarily unavailable</h1>
        <p className="mt-2 text-zinc-400">We could not reach the game provider. Please try again in a few minutes.</p>
      </div>
    );
  }
  return (
    <>
      {data.stale ? <StaleCatalogBanner fetchedAt={data.stale.fetchedAt} error={data.stale.error} /> : null}
      <Lobby
        // A new key when the catalog changes resets the client's state cleanly.
        key={data.version}
        initialQuery={query}
        initialResults={data.initialResults}
        initialTotal={data.initialTotal}
        catalogSize={data.catalogSize}
        version={data.version}
        categories={data.categories}
        providers={data.providers}
        signedIn={player !== null}
        favorites={data.favorites}
        recent={data.recent}
      />
    </>
  );
}
