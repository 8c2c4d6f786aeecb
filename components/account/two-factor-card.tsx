import { getLocale, getTranslations } from "next-intl/server";
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
  const [t, locale] = await Promise.all([getTranslations("twoFactor"), getLocale()]);
  return (
    <Card title={t("title")}>
      {enabledAt ? (
        <div className="space-y-3 text-sm text-zinc-300">
          <p data-testid="two-factor-status">
            {t("onSince", {
              date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(enabledAt),
              count: await remainingRecoveryCodes(playerId),
            })}
          </p>
          {isStaffRole(role) ? <p className="text-zinc-400">{t("staffMandatory")}</p> : <DisableForm />}
        </div>
      ) : (
        <div className="space-y-3 text-sm text-zinc-300">
          <p data-testid="two-factor-status">{t("off")}</p>
          <ButtonLink href="/account/two-factor">{t("turnOn")}</ButtonLink>
        </div>
      )}
    </Card>
  );
}
