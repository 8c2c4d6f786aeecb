import "server-only";
import { cache } from "react";
import { currentPlayer } from "./guards";

/** currentPlayer() deduplicated within one request (layout + page read it once). */
export const currentPlayerCached = cache(currentPlayer);
