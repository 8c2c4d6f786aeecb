import type { Metadata } from "next";
import Link from "next/link";
import { FilterErrors } from "@/components/admin/filter-errors";
import { buttonClass } from "@/components/ui/button";
import { PageTitle, Section } from "@/components/ui/card";
import { denseInputClass, FilterField } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { A, Badge, Time } from "@/components/ui/text";
import { CALLBACK_METHODS, callbackHealth, codeBreakdown, listCallbacks, parseCallbackFilters } from "@/lib/admin/callbacks";
import { staffForPage } from "@/lib/admin/guard";
import { param, queryString, type SearchParams } from "@/lib/admin/search-params";
import { CODE_MESSAGES } from "@/lib/webgames/codes";

export const metadata: Metadata = { title: "Callbacks" };

export default async function CallbacksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await staffForPage("/admin/callbacks", "callbacks.view");
  const sp = await searchParams;
  const { filters, errors } = parseCallbackFilters(sp);
  const cursor = param(sp, "cursor");
  const [page, health, codes] = await Promise.all([listCallbacks(admin, filters, cursor), callbackHealth(admin), codeBreakdown(admin)]);
  const qs = queryString(filters);
  return (
    <>
      <PageTitle sub="Every Authorization, Credit and Debit the provider sent, whatever the outcome (D11).">Callbacks</PageTitle>
      <FilterErrors errors={errors} />
      <Section title="Last hour">
        <div className="grid gap-6 md:grid-cols-2">
          <Table head={["Method", "Calls", "Errors", "Error rate", "p50 ms", "p99 ms"]} empty={health.length === 0}>
            {health.map((h) => (
              <tr key={h.method}>
                <Td>{h.method}</Td>
                <Td right>{h.calls}</Td>
                <Td right>{h.errors}</Td>
                <Td right>
                  <Badge tone={Number(h.errorRate) > 5 ? "bad" : "ok"}>{h.errorRate} %</Badge>
                </Td>
                <Td right mono>
                  {h.p50Ms ?? "—"}
                </Td>
                <Td right mono>
                  {h.p99Ms ?? "—"}
                </Td>
              </tr>
            ))}
          </Table>
          <Table head={["Method", "Code", "Meaning", "Count"]} empty={codes.length === 0}>
            {codes.map((c) => (
              <tr key={`${c.method}/${c.code}`}>
                <Td>{c.method}</Td>
                <Td>
                  <A href={`/admin/callbacks${queryString({ method: c.method, code: c.code })}`}>{c.code}</A>
                </Td>
                <Td>{c.codeText}</Td>
                <Td right>{c.count}</Td>
              </tr>
            ))}
          </Table>
        </div>
      </Section>
      <form method="get" className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8">
        <FilterField label="Method">
          <select name="method" defaultValue={filters.method ?? ""} className={denseInputClass}>
            <option value="">any</option>
            {CALLBACK_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Code">
          <select name="code" defaultValue={filters.code ?? ""} className={denseInputClass}>
            <option value="">any</option>
            {Object.entries(CODE_MESSAGES).map(([code, text]) => (
              <option key={code} value={code}>
                {code} · {text}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Only failures">
          <select name="failed" defaultValue={filters.failed ?? ""} className={denseInputClass}>
            <option value="">no</option>
            <option value="1">code ≠ 0</option>
          </select>
        </FilterField>
        <FilterField label="Player id">
          <input name="player" defaultValue={filters.player} className={denseInputClass} />
        </FilterField>
        <FilterField label="Round id">
          <input name="round" defaultValue={filters.round} className={denseInputClass} />
        </FilterField>
        <FilterField label="Transaction id">
          <input name="transaction" defaultValue={filters.transaction} className={denseInputClass} />
        </FilterField>
        <FilterField label="From (UTC day)">
          <input name="from" type="date" defaultValue={filters.from?.slice(0, 10)} className={denseInputClass} />
        </FilterField>
        <FilterField label="To (UTC day)">
          <input name="to" type="date" defaultValue={filters.to?.slice(0, 10)} className={denseInputClass} />
        </FilterField>
        <div className="col-span-2 flex items-end gap-2">
          <button type="submit" className={buttonClass("primary", "dense")}>
            Apply
          </button>
          <Link href="/admin/callbacks" className={buttonClass("secondary", "dense")}>
            Reset
          </Link>
        </div>
      </form>
      <Section
        title="Callbacks, newest first"
        actions={
          <div className="flex gap-3 text-sm">
            {cursor ? <A href={`/admin/callbacks${qs}`}>First page</A> : null}
            {page.nextCursor ? <A href={`/admin/callbacks${queryString({ ...filters, cursor: page.nextCursor })}`}>Older →</A> : null}
          </div>
        }
      >
        <Table
          head={[
            "Time (UTC)",
            "Method",
            "Code",
            "Message",
            "Latency ms",
            "Player",
            "Round",
            "Transaction",
            "Game",
            "Amount",
            "Ledger",
            "IP",
          ]}
          empty={page.rows.length === 0}
        >
          {page.rows.map((c) => (
            <tr key={c.id}>
              <Td>
                <Time iso={c.createdAt} />
              </Td>
              <Td>{c.method}</Td>
              <Td>
                <Badge tone={c.code === 0 ? "ok" : "bad"}>
                  {c.code} · {c.codeText}
                </Badge>
              </Td>
              <Td className="max-w-56 truncate text-xs">{c.message}</Td>
              <Td right mono>
                {c.latencyMs}
              </Td>
              <Td mono>
                {c.playerId && /^\d{1,9}$/.test(c.playerId) ? <A href={`/admin/players/${c.playerId}`}>{c.playerId}</A> : c.playerId}
              </Td>
              <Td mono>
                {c.roundId && c.playerId && /^\d{1,9}$/.test(c.playerId) ? (
                  <A href={`/admin/rounds/${c.playerId}/${encodeURIComponent(c.roundId)}`}>{c.roundId}</A>
                ) : (
                  c.roundId
                )}
              </Td>
              <Td mono>{c.transactionId}</Td>
              <Td mono>{c.gameId}</Td>
              <Td mono right>
                {c.amount}
              </Td>
              <Td mono>{c.ledgerEntryId ? <A href={`/admin/transactions?q=${c.ledgerEntryId}`}>{c.ledgerEntryId}</A> : ""}</Td>
              <Td mono>{c.ip}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
