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
  appName?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const APP = "Web Games Casino";

interface Copy {
  subject: string;
  lines: string[];
  button?: string;
  after?: string[];
}

function copy(template: MailTemplate, p: MailParams): Copy {
  switch (template) {
    case "verify_email":
      return {
        subject: `Confirm your email for ${APP}`,
        lines: [`Hi ${p.nick},`, "please confirm that this is your email address. Real-money play starts once it is confirmed."],
        button: "Confirm my email",
        after: ["The link works once and expires in 24 hours.", "If you did not create an account, ignore this mail."],
      };
    case "reset_password":
      return {
        subject: `Reset your ${APP} password`,
        lines: [`Hi ${p.nick},`, "someone (hopefully you) asked to reset the password of your account."],
        button: "Choose a new password",
        after: [
          "The link works once and expires in 30 minutes. Setting a new password signs you out everywhere else.",
          "If you did not ask for this, ignore this mail: your password stays as it is.",
        ],
      };
    case "change_email":
      return {
        subject: `Confirm your new email for ${APP}`,
        lines: [`Hi ${p.nick},`, `please confirm that ${p.newEmail ?? "this address"} should become the email of your account.`],
        button: "Use this email",
        after: ["The link works once and expires in 24 hours. Until then your old address stays in use."],
      };
    case "email_changed":
      return {
        subject: `The email of your ${APP} account was changed`,
        lines: [
          `Hi ${p.nick},`,
          `the email of your account was changed to ${p.newEmail ?? "a new address"}. Mail about your account now goes there.`,
        ],
        after: ["If you did not do this, contact support at once and reply to this mail."],
      };
    case "password_changed":
      return {
        subject: `Your ${APP} password was changed`,
        lines: [`Hi ${p.nick},`, "the password of your account was just changed, and every other session was signed out."],
        after: ["If you did not do this, reset your password at once with “Forgot password?” on the sign-in page."],
      };
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function renderMail(template: MailTemplate, params: MailParams): RenderedMail {
  const c = copy(template, params);
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
        `<p style="margin:0 0 12px;font-size:12px;color:#52525b">Or open this address: <a href="${escapeHtml(params.link)}">${escapeHtml(params.link)}</a></p>`
      : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#18181b">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">
<h1 style="margin:0 0 16px;font-size:18px">${escapeHtml(APP)}</h1>
${c.lines.map(p).join("\n")}
${button}
${(c.after ?? []).map(p).join("\n")}
</div></body></html>`;
  return { subject: c.subject, text, html };
}
