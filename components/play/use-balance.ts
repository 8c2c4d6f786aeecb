"use client";

import useSWR from "swr";

export interface BalanceAnswer {
  balance: string;
  currency: string;
  formatted: string;
}

const fetchBalance = async (url: string): Promise<BalanceAnswer> => {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`balance: HTTP ${res.status}`);
  return (await res.json()) as BalanceAnswer;
};

/**
 * The signed-in player's live balance. Polls every 2 s while the tab is visible (spins inside the
 * provider's iframe are invisible to us, so polling is how the bar follows them); null key = off.
 */
export function useBalance(enabled: boolean, intervalMs = 2000) {
  return useSWR(enabled ? "/api/me/balance" : null, fetchBalance, {
    refreshInterval: intervalMs,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    dedupingInterval: 500,
  });
}
