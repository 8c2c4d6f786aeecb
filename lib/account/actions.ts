"use server";

import { revalidatePath } from "next/cache";
import { currentPlayer } from "@/lib/auth/guards";
import { requestLocale } from "@/lib/i18n/player-locale";
import { type CashierState, depositDemoFunds } from "./cashier";

export async function depositAction(_prev: CashierState, form: FormData): Promise<CashierState> {
  const result = await depositDemoFunds(await currentPlayer(), form, undefined, await requestLocale());
  if (result.status === "ok") revalidatePath("/[locale]/account", "page");
  return result;
}
