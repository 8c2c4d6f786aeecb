import { createHash } from "node:crypto";

export const md5 = (s: string): string => createHash("md5").update(s).digest("hex");

export async function getJson(url: string): Promise<{ status: number; type: string; body: Record<string, unknown>; text: string }> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: JSON.parse(text) as Record<string, unknown>, text };
}

export async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}

/** Session id embedded in the game page. */
export function sessionOf(html: string): string {
  const m = /"session":"([0-9a-f]+)"/.exec(html);
  if (!m?.[1]) throw new Error("no session in page");
  return m[1];
}
