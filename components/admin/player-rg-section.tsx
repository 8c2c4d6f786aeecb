import { describeEvent, limitRowView } from "@/components/account/responsible-gaming";
import { Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { Badge, Time } from "@/components/ui/text";
import type { ActionState } from "@/lib/admin/player-actions";
import type { PlayerRg } from "@/lib/admin/rg";
import { translator } from "@/lib/i18n/translator";
import { EXCLUSION_NAME, formatUtc, PERIOD_NOTE } from "@/lib/rg/definitions";
import { StaffExclusionForm, StaffLimitForm } from "./rg-staff-forms";

// The back office stays English.
const EN = translator("en", "rg");

/** The player page's responsible-gaming section: limits, exclusion, history, and the staff's stricter-only controls. */
export function PlayerRgSection({
  rg,
  canRestrict,
  setLimitAction,
  excludeAction,
}: {
  rg: PlayerRg;
  canRestrict: boolean;
  setLimitAction: (prev: ActionState, data: FormData) => Promise<ActionState>;
  excludeAction: (prev: ActionState, data: FormData) => Promise<ActionState>;
}) {
  return (
    <Section title="Responsible gaming">
      <p className="mb-3 text-sm" data-testid="admin-rg-exclusion">
        {rg.exclusion ? (
          <Badge tone="bad">
            {EXCLUSION_NAME[rg.exclusion.kind]} until {formatUtc(rg.exclusion.until)}
          </Badge>
        ) : (
          <Badge tone="ok">no time-out or self-exclusion</Badge>
        )}
      </p>
      <p className="mb-2 text-xs text-zinc-400">{PERIOD_NOTE}</p>
      <Table head={["Limit", "In force / use", "Pending change"]}>
        {rg.limits.map((l) => {
          const v = limitRowView(l, rg.currency, EN, "en");
          return (
            <tr key={l.id} data-testid={`admin-limit-${l.id}`}>
              <Td>{l.label}</Td>
              <Td>{v.summary}</Td>
              <Td>{v.pending ?? "—"}</Td>
            </tr>
          );
        })}
      </Table>
      {canRestrict ? (
        <div className="mt-6 grid gap-6">
          <StaffLimitForm action={setLimitAction} currency={rg.currency} />
          <StaffExclusionForm action={excludeAction} />
          <p className="text-xs text-zinc-400">
            Staff can make limits stricter or exclude a player, never raise or remove what the player chose.
          </p>
        </div>
      ) : null}
      <h3 className="mb-2 mt-6 text-xs font-semibold uppercase tracking-wide text-zinc-400">History</h3>
      <Table head={["Time (UTC)", "By", "Change", "Reason"]} empty={rg.history.length === 0}>
        {rg.history.map((e) => (
          <tr key={e.id}>
            <Td>
              <Time iso={e.createdAt.toISOString()} />
            </Td>
            <Td>{e.actorId === null ? "player" : (e.actorEmail ?? `#${e.actorId}`)}</Td>
            <Td>{describeEvent(e, rg.currency, EN, "en")}</Td>
            <Td>{e.reason ?? ""}</Td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
