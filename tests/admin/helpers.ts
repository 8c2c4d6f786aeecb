import type { SessionPlayer } from "@/lib/auth/guards";
import { pool } from "@/lib/db";
import { makePlayer } from "../wallet/harness";

/** Viewers as the guards return them: anonymous, a signed-in player, a signed-in admin. */
export async function viewers(): Promise<{ anonymous: null; player: SessionPlayer; admin: SessionPlayer }> {
  const p = await makePlayer();
  const a = await makePlayer();
  await pool.query(`UPDATE players SET role = 'admin' WHERE id = $1`, [a.id]);
  const base = { nick: "n", blocked: false, language: null };
  return {
    anonymous: null,
    player: { ...base, id: p.id, email: p.email, currency: p.currency, role: "player" },
    admin: { ...base, id: a.id, email: a.email, currency: a.currency, role: "admin" },
  };
}

export async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** RFC 4180 parser (quotes, doubled quotes, newlines in fields): enough to read our export back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A signed-in staff member of the given role, as the guard returns it. */
export async function staffViewer(role: "admin" | "finance" | "support" | "auditor"): Promise<SessionPlayer> {
  const p = await makePlayer();
  await pool.query(`UPDATE players SET role = $2::player_role WHERE id = $1`, [p.id, role]);
  return { nick: "n", blocked: false, language: null, id: p.id, email: p.email, currency: p.currency, role };
}
