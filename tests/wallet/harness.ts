import { randomBytes } from "node:crypto";
import { POST as authorizationPost } from "@/app/api/callbacks/Authorization/route";
import { POST as creditPost } from "@/app/api/callbacks/Credit/route";
import { POST as debitPost } from "@/app/api/callbacks/Debit/route";
import { pool, prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createPlayer } from "@/lib/players/create-player";
import { issueLaunch } from "@/lib/wallet/launch";
import { sign } from "@/lib/webgames/signature";

/**
 * Drives the real route handlers (the same functions Next serves) with real Request objects, on the
 * test file's own PostgreSQL database. Bodies are built as JSON text so tests control the exact
 * bytes (number formatting, duplicate keys, huge ids).
 */
export const KEY = () => env.WEBGAMES_API_KEY;
const handlers = { Authorization: authorizationPost, Credit: creditPost, Debit: debitPost };
export type Method = keyof typeof handlers;

export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown>;
}

export async function postRaw(method: Method, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  const req = new Request(`http://localhost/api/callbacks/${method}`, {
    method: "POST",
    // What server.mjs writes for a provider on loopback (the TCP peer); tests override it. Over real
    // HTTP the header is the server's alone: tests/http/client-address.test.ts.
    headers: { "content-type": "application/json", "x-webgames-peer-address": "127.0.0.1", ...headers },
    body: body as BodyInit,
  });
  const res = await handlers[method](req);
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

/** A JSON value written verbatim into the body (e.g. `raw("0.1")` for the number 0.1). */
export const raw = (text: string) => ({ __raw: text });
type Field = string | number | boolean | null | { __raw: string };

export function bodyText(fields: Record<string, Field>): string {
  return `{${Object.entries(fields)
    .map(([k, v]) => `${JSON.stringify(k)}:${typeof v === "object" && v !== null ? v.__raw : JSON.stringify(v)}`)
    .join(",")}}`;
}

const text = (v: Field) => (typeof v === "object" && v !== null ? v.__raw : String(v));

export function signedAuthorization(f: { player_id: Field; game_id: Field; token: Field }, key = KEY()) {
  return { ...f, hash: sign("Authorization", [text(f.player_id), text(f.game_id), text(f.token)], key) };
}

export interface MoneyFields {
  player_id: Field;
  round_id: Field;
  game_id: Field;
  transaction_id: Field;
  token: Field;
  amount: Field;
  is_close?: Field;
  bet_amount?: Field;
}

export function signedMoney(method: "Credit" | "Debit", f: MoneyFields, key = KEY()) {
  return {
    ...f,
    hash: sign(method, [text(f.player_id), text(f.round_id), text(f.game_id), text(f.transaction_id), text(f.token)], key),
  };
}

export const post = (method: Method, fields: Record<string, Field>) => postRaw(method, bodyText(fields));

let seq = 0;
export const uniqueId = () => `${Date.now() % 1_000_000}${++seq}${randomBytes(2).readUInt16BE(0)}`;

export interface TestPlayer {
  id: number;
  email: string;
  currency: string;
}

export async function makePlayer(opts: { currency?: string; balance?: string; blocked?: boolean } = {}): Promise<TestPlayer> {
  const email = `p${uniqueId()}@test.local`;
  const currency = opts.currency ?? "EUR";
  const { id } = await createPlayer({
    email,
    password: "password123",
    nick: `Nick ${seq}`,
    currency,
    openingBalance: opts.balance ?? "100.00",
    blocked: opts.blocked,
  });
  return { id, email, currency };
}

/** A player with an authorized (live) game session: what the provider has after a real-money launch. */
export async function liveSession(opts: { currency?: string; balance?: string; gameId?: number } = {}) {
  const player = await makePlayer(opts);
  const gameId = opts.gameId ?? 11;
  const launch = await issueLaunch({ playerId: player.id, gameId });
  const auth = await post("Authorization", signedAuthorization({ player_id: player.id, game_id: gameId, token: launch.token }));
  if (auth.json.code !== 0) throw new Error(`authorization failed: ${auth.text}`);
  let n = 0;
  const money = (method: "Credit" | "Debit", amount: Field, extra: Partial<MoneyFields> = {}) =>
    post(
      method,
      signedMoney(method, {
        player_id: player.id,
        round_id: extra.round_id ?? `r${uniqueId()}`,
        game_id: gameId,
        transaction_id: extra.transaction_id ?? `${uniqueId()}${++n}`,
        token: launch.token,
        amount,
        is_close: false,
        ...extra,
      }),
    );
  return {
    player,
    gameId,
    token: launch.token,
    launch,
    auth,
    bet: (a: Field, e?: Partial<MoneyFields>) => money("Credit", a, e),
    win: (a: Field, e?: Partial<MoneyFields>) => money("Debit", a, e),
  };
}

export async function balanceOf(playerId: number): Promise<string> {
  const r = await pool.query<{ balance: string }>("SELECT balance::text FROM wallets WHERE player_id = $1", [playerId]);
  return r.rows[0]!.balance;
}

export async function ledgerSum(playerId: number): Promise<string> {
  const r = await pool.query<{ s: string }>(
    "SELECT COALESCE(sum(amount), 0)::numeric(38,8)::text AS s FROM ledger_entries WHERE player_id = $1",
    [playerId],
  );
  return r.rows[0]!.s;
}

export async function ledgerCount(playerId: number): Promise<number> {
  const r = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM ledger_entries WHERE player_id = $1", [playerId]);
  return r.rows[0]!.n;
}

export { pool, prisma };
