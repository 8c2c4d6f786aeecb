import type { Metadata } from "next";
import { Suspense } from "react";
import { FilterErrors } from "@/components/admin/filter-errors";
import { TotalsTable } from "@/components/admin/totals-table";
import { TransactionFiltersForm } from "@/components/admin/transaction-filters";
import { TransactionsTable } from "@/components/admin/transactions-table";
import { PageTitle, Section } from "@/components/ui/card";
import { A } from "@/components/ui/text";
import { staffForPage } from "@/lib/admin/guard";
import { param, queryString, type SearchParams } from "@/lib/admin/search-params";
import { listTransactions, parseTransactionFilters, type TransactionFilters, transactionTotals } from "@/lib/admin/transactions";
import type { SessionPlayer } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Transactions" };

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await staffForPage("/admin/transactions", "transactions.view");
  const sp = await searchParams;
  const { filters, errors } = parseTransactionFilters(sp);
  const cursor = param(sp, "cursor");
  const page = await listTransactions(admin, filters, cursor);
  const qs = queryString(filters);
  return (
    <>
      <PageTitle sub="Ledger entries, newest first. The external session id is the ledger id the provider sees.">Transactions</PageTitle>
      <FilterErrors errors={errors} />
      <TransactionFiltersForm filters={filters} exportHref={`/admin/transactions/export${qs}`} />
      <Section title="Totals of the filtered set">
        {/* Streams in after the table: summing a large filtered set must not hold up the page. */}
        <Suspense fallback={<p className="text-sm text-zinc-400">Adding up…</p>}>
          <Totals admin={admin} filters={filters} />
        </Suspense>
      </Section>
      <Section
        title={cursor ? "Older entries" : "Latest entries"}
        actions={
          <div className="flex gap-3 text-sm">
            {cursor ? <A href={`/admin/transactions${qs}`}>First page</A> : null}
            {page.nextCursor ? <A href={`/admin/transactions${queryString({ ...filters, cursor: page.nextCursor })}`}>Older →</A> : null}
          </div>
        }
      >
        <TransactionsTable rows={page.rows} />
      </Section>
    </>
  );
}

async function Totals({ admin, filters }: { admin: SessionPlayer; filters: TransactionFilters }) {
  return <TotalsTable totals={await transactionTotals(admin, filters)} />;
}
