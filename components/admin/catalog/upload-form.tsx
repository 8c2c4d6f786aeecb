"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { denseInputClass } from "@/components/ui/field";

interface Answer {
  rows?: number;
  problems?: { row: number; reason: string }[];
  error?: string;
}

/** Upload a CSV or XLSX extended catalog; shows how many rows were taken and which were skipped, and why. */
export function UploadForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function submit(form: HTMLFormElement) {
    setPending(true);
    setAnswer(null);
    try {
      const res = await fetch("/admin/catalog/upload", { method: "POST", body: new FormData(form) });
      const body = (await res.json().catch(() => ({ error: `The upload failed (HTTP ${res.status}).` }))) as Answer;
      setAnswer(res.ok ? body : { error: body.error ?? `The upload failed (HTTP ${res.status}).` });
      if (res.ok) {
        form.reset();
        router.refresh();
      }
    } catch {
      setAnswer({ error: "The upload failed: no answer from the server." });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <label className="block text-sm">
          <span className="mb-1 block text-xs text-zinc-400">Extended catalog file (CSV or XLSX)</span>
          <input
            type="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={cn(denseInputClass, "w-80 py-1.5")}
          />
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary", "dense")}>
          {pending ? "Uploading…" : "Upload"}
        </button>
      </form>
      {answer?.error ? (
        <p role="alert" data-testid="upload-error" className="text-sm text-money-loss">
          {answer.error}
        </p>
      ) : null}
      {answer?.rows !== undefined ? (
        <div role="status" data-testid="upload-result" className="text-sm">
          <p className="text-money-win">
            {answer.rows} row(s) loaded{answer.problems?.length ? `, ${answer.problems.length} skipped:` : "."}
          </p>
          {answer.problems?.length ? <ProblemList problems={answer.problems} /> : null}
        </div>
      ) : null}
    </div>
  );
}

export function ProblemList({ problems }: { problems: { row: number; reason: string }[] }) {
  return (
    <ul className="mt-1 max-h-48 list-inside list-disc overflow-y-auto text-xs text-amber-300">
      {problems.map((p) => (
        <li key={`${p.row}-${p.reason}`}>
          Row {p.row}: {p.reason}
        </li>
      ))}
    </ul>
  );
}
