"use client";

import useSWR from "swr";
import type { MeAnswer } from "@/lib/account/me";

const fetchMe = async (url: string): Promise<MeAnswer> => {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`me: HTTP ${res.status}`);
  return (await res.json()) as MeAnswer;
};

export const ME_KEY = "/api/me";

/** Who is visiting (header, favorites, recent, admin flags); undefined while loading. */
export function useMe() {
  return useSWR(ME_KEY, fetchMe, { revalidateOnFocus: true, dedupingInterval: 1000 });
}
