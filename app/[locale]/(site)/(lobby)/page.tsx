import { Lobby } from "@/components/lobby/lobby";
import { getLobbyCatalog } from "@/lib/catalog";
import { pageLocale } from "@/lib/i18n/page-locale";

/**
 * The lobby is static HTML (one page per locale, app/[locale]) from the cached catalog (never from
 * the provider directly), regenerated in the background at most every 30 s, and at once when the
 * catalog's tag is invalidated (an admin's change). Everything about the visitor (header,
 * favorites, recently played, the admins' stale-catalog notice) and the URL's filters apply
 * client-side, so the page is as fast as any static page. At build time there is no catalog: the
 * HTML then holds skeletons and the browser loads the catalog itself.
 */
export const revalidate = 30;

async function lobbyCatalog() {
  try {
    const catalog = await getLobbyCatalog();
    return catalog.available ? catalog : null;
  } catch {
    return null; // no database at build time
  }
}

export default async function LobbyPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const data = await lobbyCatalog();
  return (
    <Lobby
      key={data?.version ?? "none"}
      version={data?.version ?? ""}
      catalogSize={data?.catalogSize ?? 0}
      initialResults={data?.firstPage ?? []}
      featured={data?.featured ?? []}
      categories={data?.categories ?? []}
      providers={data?.providers ?? []}
    />
  );
}
