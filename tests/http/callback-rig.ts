import { sign } from "@/lib/webgames/signature";
import { FAULT_API_KEY, FAULT_GAME, type Rig } from "../../scripts/lib/fault-rig";

/**
 * What the client-address tests (docs/protocol.md D14) share: the internal peer header server.mjs
 * owns (a client that sends it must be ignored), a signed Authorization for one of the rig's players,
 * and the callback log as the wallet wrote it.
 */
export const FORGED_PEER = "x-webgames-peer-address";

export function authorization(rig: Rig, i: number) {
  const p = rig.players[i]!;
  return { player_id: p.id, game_id: FAULT_GAME, token: p.token, hash: sign("Authorization", [p.id, FAULT_GAME, p.token], FAULT_API_KEY) };
}

/** Every callback log row, oldest first (refusals before parsing carry no player id). */
export async function logs(rig: Rig) {
  const r = await rig.db.query<{ ip: string | null; code: number; message: string | null }>(
    `SELECT ip, code, message FROM callback_logs ORDER BY id`,
  );
  return r.rows;
}
