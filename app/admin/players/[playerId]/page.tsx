import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { AdjustBalanceForm } from "@/components/admin/adjust-balance-form";
import { PlayerRgSection } from "@/components/admin/player-rg-section";
import { TransactionsTable } from "@/components/admin/transactions-table";
import { PageTitle, Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { A, Badge, Time } from "@/components/ui/text";
import { displayAmount } from "@/lib/admin/format";
import { staffForPage } from "@/lib/admin/guard";
import { can, isStaffRole } from "@/lib/admin/permissions";
import { loadPlayer } from "@/lib/admin/players";
import { loadPlayerRg } from "@/lib/admin/rg";
import { env } from "@/lib/env";
import { adjustBalanceAction, resetSecondFactorAction, revokeSessionsAction, setBlockedAction } from "./actions";
import { staffExcludeAction, staffSetLimitAction } from "./rg-actions";

export const metadata: Metadata = { title: "Player" };

export default async function PlayerPage({ params }: { params: Promise<{ playerId: string }> }) {
  const { playerId: idText } = await params;
  const admin = await staffForPage(`/admin/players/${idText}`, "players.view");
  if (!/^\d{1,9}$/.test(idText)) notFound();
  const id = Number(idText);
  const detail = await loadPlayer(admin, id, env.WALLET_SESSION_IDLE_MINUTES);
  if (!detail) notFound();
  const { player, ledger, sessions, rounds, audit } = detail;
  const rg = await loadPlayerRg(admin, id);
  const liveCount = sessions.filter((s) => s.live).length;
  return (
    <>
      <PageTitle
        sub={
          <>
            #{player.id} · {player.nick} · {player.role} · joined <Time iso={player.createdAt} />
          </>
        }
      >
        {player.email} <Badge tone={player.blocked ? "bad" : "ok"}>{player.blocked ? "blocked" : "active"}</Badge>
      </PageTitle>

      <Section title="Balance and controls">
        <p className="mb-4 font-mono text-3xl text-white" data-testid="player-balance">
          {displayAmount(player.balance, player.currency)}
        </p>
        {/* Controls shown by role (lib/admin/permissions.ts); every action checks the permission again on the server. */}
        <div className="mb-6 flex flex-wrap gap-4">
          {!can(admin, "players.block") ? null : player.blocked ? (
            <ActionButton action={setBlockedAction.bind(null, id, false)} label="Unblock player" />
          ) : (
            <ActionButton
              action={setBlockedAction.bind(null, id, true)}
              label="Block player"
              danger
              confirm="Block this player? Live game sessions are revoked; wins of open rounds are still paid."
            />
          )}
          {can(admin, "players.revokeSessions") ? (
            <ActionButton action={revokeSessionsAction.bind(null, id)} label={`Revoke game sessions (${liveCount} live)`} />
          ) : null}
          {can(admin, "staff.resetSecondFactor") && id !== admin.id && isStaffRole(player.role) ? (
            <ActionButton
              action={resetSecondFactorAction.bind(null, id)}
              label="Reset second factor"
              confirm="Reset this staff member's second factor? They set it up again at their next sign-in."
            />
          ) : null}
        </div>
        {can(admin, "adjustments.request") && id !== admin.id ? (
          <AdjustBalanceForm action={adjustBalanceAction.bind(null, id)} currency={player.currency} />
        ) : null}
      </Section>

      <PlayerRgSection
        rg={rg}
        canRestrict={can(admin, "players.restrictGaming")}
        setLimitAction={staffSetLimitAction.bind(null, id)}
        excludeAction={staffExcludeAction.bind(null, id)}
      />

      <Section title="History (latest ledger entries)" actions={<A href={`/admin/transactions?player=${id}`}>All transactions →</A>}>
        <TransactionsTable rows={ledger} showPlayer={false} />
      </Section>

      <Section title="Rounds (latest 20)">
        <Table head={["Round", "Game", "Status", "Bets", "Wins", "Opened", "Closed"]} empty={rounds.length === 0}>
          {rounds.map((r) => (
            <tr key={r.roundId}>
              <Td mono>
                <A href={`/admin/rounds/${id}/${encodeURIComponent(r.roundId)}`}>{r.roundId}</A>
              </Td>
              <Td mono>{r.gameId}</Td>
              <Td>
                <Badge tone={r.status === "open" ? "warn" : "neutral"}>{r.status}</Badge>
              </Td>
              <Td right mono>
                {displayAmount(r.betTotal, player.currency)}
              </Td>
              <Td right mono>
                {displayAmount(r.winTotal, player.currency)}
              </Td>
              <Td>
                <Time iso={r.openedAt} />
              </Td>
              <Td>
                <Time iso={r.closedAt} />
              </Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title="Game sessions (latest 20)">
        <Table head={["Session", "Game", "Issued", "Authorized", "Last seen", "Revoked", "State"]} empty={sessions.length === 0}>
          {sessions.map((s) => (
            <tr key={s.id}>
              <Td mono>{s.id}</Td>
              <Td mono>{s.gameId}</Td>
              <Td>
                <Time iso={s.issuedAt} />
              </Td>
              <Td>
                <Time iso={s.consumedAt} />
              </Td>
              <Td>
                <Time iso={s.lastSeenAt} />
              </Td>
              <Td>
                <Time iso={s.revokedAt} />
              </Td>
              <Td>
                <Badge tone={s.live ? "ok" : "neutral"}>
                  {s.live ? "live" : s.revokedAt ? "revoked" : s.consumedAt ? "idle" : "unused"}
                </Badge>
              </Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title="Admin actions on this player">
        <Table head={["Time (UTC)", "Admin", "Action", "Details"]} empty={audit.length === 0}>
          {audit.map((a) => (
            <tr key={a.id}>
              <Td>
                <Time iso={a.createdAt} />
              </Td>
              <Td>{a.adminEmail ?? `#${a.adminId}`}</Td>
              <Td>{a.action}</Td>
              <Td mono className="max-w-md truncate">
                {JSON.stringify(a.details)}
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
