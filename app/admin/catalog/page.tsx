import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { ControlForm } from "@/components/admin/catalog/control-row";
import { ProblemList, UploadForm } from "@/components/admin/catalog/upload-form";
import { buttonClass } from "@/components/ui/button";
import { PageTitle, Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { denseInputClass } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { Badge, Time } from "@/components/ui/text";
import { staffForPage } from "@/lib/admin/guard";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { readCatalogNow } from "@/lib/catalog";
import type { SourceStatus } from "@/lib/catalog/sources";
import { reloadCatalogAction, removeUploadAction, saveLobbyControlAction } from "./actions";

export const metadata: Metadata = { title: "Catalog & lobby" };

const SOURCE_LABEL: Record<SourceStatus["source"], string> = {
  provider: "Provider (GetListGames)",
  url: "Spreadsheet URL",
  upload: "Uploaded file",
};
const SHOWN = 100;
const FILTERS = { all: "All games", hidden: "Hidden", featured: "Featured", pinned: "Pinned", badges: "New / Hot" } as const;

export default async function CatalogAdminPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await staffForPage("/admin/catalog", "catalog.manage");
  const sp = await searchParams;
  const q = param(sp, "q")?.slice(0, 100).toLowerCase();
  const filterParam = param(sp, "show") ?? "all";
  const filter = (filterParam in FILTERS ? filterParam : "all") as keyof typeof FILTERS;
  const state = await readCatalogNow(staff);
  const matching = state.games.filter(
    (g) =>
      (!q || g.title.toLowerCase().includes(q) || String(g.id) === q || (g.provider ?? "").toLowerCase().includes(q)) &&
      (filter === "all" ||
        (filter === "hidden" && g.hidden) ||
        (filter === "featured" && g.featured) ||
        (filter === "pinned" && g.pin !== null) ||
        (filter === "badges" && (g.badges?.length ?? 0) > 0)),
  );
  const upload = state.sources.find((s) => s.source === "upload");

  return (
    <>
      <PageTitle sub="The provider decides which games exist; you decide how the lobby shows them. Every change is audited and shows in the lobby at once.">
        Catalog &amp; lobby
      </PageTitle>

      <Section title="Sources" actions={<ActionButton action={reloadCatalogAction} label="Reload now" />}>
        <Table head={["Source", "Where", "Last good copy", "Rows", "Status"]}>
          {state.sources.map((s) => (
            <tr key={s.source} data-testid={`source-${s.source}`}>
              <Td>{SOURCE_LABEL[s.source]}</Td>
              <Td className="max-w-md truncate font-mono text-xs">{s.origin || "—"}</Td>
              <Td>
                <Time iso={s.loadedAt?.toISOString() ?? null} />
              </Td>
              <Td right mono>
                {s.rowCount}
              </Td>
              <Td className="whitespace-normal">
                {s.stale ? <Badge tone="bad">failing</Badge> : <Badge tone="ok">ok</Badge>}
                {s.lastError && s.stale ? <span className="ml-2 text-xs text-money-loss">{s.lastError}</span> : null}
                {s.problems.length > 0 ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-amber-300">{s.problems.length} row(s) skipped</summary>
                    <ProblemList problems={s.problems.slice(0, 200)} />
                  </details>
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
        {state.blockedIconOrigins.length > 0 ? (
          <p role="alert" className="mt-3 text-xs text-money-loss">
            Icons on {state.blockedIconOrigins.join(", ")} are blocked by the Content-Security-Policy: add these origins to
            WEBGAMES_ICON_ORIGINS.
          </p>
        ) : null}
        {state.unknownIds.length > 0 ? (
          <p className="mt-3 text-xs text-zinc-400">
            {state.unknownIds.length} spreadsheet row(s) name games the provider does not list (not shown):{" "}
            {state.unknownIds.slice(0, 20).join(", ")}
            {state.unknownIds.length > 20 ? "…" : ""}
          </p>
        ) : null}
      </Section>

      <Section
        title="Upload the extended catalog"
        actions={
          upload ? <ActionButton action={removeUploadAction} label="Remove upload" confirm="Remove the uploaded file's rows?" /> : null
        }
      >
        <p className="mb-3 text-sm text-zinc-400">
          A CSV or XLSX with a game ID column and any of: title, studio/provider, RTP, volatility, features, icon 206x206, icon 287x193 (any
          order or spelling). Its rows win over the published spreadsheet&apos;s; bad rows are listed and skipped.
        </p>
        <UploadForm />
      </Section>

      <Section title={`Games (${matching.length} of ${state.games.length}${matching.length > SHOWN ? `, first ${SHOWN} shown` : ""})`}>
        <form method="get" className="mb-4 flex flex-wrap gap-2">
          <input
            name="q"
            defaultValue={q}
            placeholder="Title, id or studio"
            aria-label="Search games"
            className={cn(denseInputClass, "w-64")}
          />
          <select name="show" defaultValue={filter} aria-label="Show" className={denseInputClass}>
            {Object.entries(FILTERS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClass("primary", "dense")}>
            Filter
          </button>
        </form>
        <Table head={["Id", "Game", "Studio", "RTP", "Lobby"]} empty={matching.length === 0}>
          {matching.slice(0, SHOWN).map((g) => (
            <tr key={g.id} data-testid="catalog-row" data-game-id={g.id}>
              <Td mono>{g.id}</Td>
              <Td>
                <span className={g.hidden ? "text-zinc-400 line-through" : "text-white"}>{g.title}</span>
                <span className="block text-xs text-zinc-400">{g.category}</span>
              </Td>
              <Td>{g.provider ?? "—"}</Td>
              <Td mono>{g.rtp ? `${g.rtp}%` : "—"}</Td>
              <Td>
                <ControlForm
                  gameId={g.id}
                  title={g.title}
                  values={{
                    hidden: g.hidden ?? false,
                    badgeNew: g.badges?.includes("new") ?? false,
                    badgeHot: g.badges?.includes("hot") ?? false,
                    featured: g.featured ?? false,
                    pin: g.pin ?? null,
                  }}
                  action={saveLobbyControlAction.bind(null, g.id)}
                />
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
