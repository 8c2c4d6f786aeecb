import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GameDetails } from "@/components/lobby/game-details";
import { GameTile } from "@/components/lobby/game-tile";
import { toCompact } from "@/lib/catalog/compact";
import { issueLaunch } from "@/lib/wallet/launch";
import messages from "@/messages/en.json";
import { makePlayer, pool, post, signedAuthorization } from "../wallet/harness";

/**
 * The catalog is outside input (the provider's titles, classes, icon paths) and nicks are player
 * input: both must come out escaped, in HTML and in the JSON we answer the provider.
 */
const HOSTILE = `"><img src=x onerror=alert(1)><script>alert(2)</script>`;

describe("outside input is rendered escaped", () => {
  it("a hostile catalog title, class and studio in a lobby tile", () => {
    const game = toCompact(
      {
        id: 7,
        title: HOSTILE,
        category: HOSTILE,
        provider: HOSTILE,
        icon: "https://provider.example/icon.jpg",
        features: [HOSTILE],
        volatility: HOSTILE,
        rtp: "96.00",
      },
      0,
    );
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale="en" messages={messages}>
        <GameTile game={{ ...game, badges: ["new", "hot"] }} favorite={false} onToggleFavorite={() => {}} onOpenDetails={() => {}} />
        <GameDetails game={game} onClose={() => {}} />
      </NextIntlClientProvider>,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
  });

  it("a hostile nick in the Authorization answer is JSON-escaped and round-trips exactly", async () => {
    const p = await makePlayer();
    await pool.query("UPDATE players SET nick = $1 WHERE id = $2", [`${HOSTILE}\u2028"\\`, p.id]);
    const launch = await issueLaunch({ playerId: p.id, gameId: 11 });
    const a = await post("Authorization", signedAuthorization({ player_id: p.id, game_id: 11, token: launch.token }));
    expect(a.json.nick).toBe(`${HOSTILE}\u2028"\\`);
  });
});
