/** What scripts/e2e-server.ts started (read through its loopback control server). */
export interface E2EState {
  appUrl: string;
  simUrl: string;
  databaseUrl: string;
  apiKey: string;
  partnerId: string;
}

export const CONTROL_URL = process.env.E2E_CONTROL_URL ?? "http://127.0.0.1:3199";

let cached: E2EState | null = null;
export async function e2eState(): Promise<E2EState> {
  cached ??= (await (await fetch(`${CONTROL_URL}/state`)).json()) as E2EState;
  return cached;
}

export async function control(route: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${CONTROL_URL}${route}`, { method: "POST" });
  if (!res.ok) throw new Error(`control ${route}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}
