"use server";

import { revalidatePath } from "next/cache";
import { currentPlayer } from "@/lib/auth/guards";
import { depositDemoFunds, type CashierState } from "./cashier";

export async function depositAction(_prev: CashierState, form: FormData): Promise<CashierState> {
  const result = await depositDemoFunds(await currentPlayer(), form);
  if (result.ok) revalidatePath("/account");
  return result;
}
