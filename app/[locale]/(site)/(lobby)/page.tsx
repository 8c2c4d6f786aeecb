import { Lobby } from "@/components/lobby/lobby";
import { pageLocale } from "@/lib/i18n/page-locale";
import { lobbyData } from "@/lib/lobby/lobby-data";

/**
 * The lobby is static HTML (one page per locale, app/[locale]), regenerated in the background at most every 30 s from the cached
 * catalog (never from the provider directly). Everything about the visitor (header, favorites,
 * recently played, the admins' stale-catalog notice) and the URL's filters apply client-side, so
 * the page is as fast as any static page. At build time there is no catalog: the HTML then holds
 * skeletons and the browser loads the catalog itself; that request regenerates the HTML at once.
 */
export const revalidate = 30;

export default async function LobbyPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const data = await lobbyData();
  return (
    <Lobby
      key={data?.version ?? "none"}
      version={data?.version ?? ""}
      catalogSize={data?.catalogSize ?? 0}
      initialResults={data?.initialResults ?? []}
      categories={data?.categories ?? []}
      providers={data?.providers ?? []}
    />
  );
}
