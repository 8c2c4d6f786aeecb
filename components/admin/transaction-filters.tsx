import Link from "next/link";
import type { TransactionFilters } from "@/lib/admin/transactions";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./ui";

/** A plain GET form: the filters live in the URL, so every view is bookmarkable and shareable. */
export function TransactionFiltersForm({ filters, exportHref }: { filters: TransactionFilters; exportHref: string }) {
  return (
    <form method="get" action="/admin/transactions" className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
      <Field label="Search (tx, round, ext. session id)">
        <input name="q" defaultValue={filters.q} className={inputClass} placeholder="e.g. 1234" />
      </Field>
      <Field label="Player (id or email)">
        <input name="player" defaultValue={filters.player} className={inputClass} />
      </Field>
      <Field label="Game id">
        <input name="game" defaultValue={filters.game} inputMode="numeric" className={inputClass} />
      </Field>
      <Field label="Round id">
        <input name="round" defaultValue={filters.round} className={inputClass} />
      </Field>
      <Field label="Kind">
        <select name="kind" defaultValue={filters.kind ?? ""} className={inputClass}>
          <option value="">any</option>
          <option value="bet">bet</option>
          <option value="win">win</option>
          <option value="adjustment">adjustment</option>
        </select>
      </Field>
      <Field label="Currency">
        <input name="currency" defaultValue={filters.currency} className={inputClass} placeholder="EUR" />
      </Field>
      <Field label="From (UTC day)">
        <input name="from" type="date" defaultValue={filters.from?.slice(0, 10)} className={inputClass} />
      </Field>
      <Field label="To (UTC day, inclusive)">
        <input name="to" type="date" defaultValue={filters.to?.slice(0, 10)} className={inputClass} />
      </Field>
      <Field label="|Amount| ≥">
        <input name="min" defaultValue={filters.min} inputMode="decimal" className={inputClass} />
      </Field>
      <Field label="|Amount| ≤">
        <input name="max" defaultValue={filters.max} inputMode="decimal" className={inputClass} />
      </Field>
      <div className="col-span-2 flex items-end gap-2">
        <button type="submit" className={buttonClass}>
          Apply
        </button>
        <Link href="/admin/transactions" className={secondaryButtonClass}>
          Reset
        </Link>
        <a href={exportHref} className={secondaryButtonClass} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}
