import { preconnect, preload } from "react-dom";
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
  preloadAboveTheFold(data);
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

/**
 * The lobby's largest paint is an icon above the fold: the Featured rail's first card when the
 * operator features games, otherwise the grid's first row (two tiles on a phone). Their requests
 * are announced in <head> (a preconnect to the icon host, a high-priority preload of each), so the
 * browser starts them with the stylesheet instead of after parsing the header's markup.
 */
function preloadAboveTheFold(data: Awaited<ReturnType<typeof lobbyCatalog>>) {
  const first = data?.featured[0];
  const icons = first ? [first.wideIcon ?? first.icon] : (data?.firstPage ?? []).slice(0, 2).map((g) => g.icon);
  for (const [i, src] of icons.entries()) {
    if (i === 0) {
      try {
        preconnect(new URL(src).origin);
      } catch {
        // a relative or malformed icon URL: nothing to connect to ahead of time
      }
    }
    preload(src, { as: "image", fetchPriority: "high" });
  }
}
