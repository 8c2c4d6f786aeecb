import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale, matchLocale } from "@/lib/i18n/locales";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import ptBR from "@/messages/pt-BR.json";
import ru from "@/messages/ru.json";
import tr from "@/messages/tr.json";

/**
 * The account mails, each with a plain-text and an HTML body. Everything a player typed (the
 * nickname, addresses) is escaped in the HTML. Links are absolute (APP_URL) and appear in both
 * bodies, so a text-only mail client works too.
 */
export type MailTemplate = "verify_email" | "reset_password" | "change_email" | "email_changed" | "password_changed";

export interface MailParams {
  nick: string;
  /** The one-time link (verify_email, reset_password, change_email). */
  link?: string;
  /** change_email / email_changed: the new address. */
  newEmail?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const APP = "Web Games Casino";

const MESSAGES: Record<Locale, typeof en> = { en, ru, tr, "pt-BR": ptBR, es, de };

interface Copy {
  subject: string;
  lines: string[];
  button?: string;
  after?: string[];
}

/** The mail's words in the player's language (messages/<locale>.json, namespace "mail"). */
function copy(template: MailTemplate, p: MailParams, locale: Locale): Copy {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "mail" });
  const hi = t("greeting", { nick: p.nick });
  const newEmail = p.newEmail ?? "";
  switch (template) {
    case "verify_email":
      return { subject: t("verifySubject"), lines: [hi, t("verifyBody")], button: t("verifyButton"), after: [t("verifyAfter")] };
    case "reset_password":
      return { subject: t("resetSubject"), lines: [hi, t("resetBody")], button: t("resetButton"), after: [t("resetAfter")] };
    case "change_email":
      return {
        subject: t("changeSubject"),
        lines: [hi, t("changeBody", { newEmail })],
        button: t("changeButton"),
        after: [t("changeAfter")],
      };
    case "email_changed":
      return { subject: t("changedSubject"), lines: [hi, t("changedBody", { newEmail })], after: [t("changedAfter")] };
    case "password_changed":
      return { subject: t("passwordChangedSubject"), lines: [hi, t("passwordChangedBody")], after: [t("passwordChangedAfter")] };
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** `language` is the player's stored UI locale (players.language); anything unknown falls back to English. */
export function renderMail(template: MailTemplate, params: MailParams, language?: string | null): RenderedMail {
  const locale = matchLocale(language) ?? DEFAULT_LOCALE;
  const c = copy(template, params, locale);
  const orOpen = createTranslator({ locale, messages: MESSAGES[locale], namespace: "mail" })("orOpen");
  const text = [
    ...c.lines,
    "",
    ...(params.link && c.button ? [`${c.button}: ${params.link}`, ""] : []),
    ...(c.after ?? []),
    "",
    `— ${APP}`,
  ].join("\n");
  const p = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const button =
    params.link && c.button
      ? `<p style="margin:20px 0"><a href="${escapeHtml(params.link)}" style="display:inline-block;background:#7c3aed;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:8px;font-weight:600">${escapeHtml(c.button)}</a></p>` +
        `<p style="margin:0 0 12px;font-size:12px;color:#52525b">${escapeHtml(orOpen)} <a href="${escapeHtml(params.link)}">${escapeHtml(params.link)}</a></p>`
      : "";
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#18181b">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">
<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(APP)}</h1>
${c.lines.map(p).join("\n")}
${button}
${(c.after ?? []).map(p).join("\n")}
</div></body></html>`;
  return { subject: c.subject, text, html };
}
