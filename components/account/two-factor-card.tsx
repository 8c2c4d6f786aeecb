import { DisableForm } from "@/components/auth/second-factor-forms";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isStaffRole } from "@/lib/admin/permissions";
import { remainingRecoveryCodes } from "@/lib/auth/two-factor";
import { pool } from "@/lib/db";

/** Account page: two-factor sign-in on or off (players choose; staff always have it). */
export async function TwoFactorCard({ playerId, role }: { playerId: number; role: string }) {
  const r = await pool.query<{ totp_enabled_at: Date | null }>(`SELECT totp_enabled_at FROM players WHERE id = $1`, [playerId]);
  const enabledAt = r.rows[0]?.totp_enabled_at ?? null;
  return (
    <Card title="Two-factor sign-in">
      {enabledAt ? (
        <div className="space-y-3 text-sm text-zinc-300">
          <p data-testid="two-factor-status">
            On since {enabledAt.toISOString().slice(0, 10)}: signing in asks for a code from your authenticator app.{" "}
            {await remainingRecoveryCodes(playerId)} recovery code(s) left.
          </p>
          {isStaffRole(role) ? <p className="text-zinc-400">Mandatory for staff accounts.</p> : <DisableForm />}
        </div>
      ) : (
        <div className="space-y-3 text-sm text-zinc-300">
          <p data-testid="two-factor-status">
            Off. Add a code from an app on your phone to your password, so a leaked password alone cannot sign in.
          </p>
          <ButtonLink href="/account/two-factor">Turn on two-factor sign-in</ButtonLink>
        </div>
      )}
    </Card>
  );
}
