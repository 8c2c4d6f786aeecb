import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Child processes of the dev and test orchestrators. Each child leads its own process group so
 * that stopping it stops its whole tree (next dev spawns workers). PIDs are recorded in a file so
 * that a run after a kill -9 of the orchestrator can clean up what the dead one left behind.
 */
export interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

export function startChild(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string | undefined>,
  opts: { quiet?: boolean } = {},
): Child {
  const proc = spawn(cmd, args, {
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: opts.quiet ? ["ignore", "ignore", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (!opts.quiet) {
    const prefix = (line: string) => `\x1b[2m[${name}]\x1b[0m ${line}`;
    for (const stream of [proc.stdout, proc.stderr]) {
      let buf = "";
      stream?.on("data", (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split("\n");
        buf = lines.pop() ?? "";
        for (const l of lines) process.stdout.write(`${prefix(l)}\n`);
      });
    }
  }
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { name, proc, exited };
}

export async function stopChild(child: Child, timeoutMs = 5000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.pid === undefined) return;
  try {
    process.kill(-child.proc.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.proc.pid!, "SIGKILL");
    } catch {}
  }, timeoutMs);
  await child.exited;
  clearTimeout(timer);
}

export function recordPids(file: string, children: Child[]): void {
  writeFileSync(file, JSON.stringify(children.map((c) => ({ name: c.name, pid: c.proc.pid }))));
}

/** Kills process groups a previous, killed orchestrator left running. */
export function killLeftovers(file: string): void {
  if (!existsSync(file)) return;
  try {
    const entries = JSON.parse(readFileSync(file, "utf8")) as { name: string; pid?: number }[];
    for (const e of entries) {
      if (!e.pid) continue;
      try {
        process.kill(-e.pid, "SIGKILL");
        console.log(`stopped a leftover ${e.name} (pid ${e.pid}) from an earlier run`);
      } catch {}
    }
  } catch {}
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
