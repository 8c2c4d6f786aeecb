import type { Metadata } from "next";
import { FilterErrors } from "@/components/admin/filter-errors";
import { DayRangeFilters, FilterForm, SelectFilter, TextFilter } from "@/components/admin/filter-form";
import { PageTitle, Section } from "@/components/ui/card";
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
      <FilterForm resetHref="/admin/callbacks" className="lg:grid-cols-8">
        <SelectFilter label="Method" name="method" value={filters.method} options={CALLBACK_METHODS} />
        <SelectFilter
          label="Code"
          name="code"
          value={filters.code}
          options={Object.entries(CODE_MESSAGES).map(([code, text]) => ({ value: code, label: `${code} · ${text}` }))}
        />
        <SelectFilter
          label="Only failures"
          name="failed"
          value={filters.failed}
          options={[{ value: "1", label: "code ≠ 0" }]}
          emptyLabel="no"
        />
        <TextFilter label="Player id" name="player" value={filters.player} />
        <TextFilter label="Round id" name="round" value={filters.round} />
        <TextFilter label="Transaction id" name="transaction" value={filters.transaction} />
        <DayRangeFilters from={filters.from} to={filters.to} />
      </FilterForm>
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
