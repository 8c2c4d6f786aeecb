"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { excludeAction } from "@/lib/rg/actions";
import { EXCLUSIONS, type ExclusionKind } from "@/lib/rg/definitions";
import { RG_IDLE } from "@/lib/rg/forms-state";

const COPY: Record<ExclusionKind, { title: string; intro: string; button: string; confirm: (length: string) => string }> = {
  timeout: {
    title: "Take a break",
    intro: "A time-out closes real-money play for the length you choose. You can still sign in to see your balance and history.",
    button: "Take a break…",
    confirm: (length) =>
      `Take a break for ${length}? Your open games end now and real-money play stays closed for ${length}. It cannot be shortened or undone.`,
  },
  self_exclusion: {
    title: "Self-exclude",
    intro: "Self-exclusion closes real-money play for at least six months. It cannot be shortened or undone early.",
    button: "Self-exclude…",
    confirm: (length) =>
      `Exclude yourself for ${length}? Your open games end now and real-money play stays closed for ${length}. It cannot be shortened or undone.`,
  },
};

/** Time-out or self-exclusion: pick a length, then confirm once more before it applies. */
export function ExclusionForm({ kind }: { kind: ExclusionKind }) {
  const copy = COPY[kind];
  const options = EXCLUSIONS[kind];
  const [duration, setDuration] = useState(options[0]!.id);
  const [confirming, setConfirming] = useState(false);
  const [state, action, busy] = useActionState(excludeAction, RG_IDLE);
  const length = options.find((o) => o.id === duration)?.label ?? "";
  return (
    <form action={action} className="space-y-3" data-testid={`exclusion-${kind}`}>
      <h3 className="text-sm font-semibold text-white">{copy.title}</h3>
      <p className="text-xs text-zinc-400">{copy.intro}</p>
      <input type="hidden" name="kind" value={kind} />
      <fieldset className="flex flex-wrap gap-2" disabled={confirming || busy}>
        <legend className="sr-only">{copy.title}: length</legend>
        {options.map((o) => (
          <label
            key={o.id}
            className="flex cursor-pointer items-center gap-2 rounded-lg bg-surface px-3 py-1.5 text-sm text-zinc-200 ring-1 ring-surface-border has-[:checked]:ring-brand"
          >
            <input type="radio" name="duration" value={o.id} checked={duration === o.id} onChange={() => setDuration(o.id)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      {confirming ? (
        <div
          role="alertdialog"
          aria-label={`${copy.title}: confirm`}
          className="space-y-3 rounded-lg bg-money-loss/10 p-3 ring-1 ring-money-loss/30"
        >
          <p className="text-sm text-rose-100">{copy.confirm(length)}</p>
          <input type="hidden" name="confirm" value="yes" />
          {/* The radios are disabled while confirming, so the chosen length travels in a hidden field. */}
          <input type="hidden" name="duration" value={duration} />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" size="sm" disabled={busy}>
              {busy ? "Applying…" : `Yes, ${kind === "timeout" ? "take a break" : "exclude me"} for ${length}`}
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          {copy.button}
        </Button>
      )}
      {state.message || state.fieldError ? (
        <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message ?? state.fieldError}</FormMessage>
      ) : null}
    </form>
  );
}
