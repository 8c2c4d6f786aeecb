import { expect } from "@playwright/test";
import { CONTROL_URL } from "./env";

/** Mail the app sent over SMTP to the e2e server's test SMTP server, parsed (scripts/lib/mail-sink.ts). */
export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  links: string[];
}

export async function mailsTo(address: string): Promise<Mail[]> {
  const res = await fetch(`${CONTROL_URL}/mail?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { mails: Mail[] }).mails;
}

/** Waits for the `count`-th mail to `address` with a link to `path` (e.g. "/verify-email") and returns that link. */
export async function linkInMail(address: string, path: string, count = 1): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const links = (await mailsTo(address)).flatMap((m) => m.links.filter((l) => new URL(l).pathname === path).slice(0, 1));
        link = links[count - 1];
        return Boolean(link);
      },
      { timeout: 20_000, message: `a mail to ${address} with a ${path} link` },
    )
    .toBe(true);
  return link!;
}
